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
  return ch === '0' || ch === 'o' || ch === '1' || ch === 'm';
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

/** Tight box of the ink inside `box` (Tesseract's boxes can include a pixel of background). */
function tighten(img: GreyImage, box: Box, pad: number): { ink: Uint8Array; w: number; h: number; box: Box } {
  const { ink, w, h } = inkOf(img, box, pad);
  let x0 = w;
  let y0 = h;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++)
      if (ink[y * w + x]) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
  if (x1 < 0) return { ink, w, h, box };
  const tw = x1 - x0 + 1;
  const th = y1 - y0 + 1;
  const tight = new Uint8Array(tw * th);
  for (let y = 0; y < th; y++) for (let x = 0; x < tw; x++) tight[y * tw + x] = ink[(y + y0) * w + x + x0];
  return { ink: tight, w: tw, h: th, box: { x0: box.x0 + x0, y0: box.y0 + y0, x1: box.x0 + x1 + 1, y1: box.y0 + y1 + 1 } };
}

/**
 * Checks one glyph read as `ch` (normalised). `line` are the boxes of the glyphs around it (same
 * word), used to recognise monospaced text, where O and 0 have the same width.
 */
export function checkGlyph(img: GreyImage, ch: string, glyphBox: Box, line: readonly Box[]): GlyphVerdict {
  const pad = Math.max(2, Math.round((glyphBox.y1 - glyphBox.y0) * 0.3));
  const g = tighten(img, glyphBox, pad);
  const aspect = g.w / g.h;
  if (ch === '0' || ch === 'o') {
    const centre = centreInk(g.ink, g.w, g.h);
    if (centre > 0.3) return ch === '0' ? { result: 'ok' } : { result: 'veto', looksLike: '0' };
    if (monospaced(line)) return { result: 'unsure', between: 'O/0' };
    if (aspect < 0.7) return ch === '0' ? { result: 'ok' } : { result: 'veto', looksLike: '0' };
    if (aspect > 0.76) return ch === 'o' ? { result: 'ok' } : { result: 'veto', looksLike: 'O' };
    return { result: 'unsure', between: 'O/0' };
  }
  if (ch === '1') {
    if (aspect < 0.3) return { result: 'veto', looksLike: 'l' };
    if (aspect < 0.4) return { result: 'unsure', between: '1/l' };
    return { result: 'ok' };
  }
  if (ch === 'm') return hasInnerGap(g.ink, g.w, g.h) ? { result: 'veto', looksLike: 'rn' } : { result: 'ok' };
  return { result: 'ok' };
}

function centreInk(ink: Uint8Array, w: number, h: number): number {
  const x0 = Math.floor(w * 0.38);
  const x1 = Math.max(x0 + 1, Math.ceil(w * 0.62));
  const y0 = Math.floor(h * 0.38);
  const y1 = Math.max(y0 + 1, Math.ceil(h * 0.62));
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

/** Glyph centres evenly spaced (within 8 %) over at least three glyphs: a monospaced font. */
function monospaced(line: readonly Box[]): boolean {
  if (line.length < 3) return false;
  const c = line.map((b) => (b.x0 + b.x1) / 2).sort((a, b) => a - b);
  const d = c.slice(1).map((v, i) => v - c[i]);
  const mean = d.reduce((a, b) => a + b, 0) / d.length;
  if (mean <= 0) return false;
  return d.every((v) => Math.abs(v - mean) <= mean * 0.08);
}
