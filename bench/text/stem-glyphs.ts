/**
 * Measures the stem glyphs (1, l, I) of every font the text bench may tune on — each drawn alone, at
 * 20/32/56/96 px (20 px scaled up 2× as the checker reads small text) — with the features of
 * shared/text-check/bare-foot-flag.ts, and marks those the bare-foot flag rule takes for a 1. The
 * figures in that file and docs/text-check.md come from it. `--fresh` adds the fresh held-back set
 * (looked at only after its run). `node scripts/run-ts.mjs bench/text/stem-glyphs.ts`
 */
import { availableFonts } from './render-text';
import { glyphAlone } from './glyph-alone';
import { SETS } from './sets';
import { bareFootFlag, stemFeatures } from '../../shared/text-check/bare-foot-flag';

const fresh = process.argv.includes('--fresh');
// Never the set that is never tuned on (fresh held back 2); the fresh set only when asked.
const files: Record<string, string> = {};
for (const s of SETS) if (s.key !== 'fresh2' && s.key !== 'fresh3' && (s.key !== 'fresh' || fresh)) Object.assign(files, s.fonts);
const fonts = availableFonts(files);
const sizes = [20, 32, 56, 96];
async function glyph(font: string, px: number, ch: string) {
  const { ink, w, h } = await glyphAlone(font, px, ch);
  return stemFeatures(ink, w, h);
}
const f2 = (x: number) => x.toFixed(2);
for (const font of fonts)
  for (const px of sizes) {
    const out = [];
    for (const ch of ['1', 'l', 'I']) {
      const s = await glyph(font, px, ch);
      out.push(
        `${ch}: reach ${f2(s.leftReach)} level ${f2(s.levelReach)} depth ${f2(s.depth)} foot ${f2(s.footLeft)}/${f2(s.footRight)} w ${f2(s.aspect)}${bareFootFlag(s) ? ' BARE-FLAG' : ''}`,
      );
    }
    console.log(`${font.padEnd(30)} ${String(px).padStart(2)}  ${out.join(' | ')}`);
  }
