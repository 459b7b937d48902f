/**
 * Probe of the rn/m rule on words in no bench set (2026-12-07): every installed font of the bench
 * sets but fresh held back 3 (kept unseen), six words with a small m ("Team 4", "Gram 5", "Norm 2",
 * "Climb 3", "Human 8", "Atom 6"), each drawn with "rn" for its m (or, `right`, as asked) in all three
 * colour schemes, over the old text (one digit changed) drawn 0.4 px right and 0.3 px down, as
 * `run.ts --old` draws it. Prints one row per candidate; the near misses marked right are the holes.
 * `node scripts/run-ts.mjs bench/text/rn-probe.ts [sizes, default 20] [miss|right]`; the env FONTS
 * (names joined by |) and TEXT (one word as asked) narrow it.
 */
import sharp from 'sharp';
import { judgeCandidate, prepareTextCheck } from '../../electron/main/text-check/check-candidates';
import { shutdownOcr } from '../../electron/main/text-check/ocr-engine';
import { availableFonts, renderText } from './render-text';
import { SETS } from './sets';

const TEXTS: [string, string, string][] = [
  ['Team 4', 'Tearn 4', 'Team 3'],
  ['Gram 5', 'Grarn 5', 'Gram 6'],
  ['Norm 2', 'Norrn 2', 'Norm 3'],
  ['Climb 3', 'Clirnb 3', 'Climb 2'],
  ['Human 8', 'Hurnan 8', 'Human 7'],
  ['Atom 6', 'Atorn 6', 'Atom 5'],
];
const SCHEMES = [
  { background: '#e8dcc0', colour: '#202030' },
  { background: '#1d3557', colour: '#f1faee' },
  { background: '#ffffff', colour: '#b00020' },
];
const args = process.argv.slice(2);
const SIZES = (args[0] ?? '20').split(',').map(Number);
const drawMiss = (args[1] ?? 'miss') === 'miss';
const only = process.env.FONTS?.split('|');
const W = 600;
const H = 300;

async function rgba(png: Buffer): Promise<Uint8Array> {
  const raw = await sharp(png).ensureAlpha().raw().toBuffer();
  return new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength);
}

const fonts = new Set<string>();
for (const set of SETS) if (set.key !== 'fresh3' && !set.blur) for (const f of availableFonts(set.fonts)) fonts.add(f);
let n = 0;
const marked: string[] = [];
for (const font of fonts) {
  if (only && !only.includes(font)) continue;
  for (const px of SIZES)
    for (const [text, miss, old] of TEXTS.filter((t) => !process.env.TEXT || t[0] === process.env.TEXT))
      for (let si = 0; si < SCHEMES.length; si++) {
        const drawn = drawMiss ? miss : text;
        const scheme = SCHEMES[si];
        const base = await rgba(renderText({ text: old, font, px, width: W, height: H, ...scheme, dx: 0.4, dy: 0.3 }));
        const cand = await rgba(renderText({ text: drawn, font, px, width: W, height: H, ...scheme }));
        const mask = new Uint8Array(W * H).fill(1);
        const ctx = await prepareTextCheck({ text }, base, mask, { width: W, height: H });
        const { verdict } = await judgeCandidate(ctx!, base, W, cand);
        n++;
        if (verdict.status === 'right') marked.push(`${font} ${px}px s${si} "${drawn}"`);
        console.log(`${font} ${px}px s${si} "${drawn}": ${verdict.status} "${verdict.read}" ${verdict.note ?? ''}`);
      }
}
await shutdownOcr();
console.log(
  `${n} ${drawMiss ? 'near misses' : 'right candidates'}, ${marked.length} marked right${marked.length ? `: ${marked.join('; ')}` : ''}`,
);
