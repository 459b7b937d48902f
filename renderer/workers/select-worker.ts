/**
 * Web Worker for the selection engine (shared/select): magic wand, colour range, object select,
 * select subject and refine edge. Pixels are read from the bitmaps the client sends (the original,
 * or the composite of the visible layers) through OffscreenCanvas, any rectangle at any reduction,
 * so a 40 MP photo is only read whole when the wand needs it. Cancelling = the client terminates us.
 */
import type { Rect } from '../../shared/geometry/rect';
import { colorRange, magicWand, refineMaskEdge, selectObject, type PixelSource, type RgbaImage } from '../../shared/select';
import type { TimingSpan } from '../../shared/timing/spans';
import { trimCoverage } from '../../shared/mask/trim-coverage';
import type { SelectRequest, SelectResponse, SourceLayer, SourceSpec } from './select-protocol';

const wall = (): number => performance.timeOrigin + performance.now();
/** Spans of the job being run (reads are timed one by one inside `canvasSource`). */
let spans: TimingSpan[] = [];

let held: { key: string; width: number; height: number; layers: SourceLayer[] } | null = null;
/** The whole source at full resolution, kept for repeated wand clicks. */
let whole: { key: string; img: RgbaImage } | null = null;

function canvasSource(spec: { width: number; height: number; layers: SourceLayer[] }): PixelSource {
  return {
    width: spec.width,
    height: spec.height,
    read(rect: Rect, outWidth?: number, outHeight?: number): RgbaImage {
      const t = wall();
      const ow = outWidth ?? rect.width;
      const oh = outHeight ?? rect.height;
      const canvas = new OffscreenCanvas(ow, oh);
      const ctx = canvas.getContext('2d', { willReadFrequently: true }) as OffscreenCanvasRenderingContext2D;
      ctx.imageSmoothingEnabled = true;
      ctx.imageSmoothingQuality = 'high';
      const kx = ow / rect.width;
      const ky = oh / rect.height;
      for (const l of spec.layers) {
        // Only the part of the layer inside the rect is drawn (a source rect in the bitmap's own px).
        const x0 = Math.max(rect.x, l.x);
        const y0 = Math.max(rect.y, l.y);
        const x1 = Math.min(rect.x + rect.width, l.x + l.width);
        const y1 = Math.min(rect.y + rect.height, l.y + l.height);
        if (x1 <= x0 || y1 <= y0) continue;
        const bx = l.bitmap.width / l.width;
        const by = l.bitmap.height / l.height;
        ctx.globalAlpha = l.opacity;
        ctx.drawImage(
          l.bitmap,
          (x0 - l.x) * bx,
          (y0 - l.y) * by,
          (x1 - x0) * bx,
          (y1 - y0) * by,
          (x0 - rect.x) * kx,
          (y0 - rect.y) * ky,
          (x1 - x0) * kx,
          (y1 - y0) * ky,
        );
      }
      const d = ctx.getImageData(0, 0, ow, oh);
      const full = ow === rect.width && oh === rect.height;
      spans.push({
        name: full ? 'worker: read full-size pixels' : 'worker: read reduced pixels',
        start: t,
        end: wall(),
        bytes: ow * oh * 4,
      });
      return { width: ow, height: oh, data: d.data };
    },
  };
}

function wholeImage(src: PixelSource, key: string): RgbaImage {
  if (whole?.key !== key) {
    whole = null;
    whole = { key, img: src.read({ x: 0, y: 0, width: src.width, height: src.height }) };
  }
  return whole.img;
}

function takeSource(spec: SourceSpec): PixelSource | null {
  if (spec.layers) {
    for (const l of held?.layers ?? []) if (!spec.layers.some((n) => n.bitmap === l.bitmap)) l.bitmap.close();
    held = { key: spec.key, width: spec.width, height: spec.height, layers: spec.layers };
  }
  return held && held.key === spec.key ? canvasSource(held) : null;
}

let receivedAt = 0;

function post(msg: SelectResponse, transfer: Transferable[] = []): void {
  if (msg.ok) msg.timing = { receivedAt, spans, sentAt: wall() };
  (self as unknown as Worker).postMessage(msg, transfer);
}

self.onmessage = (e: MessageEvent<SelectRequest>) => {
  receivedAt = wall();
  spans = [];
  const { id, source, job } = e.data;
  try {
    const src = takeSource(source);
    spans.push({ name: 'worker: take source', start: receivedAt, end: wall() });
    if (!src) {
      post({ id, ok: false, error: 'source missing', needSource: true });
      return;
    }
    switch (job.op) {
      case 'prepare': {
        // A small read of the whole: the first draw of a big bitmap costs about a second at 24 MP
        // (its pixels are made ready to draw), whatever the rectangle; it is paid here instead.
        const k = Math.min(1, 64 / Math.max(src.width, src.height));
        src.read(
          { x: 0, y: 0, width: src.width, height: src.height },
          Math.max(1, Math.round(src.width * k)),
          Math.max(1, Math.round(src.height * k)),
        );
        post({ id, ok: true });
        return;
      }
      case 'wand': {
        const cov = magicWand(wholeImage(src, source.key), job.x, job.y, job);
        post({ id, ok: true, coverage: cov }, [cov.data.buffer]);
        return;
      }
      case 'pick': {
        const x = Math.max(0, Math.min(src.width - 3, Math.floor(job.x) - 1));
        const y = Math.max(0, Math.min(src.height - 3, Math.floor(job.y) - 1));
        const px = src.read({ x, y, width: Math.min(3, src.width), height: Math.min(3, src.height) });
        const n = px.width * px.height;
        let r = 0;
        let g = 0;
        let b = 0;
        for (let p = 0; p < n; p++) {
          r += px.data[p * 4];
          g += px.data[p * 4 + 1];
          b += px.data[p * 4 + 2];
        }
        post({ id, ok: true, color: [Math.round(r / n), Math.round(g / n), Math.round(b / n)] });
        return;
      }
      case 'rangePreview': {
        const k = Math.min(1, job.maxSide / Math.max(src.width, src.height));
        const w = Math.max(1, Math.round(src.width * k));
        const h = Math.max(1, Math.round(src.height * k));
        const img = src.read({ x: 0, y: 0, width: src.width, height: src.height }, w, h);
        const data = colorRange(img.data, job.colors, job.fuzziness);
        post({ id, ok: true, preview: { width: w, height: h, data } }, [data.buffer]);
        return;
      }
      case 'range': {
        // Strips of rows: a 40 MP photo is never held whole for this.
        const out = new Uint8Array(src.width * src.height);
        const strip = 256;
        for (let y = 0; y < src.height; y += strip) {
          const h = Math.min(strip, src.height - y);
          const img = src.read({ x: 0, y, width: src.width, height: h });
          out.set(colorRange(img.data, job.colors, job.fuzziness), y * src.width);
        }
        post({ id, ok: true, coverage: { rect: { x: 0, y: 0, width: src.width, height: src.height }, data: out } }, [out.buffer]);
        return;
      }
      case 'object': {
        let last = wall();
        const mark = (step: string) => {
          const now = wall();
          spans.push({ name: `worker: engine: ${step}`, start: last, end: now });
          last = now;
        };
        const res = selectObject(src, { rect: job.rect, strokes: job.strokes, mark });
        // Only the part that selects something is sent and written (zeros add and subtract nothing).
        const coverage = trimCoverage(res.coverage);
        mark('trim to what it selects');
        post({ id, ok: true, coverage }, [coverage.data.buffer]);
        return;
      }
      case 'refine': {
        const cov = refineMaskEdge(src, job.mask, { radius: job.radius, smoothness: job.smoothness });
        post({ id, ok: true, coverage: cov }, cov ? [cov.data.buffer] : []);
        return;
      }
    }
  } catch (err) {
    post({ id, ok: false, error: err instanceof Error ? err.message : String(err) });
  }
};
