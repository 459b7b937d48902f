/**
 * Probe of the old text's m as the reference for a small m (tried 2026-12-06 and dropped:
 * docs/text-check.md): every installed font of the bench sets but fresh held back 3 (kept unseen),
 * small sizes (where the rn/m rule asks for evidence), three texts not in any set, each drawn right
 * and with "rn" for its m, over the old text (one digit changed) drawn 0.4 px right and 0.3 px down,
 * as `run.ts --old` draws it. Prints the near misses marked right and the right ones marked right;
 * `--measure` prints, for every glyph read as "m", its size and ink distance (reference-glyphs.ts,
 * inkDistance) from the old text's m's — Nimbus Sans Narrow Oblique's touching rn at 20 px measures
 * 0.000 from its m, so no ink threshold can tell them.
 * `node scripts/run-ts.mjs bench/text/m-reference-probe.ts [--sizes 20,26,32] [--rows] [--measure]`.
 */
import sharp from 'sharp';
import { greyArea, judgeCandidate, prepareTextCheck, readArea } from '../../electron/main/text-check/check-candidates';
import { wordShapes } from '../../shared/text-check/glyph-check';
import { inkDistance } from '../../shared/text-check/reference-glyphs';
import { shutdownOcr } from '../../electron/main/text-check/ocr-engine';
import { availableFonts, renderText } from './render-text';
import { SETS } from './sets';

const TEXTS: [string, string, string][] = [
  ['Team 4', 'Tearn 4', 'Team 3'],
  ['Gram 5', 'Grarn 5', 'Gram 6'],
  ['Norm 2', 'Norrn 2', 'Norm 3'],
];
const SCHEMES = [
  { background: '#e8dcc0', colour: '#202030' },
  { background: '#1d3557', colour: '#f1faee' },
  { background: '#ffffff', colour: '#b00020' },
];
const args = process.argv.slice(2);
const sizesArg = args.indexOf('--sizes');
const SIZES = sizesArg >= 0 ? args[sizesArg + 1].split(',').map(Number) : [20, 26, 32];
const W = 600;
const H = 300;

async function rgba(png: Buffer): Promise<Uint8Array> {
  const raw = await sharp(png).ensureAlpha().raw().toBuffer();
  return new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength);
}

const fonts = new Set<string>();
for (const set of SETS) if (set.key !== 'fresh3' && !set.blur) for (const f of availableFonts(set.fonts)) fonts.add(f);
const tally = { right: 0, rightMarked: 0, wrong: 0, wrongMarked: 0, wrongUnsure: 0 };
const bad: string[] = [];
let k = 0;
for (const font of fonts)
  for (const px of SIZES)
    for (const [text, miss, old] of TEXTS)
      for (const drawn of [text, miss]) {
        const scheme = SCHEMES[k++ % SCHEMES.length];
        const base = await rgba(renderText({ text: old, font, px, width: W, height: H, ...scheme, dx: 0.4, dy: 0.3 }));
        const cand = await rgba(renderText({ text: drawn, font, px, width: W, height: H, ...scheme }));
        const mask = new Uint8Array(W * H).fill(1);
        const ctx = await prepareTextCheck({ text }, base, mask, { width: W, height: H });
        const { verdict } = await judgeCandidate(ctx!, base, W, cand);
        const right = drawn === text;
        if (right) {
          tally.right++;
          if (verdict.status === 'right') tally.rightMarked++;
        } else {
          tally.wrong++;
          if (verdict.status === 'right') {
            tally.wrongMarked++;
            bad.push(`${font} ${px}px "${drawn}" read "${verdict.read}"`);
          }
          if (verdict.status === 'unsure') tally.wrongUnsure++;
        }
        if (args.includes('--measure') && ctx?.reference) {
          // The candidate's glyphs read as "m" against the old m's: width and height apart (read
          // pixels) and ink distance, whatever the verdict.
          const olds = ctx.reference.glyphs.filter((r) => r.text === 'm');
          const { reading, grey } = await readArea(greyArea(base, W, ctx.area, cand), olds[0]?.scale);
          for (const g of reading.glyphs.filter((o) => o.text === 'm')) {
            const sh = wordShapes(
              grey,
              reading.glyphs.filter((o) => o.word === g.word),
            )?.get(g.box);
            if (!sh || sh.x === undefined) continue;
            const mine = { ink: sh.ink, iw: sh.w, ih: sh.h };
            for (const r of olds)
              console.log(
                `MEASURE ${right ? 'right' : 'miss'} ${font} ${px}px "${drawn}" s${(k - 1) % 3} scale ${grey.scale ?? 1}/${r.scale} dw ${sh.w - r.iw} dh ${sh.h - r.ih} w ${r.iw} ink ${inkDistance(mine, r).toFixed(3)} parts ${sh.parts}${sh.cut ? ' cut' : ''} ${verdict.status}`,
              );
          }
        }
        if (args.includes('--rows'))
          console.log(`${font} ${px}px "${drawn}" over "${old}": ${verdict.status} "${verdict.read}" ${verdict.note ?? ''}`);
      }
await shutdownOcr();
console.log(`${fonts.size} fonts × ${SIZES.join('/')} px × ${TEXTS.length} texts`, tally);
if (bad.length) console.log('near misses marked right:', bad.join('; '));
