/** Small operations on a batch's record, shared by the batch service's steps. */
import { AppError } from '../../../shared/errors';
import type { BatchItemRecord, BatchRecord, BatchResult, BatchView } from '../../../shared/batch/batch-types';
import type { GeminiBatchClient } from './gemini-batch-client';
import type { SpendCounter } from '../services/spend-ledger';

/** The batch cancelled, and each of its items in one of `states` with it (`message` says why). */
export function cancelItems(b: BatchRecord, states: readonly BatchItemRecord['state'][], message: string): void {
  b.state = 'cancelled';
  for (const i of b.items) if (states.includes(i.state)) Object.assign(i, { state: 'cancelled', error: { kind: 'cancelled', message } });
}

/** Whether Google cancelled the job `name` (a failure to cancel leaves it running: fetch or cancel it later). */
export const cancelledAt = (client: GeminiBatchClient, name: string): Promise<boolean> =>
  client.cancel(name).then(
    () => true,
    () => false,
  );

export function itemOf(b: BatchRecord, itemId: string): BatchItemRecord {
  const item = b.items.find((i) => i.id === itemId);
  if (!item) throw new AppError({ kind: 'not-found', message: `No item ${itemId} in batch ${b.id}.` });
  return item;
}

export const round = (usd: number) => Math.round(usd * 10000) / 10000;
export const addUsd = (a: number | undefined, b: number) => Math.max(0, Math.round(((a ?? 0) + b) * 1e6) / 1e6);

export function view(b: BatchRecord): BatchView {
  return { ...b, items: b.items.map(({ image: _i, mask: _m, output: _o, earlier: _e, ...rest }) => rest) };
}

/** The item's new result; the one a Redo replaces is remembered, to be deleted with the batch's results. */
export function setResult(item: BatchItemRecord, result: BatchResult): void {
  const old = item.result?.assetId;
  if (old && old !== result.assetId && !item.earlier?.includes(old)) item.earlier = [...(item.earlier ?? []), old];
  item.result = result;
}

/** Every result asset of a batch: the current ones and those Redo replaced. */
export const resultAssets = (b: BatchRecord): string[] =>
  b.items.flatMap((i) => [...(i.result ? [i.result.assetId] : []), ...(i.earlier ?? [])]);

/**
 * Counts a Batch API job in the ledger as it is sent. The spend cap may refuse it there (another
 * job spent while the items were prepared): the batch and its queued items then fail with the cap's
 * message, saved, and the refusal is thrown — nothing was sent or counted.
 */
export async function sentUnderCap(ledger: SpendCounter, b: BatchRecord, usd: number, requests: number, save: () => Promise<void>) {
  try {
    return ledger.sent(usd, requests);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    b.state = 'failed';
    b.error = { ...e.info };
    for (const i of b.items) if (i.state === 'queued') Object.assign(i, { state: 'failed', error: b.error });
    await save();
    throw e;
  }
}
