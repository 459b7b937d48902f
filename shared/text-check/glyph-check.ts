/**
 * Second look at characters the OCR's language model happily swaps (O/0, l/1, rn/m): the LSTM reads
 * "V2.O" as "V2.0" with 99 % confidence because digits follow "V2.", so a match on those characters
 * is confirmed from the glyph's own shape — its proportions, ink in its centre (dotted/slashed
 * zeros) and empty columns inside an "m". A shape that disagrees vetoes the match; one that cannot
 * tell makes the verdict "unsure" (never "right").
 */

export interface GreyImage {
  width: number;
  height: number;
  /** One byte per pixel. */
  data: Uint8Array;
}

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export type GlyphVerdict = { result: 'ok' } | { result: 'veto'; looksLike: string } | { result: 'unsure'; between: string };

/** Normalised characters whose glyph is checked. */
export function isConfusable(ch: string): boolean {
  return ch === '0' || ch === 'o' || ch === '1' || ch === 'l' || ch === 'i' || ch === 'm';
}

/** Ink mask of a box: Otsu threshold inside the box grown by `pad`, ink = the minority class. */
export function inkOf(img: GreyImage, box: Box, pad: number): { ink: Uint8Array; w: number; h: number } {
  const w = Math.max(1, box.x1 - box.x0);
  const h = Math.max(1, box.y1 - box.y0);
  const hist = new Uint32Array(256);
  const gx0 = Math.max(0, box.x0 - pad);
  const gx1 = Math.min(img.width, box.x1 + pad);
  const gy0 = Math.max(0, box.y0 - pad);
  const gy1 = Math.min(img.height, box.y1 + pad);
  for (let y = gy0; y < gy1; y++) for (let x = gx0; x < gx1; x++) hist[img.data[y * img.width + x]]++;
  const t = otsu(hist);
  let below = 0;
  let total = 0;
  for (let v = 0; v < 256; v++) {
    total += hist[v];
    if (v <= t) below += hist[v];
  }
  const darkInk = below <= total - below;
  const ink = new Uint8Array(w * h);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const px = box.x0 + x;
      const py = box.y0 + y;
      if (px < 0 || py < 0 || px >= img.width || py >= img.height) continue;
      const v = img.data[py * img.width + px];
      ink[y * w + x] = (darkInk ? v <= t : v > t) ? 1 : 0;
    }
  return { ink, w, h };
}

function otsu(hist: Uint32Array): number {
  let total = 0;
  let sum = 0;
  for (let v = 0; v < 256; v++) {
    total += hist[v];
    sum += v * hist[v];
  }
  let wB = 0;
  let sumB = 0;
  let best = 0;
  let t = 127;
  for (let v = 0; v < 256; v++) {
    wB += hist[v];
    if (!wB) continue;
    const wF = total - wB;
    if (!wF) break;
    sumB += v * hist[v];
    const mB = sumB / wB;
    const mF = (sum - sumB) / wF;
    const between = wB * wF * (mB - mF) ** 2;
    if (between > best) {
      best = between;
      t = v;
    }
  }
  return t;
}

interface Shape {
  /** Ink inside the glyph's tight box (other components inside it included: a zero's dot). */
  ink: Uint8Array;
  w: number;
  h: number;
  /** Tall components whose centre falls in the OCR's box ("rn" read as "m" has two). */
  parts: number;
}

/**
 * The glyph's real shape. The LSTM's symbol boxes are approximate (an "l" can get a box as wide as
 * an "o"), so the word is binarised, split into connected components, and the glyph is the largest
 * component whose centre lies in the symbol's box.
 */
export function shapeOf(img: GreyImage, sym: Box, word: readonly GlyphRef[]): Shape {
  const wb = word.length
    ? word.reduce(
        (u, o) => ({
          x0: Math.min(u.x0, o.box.x0),
          y0: Math.min(u.y0, o.box.y0),
          x1: Math.max(u.x1, o.box.x1),
          y1: Math.max(u.y1, o.box.y1),
        }),
        sym,
      )
    : sym;
  const hh = wb.y1 - wb.y0;
  const m = Math.max(2, Math.round(hh * 0.1));
  const box = {
    x0: Math.max(0, wb.x0 - m),
    y0: Math.max(0, wb.y0 - m),
    x1: Math.min(img.width, wb.x1 + m),
    y1: Math.min(img.height, wb.y1 + m),
  };
  const { ink, w, h } = inkOf(img, box, Math.round(hh * 0.3));
  const label = new Int32Array(w * h).fill(-1);
  const comps: { x0: number; y0: number; x1: number; y1: number; n: number }[] = [];
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
      c.x0 = Math.min(c.x0, x);
      c.x1 = Math.max(c.x1, x);
      c.y0 = Math.min(c.y0, y);
      c.y1 = Math.max(c.y1, y);
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
  const sx0 = sym.x0 - box.x0;
  const sx1 = sym.x1 - box.x0;
  const tallest = comps.reduce((t, c) => Math.max(t, c.y1 - c.y0 + 1), 0);
  const inside = comps.filter((c) => {
    const cx = (c.x0 + c.x1 + 1) / 2;
    return cx >= sx0 && cx <= sx1 && c.y1 - c.y0 + 1 >= tallest * 0.25;
  });
  const main = inside.reduce<(typeof comps)[number] | null>((best, c) => (!best || c.n > best.n ? c : best), null);
  if (!main) return { ink: new Uint8Array(1), w: 1, h: 1, parts: 0 };
  const tw = main.x1 - main.x0 + 1;
  const th = main.y1 - main.y0 + 1;
  const out = new Uint8Array(tw * th);
  for (let y = 0; y < th; y++) for (let x = 0; x < tw; x++) out[y * tw + x] = ink[(y + main.y0) * w + x + main.x0];
  const parts = inside.filter((c) => c.y1 - c.y0 + 1 >= (main.y1 - main.y0 + 1) * 0.5).length;
  return { ink: out, w: tw, h: th, parts };
}

/** A glyph of the reading, as far as the checks need it. */
export interface GlyphRef {
  text: string;
  box: Box;
}

export interface GlyphContext {
  /** The requested character as typed (case kept): a lowercase "o" is x-height, a "0" is not. */
  typed: string;
  /** Glyphs of the same word and of the same line. */
  word: readonly GlyphRef[];
  line: readonly GlyphRef[];
}

/**
 * Checks one glyph read as `ch` (normalised) where `ch` is what was requested. Proportional fonts
 * draw O wider than 0 and 1 wider than l; monospaced fonts do not, so there the zero's dot or
 * slash and the l's tail decide, and without them the verdict is "unsure".
 */
export function checkGlyph(img: GreyImage, ch: string, glyphBox: Box, ctx: GlyphContext): GlyphVerdict {
  const g = shapeOf(img, glyphBox, ctx.word);
  if (g.parts === 0) return { result: 'unsure', between: 'shapes' };
  const aspect = g.w / g.h;
  const mono = monospaced(ctx.line);
  if (ch === '0' || ch === 'o') {
    if (ctx.typed === 'o') {
      // A lowercase o is clearly shorter than the word's tallest letters; a 0 or O is not.
      const tallest = Math.max(...ctx.word.map((o) => o.box.y1 - o.box.y0), g.h);
      if (g.h < tallest * 0.8) return { result: 'ok' };
    }
    const centre = centreInk(g.ink, g.w, g.h);
    if (centre > 0.2) return ch === '0' ? { result: 'ok' } : { result: 'veto', looksLike: '0' };
    if (mono) {
      // Monospaced O and 0 are equally wide. If this font's zeros (elsewhere on the line) carry a
      // dot or slash, a plain ring is an O; otherwise there is no telling.
      const dottedZeros = ctx.line.some((o) => o.text === '0' && o.box !== glyphBox && centreOf(img, o.box, ctx.line) > 0.2);
      if (dottedZeros) return ch === 'o' ? { result: 'ok' } : { result: 'veto', looksLike: 'O' };
      return { result: 'unsure', between: 'O/0' };
    }
    // Other digits on the line (2–9) give this font's digit width: a 0 is about as wide, an O wider.
    // Without them, the proportions of Debian's regular fonts: 0 ≈ 0.55–0.67, O ≈ 0.8–1.07.
    const digits = ctx.line.filter((o) => /^[2-9]$/.test(o.text) && o.box !== glyphBox).map((o) => shapeOf(img, o.box, ctx.line));
    const ref = digits.filter((d) => d.parts > 0).map((d) => d.w / d.h);
    const rel = ref.length ? aspect / ref.sort((a, b) => a - b)[Math.floor(ref.length / 2)] : aspect / 0.6;
    const [zeroBelow, letterAbove] = ref.length ? [1.18, 1.3] : [0.7 / 0.6, 0.76 / 0.6];
    if (rel < zeroBelow) return ch === '0' ? { result: 'ok' } : { result: 'veto', looksLike: '0' };
    if (rel > letterAbove) return ch === 'o' ? { result: 'ok' } : { result: 'veto', looksLike: 'O' };
    return { result: 'unsure', between: 'O/0' };
  }
  if (ch === 'l' && ctx.typed === 'L') return { result: 'ok' };
  if (ch === '1' || ch === 'l' || (ch === 'i' && ctx.typed === 'I')) {
    // A 1 has a flag reaching down-left from its top; an l has at most a short serif there.
    const depth = aspect < 0.25 ? 0 : flagDepth(g.ink, g.w, g.h);
    const looks = depth > 0.14 ? '1' : depth < 0.125 ? 'l' : null;
    const stem = ch === 'i' ? 'I' : 'l';
    if (!looks) return { result: 'unsure', between: `1/${stem}` };
    if (looks === '1') return ch === '1' ? { result: 'ok' } : { result: 'veto', looksLike: '1' };
    return ch === '1' ? { result: 'veto', looksLike: stem } : { result: 'ok' };
  }
  if (ch === 'm') return g.parts > 1 || hasInnerGap(g.ink, g.w, g.h) ? { result: 'veto', looksLike: 'rn' } : { result: 'ok' };
  return { result: 'ok' };
}

/**
 * How far down (fraction of the height) ink reaches left of the stem in the glyph's top half: the
 * flag of a 1 reaches 17–28 % of the way down in Debian's fonts, an l's serif or bar at most 10 %.
 */
export function flagDepth(ink: Uint8Array, w: number, h: number): number {
  const cols = new Array<number>(w).fill(0);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) cols[x] += ink[y * w + x];
  const most = Math.max(...cols);
  const stemLeft = cols.findIndex((n) => n >= most * 0.6);
  let deepest = -1;
  for (let y = 0; y < h / 2; y++)
    for (let x = 0; x < stemLeft - 1; x++)
      if (ink[y * w + x]) {
        deepest = y;
        break;
      }
  return (deepest + 1) / h;
}

function centreOf(img: GreyImage, box: Box, line: readonly GlyphRef[]): number {
  const g = shapeOf(img, box, line);
  return centreInk(g.ink, g.w, g.h);
}

function centreInk(ink: Uint8Array, w: number, h: number): number {
  const x0 = Math.floor(w * 0.4);
  const x1 = Math.max(x0 + 1, Math.ceil(w * 0.6));
  const y0 = Math.floor(h * 0.4);
  const y1 = Math.max(y0 + 1, Math.ceil(h * 0.6));
  let n = 0;
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) n += ink[y * w + x];
  return n / ((x1 - x0) * (y1 - y0));
}

/** An empty column strictly inside the glyph: two glyphs ("rn") read as one ("m"). */
function hasInnerGap(ink: Uint8Array, w: number, h: number): boolean {
  for (let x = Math.floor(w * 0.2); x < Math.ceil(w * 0.8); x++) {
    let n = 0;
    for (let y = 0; y < h; y++) n += ink[y * w + x];
    if (n === 0) return true;
  }
  return false;
}

/**
 * Glyph centres evenly spaced (within 8 %) along a line: a monospaced font. Only spacings next to a
 * letter count, because most fonts draw digits at one width.
 */
function monospaced(line: readonly GlyphRef[]): boolean {
  const gl = [...line].sort((a, b) => a.box.x0 - b.box.x0);
  const d: number[] = [];
  for (let i = 1; i < gl.length; i++) {
    if (/^\d$/.test(gl[i].text) && /^\d$/.test(gl[i - 1].text)) continue;
    const gap = (gl[i].box.x0 + gl[i].box.x1) / 2 - (gl[i - 1].box.x0 + gl[i - 1].box.x1) / 2;
    const h = Math.max(gl[i].box.y1 - gl[i].box.y0, gl[i - 1].box.y1 - gl[i - 1].box.y0);
    // A word space is not a letter spacing.
    if (gap > h * 1.2) continue;
    d.push(gap);
  }
  if (d.length < 2) return false;
  const mean = d.reduce((a, b) => a + b, 0) / d.length;
  // Evenly spaced letters of similar width ("SALE" in many fonts) also count: unsure rather than wrong.
  return mean > 0 && d.every((v) => Math.abs(v - mean) <= mean * 0.08);
}
