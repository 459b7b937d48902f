/**
 * O or 0, 1 or l told by where the glyph sits: its advance. Some fonts draw the letter and the digit
 * with the same ink and set them on different advances — Routed Gothic's O is its 0's very pixels on
 * an advance 10 % wider, its 1 its l's stem on an advance 22 % wider (digits are tabular). No shape
 * rule can tell them; the spacing to the neighbours can. The old text under the mask shows this
 * lettering's spacing: where it has the same two neighbouring characters ("70" in the old "Code 707"
 * and the candidate's "Code 708"; "ol" in the old and the new "Wool"), the candidate's pair must sit
 * as far apart, centre to centre, as the old one. A glyph of the other kind does not (its advance
 * moves it and everything after it by a share of a pixel to several pixels), and is then never right.
 *
 * Centres are the glyphs' ink centroids weighted by grey level (sub-pixel: the same glyph drawn
 * 0.4 px off binarises a pixel wider or narrower, its centroid moves by the 0.4 px). Only pairs of
 * one line read at the same scale, both glyphs the old ones' size, count; pairs across a word space
 * count too (a space has one advance).
 */
import type { Box, GlyphRef, GreyImage } from './glyph-check';
import type { Shape } from './word-segments';

/** Two glyphs that follow each other on a line of the old text, and the distance between their ink centres. */
export interface RefPair {
  a: string;
  b: string;
  /** Centre to centre, in pixels of the image read. */
  pitch: number;
  /** Widths and heights of the two glyphs' ink, read pixels. */
  aw: number;
  ah: number;
  bw: number;
  bh: number;
  scale: number;
}

/**
 * A pair of the candidate this much (source pixels) off its old pitch is spaced otherwise. The
 * bench's right candidates are the old glyphs drawn again 0.4 px off (on a line whose start moves
 * with its length) and measure mostly within 0.4 px, but up to 0.75 px (CMU Sans Serif "al" at
 * 32 px, Lemonada "k1" at 96 px: a renderer's glyph placement and binarisation at another phase).
 * Routed Gothic's O for a 0 and 1 for an l sit 0.9–1.0 px off at 32 px (a thin margin) and 1.5–3 px
 * at 56–96 px; at 20 px 0.5–0.7 px, within the noise, and stay unsettled here.
 */
export const PITCH_OFF = 0.9;
/** A neighbour shorter than this share of the glyph (a stop, a comma) is too small to place reliably. */
const MIN_PARTNER = 0.5;

type Placed = Shape & { x: number; y: number };
const placed = (s: Shape | undefined): s is Placed => !!s && s.x !== undefined && s.y !== undefined && !s.cut && s.parts > 0;

/**
 * The x of a glyph's ink centroid in the image: its binarised ink widened by a pixel, each pixel
 * weighted by how far its grey lies from the background's towards the ink's.
 */
export function inkCentre(img: GreyImage, s: Placed): number {
  const { w, h, ink } = s;
  // Small text read at twice its size has a fringe two read pixels wide.
  const r = img.scale ?? 1;
  const at = (x: number, y: number) => (x >= 0 && y >= 0 && x < w && y < h ? ink[y * w + x] : 0);
  const near = (x: number, y: number) => {
    for (let v = -r; v <= r; v++) for (let u = -r; u <= r; u++) if (at(x + u, y + v)) return true;
    return false;
  };
  const grey = (x: number, y: number) => {
    const ix = Math.min(img.width - 1, Math.max(0, s.x + x));
    const iy = Math.min(img.height - 1, Math.max(0, s.y + y));
    return img.data[iy * img.width + ix];
  };
  const fg: number[] = [];
  const bg: number[] = [];
  for (let y = -r - 1; y < h + r + 1; y++)
    for (let x = -r - 1; x < w + r + 1; x++) {
      if (at(x, y)) fg.push(grey(x, y));
      else if (!near(x, y)) bg.push(grey(x, y));
    }
  const med = (v: number[]) => v.sort((p, q) => p - q)[v.length >> 1];
  if (!fg.length || !bg.length) return s.x + w / 2;
  const f = med(fg);
  const b = med(bg);
  if (Math.abs(f - b) < 1) return s.x + w / 2;
  let sum = 0;
  let sx = 0;
  for (let y = -r; y < h + r; y++)
    for (let x = -r; x < w + r; x++) {
      if (!near(x, y)) continue;
      const t = Math.min(1, Math.max(0, (grey(x, y) - b) / (f - b)));
      sum += t;
      sx += t * (x + 0.5);
    }
  return sum > 0 ? s.x + sx / sum : s.x + w / 2;
}

type Cell = { text: string; box: Box; s: Placed | null };

/**
 * The line's glyphs in reading order, each with its shape when it was found by order (else null: a
 * glyph cut from its neighbour's ink, or a word whose glyphs did not pair up). Only two glyphs that
 * follow each other in the reading, both placed, left to right, form a pair: a glyph without a shape
 * between two others must not make them neighbours ("EDITION" with its T and second I unplaced).
 */
function inOrder(line: readonly GlyphRef[], shapes: ReadonlyMap<Box, Shape>): Cell[] {
  const out: Cell[] = [];
  for (const o of line) {
    if (!o.text.trim()) continue;
    const s = shapes.get(o.box);
    out.push({ text: o.text, box: o.box, s: placed(s) ? s : null });
  }
  return out;
}

const pairOf = (p: Cell, q: Cell): [Placed, Placed] | null => (p.s && q.s && q.s.x > p.s.x ? [p.s, q.s] : null);

/** The old text's neighbouring pairs on each line (`glyphs` with their line index), measured in `img`. */
export function spacingPairs(
  glyphs: readonly (GlyphRef & { line?: number })[],
  shapes: ReadonlyMap<Box, Shape>,
  img: GreyImage,
): RefPair[] {
  const scale = img.scale ?? 1;
  const out: RefPair[] = [];
  for (const ln of new Set(glyphs.map((g) => g.line))) {
    const row = inOrder(
      glyphs.filter((g) => g.line === ln),
      shapes,
    );
    for (let i = 1; i < row.length; i++) {
      const pq = pairOf(row[i - 1], row[i]);
      if (!pq) continue;
      const [p, q] = pq;
      const pitch = inkCentre(img, q) - inkCentre(img, p);
      out.push({ a: row[i - 1].text, b: row[i].text, pitch, aw: p.w, ah: p.h, bw: q.w, bh: q.h, scale });
    }
  }
  return out;
}

/**
 * The size of an old glyph, to a source pixel or 5 %: the neighbour is the old one drawn again (its
 * ink is not compared: the pair's spacing is the evidence, and a glyph of the other kind may be a
 * pixel narrower — Routed Gothic's 1 beside its l).
 */
const sameSize = (w: number, h: number, ow: number, oh: number, scale: number) => {
  const near = (a: number, b: number) => Math.abs(a - b) <= Math.max(scale, 0.05 * b);
  return near(w, ow) && near(h, oh);
};

/**
 * True when the glyph at `glyphBox` and a neighbour on its line form a pair the old text also has
 * (the same two characters in that order, both glyphs the old ones' size) at a pitch more than
 * PITCH_OFF source pixels off the old pair's: the glyph sits on another advance than the old one's.
 */
export function spacedUnlikeOld(
  img: GreyImage,
  glyphBox: Box,
  line: readonly GlyphRef[],
  shapes: ReadonlyMap<Box, Shape> | undefined,
  pairs: readonly RefPair[] | undefined,
): boolean {
  if (!shapes || !pairs?.length) return false;
  const scale = img.scale ?? 1;
  const row = inOrder(line, shapes);
  const k = row.findIndex((o) => o.box === glyphBox);
  const me = row[k]?.s;
  if (!me) return false;
  for (const j of [k - 1, k + 1]) {
    if (j < 0 || j >= row.length) continue;
    const [a, b] = j < k ? [row[j], row[k]] : [row[k], row[j]];
    const pq = pairOf(a, b);
    if (!pq || (row[j].s?.h ?? 0) < MIN_PARTNER * me.h) continue;
    const [p, q] = pq;
    const olds = pairs.filter(
      (o) =>
        o.scale === scale &&
        o.a === a.text &&
        o.b === b.text &&
        sameSize(p.w, p.h, o.aw, o.ah, scale) &&
        sameSize(q.w, q.h, o.bw, o.bh, scale),
    );
    if (!olds.length) continue;
    const pitch = inkCentre(img, q) - inkCentre(img, p);
    if (olds.every((o) => Math.abs(pitch - o.pitch) > PITCH_OFF * scale)) return true;
  }
  return false;
}
