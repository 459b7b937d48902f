/**
 * How much recall any checker can have on a set while it never marks a wrong candidate right: a right
 * candidate whose near miss draws the differing characters with the same pixels (l for 1 in a font
 * whose 1 is a bare stem, O for 0 where the zero is a round O, rn for m where the letters touch) looks
 * exactly like that near miss, so whatever marks it right marks the wrong one right too.
 *
 * For each font × size × pair the differing characters (the pair with its common start and end taken
 * off: "1"/"l", "0"/"O", "m"/"rn") are drawn alone, black on white on the same baseline, in their
 * context's first neighbour on each side (kerning and touching letters as in the line), binarised at
 * half grey, and compared with their left ink edges aligned: the share of ink pixels that differ (XOR
 * over union). Identical (0) is a hard ceiling; ≤ 5 % is a softer one (a pixel or two on a 20 px
 * glyph: the antialiasing of a stem, not a shape a checker could rely on in unknown fonts). The line's
 * spacing is not compared: a wider 1 than l is a fact of the font, which a checker does not know.
 * The blurred probe's glyphs are compared blurred as it draws them.
 */
import { createCanvas } from '@napi-rs/canvas';
import sharp from 'sharp';

export interface PairDifference {
  font: string;
  px: number;
  expected: string;
  miss: string;
  /** The differing characters, in the requested text and in the near miss. */
  right: string;
  wrong: string;
  /** Ink pixels that differ ÷ ink pixels of either (0 = the same pixels). */
  difference: number;
}

/** The pair's differing part, with one neighbour either side when there is one (kerning, touching). */
export function differingPart(a: string, b: string): { a: string; b: string; from: number; toA: number; toB: number } {
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  let s = 0;
  while (s < a.length - p && s < b.length - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
  const from = Math.max(0, p - 1);
  const toA = Math.min(a.length, a.length - s + 1);
  const toB = Math.min(b.length, b.length - s + 1);
  return { a: a.slice(from, toA), b: b.slice(from, toB), from, toA, toB };
}

/** Ink (1) per pixel of `text` drawn alone at `px`, cropped to its ink columns (rows kept: the baseline stays put). */
async function ink(text: string, font: string, px: number, blur?: number): Promise<{ w: number; h: number; bits: Uint8Array }> {
  const W = Math.ceil(px * (text.length + 2));
  const H = Math.ceil(px * 2);
  const c = createCanvas(W, H);
  const g = c.getContext('2d');
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, W, H);
  g.fillStyle = '#000000';
  g.font = `${px}px "mw-${font}"`;
  g.textBaseline = 'alphabetic';
  g.fillText(text, px / 2, Math.round(H * 0.7));
  let png = c.toBuffer('image/png');
  if (blur) png = await sharp(png).blur(blur).png().toBuffer();
  const grey = await sharp(png).greyscale().raw().toBuffer();
  let x0 = W;
  let x1 = -1;
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++)
      if (grey[y * W + x] < 128) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
      }
  if (x1 < 0) return { w: 0, h: H, bits: new Uint8Array(0) };
  const w = x1 - x0 + 1;
  const bits = new Uint8Array(w * H);
  for (let y = 0; y < H; y++) for (let x = 0; x < w; x++) bits[y * w + x] = grey[y * W + x0 + x] < 128 ? 1 : 0;
  return { w, h: H, bits };
}

/** XOR ÷ union of two ink maps of the same height, left edges aligned (the narrower padded with paper). */
function inkDifference(a: { w: number; h: number; bits: Uint8Array }, b: { w: number; h: number; bits: Uint8Array }): number {
  const w = Math.max(a.w, b.w);
  let xor = 0;
  let union = 0;
  for (let y = 0; y < a.h; y++)
    for (let x = 0; x < w; x++) {
      const p = x < a.w ? a.bits[y * a.w + x] : 0;
      const q = x < b.w ? b.bits[y * b.w + x] : 0;
      if (p || q) union++;
      if (p !== q) xor++;
    }
  return union ? xor / union : 0;
}

/** Every font × size × pair of a set (fonts registered already: `availableFonts`). */
export async function pairDifferences(
  fonts: string[],
  sizes: number[],
  pairs: [string, string][],
  blur?: number,
): Promise<PairDifference[]> {
  const out: PairDifference[] = [];
  for (const font of fonts)
    for (const px of sizes)
      for (const [expected, miss] of pairs) {
        const d = differingPart(expected, miss);
        const [a, b] = await Promise.all([ink(d.a, font, px, blur), ink(d.b, font, px, blur)]);
        out.push({ font, px, expected, miss, right: d.a, wrong: d.b, difference: inkDifference(a, b) });
      }
  return out;
}

/** The recall ceilings of a set: the share of its right candidates whose near miss draws the same (or nearly the same) pixels. */
export function recallCeilings(diffs: readonly PairDifference[], nearly = 0.05) {
  const n = diffs.length || 1;
  const same = diffs.filter((d) => d.difference === 0);
  const close = diffs.filter((d) => d.difference <= nearly);
  return {
    pairs: diffs.length,
    identical: same.length,
    nearlyIdentical: close.length,
    /** Recall no checker with precision 1 can exceed. */
    ceiling: 1 - same.length / n,
    /** The same, counting glyphs within `nearly` of each other as the same. */
    ceilingNearly: 1 - close.length / n,
  };
}
