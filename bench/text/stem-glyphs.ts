/**
 * Measures the stem glyphs (1, l, I) of every font the text bench may tune on — each drawn alone, at
 * 20/32/56/96 px (20 px scaled up 2× as the checker reads small text) — with the features of
 * shared/text-check/bare-foot-flag.ts, and marks those the bare-foot flag rule takes for a 1. The
 * figures in that file and docs/text-check.md come from it. `--fresh` adds the fresh held-back set
 * (looked at only after its run). `node scripts/run-ts.mjs bench/text/stem-glyphs.ts`
 */
import sharp from 'sharp';
import { availableFonts, renderText } from './render-text';
import { SETS } from './sets';
import { inkOf } from '../../shared/text-check/binarise';
import { labelComponents } from '../../shared/text-check/word-segments';
import { stemFeatures } from '../../shared/text-check/bare-foot-flag';

const fresh = process.argv.includes('--fresh');
// Never the set that is never tuned on (fresh held back 2); the fresh set only when asked.
const files: Record<string, string> = {};
for (const s of SETS) if (s.key !== 'fresh2' && (s.key !== 'fresh' || fresh)) Object.assign(files, s.fonts);
const fonts = availableFonts(files);
const sizes = [20, 32, 56, 96];
async function glyph(font: string, px: number, ch: string) {
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
  const gw = c.x1 - c.x0 + 1,
    gh = c.y1 - c.y0 + 1;
  const g = new Uint8Array(gw * gh);
  for (let y = 0; y < gh; y++) for (let x = 0; x < gw; x++) g[y * gw + x] = label[(y + c.y0) * w + x + c.x0] === id ? 1 : 0;
  return stemFeatures(g, gw, gh);
}
const f2 = (x: number) => x.toFixed(2);
for (const font of fonts)
  for (const px of sizes) {
    const out = [];
    for (const ch of ['1', 'l', 'I']) {
      const s = await glyph(font, px, ch);
      out.push(
        `${ch}: reach ${f2(s.leftReach)} level ${f2(s.levelReach)} depth ${f2(s.depth)} foot ${f2(s.footLeft)}/${f2(s.footRight)} top→ ${f2(s.topRight)} w ${f2(s.aspect)}${s.bareFlag ? ' BARE-FLAG' : ''}`,
      );
    }
    console.log(`${font.padEnd(30)} ${String(px).padStart(2)}  ${out.join(' | ')}`);
  }
