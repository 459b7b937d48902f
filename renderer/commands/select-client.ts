/**
 * Runs selection-engine jobs in the select worker. The source (the original alone, or the composite
 * of everything visible) is sent as bitmaps once per change of what it shows; a job can be cancelled,
 * which terminates the worker at once (the next job starts a fresh one).
 */
import { layerOpacity, layerVisible } from '../../shared/document/schema';
import type { Rect } from '../../shared/geometry/rect';
import { getBitmap, placeBitmap } from './blob-store';
import { ensureBitmap } from './candidate-assets';
import { useEditor } from './store/store';
import type { SelectOp, SelectResponse, SourceLayer, SourceSpec } from '../workers/select-protocol';
import { wallClock } from './edit-trace';
import { traceSpan, type SelectTrace } from './select-trace';

export type SampleFrom = 'composite' | 'original';

let worker: Worker | null = null;
let workerKey: string | null = null;
let nextId = 1;
/** The worker was started and has not answered yet (its start-up is in the first transfer's time). */
let workerFresh = false;
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
  workerFresh = true;
  return w;
}

function stopWorker(): void {
  worker?.terminate();
  worker = null;
  workerKey = null;
}

/** The layers a source for `sample` draws: the original (unless hidden) and, for the composite, the visible layers. */
function sourceLayers(sample: SampleFrom): Array<{ assetId: string; rect: Rect; opacity: number }> {
  const s = useEditor.getState();
  const doc = s.doc;
  if (!doc) return [];
  const out: Array<{ assetId: string; rect: Rect; opacity: number }> = [];
  if (!s.hiddenLayers.original || sample === 'original') out.push({ assetId: doc.original.assetId, rect: doc.original, opacity: 1 });
  if (sample === 'composite')
    for (const l of doc.layers)
      if (layerVisible(l) && !s.hiddenLayers[l.id]) out.push({ assetId: l.assetId, rect: l, opacity: layerOpacity(l) });
  return out;
}

/**
 * A key that changes whenever what the source shows changes, computed without decoding anything:
 * patches are named by their content-addressed asset ids; the original also by the size of its
 * bitmap (a reduced preview is replaced by the full decode under the same id).
 */
function sourceKey(sample: SampleFrom): string | null {
  const doc = useEditor.getState().doc;
  const layers = sourceLayers(sample);
  if (!doc || !layers.length) return null;
  const parts: string[] = [doc.id, `${doc.canvas.width}x${doc.canvas.height}`];
  for (const { assetId, rect: r, opacity } of layers) {
    const size = assetId === doc.original.assetId ? getBitmap(assetId) : null;
    parts.push(`${assetId}@${r.x},${r.y},${r.width},${r.height}:${opacity}${size ? `:${size.width}x${size.height}` : ''}`);
  }
  return parts.join('|');
}

/** The source's bitmaps at full resolution (patches a zoomed-out view holds reduced are decoded again). */
async function sourceFor(sample: SampleFrom, key: string): Promise<{ key: string; width: number; height: number; layers: SourceLayer[] }> {
  const wanted = sourceLayers(sample);
  await Promise.all(wanted.map((l) => ensureBitmap(l.assetId)));
  const doc = useEditor.getState().doc!;
  const layers: SourceLayer[] = [];
  for (const { assetId, rect, opacity } of wanted) {
    const at = placeBitmap(assetId, rect);
    // A copy of its own is moved to the worker (transferred): cloning the app's bitmap into the
    // message copied its pixels (a 24 MP photo took seconds under load).
    if (at && !at.reduced)
      layers.push({ bitmap: await createImageBitmap(at.image), x: at.x, y: at.y, width: at.width, height: at.height, opacity });
  }
  return { key, width: doc.canvas.width, height: doc.canvas.height, layers };
}

/** The source being handed to the worker ahead of a job (warmSelectWorker); a job waits for it rather than send it twice. */
let warming: Promise<void> | null = null;
/** Asked again while a warm-up ran (e.g. the full decode replaced a preview): run once more after it. */
let warmAgain: SampleFrom | null = null;

/**
 * Starts the worker and hands it the source now, while the user is still dragging or choosing, so
 * the first selection does not wait for the worker to start, the full-resolution bitmaps to be
 * decoded and sent, and their first read. Nothing is sent when the worker already holds it.
 */
export function warmSelectWorker(sample: SampleFrom): void {
  if (warming !== null) {
    warmAgain = sample;
    return;
  }
  warming = (async () => {
    // The full-resolution bitmaps first: the key names their size (a reduced preview has another).
    await Promise.all(sourceLayers(sample).map((l) => ensureBitmap(l.assetId)));
    const key = sourceKey(sample);
    if (!key || workerKey === key) return;
    await runSelectJob(sample, { op: 'prepare' }, undefined, false).promise;
  })()
    .catch(() => {})
    .finally(() => {
      warming = null;
      const again = warmAgain;
      warmAgain = null;
      if (again) warmSelectWorker(again);
    });
}

export interface SelectJob<T> {
  promise: Promise<T>;
  cancel(): void;
}

/** Runs one job; rejects with `cancelled` when cancelled, with the worker's message when it fails. */
export function runSelectJob(
  sample: SampleFrom,
  job: SelectOp,
  trace?: SelectTrace,
  waitForWarmUp = true,
): SelectJob<SelectResponse & { ok: true }> {
  let cancelled = false;
  let myId = 0;
  let rejectMine: ((e: Error) => void) | null = null;
  const promise = (async () => {
    // The source on its way to the worker: wait for it rather than gather and send it twice.
    if (warming !== null && waitForWarmUp) {
      const t = wallClock();
      await warming;
      traceSpan(trace, 'renderer: wait for the warm-up to hand over the source', t);
    }
    const key = sourceKey(sample);
    const doc = useEditor.getState().doc;
    if (!key || !doc) throw new Error('no photo is open');
    for (let attempt = 0; attempt < 2; attempt++) {
      if (cancelled) throw new Error('cancelled');
      // The worker keeps the last source: only a new one is gathered (and its patches decoded).
      const t0 = wallClock();
      const spec: SourceSpec =
        workerKey === key && attempt === 0 ? { key, width: doc.canvas.width, height: doc.canvas.height } : await sourceFor(sample, key);
      if (spec.layers) traceSpan(trace, 'renderer: gather the source bitmaps', t0);
      if (cancelled) throw new Error('cancelled');
      const w = getWorker();
      const fresh = workerFresh;
      workerFresh = false;
      myId = nextId++;
      const sent = wallClock();
      const res = await new Promise<SelectResponse>((resolve, reject) => {
        rejectMine = reject;
        pending.set(myId, { resolve, reject });
        w.postMessage({ id: myId, source: spec, job }, spec.layers?.map((l) => l.bitmap) ?? []);
      });
      const got = wallClock();
      if (res.ok && res.timing && trace) {
        const what = `${spec.layers ? 'job + source' : 'job'}${fresh ? ' + worker start' : ''}`;
        traceSpan(trace, `transfer → worker (${what})`, sent, res.timing.receivedAt);
        trace.spans.push(...res.timing.spans);
        traceSpan(trace, 'transfer ← worker (result)', res.timing.sentAt, got, res.coverage?.data.byteLength);
      }
      if (res.ok) {
        workerKey = key;
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
