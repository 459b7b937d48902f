/**
 * A prior for "select subject" from the photo alone: the border of a photo is almost always
 * background, so a colour model of the border says how unlike the background each pixel is
 * (contrast with the border — a saliency), weighted gently toward the centre. Pixels that fit the
 * border model well and touch the border are marked background for sure; the rest is left to the cut.
 */
import { withoutCutObjects } from './border-objects';
import { boxMean } from './guided-filter';
import { Gmm, GMM_COMPONENTS, kmeansComponents } from './gmm';
import { BG, PROBABLY_BG, PROBABLY_FG } from './grabcut';
import { toRgbFloat } from './grabcut';
import type { RgbaImage } from './rgba';

export interface SubjectPrior {
  /** P(subject) per pixel, 0..1. */
  prior: Float32Array;
  trimap: Uint8Array;
}

/**
 * Whether a colour looks like a shadow cast on the backdrop: the chromaticity (r, g, b over their
 * sum) of one of the border's main colours within 0.012, at 35–97 % of its brightness.
 */
function shadowTest(gmm: Gmm): (r: number, g: number, b: number) => boolean {
  const means: number[][] = [];
  for (let c = 0; c < gmm.k; c++) {
    if (gmm.weight[c] < 0.05) continue;
    const m = [gmm.mean[c * 3], gmm.mean[c * 3 + 1], gmm.mean[c * 3 + 2]];
    const sum = m[0] + m[1] + m[2];
    if (sum > 90) means.push([m[0] / sum, m[1] / sum, m[2] / sum, sum]);
  }
  return (r, g, b) => {
    const sum = r + g + b;
    if (sum < 3) return false;
    for (const [mr, mg, mb, ms] of means) {
      const k = sum / ms;
      if (k < 0.35 || k > 0.97) continue;
      if (Math.max(Math.abs(r / sum - mr), Math.abs(g / sum - mg), Math.abs(b / sum - mb)) < 0.012) return true;
    }
    return false;
  };
}

export function subjectPrior(img: RgbaImage): SubjectPrior {
  const { width: w, height: h } = img;
  const n = w * h;
  const rgb = toRgbFloat(img);
  const band = Math.max(2, Math.round(0.03 * Math.min(w, h)));
  const isBorder = (x: number, y: number) => x < band || y < band || x >= w - band || y >= h - band;
  const idx = new Int32Array(n);
  let nb = 0;
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) if (isBorder(x, y)) idx[nb++] = y * w + x;
  const comp = new Uint8Array(n);
  const gmm = new Gmm(GMM_COMPONENTS);
  kmeansComponents(rgb, idx, nb, GMM_COMPONENTS, comp);
  gmm.learn(rgb, idx, nb, comp);
  for (let t = 0; t < nb; t++) comp[idx[t]] = gmm.component(rgb[idx[t] * 3], rgb[idx[t] * 3 + 1], rgb[idx[t] * 3 + 2]);
  gmm.learn(rgb, idx, nb, comp);
  const kept = withoutCutObjects(gmm, idx, nb, comp, w, h);
  if (kept < nb) {
    // Objects cut by the frame are not the backdrop: learn the border without them.
    nb = kept;
    kmeansComponents(rgb, idx, nb, GMM_COMPONENTS, comp);
    gmm.learn(rgb, idx, nb, comp);
    for (let t = 0; t < nb; t++) comp[idx[t]] = gmm.component(rgb[idx[t] * 3], rgb[idx[t] * 3 + 1], rgb[idx[t] * 3 + 2]);
    gmm.learn(rgb, idx, nb, comp);
  }

  const d = new Float32Array(n);
  for (let p = 0; p < n; p++) d[p] = gmm.negLogLikelihood(rgb[p * 3], rgb[p * 3 + 1], rgb[p * 3 + 2]);
  // How unlikely the border finds its own pixels: its 90th percentile is the background's edge.
  const own = Array.from({ length: nb }, (_, t) => d[idx[t]]).sort((a, b) => a - b);
  const t90 = own[Math.floor(own.length * 0.9)] ?? 0;
  const t50 = own[Math.floor(own.length * 0.5)] ?? 0;
  const spread = Math.max(1, t90 - t50);
  const contrast = new Float32Array(n);
  const shadow = shadowTest(gmm);
  for (let p = 0; p < n; p++) {
    contrast[p] = 1 / (1 + Math.exp(-(d[p] - t90 - spread) / spread));
    // A shadow on the backdrop is the backdrop's colour, darker: not the subject.
    if (contrast[p] > 0.05 && shadow(rgb[p * 3], rgb[p * 3 + 1], rgb[p * 3 + 2])) contrast[p] *= 0.1;
  }
  const smooth = new Float32Array(n);
  boxMean(contrast, w, h, Math.max(1, Math.round(Math.min(w, h) / 150)), smooth, new Float32Array(n));

  const prior = new Float32Array(n);
  const trimap = new Uint8Array(n);
  let fgCount = 0;
  const cx = (w - 1) / 2;
  const cy = (h - 1) / 2;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const p = y * w + x;
      const ex = (x - cx) / (0.6 * w);
      const ey = (y - cy) / (0.6 * h);
      const centre = Math.exp(-(ex * ex + ey * ey));
      const v = smooth[p] * (0.55 + 0.45 * centre);
      prior[p] = v;
      if (v > 0.4) {
        trimap[p] = PROBABLY_FG;
        fgCount++;
      } else trimap[p] = isBorder(x, y) && d[p] <= t90 ? BG : PROBABLY_BG;
    }
  }
  if (fgCount < n * 0.002) {
    // Nothing stands out from the border: start from a centred ellipse and let the cut decide.
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const ex = (x - cx) / (0.3 * w);
        const ey = (y - cy) / (0.3 * h);
        const p = y * w + x;
        if (ex * ex + ey * ey <= 1) trimap[p] = PROBABLY_FG;
        prior[p] = 0.5;
      }
    }
  }
  return { prior, trimap };
}
