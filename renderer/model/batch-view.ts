/**
 * What the Batch panel shows about a batch, in words: the queue line, the state, the progress, the
 * price line before starting. Pure: no store, no bridge, no DOM.
 */
import { BATCH_API_TURNAROUND_HOURS, batchCounts, type BatchView } from '../../shared/batch/batch-types';
import type { BatchEstimate } from '../../shared/ipc/batch-contract';
import { getModel } from '../../shared/models';

export const usd = (v: number): string => `$${v < 1 ? v.toFixed(4).replace(/0+$/, '').replace(/\.$/, '.0') : v.toFixed(2)}`;

export const modelName = (id: string): string => (id === 'auto' ? 'Auto' : (getModel(id)?.name ?? id));

/** Done and failed over all items, 0..1. */
export function progressOf(b: Pick<BatchView, 'items'>): number {
  const c = batchCounts(b.items);
  return c.total ? (c.done + c.failed) / c.total : 0;
}

export const isActive = (b: Pick<BatchView, 'state'>): boolean => b.state === 'queued' || b.state === 'running' || b.state === 'submitted';

const REMOTE: Record<string, string> = {
  pending: 'queued at Google',
  running: 'Google is working on it',
  succeeded: 'done at Google, collecting',
  failed: 'failed at Google',
  cancelled: 'cancelled',
  expired: 'expired at Google',
  unknown: 'waiting for Google',
};

/** The batch's state in words. */
export function stateText(b: BatchView): string {
  const c = batchCounts(b.items);
  if (b.state === 'submitted') return `Batch API: ${REMOTE[b.remote?.state ?? 'unknown']} (results within ${BATCH_API_TURNAROUND_HOURS} h)`;
  if (b.state === 'queued') return b.mode === 'batch-api' ? 'Batch API: preparing the requests' : 'Queued';
  if (b.state === 'running') return `Running: ${c.done + c.failed} of ${c.total}`;
  if (b.state === 'cancelled') return 'Cancelled';
  if (b.state === 'failed') return `Failed${b.error ? `: ${b.error.message}` : ''}`;
  return `${c.done} of ${c.total} done${c.failed ? `, ${c.failed} failed` : ''}`;
}

/** "5 images · Nano Banana 2 · Batch API (half price) · ≈ $0.1675". */
export function queueLine(b: BatchView): string {
  const n = b.items.length;
  const mode = b.mode === 'batch-api' ? 'Batch API (half price)' : 'now';
  return `${n} image${n === 1 ? '' : 's'} · ${modelName(b.model)} · ${mode} · ≈ ${usd(b.estimateUsd)}`;
}

/** The price line before starting: "3 images · ≈ $0.1005 (standard price $0.201)". */
export function priceLine(e: BatchEstimate, mode: 'now' | 'batch-api'): string {
  const ok = e.items.filter((i) => i.usd !== null).length;
  const bad = e.items.length - ok;
  const base = `${ok} image${ok === 1 ? '' : 's'} · ≈ ${usd(e.totalUsd)}`;
  const std = mode === 'batch-api' ? ` (standard price ${usd(e.standardUsd)})` : '';
  const skip = bad ? ` · ${bad} cannot be sent` : '';
  return base + std + skip;
}
