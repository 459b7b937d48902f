/**
 * Ink widths of 0 and O over the median ink width of plain capitals (E F H L N P R T), per font and
 * size, for every font of the text bench's sets but fresh held back 2 (`--fresh2` adds it): the
 * measurement behind dropping a capital-letter reference for zeros (docs/text-check.md).
 * `node scripts/run-ts.mjs bench/text/zero-widths.ts`
 */
import { availableFonts } from './render-text';
import { glyphAlone } from './glyph-alone';
import { SETS } from './sets';

const withFresh2 = process.argv.includes('--fresh2');
const files: Record<string, string> = {};
for (const s of SETS) if (s.key !== 'fresh3' && (s.key !== 'fresh2' || withFresh2)) Object.assign(files, s.fonts);
const fonts = availableFonts(files);
async function width(font: string, px: number, ch: string) {
  const { w, h } = await glyphAlone(font, px, ch);
  return { w, h };
}
const caps = ['E', 'F', 'H', 'P', 'R', 'T', 'L', 'N'];
let zMax = 0,
  oMin = 9;
for (const font of fonts)
  for (const px of [20, 32, 56, 96]) {
    const z = await width(font, px, '0');
    const o = await width(font, px, 'O');
    const cw = (await Promise.all(caps.map((c) => width(font, px, c)))).map((x) => x.w).sort((a, b) => a - b);
    const lo = cw[0],
      hi = cw[cw.length - 1],
      med = cw[cw.length >> 1];
    const zr = z.w / lo; // zero against the narrowest capital: most zero-like ratio is high
    const or = o.w / hi; // O against the widest capital
    zMax = Math.max(zMax, z.w / med);
    oMin = Math.min(oMin, o.w / med);
    console.log(
      `${font.padEnd(30)} ${String(px).padStart(2)} 0/med ${(z.w / med).toFixed(2)} O/med ${(o.w / med).toFixed(2)} | 0/narrowest ${zr.toFixed(2)} O/widest ${or.toFixed(2)}`,
    );
  }
console.log('max 0/med', zMax.toFixed(2), 'min O/med', oMin.toFixed(2));
