/**
 * Objects cut by the photo's frame (a candy half out of the picture, a cup at the edge) put their
 * colours into the border band that "select subject" takes as the backdrop, and every object of that
 * colour then reads as background. What tells them from the backdrop is where they lie: a backdrop
 * colour runs along much of the frame, a cut object's colour shows on a few short stretches of it.
 */
import type { Gmm } from './gmm';

/** The backdrop's colour is at least this share of the band… */
const MIN_BACKDROP = 0.75;
/** …every channel at least this bright… */
const LIGHT = 190;
/** …and this close to grey (largest channel minus smallest). */
const GREY = 24;
/** The frame's perimeter is cut into this many equal stretches. */
const STRETCHES = 64;
/** A stretch counts for a colour when that colour is at least this share of its band pixels. */
const PRESENT = 0.05;
/** A colour is an object's, not the backdrop's, below this share of the band… */
const MAX_WEIGHT = 0.12;
/** …and on at most this share of the frame's stretches. */
const MAX_REACH = 0.2;

/** Where along the frame (0 … 2w+2h) the border pixel p lies, by its nearest edge. */
function alongFrame(p: number, w: number, h: number): number {
  const x = p % w;
  const y = (p - x) / w;
  const top = y;
  const right = w - 1 - x;
  const bottom = h - 1 - y;
  const left = x;
  const m = Math.min(top, right, bottom, left);
  if (m === top) return x;
  if (m === right) return w + y;
  if (m === bottom) return w + h + (w - 1 - x);
  return 2 * w + h + (h - 1 - y);
}

/**
 * Moves the border pixels of `idx` whose component (in `comp`) looks like a cut object to the end
 * and returns how many backdrop pixels are left at the front. Nothing is dropped when every
 * component would be (a photo whose border is all objects keeps its model).
 */
export function withoutCutObjects(gmm: Gmm, idx: Int32Array, count: number, comp: Uint8Array, w: number, h: number): number {
  const perimeter = 2 * w + 2 * h;
  const k = gmm.k;
  const perStretch = new Float64Array(STRETCHES);
  const hits = new Float64Array(k * STRETCHES);
  for (let t = 0; t < count; t++) {
    const p = idx[t];
    const s = Math.min(STRETCHES - 1, Math.floor((alongFrame(p, w, h) / perimeter) * STRETCHES));
    perStretch[s]++;
    hits[comp[p] * STRETCHES + s]++;
  }
  // Only on a plain light backdrop (white or grey paper, a product shot's sweep) that runs along most
  // of the frame: on a busy photo a colour on a short stretch of the frame is as likely the scene's.
  let main = 0;
  for (let c = 1; c < k; c++) if (gmm.weight[c] > gmm.weight[main]) main = c;
  const [mr, mg, mb] = [gmm.mean[main * 3], gmm.mean[main * 3 + 1], gmm.mean[main * 3 + 2]];
  if (gmm.weight[main] < MIN_BACKDROP || Math.min(mr, mg, mb) < LIGHT || Math.max(mr, mg, mb) - Math.min(mr, mg, mb) > GREY) return count;
  const cut = new Uint8Array(k);
  let dropped = 0;
  for (let c = 0; c < k; c++) {
    if (gmm.weight[c] <= 0 || gmm.weight[c] >= MAX_WEIGHT) continue;
    let reach = 0;
    for (let s = 0; s < STRETCHES; s++) if (perStretch[s] > 0 && hits[c * STRETCHES + s] >= PRESENT * perStretch[s]) reach++;
    if (reach <= MAX_REACH * STRETCHES) {
      cut[c] = 1;
      dropped += gmm.weight[c];
    }
  }
  if (dropped === 0 || dropped > 0.5) return count;
  let kept = 0;
  for (let t = 0; t < count; t++) {
    const p = idx[t];
    if (!cut[comp[p]]) idx[kept++] = p;
  }
  return kept;
}
