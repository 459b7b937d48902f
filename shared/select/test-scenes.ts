/**
 * Synthetic scenes with exact ground truth for the selection tests: a textured object (ellipse or
 * star) over a textured or plain background, deterministic noise. Also IoU.
 */
import type { RgbaImage } from './rgba';

export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

export interface Scene {
  img: RgbaImage;
  /** 1 = object. */
  truth: Uint8Array;
}

export interface SceneOptions {
  width: number;
  height: number;
  shape: 'ellipse' | 'star';
  /** Object colour and background colour (RGB). */
  fg: readonly [number, number, number];
  bg: readonly [number, number, number];
  /** Noise amplitude (0..255). */
  noise?: number;
  /** Background stripes of this contrast (a busy background); 0 = plain. */
  stripes?: number;
  seed?: number;
  /** Object box as fractions of the image: [x0, y0, x1, y1]. */
  box?: readonly [number, number, number, number];
}

function inStar(u: number, v: number): boolean {
  const a = Math.atan2(v, u);
  const r = Math.hypot(u, v);
  return r <= 0.6 + 0.4 * Math.cos(5 * a) ** 2;
}

export function makeScene(o: SceneOptions): Scene {
  const { width: w, height: h } = o;
  const rand = rng(o.seed ?? 7);
  const box = o.box ?? [0.3, 0.25, 0.7, 0.75];
  const cx = ((box[0] + box[2]) / 2) * w;
  const cy = ((box[1] + box[3]) / 2) * h;
  const rx = ((box[2] - box[0]) / 2) * w;
  const ry = ((box[3] - box[1]) / 2) * h;
  const data = new Uint8Array(w * h * 4);
  const truth = new Uint8Array(w * h);
  const noise = o.noise ?? 8;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const u = (x + 0.5 - cx) / rx;
      const v = (y + 0.5 - cy) / ry;
      const inside = o.shape === 'ellipse' ? u * u + v * v <= 1 : inStar(u, v);
      const p = y * w + x;
      truth[p] = inside ? 1 : 0;
      const c = inside ? o.fg : o.bg;
      const stripe = !inside && o.stripes ? (Math.floor((x + y) / 9) % 2 ? o.stripes : -o.stripes) : 0;
      const shade = inside ? 20 * v : 0;
      for (let k = 0; k < 3; k++) data[p * 4 + k] = Math.max(0, Math.min(255, c[k] + stripe + shade + (rand() - 0.5) * 2 * noise));
      data[p * 4 + 3] = 255;
    }
  }
  return { img: { width: w, height: h, data }, truth };
}

/** Intersection over union of a 0..255 selection (≥ 128 = selected) and a 0/1 truth. */
export function iou(sel: Uint8Array, truth: Uint8Array): number {
  let inter = 0;
  let union = 0;
  for (let p = 0; p < truth.length; p++) {
    const a = sel[p] >= 128;
    const b = truth[p] === 1;
    if (a && b) inter++;
    if (a || b) union++;
  }
  return union ? inter / union : 1;
}
