/**
 * Text-check benchmark (`npm run bench -- --only text`): known text rendered with Debian's fonts in
 * several sizes and colour schemes, each as a right candidate and as a near miss (O/0, l/1, rn/m,
 * a wrong digit). Every candidate is a 1000×1000 region (1 MP) read whole by the same code the
 * edit job uses. Reports precision and recall of "spelled right", time per candidate, and the time
 * of a floor measured in the same run (sharp decoding + greyscaling the same 1 MP PNG).
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import sharp from 'sharp';
import { checkCandidate, prepareTextCheck } from '../../electron/main/text-check/check-candidates';
import { shutdownOcr } from '../../electron/main/text-check/ocr-engine';
import { availableFonts, renderText } from './render-text';

/** [requested text, near miss rendered instead]. */
export const PAIRS: [string, string][] = [
  ['V2.0', 'V2.O'],
  ['SALE 50%', 'SALE 5O%'],
  ['BEST BEFORE 2027', 'BEST BEFORE 2O27'],
  ['$19.99', '$l9.99'],
  ['fresh milk', 'fresh mi1k'],
  ['modern', 'rnodern'],
  ['Summer', 'Surnmer'],
  ['Hello World', 'Hel1o World'],
  ['Version 3.1', 'Version 3.7'],
  ['ORGANIC', 'ORGAN1C'],
];

const SCHEMES = [
  { background: '#e8dcc0', colour: '#202030' },
  { background: '#1d3557', colour: '#f1faee' },
  { background: '#ffffff', colour: '#b00020' },
];

const quick = process.argv.includes('--quick');
const SIZE = 1000;

async function main() {
  const fonts = availableFonts();
  if (!fonts.length) {
    console.log('\nText check: no Debian fonts found (apt-get install fonts-dejavu-core fonts-liberation); skipped');
    return;
  }
  const sizes = quick ? [20, 56] : [20, 32, 56, 96];
  const usedFonts = quick ? fonts.filter((_, i) => i % 2 === 0) : fonts;
  const region = { width: SIZE, height: SIZE };
  const base = new Uint8Array(SIZE * SIZE * 4);
  const mask = new Uint8Array(SIZE * SIZE).fill(1);
  const rows: { font: string; px: number; expected: string; rendered: string; truth: boolean; status: string; read: string; ms: number }[] =
    [];
  const floorMs: number[] = [];
  let k = 0;
  for (const font of usedFonts)
    for (const px of sizes)
      for (const [expected, miss] of PAIRS)
        for (const rendered of [expected, miss]) {
          const scheme = SCHEMES[k++ % SCHEMES.length];
          const png = renderText({ text: rendered, font, px, width: SIZE, height: SIZE, ...scheme });
          const t0 = performance.now();
          const raw = await sharp(png).ensureAlpha().raw().toBuffer();
          const patch = new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength);
          // The background of the region before the edit: the scheme's colour, no text.
          base.set(patch.subarray(0, 4));
          for (let i = 4; i < base.length; i += 4) base.copyWithin(i, 0, 4);
          const ctx = await prepareTextCheck({ text: expected }, base, mask, region, '');
          const v = await checkCandidate(ctx!, base, SIZE, patch);
          const ms = performance.now() - t0;
          const f0 = performance.now();
          await sharp(png).greyscale().raw().toBuffer();
          floorMs.push(performance.now() - f0);
          rows.push({ font, px, expected, rendered, truth: rendered === expected, status: v.status, read: v.read, ms });
        }
  await shutdownOcr();
  const rightTruth = rows.filter((r) => r.truth);
  const markedRight = rows.filter((r) => r.status === 'right');
  const truePos = markedRight.filter((r) => r.truth).length;
  const falsePos = markedRight.filter((r) => !r.truth);
  const precision = markedRight.length ? truePos / markedRight.length : 1;
  const recall = truePos / rightTruth.length;
  const med = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
  const p95 = (a: number[]) => [...a].sort((x, y) => x - y)[Math.min(a.length - 1, Math.floor(a.length * 0.95))];
  const times = rows.map((r) => r.ms);
  const result = {
    fonts: usedFonts,
    sizes,
    candidates: rows.length,
    right: rightTruth.length,
    wrong: rows.length - rightTruth.length,
    precision,
    recall,
    wrongMarkedRight: falsePos.map((r) => `${r.font} ${r.px}px "${r.rendered}" read "${r.read}"`),
    rightNotMarked: rightTruth
      .filter((r) => r.status !== 'right')
      .map((r) => `${r.font} ${r.px}px "${r.rendered}": ${r.status} "${r.read}"`),
    unsure: rows.filter((r) => r.status === 'unsure').length,
    msPerCandidate: { p50: Math.round(med(times)), p95: Math.round(p95(times)) },
    floorMs: { p50: Math.round(med(floorMs) * 10) / 10 },
    ratioToFloor: Math.round(med(times) / med(floorMs)),
    targets: { noWrongMarkedRight: falsePos.length === 0, recall95: recall >= 0.95, under1s: med(times) < 1000 },
    rows,
  };
  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/text.json', JSON.stringify(result, null, 2));
  console.log(
    `\nText check (offline OCR; ${usedFonts.length} fonts × ${sizes.length} sizes × ${PAIRS.length} texts, right + near miss, 1 MP regions)`,
  );
  console.table({
    'wrong candidates marked right': {
      value: `${falsePos.length} of ${result.wrong}`,
      target: '0',
      pass: result.targets.noWrongMarkedRight ? 'PASS' : 'FAIL',
    },
    'precision of "spelled right"': { value: precision.toFixed(3), target: '1', pass: '' },
    'recall (right ones marked right)': { value: recall.toFixed(3), target: '≥ 0.95', pass: result.targets.recall95 ? 'PASS' : 'FAIL' },
    'marked unsure': { value: result.unsure, target: '', pass: '' },
    'ms per candidate p50 / p95': {
      value: `${result.msPerCandidate.p50} / ${result.msPerCandidate.p95}`,
      target: '< 1000',
      pass: result.targets.under1s ? 'PASS' : 'FAIL',
    },
    'floor: sharp decode + grey of the 1 MP PNG p50 ms': { value: result.floorMs.p50, target: '', pass: '' },
    'ratio to floor': { value: `${result.ratioToFloor}×`, target: '', pass: '' },
  });
  if (falsePos.length) console.log('wrong marked right:', result.wrongMarkedRight.join('; '));
  if (result.rightNotMarked.length) console.log('right not marked right:', result.rightNotMarked.slice(0, 20).join('; '));
}

await main();
