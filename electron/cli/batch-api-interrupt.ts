/**
 * What Ctrl+C / SIGTERM during `batch edit … --batch-api` left, in the Batch API's terms: nothing
 * submitted; the job cancelled at Google as soon as it was accepted; or the job submitted before the
 * interrupt and still running, with the commands that fetch or cancel it later. And `batch cancel`
 * interrupted: whether the job was cancelled; `batch status` interrupted: the job is unchanged.
 */
import type { BatchRecord } from '../../shared/batch/batch-types';
import type { InterruptSubject } from './interrupt';

export function batchApiInterrupted(b: BatchRecord | undefined): InterruptSubject {
  const name = b?.remote?.name;
  if (!b || !name) return { text: 'nothing was submitted to the Batch API', ...(b ? { json: { id: b.id, state: b.state } } : {}) };
  const json = { batchId: name, id: b.id, state: b.state, remoteState: b.remote?.state ?? null };
  if (b.state === 'cancelled') return { text: `the Batch API job ${name} was cancelled as soon as Google accepted it`, json };
  return {
    text: `the Batch API job ${name} was submitted and keeps running (results within 24 h): \`maskwork batch fetch ${name}\` writes them, \`maskwork batch cancel ${name}\` cancels it`,
    json,
  };
}

/** `batch status` interrupted: a status check changes nothing, so the job runs on; how to ask again. */
export function statusInterrupted(b: BatchRecord): InterruptSubject {
  const name = b.remote?.name ?? b.id;
  const json = { batchId: b.remote?.name ?? null, id: b.id, state: b.state, remoteState: b.remote?.state ?? null };
  return {
    text: `the Batch API job ${name} is unchanged (a status check only asks): \`maskwork batch status ${name}\` asks again`,
    json,
  };
}

/** `batch cancel` interrupted: whether the job was cancelled, else how to check and cancel it again. */
export function cancelInterrupted(b: BatchRecord): InterruptSubject {
  const name = b.remote?.name ?? b.id;
  const json = { batchId: b.remote?.name ?? null, id: b.id, state: b.state, remoteState: b.remote?.state ?? null };
  if (b.state === 'cancelled') return { text: `the Batch API job ${name} was cancelled`, json };
  return {
    text: `the Batch API job ${name} may still be running: \`maskwork batch status ${name}\` tells, \`maskwork batch cancel ${name}\` cancels it`,
    json,
  };
}
