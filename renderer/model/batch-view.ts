/**
 * What the Batch panel shows about a batch, in words: the queue line, the state, the progress, the
 * price line before starting. Pure: no store, no bridge, no DOM.
 */
import { BATCH_API_TURNAROUND_HOURS, batchCounts, batchSpent, keptNotExported, type BatchView } from '../../shared/batch/batch-types';
import type { BatchClearResult, BatchEstimate, BatchExportResult } from '../../shared/ipc/batch-contract';
import { getModel } from '../../shared/models';
import { formatUsd } from './estimate';
import { billerOf, chargeClause, withCharge } from './charge-words';

/** The app's cost format ("$0.460", as Generate and the status bar write it). */
export const usd = (v: number): string => formatUsd(v);

export const modelName = (id: string): string => (id === 'auto' ? 'Auto' : (getModel(id)?.name ?? id));

/**
 * Items that were worked through (done or failed) over all items, 0..1. Cancelled ones are not
 * counted: a cancelled batch's bar shows what was done (it read full, as if finished).
 */
export function progressOf(b: Pick<BatchView, 'items'>): number {
  const c = batchCounts(b.items);
  return c.total ? (c.done + c.failed) / c.total : 0;
}

const isFree = (model: string) => getModel(model)?.provider === 'local';

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

/** "2 of 5 done, 1 failed, 2 cancelled". */
function doneText(c: ReturnType<typeof batchCounts>): string {
  return `${c.done} of ${c.total} done${c.failed ? `, ${c.failed} failed` : ''}${c.cancelled ? `, ${c.cancelled} cancelled` : ''}`;
}

/** The batch's state in words. */
export function stateText(b: BatchView): string {
  const c = batchCounts(b.items);
  if (b.state === 'submitted') return `Batch API: ${REMOTE[b.remote?.state ?? 'unknown']} (results within ${BATCH_API_TURNAROUND_HOURS} h)`;
  if (b.state === 'queued') return b.mode === 'batch-api' ? 'Batch API: preparing the requests' : 'Queued';
  if (b.state === 'running') {
    // The image being sent now, counted from 1 ("Running 1 of 5" while the first one runs).
    const finished = c.done + c.failed + c.cancelled;
    const now = b.items.findIndex((i) => i.state === 'running');
    const soFar = [c.done && `${c.done} done`, c.failed && `${c.failed} failed`, c.cancelled && `${c.cancelled} cancelled`].filter(Boolean);
    return `Running ${now >= 0 ? now + 1 : Math.min(finished + 1, c.total)} of ${c.total}${soFar.length ? ` (${soFar.join(', ')})` : ''}`;
  }
  if (b.state === 'cancelled') return `Cancelled: ${doneText(c)}`;
  if (b.state === 'failed') return withCharge(`Failed${b.error ? `: ${b.error.message}` : ''}`, batchCharge(b));
  return doneText(c);
}

/**
 * Whether a failed batch was charged, as the spend ledger counted it: "Nothing was charged" (a job
 * Google refused, no photo sent) or "2 requests were sent and may be charged by OpenAI (≈ …)"; '' offline.
 */
export function batchCharge(b: Pick<BatchView, 'model' | 'items'>): string {
  const spent = batchSpent(b.items);
  return chargeClause(spent, b.items.filter((i) => (i.spentUsd ?? 0) > 0).length, billerOf(getModel(b.model)));
}

/** A failed photo's reason with whether its request was charged ("… Nothing was charged."). */
export function itemError(item: Pick<BatchView['items'][number], 'spentUsd' | 'error'>, model: string): string {
  return withCharge(item.error?.message ?? '', chargeClause(item.spentUsd, 1, billerOf(getModel(model))));
}

/** How much of the prompt a queue line shows (the whole prompt is its tooltip). */
const PROMPT_CHARS = 40;

/** The prompt on one line, cut at {@link PROMPT_CHARS}. */
const promptSaid = (prompt: string) => {
  const p = prompt.trim().replace(/\s+/g, ' ');
  return p.length > PROMPT_CHARS ? `${p.slice(0, PROMPT_CHARS - 1).trimEnd()}…` : p;
};

/**
 * The main window's notice when a batch ends while the dialog is closed (nothing said it): "Batch
 * finished: 2 of 2 done · “remove the object”. Open Batch… to review and export."; a failed batch
 * with its reason, as an error (it stays until closed). Null for a cancelled one (the user did it).
 */
export function finishedNotice(b: BatchView): { tone: 'success' | 'error'; message: string } | null {
  const said = promptSaid(b.prompt);
  const what = said ? ` · “${said}”` : '';
  if (b.state === 'done') return { tone: 'success', message: `Batch finished: ${stateText(b)}${what}. Open Batch… to review and export.` };
  if (b.state === 'failed')
    return { tone: 'error', message: withCharge(`Batch failed${what}: ${b.error?.message ?? 'no image could be made'}`, batchCharge(b)) };
  return null;
}

/**
 * "5 images · GPT Image 2 · now · “remove the price sticker”": with its prompt, so two batches of as
 * many photos with one model can be told apart (they read the same, the prompt only on hover).
 */
export function queueLine(b: BatchView): string {
  const n = b.items.length;
  const mode = b.mode === 'batch-api' ? 'Batch API (half price)' : 'now';
  const said = promptSaid(b.prompt);
  // An empty prompt with a cloud model removes what is masked (main's REMOVE_PROMPT): said, as the dialog said it.
  const what = said ? ` · “${said}”` : isFree(b.model) ? '' : ' · empty prompt: remove';
  return `${n} image${n === 1 ? '' : 's'} · ${modelName(b.model)} · ${mode}${what}`;
}

/**
 * What the batch cost: "Spent $0.139 of ≈ $0.460" (the sent requests, as the spend ledger counts
 * them, of the estimate); "≈ $0.460" before anything is sent; free for the offline engine.
 */
export function spentLine(b: BatchView): string {
  if (isFree(b.model)) return 'Free (offline)';
  const spent = batchSpent(b.items);
  if (!spent && b.state === 'queued') return `≈ ${usd(b.estimateUsd)}`;
  // Redos are sent at the standard price on top of the estimate: said, so "Spent $0.402 of ≈ $0.335" does not read as an overrun.
  const redone = b.items.filter((i) => (i.spentUsd ?? 0) > (i.estimateUsd ?? Number.POSITIVE_INFINITY) + 1e-6);
  const extra = redone.reduce((sum, i) => sum + (i.spentUsd ?? 0) - (i.estimateUsd ?? 0), 0);
  const redos = redone.length ? ` + ${usd(extra)} for redos (${redone.length} image${redone.length === 1 ? '' : 's'})` : '';
  return `Spent ${usd(spent)} of ≈ ${usd(b.estimateUsd)}${redos}`;
}

/**
 * The price line before starting: "3 images · ≈ $0.101 (standard price $0.201)"; with nothing that
 * can be sent, "Nothing to send: …" (it read "0 images · ≈ $0.000 · 1 cannot be sent").
 */
export function priceLine(e: BatchEstimate, mode: 'now' | 'batch-api'): string {
  const ok = e.items.filter((i) => i.usd !== null).length;
  const bad = e.items.length - ok;
  if (!ok && bad) return `Nothing to send: ${bad === 1 ? 'this image cannot' : `none of the ${bad} images can`} be sent (see why below)`;
  const price = isFree(e.model) ? `${usd(0)} — free (offline)` : `≈ ${usd(e.totalUsd)}`;
  const base = `${ok} image${ok === 1 ? '' : 's'} · ${price}`;
  const std = mode === 'batch-api' ? ` (standard price ${usd(e.standardUsd)})` : '';
  const skip = bad ? ` · ${bad} cannot be sent` : '';
  return base + std + skip;
}

/** A finished item's review mark in words: not reviewed yet, kept (for the export) or discarded. */
export function reviewText(review: BatchView['items'][number]['review']): string {
  return review === 'pending' ? 'ready to review' : review === 'kept' ? 'kept' : 'discarded';
}

/**
 * An image's state in the review grid, in the queue's words (never the stored state's name):
 * "waiting" for its turn, "running now", at Google ("queued at Google", "Google is working on
 * it"), "failed", "cancelled" (with what it was charged when its request was already out), or,
 * with a result, its review mark ("ready to review").
 */
export function itemText(
  item: Pick<BatchView['items'][number], 'state' | 'review' | 'spentUsd'>,
  b: Pick<BatchView, 'mode' | 'remote'> & { model?: string },
): string {
  switch (item.state) {
    case 'done':
      return reviewText(item.review);
    case 'queued':
      return b.mode === 'batch-api' && !b.remote ? 'preparing the request' : 'waiting';
    case 'running':
      return 'running now';
    case 'submitted':
      return REMOTE[b.remote?.state ?? 'unknown'];
    case 'failed':
      return 'failed';
    case 'cancelled':
      // Its request was already out when the cancel came: counted in the batch's spent and Spent today, so said here.
      // "may be": the service may have made the image before the cancel reached it (it said "charged").
      return item.spentUsd
        ? `cancelled after its request was sent (may be charged${b.model ? ` by ${billerOf(getModel(b.model)) ?? 'the service'}` : ''}, ≈ ${usd(item.spentUsd)})`
        : 'cancelled';
  }
}

/**
 * What Export kept did: "Wrote 2 files to /out." — files already in the folder named apart with
 * what to do about them (choose another folder, or move them away: nothing is ever replaced), then
 * any other failure with its reason.
 */
export function exportText(r: BatchExportResult): string {
  const n = r.written.length;
  const parts = [`Wrote ${n} file${n === 1 ? '' : 's'} to ${r.folder}.`];
  const inTheWay = r.failed.filter((f) => f.exists).map((f) => f.exists);
  const other = r.failed.filter((f) => !f.exists);
  if (inTheWay.length)
    parts.push(
      `Not replaced, already there: ${inTheWay.join(', ')}. To export ${inTheWay.length === 1 ? 'it' : 'them'}, choose another folder, or move ${inTheWay.length === 1 ? 'that file' : 'those files'} away and export again.`,
    );
  if (other.length) parts.push(`${other.length} failed: ${other.map((f) => `${f.name} (${f.message})`).join('; ')}.`);
  return parts.join(' ');
}

/**
 * What Clear finished left, and why: "“remove the cup” stays: it has a kept result not exported yet.
 * Export it (Export kept…), or discard it, to clear the batch." Null when it left no finished batch.
 */
export function stayedText(left: readonly BatchView[]): string | null {
  const stayed = left.filter((b) => !isActive(b) && keptNotExported(b.items));
  if (!stayed.length) return null;
  const n = stayed.reduce((sum, b) => sum + keptNotExported(b.items), 0);
  const who = stayed.length === 1 ? `“${promptSaid(stayed[0].prompt)}” stays` : `${stayed.length} finished batches stay`;
  const has = stayed.length === 1 ? 'it has' : 'they have';
  const them = n === 1 ? 'it' : 'them';
  return `${who}: ${has} ${n === 1 ? 'a kept result' : `${n} kept results`} not exported yet. Export ${them} (Export kept…), or discard ${them}, to clear ${stayed.length === 1 ? 'the batch' : 'those batches'}.`;
}

const size = (bytes: number) => (bytes >= 1 << 20 ? `${(bytes / 2 ** 20).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} kB`);

/**
 * What Clear finished took off the queue and deleted: "Cleared 2 batches; their 3 results were deleted
 * from the app’s data folder (1.2 MB). Files you exported are not touched." Null when it cleared none.
 */
export function clearedText(r: Pick<BatchClearResult, 'cleared' | 'deleted'>): string | null {
  if (!r.cleared) return null;
  const what = r.cleared === 1 ? 'Cleared 1 batch' : `Cleared ${r.cleared} batches`;
  const its = r.cleared === 1 ? 'its' : 'their';
  const d = r.deleted;
  if (!d) return `${what}; ${its} results stay in the app’s data folder for now (the autosave could not be read), until a later start.`;
  if (!d.results && !d.kept) return `${what}; ${r.cleared === 1 ? 'it' : 'they'} had no results to delete.`;
  const parts = [what];
  if (d.results)
    parts.push(
      `${its} ${d.results === 1 ? 'result was' : `${d.results} results were`} deleted from the app’s data folder (${size(d.bytes)}). Files you exported are not touched.`,
    );
  if (d.kept)
    parts.push(`${d.kept === 1 ? '1 result stays' : `${d.kept} results stay`}: still in use (the open document, or another batch).`);
  return `${parts[0]}; ${parts.slice(1).join(' ')}`;
}
