/**
 * Deterministic bench masks for photos that do not ship mask files (the extra dev photos and the
 * held-back set): the same three kinds as the shared dev set, seeded from the file name only.
 * - thin: 3–5 random-walk strokes 3 px wide (scratches, wires), ~1–3 % of the area;
 * - blob: a random walk of overlapping discs (an irregular brush blob), ~8–14 %;
 * - box: one axis-aligned rectangle of ~20–25 % of the area, away from the borders.
 */
import { mulberry32 } from '../../shared/engine/random';

export type GeneratedMaskKind = 'thin' | 'blob' | 'box';

/** FNV-1a hash of a string: the seed of a photo's masks. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function disc(mask: Uint8Array, w: number, h: number, cx: number, cy: number, r: number): void {
  const r2 = r * r;
  for (let y = Math.max(0, Math.floor(cy - r)); y <= Math.min(h - 1, Math.ceil(cy + r)); y++) {
    for (let x = Math.max(0, Math.floor(cx - r)); x <= Math.min(w - 1, Math.ceil(cx + r)); x++) {
      if ((x - cx) ** 2 + (y - cy) ** 2 <= r2) mask[y * w + x] = 255;
    }
  }
}

/** A mask (255 = hole) of `kind` for a `w × h` photo called `name`; same inputs ⇒ same bytes. */
export function generatedMask(name: string, kind: GeneratedMaskKind, w: number, h: number): Uint8Array {
  const rng = mulberry32(hash(`${name}:${kind}`));
  const mask = new Uint8Array(w * h);
  const short = Math.min(w, h);
  if (kind === 'box') {
    const area = (0.2 + 0.05 * rng.next()) * w * h;
    const aspect = 0.7 + 0.8 * rng.next();
    const bw = Math.min(w - 8, Math.round(Math.sqrt(area * aspect)));
    const bh = Math.min(h - 8, Math.round(area / bw));
    const x0 = Math.round(0.1 * w + rng.next() * Math.max(0, 0.8 * w - bw));
    const y0 = Math.round(0.1 * h + rng.next() * Math.max(0, 0.8 * h - bh));
    for (let y = y0; y < Math.min(h, y0 + bh); y++) mask.fill(255, y * w + x0, y * w + Math.min(w, x0 + bw));
    return mask;
  }
  if (kind === 'blob') {
    const target = (0.08 + 0.06 * rng.next()) * w * h;
    const r = 0.06 * short;
    let x = w * (0.3 + 0.4 * rng.next());
    let y = h * (0.3 + 0.4 * rng.next());
    let area = 0;
    for (let step = 0; step < 400 && area < target; step++) {
      disc(mask, w, h, x, y, r * (0.7 + 0.6 * rng.next()));
      const a = rng.next() * 2 * Math.PI;
      x = Math.min(0.85 * w, Math.max(0.15 * w, x + Math.cos(a) * r * 0.8));
      y = Math.min(0.85 * h, Math.max(0.15 * h, y + Math.sin(a) * r * 0.8));
      area = 0;
      for (let i = 0; i < mask.length; i += 7) area += mask[i] ? 7 : 0;
    }
    return mask;
  }
  const strokes = 3 + Math.floor(rng.next() * 3);
  for (let s = 0; s < strokes; s++) {
    let x = w * (0.1 + 0.8 * rng.next());
    let y = h * (0.1 + 0.8 * rng.next());
    let a = rng.next() * 2 * Math.PI;
    const len = (0.3 + 0.4 * rng.next()) * short;
    for (let t = 0; t < len; t++) {
      disc(mask, w, h, x, y, 1.5);
      a += (rng.next() - 0.5) * 0.3;
      x = Math.min(w - 3, Math.max(2, x + Math.cos(a)));
      y = Math.min(h - 3, Math.max(2, y + Math.sin(a)));
    }
  }
  return mask;
}
