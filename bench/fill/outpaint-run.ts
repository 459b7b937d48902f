/**
 * Runs and scores the outpainting cases of the fill bench (see outpaint.ts for the cases).
 */
import { seamScore, textureScore, type RgbaImage } from '../../shared/engine';
import { listAllPhotos, loadRgba, type PhotoSet } from './load';
import { blockColourError, centreHalfMask, poster8to1 } from './outpaint';
import type { TargetCheck } from './report';

type Method = { name: string; run: (img: RgbaImage, mask: Uint8Array, onProgress?: (f: number) => void) => Promise<RgbaImage> };

/** One method on one photo's centre-half extension. */
export interface OutpaintResult {
  image: string;
  set: string;
  method: string;
  seconds: number;
  /** Gradient energy in the new area vs the truth's. */
  texture: number;
  /** Mean colour error of 16×16 blocks in the new area (0..255). */
  blockError: number;
  /** Seam score at the band, and the truth's own score there. */
  seam: number;
  truthSeam: number;
}

export async function runOutpaintCases(
  methods: Method[],
  o: { sets: PhotoSet[]; only: string[] | null; quick: boolean; verbose: boolean },
): Promise<OutpaintResult[]> {
  const out: OutpaintResult[] = [];
  for (const photo of listAllPhotos(o.sets)) {
    if (o.only && !o.only.some((w) => photo.name.includes(w))) continue;
    const image = await loadRgba(photo.path);
    if (o.quick && image.width * image.height >= 1e6) continue;
    const mask = centreHalfMask(image.width, image.height);
    for (const m of methods) {
      const t0 = performance.now();
      const res = await m.run(image, mask);
      const r: OutpaintResult = {
        image: photo.name,
        set: photo.set,
        method: m.name,
        seconds: (performance.now() - t0) / 1000,
        texture: textureScore(res, image, mask),
        blockError: blockColourError(res, image, mask),
        seam: seamScore(res, image, mask),
        truthSeam: seamScore(image, image, mask),
      };
      out.push(r);
      if (o.verbose)
        console.log(
          `outpaint ${photo.name} ${m.name}  tex ${r.texture.toFixed(2)}  block ${r.blockError.toFixed(1)}  seam ${r.seam.toFixed(2)}/${r.truthSeam.toFixed(2)}  ${r.seconds.toFixed(2)} s`,
        );
    }
  }
  return out;
}

/** Mean grey gradient magnitude over pixels where `sel` is set (right and lower neighbours too). */
function meanGradient(img: RgbaImage, sel: (i: number) => boolean): number {
  const { width: w, height: h, data } = img;
  const l = (i: number) => 0.299 * data[i * 4] + 0.587 * data[i * 4 + 1] + 0.114 * data[i * 4 + 2];
  let s = 0,
    n = 0;
  for (let y = 0; y < h - 1; y++)
    for (let x = 0; x < w - 1; x++) {
      const i = y * w + x;
      if (!sel(i) || !sel(i + 1) || !sel(i + w)) continue;
      const v = l(i);
      s += Math.hypot(l(i + 1) - v, l(i + w) - v);
      n++;
    }
  return n ? s / n : 0;
}

/** The 8:1 poster extension: wall time, the longest gap between progress reports, texture vs the poster's. */
export async function runPosterCase(method: Method) {
  const photo = listAllPhotos(['dev']).find((p) => p.name === 'seeding-grass') ?? listAllPhotos(['dev'])[0];
  const { image, mask } = poster8to1(await loadRgba(photo.path));
  let last = performance.now();
  let maxGap = 0;
  const t0 = last;
  const res = await method.run(image, mask, () => {
    const now = performance.now();
    maxGap = Math.max(maxGap, now - last);
    last = now;
  });
  const end = performance.now();
  maxGap = Math.max(maxGap, end - last);
  return {
    photo: photo.name,
    width: image.width,
    height: image.height,
    seconds: (end - t0) / 1000,
    maxGapSeconds: maxGap / 1000,
    texture: meanGradient(res, (i) => mask[i] > 127),
    posterTexture: meanGradient(image, (i) => mask[i] <= 127),
  };
}

export const OUTPAINT_HEADER = ['set', 'method', 'n', 'texture (min–max)', 'block err', 'seam', 'seam(photo)', 's'];

export function outpaintRows(rs: OutpaintResult[]): string[][] {
  const keys = [...new Set(rs.map((r) => `${r.set}\u0000${r.method}`))];
  return keys.map((k) => {
    const [set, method] = k.split('\u0000');
    const g = rs.filter((r) => r.set === set && r.method === method);
    const mean = (f: (r: OutpaintResult) => number) => g.reduce((a, r) => a + f(r), 0) / g.length;
    const tex = g.map((r) => r.texture);
    return [
      set,
      method,
      String(g.length),
      `${mean((r) => r.texture).toFixed(2)} (${Math.min(...tex).toFixed(2)}–${Math.max(...tex).toFixed(2)})`,
      mean((r) => r.blockError).toFixed(1),
      mean((r) => r.seam).toFixed(2),
      mean((r) => r.truthSeam).toFixed(2),
      mean((r) => r.seconds).toFixed(2),
    ];
  });
}

/**
 * Outpaint targets per set: texture 0.7–1.3 on every photo; block-colour error within 15 % of the
 * reference's mean; seam at the band within 15 % of the photo's own; the poster in ≤ 20 s with a
 * progress report at least every second.
 */
export function outpaintChecks(
  rs: OutpaintResult[],
  poster: { seconds: number; maxGapSeconds: number; texture: number; posterTexture: number } | null,
  method: string,
  references: readonly string[],
): TargetCheck[] {
  const out: TargetCheck[] = [];
  for (const set of [...new Set(rs.map((r) => r.set))]) {
    const a = rs.filter((r) => r.set === set && r.method === method);
    if (!a.length) continue;
    const mean = (g: OutpaintResult[], f: (r: OutpaintResult) => number) => g.reduce((s, r) => s + f(r), 0) / g.length;
    const bad = a.filter((r) => r.texture < 0.7 || r.texture > 1.3);
    out.push({
      target: `outpaint texture 0.7–1.3 on every photo (${set})`,
      detail: bad.length
        ? `out of range: ${bad.map((r) => `${r.image} ${r.texture.toFixed(2)}`).join(', ')}`
        : `${a.length}/${a.length} in range`,
      pass: bad.length === 0,
    });
    const be = mean(a, (r) => r.blockError);
    for (const reference of references) {
      const ref = rs.filter((r) => r.set === set && r.method === reference);
      if (!ref.length) continue;
      const rbe = mean(ref, (r) => r.blockError);
      out.push({
        target: `outpaint block error ≤ 1.15 × ${reference} (${set})`,
        detail: `${be.toFixed(1)} vs ${rbe.toFixed(1)}`,
        pass: be <= 1.15 * rbe,
      });
    }
    const s = mean(a, (r) => r.seam),
      ts = mean(a, (r) => r.truthSeam);
    out.push({
      target: `outpaint seam ≤ 1.15 × photo's own (${set})`,
      detail: `${s.toFixed(2)} vs ${ts.toFixed(2)}`,
      pass: s <= 1.15 * ts,
    });
  }
  if (poster) {
    out.push({ target: 'poster 9:16 → 8:1 (1080 px) ≤ 20 s', detail: `${poster.seconds.toFixed(1)} s`, pass: poster.seconds <= 20 });
    out.push({ target: 'poster progress gap ≤ 1 s', detail: `${poster.maxGapSeconds.toFixed(2)} s`, pass: poster.maxGapSeconds <= 1 });
    const ratio = poster.texture / Math.max(1e-9, poster.posterTexture);
    out.push({ target: 'poster new-area texture 0.7–1.3 × poster', detail: ratio.toFixed(2), pass: ratio >= 0.7 && ratio <= 1.3 });
  }
  return out;
}
