/**
 * Runs selection-engine jobs in the select worker. The source (the original alone, or the composite
 * of everything visible) is sent as bitmaps once per change of what it shows; a job can be cancelled,
 * which terminates the worker at once (the next job starts a fresh one).
 */
import { layerOpacity, layerVisible } from '../../shared/document/schema';
import { placeBitmap } from './blob-store';
import { ensureBitmap } from './candidate-assets';
import { useEditor } from './store/store';
import type { SelectOp, SelectResponse, SourceLayer, SourceSpec } from '../workers/select-protocol';

export type SampleFrom = 'composite' | 'original';

let worker: Worker | null = null;
let workerKey: string | null = null;
let nextId = 1;
const pending = new Map<number, { resolve: (r: SelectResponse) => void; reject: (e: Error) => void }>();

function getWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL('../workers/select-worker.ts', import.meta.url), { type: 'module' });
  w.addEventListener('message', (e: MessageEvent<SelectResponse>) => {
    const p = pending.get(e.data.id);
    pending.delete(e.data.id);
    p?.resolve(e.data);
  });
  w.addEventListener('error', (e) => {
    for (const p of pending.values()) p.reject(new Error(e.message || 'the selection worker failed'));
    pending.clear();
    stopWorker();
  });
  worker = w;
  workerKey = null;
  return w;
}

function stopWorker(): void {
  worker?.terminate();
  worker = null;
  workerKey = null;
}

/** The layers the source draws, in order, and a key that changes whenever what they show changes. */
function sourceFor(sample: SampleFrom): { key: string; width: number; height: number; layers: SourceLayer[] } | null {
  const s = useEditor.getState();
  const doc = s.doc;
  if (!doc) return null;
  const layers: SourceLayer[] = [];
  const parts: string[] = [doc.id, `${doc.canvas.width}x${doc.canvas.height}`];
  const add = (assetId: string, r: { x: number; y: number; width: number; height: number }, opacity: number) => {
    const at = placeBitmap(assetId, r);
    if (!at || at.reduced) return;
    const bitmap = at.image;
    layers.push({ bitmap, x: at.x, y: at.y, width: at.width, height: at.height, opacity });
    parts.push(`${assetId}@${r.x},${r.y},${r.width},${r.height}:${bitmap.width}x${bitmap.height}:${opacity}`);
  };
  if (!s.hiddenLayers.original || sample === 'original') add(doc.original.assetId, doc.original, 1);
  if (sample === 'composite') {
    for (const l of doc.layers) if (layerVisible(l) && !s.hiddenLayers[l.id]) add(l.assetId, l, layerOpacity(l));
  }
  if (!layers.length) return null;
  return { key: parts.join('|'), width: doc.canvas.width, height: doc.canvas.height, layers };
}

export interface SelectJob<T> {
  promise: Promise<T>;
  cancel(): void;
}

/** Runs one job; rejects with `cancelled` when cancelled, with the worker's message when it fails. */
export function runSelectJob(sample: SampleFrom, job: SelectOp): SelectJob<SelectResponse & { ok: true }> {
  let cancelled = false;
  let myId = 0;
  let rejectMine: ((e: Error) => void) | null = null;
  const promise = (async () => {
    // Selections sample full-resolution pixels: patches a zoomed-out view holds reduced are decoded again.
    const layers = sample === 'composite' ? (useEditor.getState().doc?.layers ?? []) : [];
    await Promise.all(layers.map((l) => ensureBitmap(l.assetId)));
    const src = sourceFor(sample);
    if (!src) throw new Error('no photo is open');
    for (let attempt = 0; attempt < 2; attempt++) {
      if (cancelled) throw new Error('cancelled');
      const w = getWorker();
      const spec: SourceSpec = workerKey === src.key && attempt === 0 ? { key: src.key, width: src.width, height: src.height } : src;
      myId = nextId++;
      const res = await new Promise<SelectResponse>((resolve, reject) => {
        rejectMine = reject;
        pending.set(myId, { resolve, reject });
        w.postMessage({ id: myId, source: spec, job });
      });
      if (res.ok) {
        workerKey = src.key;
        return res;
      }
      if (!res.needSource) throw new Error(res.error);
      workerKey = null;
    }
    throw new Error('the selection worker lost its source');
  })();
  return {
    promise,
    cancel() {
      if (cancelled) return;
      cancelled = true;
      if (pending.has(myId)) {
        pending.delete(myId);
        stopWorker();
        rejectMine?.(new Error('cancelled'));
      }
    },
  };
}
