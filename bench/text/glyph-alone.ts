/**
 * One character drawn alone in a font and binarised as the text check sees it (20-px text scaled up
 * 2× first, as the checker reads small text): the largest ink component, cropped. For the glyph
 * measurements behind the text-check rules (stem-glyphs.ts, zero-widths.ts).
 */
import sharp from 'sharp';
import { inkOf } from '../../shared/text-check/binarise';
import { labelComponents } from '../../shared/text-check/word-segments';
import { renderText } from './render-text';

export async function glyphAlone(font: string, px: number, ch: string): Promise<{ ink: Uint8Array; w: number; h: number }> {
  const S = 300;
  const png = renderText({ text: ch, font, px, width: S, height: S });
  const scale = px < 28 ? 2 : 1;
  let img = sharp(png).greyscale();
  if (scale === 2) img = img.resize(S * 2, S * 2, { kernel: 'linear' });
  const raw = await img.raw().toBuffer();
  const W = S * scale;
  const data = new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength);
  const { ink, w, h } = inkOf({ width: W, height: W, data }, { x0: 0, y0: 0, x1: W, y1: W }, 0);
  const { label, comps } = labelComponents(ink, w, h);
  const c = comps.reduce((a, b) => (b.n > a.n ? b : a));
  const id = comps.indexOf(c);
  const gw = c.x1 - c.x0 + 1;
  const gh = c.y1 - c.y0 + 1;
  const g = new Uint8Array(gw * gh);
  for (let y = 0; y < gh; y++) for (let x = 0; x < gw; x++) g[y * gw + x] = label[(y + c.y0) * w + x + c.x0] === id ? 1 : 0;
  return { ink: g, w: gw, h: gh };
}
