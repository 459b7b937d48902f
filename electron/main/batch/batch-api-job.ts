/**
 * A batch sent through the Gemini Batch API as one job (split from batch-service.ts): its
 * submission (prepared, counted at the batch price, cancelled at Google when interrupted on its
 * way), the job's state and answers turned into results, and a finished job whose result assets are
 * gone put back to fetch again. The queue (batch-service.ts) decides when; these change only the
 * batch's own record.
 */
import { AppError, type AppErrorInfo } from '../../../shared/errors';
import type { BatchRecord } from '../../../shared/batch/batch-types';
import type { JobServices } from '../create-services';
import { geminiConnection } from '../edit/resolve-model';
import { NOT_CHARGED_KINDS } from '../services/spend-ledger';
import { redactDeep } from '../services/redact';
import { batchRequestOf, openItem, patchFromAnswer, prepareItem } from './batch-item';
import type { BatchStore } from './batch-store';
import type { BatchRequestInput, GeminiBatchClient } from './gemini-batch-client';
import { addUsd, cancelItems, cancelledAt, sentUnderCap } from './batch-record-ops';

/** A failure as an item's or batch's record keeps it (redacted). */
export const errorInfo = (e: unknown): AppErrorInfo =>
  redactDeep(e instanceof AppError ? { ...e.info } : { kind: 'internal' as const, message: e instanceof Error ? e.message : String(e) });

/** The Batch API client for `model`'s connection. The Gemini SDK is loaded only when a Batch API job needs it (a local fill never does). */
export async function batchApiClient(svc: JobServices, model: string): Promise<GeminiBatchClient> {
  const { createGeminiBatchClient } = await import('./gemini-batch-client');
  return createGeminiBatchClient(await geminiConnection(svc, model));
}

/**
 * Prepares every queued item and submits them as one Gemini batch job (counted in the ledger at the
 * batch price). True when the job is submitted (to poll); false when nothing was (interrupted,
 * nothing prepared, cancelled meanwhile). Throws, the batch failed, when the submission fails.
 */
export async function submitBatchApi(svc: JobServices, store: BatchStore, b: BatchRecord, signal?: AbortSignal): Promise<boolean> {
  const requests: BatchRequestInput[] = [];
  const stopped = async () => {
    cancelItems(b, ['queued'], 'Interrupted before it was sent.');
    await store.save();
    return false;
  };
  for (const item of b.items.filter((i) => i.state === 'queued')) {
    if (signal?.aborted) return stopped();
    try {
      const opened = await openItem(svc, item, b);
      requests.push(await batchRequestOf(item.id, await prepareItem(svc, opened.req), b.prompt));
    } catch (e) {
      item.state = 'failed';
      item.error = errorInfo(e);
    }
  }
  if (!requests.length) {
    b.state = 'failed';
    b.error = { kind: 'invalid-request', message: 'No image of this batch could be prepared; nothing was sent.' };
    await store.save();
    return false;
  }
  if (signal?.aborted) return stopped();
  const queued = b.items.filter((i) => i.state === 'queued');
  const usd = queued.reduce((s, i) => s + (i.estimateUsd ?? 0), 0);
  const sent = await sentUnderCap(svc.ledger, b, usd, requests.length, () => store.save());
  // Counted at the batch price as the job is sent (as the ledger does); taken back if Google refuses it.
  const spendOf = (sign: number) => {
    for (const i of queued) i.spentUsd = addUsd(i.spentUsd, sign * (i.estimateUsd ?? 0));
  };
  spendOf(1);
  try {
    const client = await batchApiClient(svc, b.model);
    const remote = await client.submit(b.model, `maskwork ${b.id}`, requests);
    b.remote = { name: remote.name, state: remote.state, checkedAt: Date.now() };
    // Interrupted while the job was on its way: cancel it at Google; if that fails it stays submitted
    // (to fetch or cancel later).
    if (signal?.aborted && b.state !== 'cancelled' && (await cancelledAt(client, remote.name))) {
      b.remote.state = 'cancelled';
      cancelItems(b, ['queued'], 'Interrupted; the job was cancelled at Google.');
      await store.save();
      return false;
    }
    if (b.state === 'cancelled') {
      // Cancelled while the requests were on their way: cancel the job Google just accepted.
      await cancelledAt(client, remote.name);
      b.remote.state = 'cancelled';
      await store.save();
      return false;
    }
    b.state = 'submitted';
    for (const i of b.items) if (i.state === 'queued') i.state = 'submitted';
  } catch (e) {
    if (e instanceof AppError && (NOT_CHARGED_KINDS.has(e.kind) || e.info.notCharged)) {
      svc.ledger.rejected(sent);
      spendOf(-1);
    }
    b.state = 'failed';
    b.error = errorInfo(e);
    for (const i of b.items) if (i.state === 'queued') Object.assign(i, { state: 'failed', error: b.error });
    await store.save();
    throw e;
  }
  await store.save();
  return true;
}

/**
 * Asks the Batch API for the job's state; when it succeeded (and `collect`), turns every answer into
 * a result. Without `collect` only the state is recorded (the CLI's `status`).
 */
export async function refreshBatchApi(svc: JobServices, store: BatchStore, b: BatchRecord, collect = true): Promise<BatchRecord> {
  if (b.mode !== 'batch-api' || !b.remote || b.state !== 'submitted') return b;
  const client = await batchApiClient(svc, b.model);
  const remote = await client.get(b.remote.name);
  b.remote = { name: b.remote.name, state: remote.state, checkedAt: Date.now() };
  if (remote.state === 'succeeded' && collect) {
    const byKey = new Map((remote.results ?? []).map((r) => [r.key, r]));
    for (const item of b.items.filter((i) => i.state === 'submitted')) {
      const r = byKey.get(item.id);
      try {
        if (!r) throw new AppError({ kind: 'server', message: 'The batch job returned no answer for this image.', model: b.model });
        if (r.error) throw new AppError(r.error);
        const opened = await openItem(svc, item, b);
        const prep = await prepareItem(svc, opened.req);
        item.result = await patchFromAnswer(svc, opened.req, prep, r.image!, item.estimateUsd ?? 0);
        item.state = 'done';
      } catch (e) {
        item.state = 'failed';
        item.error = errorInfo(e);
      }
    }
    b.state = 'done';
  } else if (remote.state === 'failed' || remote.state === 'cancelled' || remote.state === 'expired') {
    const message =
      remote.state === 'expired'
        ? 'The Batch API job expired before it finished (Google drops jobs not done within 48 h).'
        : remote.state === 'cancelled'
          ? 'The batch job was cancelled.'
          : 'The Batch API job failed as a whole; nothing was returned.';
    b.state = remote.state === 'cancelled' ? 'cancelled' : 'failed';
    b.error = { kind: remote.state === 'cancelled' ? 'cancelled' : 'server', message, model: b.model };
    for (const i of b.items)
      if (i.state === 'submitted') Object.assign(i, { state: remote.state === 'cancelled' ? 'cancelled' : 'failed', error: b.error });
  }
  await store.save();
  return b;
}

/** Puts a finished Batch API batch back to submitted when its result assets are gone (a new CLI session). */
export async function reopenIfMissing(svc: JobServices, b: BatchRecord): Promise<void> {
  if (b.mode !== 'batch-api' || b.state !== 'done' || !b.remote) return;
  let missing = false;
  for (const i of b.items) if (i.result && !(await svc.store.assetExists(i.result.assetId))) missing = true;
  if (!missing) return;
  b.state = 'submitted';
  for (const i of b.items)
    if (i.result || i.state === 'done') {
      delete i.result;
      i.state = 'submitted';
    }
}
