/**
 * A word's glyphs by order instead of by the OCR's boxes. Tesseract's LSTM places symbol boxes only
 * roughly (an "l" can get the box of the "r" before it), but it reads the letters in order; printed
 * letters are mostly separate ink. So the word is binarised, its connected components are grouped
 * into glyphs (an i and its dot, the three parts of a %), the glyphs are sorted left to right, and
 * when their count equals the word's symbols the k-th glyph is the k-th symbol. Letters that touch
 * (serifs joining at small sizes) are cut at a thin column; otherwise the word is left to the
 * box-based lookup.
 */
import type { Box } from './glyph-check';

export interface Comp {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Ink pixels. */
  n: number;
}

/** A glyph's ink in its tight box, and how many tall components it is made of. */
export interface Shape {
  ink: Uint8Array;
  w: number;
  h: number;
  parts: number;
  /** Left edge in the image, when the glyph was found by order (segmentWord). */
  x?: number;
  /** Top edge in the image, when the glyph was found by order. */
  y?: number;
  /** True when the glyph was cut from ink it shared with a neighbour (its width is the cut's). */
  cut?: boolean;
}

/** 8-connected components of `ink` (w × h): a label per pixel (−1: no ink) and each component's box. */
export function labelComponents(ink: Uint8Array, w: number, h: number): { label: Int32Array; comps: Comp[] } {
  const label = new Int32Array(w * h).fill(-1);
  const comps: Comp[] = [];
  const stack: number[] = [];
  for (let start = 0; start < w * h; start++) {
    if (!ink[start] || label[start] >= 0) continue;
    const c = { x0: w, y0: h, x1: -1, y1: -1, n: 0 };
    const id = comps.length;
    comps.push(c);
    label[start] = id;
    stack.push(start);
    while (stack.length) {
      const i = stack.pop()!;
      const x = i % w;
      const y = (i - x) / w;
      c.n++;
      if (x < c.x0) c.x0 = x;
      if (x > c.x1) c.x1 = x;
      if (y < c.y0) c.y0 = y;
      if (y > c.y1) c.y1 = y;
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          const ny = y + dy;
          if (nx < 0 || ny < 0 || nx >= w || ny >= h) continue;
          const j = ny * w + nx;
          if (ink[j] && label[j] < 0) {
            label[j] = id;
            stack.push(j);
          }
        }
    }
  }
  return { label, comps };
}

interface Group {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  ids: number[];
  /** Cut from a wider group (cutThinnest). */
  cut?: boolean;
}

/** Components stacked over each other (sharing most of the narrower one's columns) are one glyph. */
function groupComponents(comps: Comp[], keep: (c: Comp) => boolean): Group[] {
  const order = comps
    .map((c, id) => ({ c, id }))
    .filter(({ c }) => keep(c))
    .sort((a, b) => a.c.x0 - b.c.x0);
  const groups: Group[] = [];
  for (const { c, id } of order) {
    const g = groups.find((o) => {
      const shared = Math.min(o.x1, c.x1) - Math.max(o.x0, c.x0) + 1;
      return shared > 0.5 * Math.min(o.x1 - o.x0 + 1, c.x1 - c.x0 + 1);
    });
    if (g) {
      g.x0 = Math.min(g.x0, c.x0);
      g.x1 = Math.max(g.x1, c.x1);
      g.y0 = Math.min(g.y0, c.y0);
      g.y1 = Math.max(g.y1, c.y1);
      g.ids.push(id);
    } else groups.push({ x0: c.x0, y0: c.y0, x1: c.x1, y1: c.y1, ids: [id] });
  }
  return groups.sort((a, b) => a.x0 - b.x0);
}

/** Ink columns of a group (its own components only). */
function columns(label: Int32Array, w: number, g: Group): number[] {
  const cols = new Array<number>(g.x1 - g.x0 + 1).fill(0);
  const ids = new Set(g.ids);
  for (let y = g.y0; y <= g.y1; y++) for (let x = g.x0; x <= g.x1; x++) if (ids.has(label[y * w + x])) cols[x - g.x0]++;
  return cols;
}

/**
 * Cuts the group with the thinnest inner column (away from its edges) in two, if that column holds
 * less ink than a fifth of the word's height: two letters joined by a serif or a tail.
 */
function cutThinnest(groups: Group[], label: Int32Array, w: number, height: number): boolean {
  let best: { gi: number; x: number; ink: number } | null = null;
  groups.forEach((g, gi) => {
    const cols = columns(label, w, g);
    const from = Math.ceil(cols.length * 0.2);
    const to = Math.floor(cols.length * 0.8);
    for (let i = from; i < to; i++) if (!best || cols[i] < best.ink) best = { gi, x: g.x0 + i, ink: cols[i] };
  });
  const cut = best as { gi: number; x: number; ink: number } | null;
  if (!cut || cut.ink >= height * 0.2) return false;
  const g = groups[cut.gi];
  const left: Group = { ...g, x1: cut.x - 1, ids: g.ids, cut: true };
  const right: Group = { ...g, x0: cut.x, ids: g.ids, cut: true };
  groups.splice(cut.gi, 1, left, right);
  return true;
}

/**
 * A ring whose hairlines binarised away falls apart: the thin top and bottom of a high-contrast O
 * (Computer Modern Serif at 32 px: its left and right halves, 7 px apart — in the old text and the
 * candidate alike, so neither word paired with its symbols and the old text gave no reference O).
 * With more pieces than symbols, each piece goes to the symbol whose box holds its middle column.
 * When every symbol gets exactly one piece but the rings (O, 0), which get two, and those two are
 * alike — each nearly the word's full height, of about one height and width, as a ring's two
 * sides are — each ring's two pieces are one glyph. A percent sign's pieces (at most one of them
 * tall: the slash) are one glyph too. Anything else (a V's thin arm lost, a piece
 * whose middle lies in the next letter's box: the LSTM's boxes are rough) leaves the word to the
 * box-based lookup, as before.
 */
function joinRings(
  groups: readonly Group[],
  symbols: readonly { text: string; box: Box }[],
  tallest: number,
  left: number,
): Group[] | null {
  const sorted = [...symbols].sort((a, b) => a.box.x0 + a.box.x1 - (b.box.x0 + b.box.x1));
  const owner = groups.map((g) => {
    const mid = left + (g.x0 + g.x1) / 2;
    return sorted.findIndex((s) => mid >= s.box.x0 && mid <= s.box.x1 + 1);
  });
  if (owner.some((o) => o < 0)) return null;
  const out: Group[] = [];
  for (let k = 0; k < sorted.length; k++) {
    const mine = groups.filter((_, i) => owner[i] === k);
    if (mine.length === 1) {
      out.push(mine[0]);
      continue;
    }
    if (mine.some((g) => g.cut)) return null;
    if (sorted[k].text === '%') {
      // A percent sign's rings and slash: in italic lettering sheared upright (Nimbus Roman Italic)
      // the lower ring shares too few columns with the slash to be stacked onto it. At most one
      // piece as tall as a ring's side (the slash; a letter's side given to it would be another).
      if (mine.length > 3 || mine.filter((g) => g.y1 - g.y0 + 1 >= RING_SIDE_HEIGHT * tallest).length > 1) return null;
      out.push(joined(mine));
      continue;
    }
    if (mine.length !== 2 || !RINGS.has(sorted[k].text)) return null;
    const [a, b] = mine;
    const [ha, hb] = [a.y1 - a.y0 + 1, b.y1 - b.y0 + 1];
    const [wa, wb] = [a.x1 - a.x0 + 1, b.x1 - b.x0 + 1];
    if (Math.min(ha, hb) < RING_SIDE_HEIGHT * tallest || Math.abs(ha - hb) > 0.1 * Math.max(ha, hb)) return null;
    if (Math.max(wa, wb) > RING_SIDES_ALIKE * Math.min(wa, wb)) return null;
    out.push(joined(mine));
  }
  return out.length === groups.length ? null : out;
}

/** Pieces as one glyph. */
function joined(pieces: readonly Group[]): Group {
  return {
    x0: Math.min(...pieces.map((g) => g.x0)),
    y0: Math.min(...pieces.map((g) => g.y0)),
    x1: Math.max(...pieces.map((g) => g.x1)),
    y1: Math.max(...pieces.map((g) => g.y1)),
    ids: pieces.flatMap((g) => g.ids),
  };
}

/** The symbols whose two sides are joined when their hairlines broke (joinRings). */
const RINGS = new Set(['O', '0']);
/** Each side of a broken ring spans at least this share of the word's tallest component. */
const RING_SIDE_HEIGHT = 0.8;
/** The wider side of a broken ring is at most this many times as wide as the other. */
const RING_SIDES_ALIKE = 1.5;

/**
 * The shapes of a word's symbols, keyed by their box objects, or null when the glyphs cannot be
 * matched to the symbols one to one. `ink` covers the word's area, whose left edge is at `left` in
 * the image, its top edge at `top`.
 */
export function segmentWord(
  symbols: readonly { text: string; box: Box }[],
  ink: Uint8Array,
  w: number,
  h: number,
  left = 0,
  top = 0,
): Map<Box, Shape> | null {
  const { label, comps } = labelComponents(ink, w, h);
  const tallest = comps.reduce((t, c) => Math.max(t, c.y1 - c.y0 + 1), 0);
  // Specks of noise are not glyphs; a full stop is about a tenth of the letters' height.
  const groups = groupComponents(comps, (c) => c.n >= Math.max(2, (tallest * 0.06) ** 2));
  const want = symbols.length;
  let cuts = 0;
  while (groups.length < want && cuts < 2 && cutThinnest(groups, label, w, tallest)) cuts++;
  if (groups.length > want) {
    const joined = joinRings(groups, symbols, tallest, left);
    if (joined) groups.splice(0, groups.length, ...joined);
  }
  if (groups.length !== want) return null;
  const sorted = [...symbols].sort((a, b) => a.box.x0 + a.box.x1 - (b.box.x0 + b.box.x1));
  const out = new Map<Box, Shape>();
  sorted.forEach((s, k) => {
    const g = groups[k];
    const ids = new Set(g.ids);
    let y0 = h;
    let y1 = -1;
    for (let y = g.y0; y <= g.y1; y++)
      for (let x = g.x0; x <= g.x1; x++)
        if (ids.has(label[y * w + x])) {
          if (y < y0) y0 = y;
          if (y > y1) y1 = y;
        }
    const gw = g.x1 - g.x0 + 1;
    const gh = Math.max(1, y1 - y0 + 1);
    const shape = new Uint8Array(gw * gh);
    for (let y = 0; y < gh; y++) for (let x = 0; x < gw; x++) shape[y * gw + x] = ids.has(label[(y + y0) * w + x + g.x0]) ? 1 : 0;
    const main = Math.max(...g.ids.map((id) => comps[id].y1 - comps[id].y0 + 1));
    const parts = g.ids.filter((id) => comps[id].y1 - comps[id].y0 + 1 >= main * 0.5).length;
    out.set(s.box, { ink: shape, w: gw, h: gh, parts, x: left + g.x0, y: top + y0, ...(g.cut ? { cut: true } : {}) });
  });
  return out;
}
