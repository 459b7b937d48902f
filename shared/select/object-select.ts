/**
 * Object select and select subject: GrabCut on a reduced copy of the region (the rectangle plus a
 * margin, or the whole photo with the subject prior), user strokes as hard labels, specks dropped,
 * then brought to full resolution and refined along the edge with the photo as guide.
 */
import type { Point, Rect } from '../geometry/rect';
import { rasterizeStroke } from '../mask/brush-stroke';
import type { Coverage } from '../mask/tiled-mask';
import { dropSmallComponents } from './components';
import { refineAlongEdge, upsampleBilinear } from './edge-refine';
import { BG, FG, grabCut, PROBABLY_BG, PROBABLY_FG } from './grabcut';
import { reducedSize, type PixelSource } from './rgba';
import { subjectPrior } from './subject-prior';

/** Full-resolution refinement window cap (px): wider windows cost more than they gain at 24 MP. */
const MAX_REFINE_RADIUS = 10;

export interface SelectStroke {
  /** Document px. */
  points: Point[];
  /** Diameter in document px. */
  size: number;
  /** true = "this is the object", false = "not the object". */
  object: boolean;
}

export interface ObjectSelectRequest {
  /** The rectangle around the object (document px); absent = select subject (whole photo). */
  rect?: Rect;
  strokes?: readonly SelectStroke[];
  /** Longest side of the reduced copy the cut runs on. */
  maxSide?: number;
  iterations?: number;
  /** Full-resolution edge refinement (on by default). */
  refine?: boolean;
  shouldStop?: () => boolean;
  /** Called as each step ends (timing spans: reduced read, graph cut, upsample, refine, clip). */
  mark?: (step: string) => void;
}

export interface ObjectSelectResult {
  coverage: Coverage;
  /** The region the engine looked at, in document px. */
  region: Rect;
  iterations: number;
}

function normalizeRect(r: Rect, W: number, H: number): Rect | null {
  const x0 = Math.max(0, Math.floor(Math.min(r.x, r.x + r.width)));
  const y0 = Math.max(0, Math.floor(Math.min(r.y, r.y + r.height)));
  const x1 = Math.min(W, Math.ceil(Math.max(r.x, r.x + r.width)));
  const y1 = Math.min(H, Math.ceil(Math.max(r.y, r.y + r.height)));
  return x1 - x0 >= 2 && y1 - y0 >= 2 ? { x: x0, y: y0, width: x1 - x0, height: y1 - y0 } : null;
}

/**
 * `rect` grown to take in each object stroke and what is around it — a brush width and a half, or half
 * the rectangle's shorter side if that is more — within the photo.
 */
export function withObjectStrokes(rect: Rect, strokes: readonly SelectStroke[], W: number, H: number): Rect {
  let x0 = rect.x;
  let y0 = rect.y;
  let x1 = rect.x + rect.width;
  let y1 = rect.y + rect.height;
  for (const s of strokes) {
    if (!s.object) continue;
    const reach = Math.max(1.5 * s.size, 0.5 * Math.min(rect.width, rect.height));
    for (const p of s.points) {
      x0 = Math.min(x0, Math.floor(p.x - reach));
      y0 = Math.min(y0, Math.floor(p.y - reach));
      x1 = Math.max(x1, Math.ceil(p.x + reach));
      y1 = Math.max(y1, Math.ceil(p.y + reach));
    }
  }
  x0 = Math.max(0, x0);
  y0 = Math.max(0, y0);
  return { x: x0, y: y0, width: Math.min(W, x1) - x0, height: Math.min(H, y1) - y0 };
}

export function selectObject(src: PixelSource, req: ObjectSelectRequest): ObjectSelectResult {
  const W = src.width;
  const H = src.height;
  const drawn = req.rect ? normalizeRect(req.rect, W, H) : null;
  if (req.rect && !drawn) throw new RangeError('the rectangle is outside the photo or too small');
  // What may be selected: the rectangle, and around each "object" stroke up to a brush width beyond it
  // (a Shift-click on a part the rectangle left out brings that part in; it was cut off at the rectangle).
  const rect = drawn ? withObjectStrokes(drawn, req.strokes ?? [], W, H) : null;
  let region: Rect = { x: 0, y: 0, width: W, height: H };
  if (rect) {
    const m = Math.max(8, Math.round(0.1 * Math.max(rect.width, rect.height)));
    const x0 = Math.max(0, rect.x - m);
    const y0 = Math.max(0, rect.y - m);
    region = { x: x0, y: y0, width: Math.min(W, rect.x + rect.width + m) - x0, height: Math.min(H, rect.y + rect.height + m) - y0 };
  }
  const small = reducedSize(region.width, region.height, req.maxSide ?? 400);
  const sw = small.width;
  const sh = small.height;
  const mark = req.mark ?? (() => {});
  const img = src.read(region, sw, sh);
  mark('read reduced region');
  const kx = sw / region.width;
  const ky = sh / region.height;

  let trimap: Uint8Array;
  let prior: Float32Array | undefined;
  if (rect) {
    trimap = new Uint8Array(sw * sh);
    const box = (r: Rect) => ({
      x0: Math.floor((r.x - region.x) * kx),
      y0: Math.floor((r.y - region.y) * ky),
      x1: Math.ceil((r.x + r.width - region.x) * kx),
      y1: Math.ceil((r.y + r.height - region.y) * ky),
    });
    // As if the rectangle had been drawn to take in what the object strokes reach.
    const { x0: rx0, y0: ry0, x1: rx1, y1: ry1 } = box(rect);
    for (let y = ry0; y < ry1; y++) trimap.fill(PROBABLY_FG, y * sw + rx0, y * sw + rx1);
    // A rectangle that covers the whole photo leaves no background sample: its outer ring is assumed.
    if (rx0 <= 0 && ry0 <= 0 && rx1 >= sw && ry1 >= sh) {
      for (let x = 0; x < sw; x++) trimap[x] = trimap[(sh - 1) * sw + x] = PROBABLY_BG;
      for (let y = 0; y < sh; y++) trimap[y * sw] = trimap[y * sw + sw - 1] = PROBABLY_BG;
    }
  } else {
    const sp = subjectPrior(img);
    trimap = sp.trimap;
    prior = sp.prior;
  }
  for (const s of req.strokes ?? []) {
    const pts = s.points.map((p) => ({ x: (p.x - region.x) * kx, y: (p.y - region.y) * ky }));
    const size = Math.max(1, s.size * kx);
    if (s.object) {
      // "This is the object": the stroke's core is, the rest of the brush only probably — the cut
      // decides it by colour and edges, so background under the brush stays out (a Shift-click near an
      // edge stamped the brush's whole circle into the selection).
      label(rasterizeStroke(pts, { size, hardness: 1 }), PROBABLY_FG);
      label(rasterizeStroke(pts, { size: Math.max(1, size / 4), hardness: 1 }), FG);
    } else label(rasterizeStroke(pts, { size, hardness: 1 }), BG); // "not the object": all of it.
  }
  function label(cov: Coverage, value: number): void {
    const { x: cx, y: cy, width: cw, height: ch } = cov.rect;
    for (let y = 0; y < ch; y++) {
      const yy = cy + y;
      if (yy < 0 || yy >= sh) continue;
      for (let x = 0; x < cw; x++) {
        const xx = cx + x;
        if (xx < 0 || xx >= sw || cov.data[y * cw + x] < 128) continue;
        trimap[yy * sw + xx] = value;
      }
    }
  }
  mark(rect ? 'trimap' : 'subject prior');
  const gc = grabCut(img, { trimap, prior, priorWeight: prior ? 1 : 0, iterations: req.iterations ?? 5, shouldStop: req.shouldStop });
  dropSmallComponents(gc.labels, sw, sh, rect ? 0.02 : 0.05);
  for (let p = 0; p < gc.labels.length; p++) gc.labels[p] = trimap[p] === FG ? 255 : gc.labels[p] ? 255 : 0;

  mark('graph cut');
  let full = upsampleBilinear(gc.labels, sw, sh, region.width, region.height);
  mark('upsample to full size');
  if (req.refine !== false && small.scale < 1) {
    const radius = Math.min(MAX_REFINE_RADIUS, Math.max(2, Math.round(1.5 / small.scale)));
    // The filter's coefficients on a copy ~r/2.5 times smaller (window radius 2–3 px there): same edge, a third of the time.
    const subsample = Math.max(1, Math.floor(radius / 2.5));
    full = refineAlongEdge(src, region, full, { radius, eps: 1e-3, sharpen: 2, subsample, shouldStop: req.shouldStop });
    mark('refine along the edge at full size');
  }
  if (rect) {
    // Nothing outside the rectangle is ever selected: clear the margin around it.
    const W0 = region.width;
    const top = rect.y - region.y;
    const bottom = top + rect.height;
    const left = rect.x - region.x;
    const right = left + rect.width;
    full.fill(0, 0, top * W0);
    full.fill(0, bottom * W0);
    for (let y = top; y < bottom; y++) {
      full.fill(0, y * W0, y * W0 + left);
      full.fill(0, y * W0 + right, (y + 1) * W0);
    }
  }
  mark('clip to the rectangle');
  return { coverage: { rect: region, data: full }, region, iterations: gc.iterations };
}
