/**
 * The Batch panel's calls to main (the persisted queue lives there). Every function throws a
 * BridgeError with the typed error; the panel shows it inline.
 */
import type { BatchReview, BatchView } from '../../shared/batch/batch-types';
import type { BatchClearResult, BatchEstimate, BatchExportFormat, BatchExportResult, BatchFile } from '../../shared/ipc/batch-contract';
import { events } from '../../shared/ipc/contract';
import { parse } from '../../shared/ipc/schema';
import { api, unwrap } from './bridge';

export interface BatchDraft {
  fileIds: string[];
  maskId?: string;
  prompt: string;
  model: string;
  /** Main sends it only to models that have a quality setting (else Generate's default, medium). */
  quality?: 'low' | 'medium' | 'high' | 'auto';
  mode: 'now' | 'batch-api';
}

const files = (r: { files: BatchFile[] } | { canceled: true }): BatchFile[] => ('canceled' in r ? [] : r.files);

export const addImages = async (): Promise<BatchFile[]> => files(await unwrap(api().batch.addImages({})));
/** An image dropped on the Batch dialog (the transport finds its path from `file`; without one main keeps a copy). */
export const addDropped = async (file: File): Promise<BatchFile[]> =>
  (await unwrap(api().batch.addDropped({ bytes: new Uint8Array(await file.arrayBuffer()), name: file.name || 'dropped.png', file }))).files;
export const addFolder = async (): Promise<BatchFile[]> => files(await unwrap(api().batch.addFolder({})));

export async function chooseMask(): Promise<{ maskId: string; name: string } | null> {
  const r = await unwrap(api().batch.chooseMask({}));
  return 'canceled' in r ? null : r;
}

/** Of a file's several labelled masks, the one to use ("3 masks, which one?"): the file as main has it now. */
export const pickMask = (fileId: string, mask: string): Promise<BatchFile> => unwrap(api().batch.pickMask({ fileId, mask }));
export const estimate = (d: BatchDraft): Promise<BatchEstimate> => unwrap(api().batch.estimate(d));
export const start = (d: BatchDraft): Promise<BatchView> => unwrap(api().batch.start({ ...d, featherPx: 4, colorMatch: true }));
export const listBatches = (): Promise<BatchView[]> => unwrap(api().batch.list({}));
export const clearFinished = (): Promise<BatchClearResult> => unwrap(api().batch.clearFinished({}));
export const cancelBatch = (batchId: string): Promise<BatchView> => unwrap(api().batch.cancel({ batchId }));
export const review = (batchId: string, itemId: string, r: BatchReview): Promise<BatchView> =>
  unwrap(api().batch.review({ batchId, itemId, review: r }));
export const redo = (batchId: string, itemId: string): Promise<BatchView> => unwrap(api().batch.redo({ batchId, itemId }));
export const preview = (batchId: string, itemId: string) => unwrap(api().batch.preview({ batchId, itemId }));

export async function exportKept(batchId: string, format: BatchExportFormat): Promise<BatchExportResult | null> {
  const r = await unwrap(api().batch.export({ batchId, format }));
  return 'canceled' in r ? null : r;
}

/**
 * Hears every change of a batch main pushes (`batch:changed`, after `batch:watch`); a payload that is
 * not a batch id and state is ignored. Returns the unsubscribe.
 */
export function watchBatches(onChange: (c: { batchId: string; state: BatchView['state'] }) => void): () => void {
  const off = api().events.onBatchChanged((payload: unknown) => {
    let c: { batchId: string; state: BatchView['state'] };
    try {
      c = parse(events['batch:changed'], payload);
    } catch {
      return;
    }
    onChange(c);
  });
  unwrap(api().batch.watch({})).catch(() => {}); // not told: the slow poll still finds it
  return off;
}
