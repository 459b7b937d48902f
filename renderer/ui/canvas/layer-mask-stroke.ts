/**
 * A brush or eraser stroke on a layer mask while the pointer is down: each move rasterises only the
 * new segment, keeps the stroke's coverage as the maximum seen per pixel (what rasterising the whole
 * polyline at once gives: coverage falls off with the distance to the nearest segment) and shows
 * the resulting mask values on the layer's canvas for that segment's rectangle only — constant cost
 * per move, whatever the layer count or photo size. Pointer up commits the exact full stroke as one
 * history step (renderer/commands/layer-commands.ts); Escape redraws the touched area as it was.
 */
import type { DocPoint } from '../../../shared/geometry/point';
import { coverageLut, createFullMask, rasterizeStroke, readMaskRegion, type Rect, type TiledMask } from '../../../shared/mask';
import { intersectRects } from '../../../shared/geometry/rect';
import type { PatchLayer } from '../../../shared/document/schema';
import { restoreRect, showLiveMask } from './layer-display';

export interface LayerMaskStroke {
  readonly layerId: string;
  /** Adds the segment from the previous point to `p` (document px). Returns true when the canvas changed. */
  to(p: DocPoint): boolean;
  /** The stroke's points so far (document px). */
  points(): DocPoint[];
  /** Puts the touched area back as the committed mask shows it. */
  cancel(): void;
}

export function beginLayerMaskStroke(
  layer: PatchLayer,
  base: TiledMask | null,
  brush: { size: number; hardness: number; opacity: number },
  erase: boolean,
  start: DocPoint,
): LayerMaskStroke {
  const mask = base ?? createFullMask(layer.width, layer.height);
  const lut = coverageLut(erase ? 'subtract' : 'add', brush.opacity);
  const bounds: Rect = { x: 0, y: 0, width: layer.width, height: layer.height };
  let acc: Uint8Array | null = null;
  const pts: DocPoint[] = [start];
  let touched: Rect | null = null;

  function apply(segment: DocPoint[]): boolean {
    const cov = rasterizeStroke(
      segment.map((p) => ({ x: p.x - layer.x, y: p.y - layer.y })),
      { size: brush.size, hardness: brush.hardness },
    );
    const r = intersectRects(cov.rect, bounds);
    if (!r) return false;
    acc ??= new Uint8Array(layer.width * layer.height);
    const baseValues = readMaskRegion(mask, r);
    const values = new Uint8Array(r.width * r.height);
    for (let y = 0; y < r.height; y++) {
      const ci = (r.y + y - cov.rect.y) * cov.rect.width + (r.x - cov.rect.x);
      const ai = (r.y + y) * layer.width + r.x;
      for (let x = 0; x < r.width; x++) {
        const c = cov.data[ci + x];
        let a = acc[ai + x];
        if (c > a) acc[ai + x] = a = c;
        values[y * r.width + x] = lut[(baseValues[y * r.width + x] << 8) | a];
      }
    }
    touched = touched ? unite(touched, r) : r;
    return showLiveMask(layer.id, r, values);
  }

  apply([start]);
  return {
    layerId: layer.id,
    to(p) {
      const last = pts[pts.length - 1];
      if (last.x === p.x && last.y === p.y) return false;
      pts.push(p);
      return apply([last, p]);
    },
    points: () => pts.slice(),
    cancel() {
      if (touched) restoreRect(layer.id, touched);
    },
  };
}

function unite(a: Rect, b: Rect): Rect {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y };
}
