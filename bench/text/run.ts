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
import { availableFonts, HELD_BACK_FONT_FILES, renderText } from './render-text';

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

/** Held back: texts and fonts the glyph checks were not tuned on, reported on their own. */
export const HELD_BACK_PAIRS: [string, string][] = [
  ['PRICE 10.00', 'PRICE 1O.00'],
  ['Model 100', 'Model l00'],
  ['Farm fresh', 'Farrn fresh'],
  ['EDITION 2026', 'EDITION 2O26'],
  ['Gold 100ml', 'Gold 100rnl'],
  ['Limited', 'Lirnited'],
  ['No. 1 choice', 'No. l choice'],
  ['ZERO 0%', 'ZERO O%'],
];

const SCHEMES = [
  { background: '#e8dcc0', colour: '#202030' },
  { background: '#1d3557', colour: '#f1faee' },
  { background: '#ffffff', colour: '#b00020' },
];

const quick = process.argv.includes('--quick');
const SIZE = 1000;

interface Row {
  font: string;
  px: number;
  expected: string;
  rendered: string;
  truth: boolean;
  status: string;
  read: string;
  ms: number;
}

const med = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
const p95 = (a: number[]) => [...a].sort((x, y) => x - y)[Math.min(a.length - 1, Math.floor(a.length * 0.95))];

/** Renders every font × size × pair (right and near miss) and checks each as an edit's candidate. */
async function runSet(fonts: string[], sizes: number[], pairs: [string, string][], floorMs: number[]): Promise<Row[]> {
  const region = { width: SIZE, height: SIZE };
  const base = new Uint8Array(SIZE * SIZE * 4);
  const mask = new Uint8Array(SIZE * SIZE).fill(1);
  const rows: Row[] = [];
  let k = 0;
  for (const font of fonts)
    for (const px of sizes)
      for (const [expected, miss] of pairs)
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
  return rows;
}

function summarise(rows: Row[]) {
  const rightTruth = rows.filter((r) => r.truth);
  const markedRight = rows.filter((r) => r.status === 'right');
  const truePos = markedRight.filter((r) => r.truth).length;
  const falsePos = markedRight.filter((r) => !r.truth);
  const times = rows.map((r) => r.ms);
  return {
    candidates: rows.length,
    right: rightTruth.length,
    wrong: rows.length - rightTruth.length,
    precision: markedRight.length ? truePos / markedRight.length : 1,
    recall: rightTruth.length ? truePos / rightTruth.length : 1,
    wrongMarkedRight: falsePos.map((r) => `${r.font} ${r.px}px "${r.rendered}" read "${r.read}"`),
    rightNotMarked: rightTruth
      .filter((r) => r.status !== 'right')
      .map((r) => `${r.font} ${r.px}px "${r.rendered}": ${r.status} "${r.read}"`),
    unsure: rows.filter((r) => r.status === 'unsure').length,
    msPerCandidate: { p50: Math.round(med(times)), p95: Math.round(p95(times)) },
  };
}

async function main() {
  const fonts = availableFonts();
  if (!fonts.length) {
    console.log('\nText check: no Debian fonts found (apt-get install fonts-dejavu-core fonts-liberation); skipped');
    return;
  }
  const heldFonts = availableFonts(HELD_BACK_FONT_FILES);
  const sizes = quick ? [20, 56] : [20, 32, 56, 96];
  const devFonts = quick ? fonts.filter((_, i) => i % 2 === 0) : fonts;
  const floorMs: number[] = [];
  const devRows = await runSet(devFonts, sizes, PAIRS, floorMs);
  const heldRows = quick ? [] : await runSet(heldFonts, sizes, HELD_BACK_PAIRS, floorMs);
  await shutdownOcr();
  const dev = summarise(devRows);
  const held = heldRows.length ? summarise(heldRows) : null;
  const floor = Math.round(med(floorMs) * 10) / 10;
  const pass = (s: ReturnType<typeof summarise>) => ({
    noWrongMarkedRight: s.wrongMarkedRight.length === 0,
    recall95: s.recall >= 0.95,
    under1s: s.msPerCandidate.p50 < 1000,
  });
  const result = {
    sizes,
    dev: { fonts: devFonts, pairs: PAIRS, ...dev, targets: pass(dev), rows: devRows },
    heldBack: held && { fonts: heldFonts, pairs: HELD_BACK_PAIRS, ...held, targets: pass(held), rows: heldRows },
    floorMs: { p50: floor },
    ratioToFloor: Math.round(dev.msPerCandidate.p50 / floor),
  };
  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/text.json', JSON.stringify(result, null, 2));
  console.log(
    `\nText check (offline OCR, 1 MP regions, right + near miss): dev = ${devFonts.length} fonts × ${sizes.length} sizes × ${PAIRS.length} texts; held back = ${heldFonts.length} other fonts × ${HELD_BACK_PAIRS.length} other texts`,
  );
  const line = (s: ReturnType<typeof summarise> | null, f: (s: ReturnType<typeof summarise>) => string) => (s ? f(s) : 'not run');
  const ok = (b: boolean) => (b ? 'PASS' : 'FAIL');
  console.table({
    'wrong candidates marked right': {
      dev: `${dev.wrongMarkedRight.length} of ${dev.wrong}`,
      'held back': line(held, (s) => `${s.wrongMarkedRight.length} of ${s.wrong}`),
      target: '0',
      pass: ok(pass(dev).noWrongMarkedRight && (!held || pass(held).noWrongMarkedRight)),
    },
    'precision of "spelled right"': {
      dev: dev.precision.toFixed(3),
      'held back': line(held, (s) => s.precision.toFixed(3)),
      target: '1',
      pass: '',
    },
    'recall (right ones marked right)': {
      dev: dev.recall.toFixed(3),
      'held back': line(held, (s) => s.recall.toFixed(3)),
      target: '≥ 0.95',
      pass: ok(pass(dev).recall95 && (!held || pass(held).recall95)),
    },
    'marked unsure': { dev: dev.unsure, 'held back': line(held, (s) => String(s.unsure)), target: '', pass: '' },
    'ms per candidate p50 / p95': {
      dev: `${dev.msPerCandidate.p50} / ${dev.msPerCandidate.p95}`,
      'held back': line(held, (s) => `${s.msPerCandidate.p50} / ${s.msPerCandidate.p95}`),
      target: '< 1000',
      pass: ok(pass(dev).under1s && (!held || pass(held).under1s)),
    },
    'floor: sharp decode + grey of the 1 MP PNG p50 ms': { dev: floor, 'held back': '', target: '', pass: '' },
    'ratio to floor': { dev: `${result.ratioToFloor}×`, 'held back': '', target: '', pass: '' },
  });
  for (const [name, s] of [
    ['dev', dev],
    ['held back', held],
  ] as const) {
    if (!s) continue;
    if (s.wrongMarkedRight.length) console.log(`${name}: wrong marked right:`, s.wrongMarkedRight.join('; '));
    if (s.rightNotMarked.length) console.log(`${name}: right not marked right:`, s.rightNotMarked.slice(0, 20).join('; '));
  }
}

await main();
