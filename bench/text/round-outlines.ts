/**
 * O against 0 per font and size, alone and binarised as the text check sees them (glyph-alone.ts):
 * each one's ink width over height, the median digit's (2–9), and how many pixels differ when both
 * binarise to the same box (−1: not the same box). The measurement behind leaving the same-outline
 * fonts' wrong ✓ (Okolaks, Routed Gothic: 0 pixels differ) to the O/0 rules as they are: a zero as
 * wide as those fonts' shared outline is an ordinary zero elsewhere (DejaVu Sans at 20 px), so no
 * width rule tells the fonts apart (docs/benchmarks.md, helper T6).
 * `node scripts/run-ts.mjs bench/text/round-outlines.ts [--sizes 20,56]`
 */
import { glyphAlone } from './glyph-alone';
import { availableFonts } from './render-text';
import { SETS } from './sets';

const i = process.argv.indexOf('--sizes');
const sizes = i > 0 ? process.argv[i + 1].split(',').map(Number) : [20, 56];
const files: Record<string, string> = {};
for (const s of SETS) Object.assign(files, s.fonts);
const setsOf = (f: string) =>
  SETS.filter((s) => s.key !== 'lword' && f in s.fonts)
    .map((s) => s.key)
    .join('/');
for (const font of availableFonts(files))
  for (const px of sizes) {
    const z = await glyphAlone(font, px, '0');
    const o = await glyphAlone(font, px, 'O');
    const digits: number[] = [];
    for (const d of '2345689') {
      const g = await glyphAlone(font, px, d);
      digits.push(g.w / g.h);
    }
    const dm = digits.sort((a, b) => a - b)[3];
    let diff = -1;
    if (z.w === o.w && z.h === o.h) {
      diff = 0;
      for (let k = 0; k < z.ink.length; k++) diff += z.ink[k] !== o.ink[k] ? 1 : 0;
    }
    const r = (x: number) => x.toFixed(2);
    console.log(
      `${font.padEnd(32)} ${setsOf(font).padEnd(14)} ${String(px).padStart(2)} px  0 ${r(z.w / z.h)}  O ${r(o.w / o.h)}  digits ${r(dm)}  pixels differing ${diff}`,
    );
  }
