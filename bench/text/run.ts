/**
 * Text-check benchmark (`npm run bench -- --only text`): known text rendered with Debian's fonts in
 * several sizes and colour schemes, each as a right candidate and as a near miss (O/0, l/1, rn/m,
 * a wrong digit). Every candidate is a 1000×1000 region (1 MP) read whole by the same code the
 * edit job uses. Reports precision and recall of "spelled right" per set (dev, dev added, old held
 * back, new held back and the l/1 probes: Bookman, monospaced bold, italic and blurred — bench/text/sets.ts), time per candidate, and the time of a floor measured in the same
 * run (sharp decoding + greyscaling the same 1 MP PNG).
 *
 * Options (for targeted runs while developing): --quick (dev set, half its fonts, 2 sizes),
 * --sets dev,added,held,new,wider,fresh,fresh2,fresh3,fresh4,fresh5,fresh6,lword,probe,mono,italic,blur, --fonts <substring>[,…], --sizes 20,32, --pairs <substring of the text>[,…],
 * --schemes 0,1,2 (only the candidates drawn in those colour schemes: 0 dark on cream, 1 light on
 * navy, 2 red on white), --rows (print every candidate with its scheme).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import sharp from 'sharp';
import { judgeCandidate, prepareTextCheck } from '../../electron/main/text-check/check-candidates';
import { shutdownOcr } from '../../electron/main/text-check/ocr-engine';
import { availableFonts, renderText } from './render-text';
import { sameAsRightRendering } from './same-pixels';
import { type BenchSet, oldTextFor, SETS } from './sets';

const SCHEMES = [
  { background: '#e8dcc0', colour: '#202030' },
  { background: '#1d3557', colour: '#f1faee' },
  { background: '#ffffff', colour: '#b00020' },
];

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const opt = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1].split(',') : null;
};
const SIZE = 1000;
/**
 * --old: the region before the edit shows the old text in the same font, size and colours (the
 * edit retouchers make: "V3.0" → "V2.0"), read once per candidate as the app reads it once per job;
 * its zeros and Os are the O/0 check's reference (shared/text-check/reference-glyphs.ts). Without
 * --old the region before the edit is blank (no old text, no reference).
 */
const withOld = args.includes('--old');
/** --schemes 0,1,2: only candidates drawn in those colour schemes (the others are skipped, not re-coloured). */
const onlySchemes = opt('schemes');

interface Row {
  font: string;
  px: number;
  expected: string;
  rendered: string;
  truth: boolean;
  status: string;
  /** The first reading's verdict (before the second, single-line reading of a misread line). */
  first: string;
  read: string;
  note?: string;
  ms: number;
  /** The old text under the candidate (--old), when the requested text gives one. */
  old?: string;
  /**
   * A wrong candidate marked right whose image is the requested text's image, pixel for pixel (the
   * requested text drawn in the same font, size, colours, place and blur): no reader can tell them.
   */
  samePixels?: boolean;
}

/** Time to prepare each candidate's check (with --old: reading the old text), ms. */
const prepareMs: number[] = [];
const med = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
const p95 = (a: number[]) => [...a].sort((x, y) => x - y)[Math.min(a.length - 1, Math.floor(a.length * 0.95))];

/** Renders every font × size × pair (right and near miss) and checks each as an edit's candidate. */
async function runSet(
  fonts: string[],
  sizes: number[],
  pairs: [string, string][],
  floorMs: number[],
  print: boolean,
  blur?: number,
): Promise<Row[]> {
  const region = { width: SIZE, height: SIZE };
  const base = new Uint8Array(SIZE * SIZE * 4);
  const mask = new Uint8Array(SIZE * SIZE).fill(1);
  const rows: Row[] = [];
  let k = 0;
  for (const font of fonts)
    for (const px of sizes)
      for (const [expected, miss] of pairs)
        for (const rendered of [expected, miss]) {
          const si = k++ % SCHEMES.length;
          if (onlySchemes && !onlySchemes.includes(String(si))) continue;
          const scheme = SCHEMES[si];
          const drawn = renderText({ text: rendered, font, px, width: SIZE, height: SIZE, ...scheme });
          const png = blur ? await sharp(drawn).blur(blur).png().toBuffer() : drawn;
          const d0 = performance.now();
          const raw = await sharp(png).ensureAlpha().raw().toBuffer();
          const patch = new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength);
          const decodeMs = performance.now() - d0;
          const old = withOld ? oldTextFor(expected) : undefined;
          if (old) {
            // The old text in the same lettering, under the candidate.
            // Placed 0.4 px right and 0.3 px down of the new text: the same lettering, not the same pixels.
            const before = renderText({ text: old, font, px, width: SIZE, height: SIZE, ...scheme, dx: 0.4, dy: 0.3 });
            const pre = await sharp(blur ? await sharp(before).blur(blur).png().toBuffer() : before)
              .ensureAlpha()
              .raw()
              .toBuffer();
            base.set(pre);
          } else {
            // The background of the region before the edit: the scheme's colour, no text.
            base.set(patch.subarray(0, 4));
            for (let i = 4; i < base.length; i += 4) base.copyWithin(i, 0, 4);
          }
          // The app prepares once per job (the old text read once); timed apart from the candidate's check.
          const p0 = performance.now();
          const ctx = await prepareTextCheck({ text: expected }, base, mask, region, old ? undefined : '', old !== undefined);
          prepareMs.push(performance.now() - p0);
          const t0 = performance.now();
          const { verdict: v, first } = await judgeCandidate(ctx!, base, SIZE, patch);
          const ms = decodeMs + performance.now() - t0;
          // A wrong candidate marked right: is it the right rendering's pixels? (computed, not assumed)
          const same =
            rendered !== expected && v.status === 'right'
              ? await sameAsRightRendering(patch, { font, px, width: SIZE, height: SIZE, ...scheme }, expected, blur)
              : undefined;
          const f0 = performance.now();
          await sharp(png).greyscale().raw().toBuffer();
          floorMs.push(performance.now() - f0);
          const row = {
            font,
            px,
            expected,
            rendered,
            truth: rendered === expected,
            status: v.status,
            first: first.status,
            read: v.read,
            note: v.note,
            ms,
            ...(old ? { old } : {}),
            ...(same !== undefined ? { samePixels: same } : {}),
          };
          rows.push(row);
          if (print) {
            const flag = row.truth
              ? row.status === 'right'
                ? ''
                : ' <- not right'
              : row.status === 'right'
                ? same
                  ? ' <- wrong marked right (indistinguishable: same pixels as a right rendering)'
                  : ' <- WRONG MARKED RIGHT'
                : '';
            const again = first === v ? '' : ` (first read: ${first.status} "${first.read}")`;
            console.log(
              `${font} ${px}px s${si} "${rendered}": ${row.status} "${row.read}" ${row.note ?? ''} ${Math.round(ms)} ms${flag}${again}`,
            );
          }
        }
  return rows;
}

function summarise(rows: Row[]) {
  const rightTruth = rows.filter((r) => r.truth);
  const markedRight = rows.filter((r) => r.status === 'right');
  const truePos = markedRight.filter((r) => r.truth).length;
  const falsePos = markedRight.filter((r) => !r.truth);
  // Wrong ✓ whose image is the right rendering's pixels (no reader can tell), and the others.
  const samePos = falsePos.filter((r) => r.samePixels);
  const realPos = falsePos.filter((r) => !r.samePixels);
  const times = rows.map((r) => r.ms);
  return {
    candidates: rows.length,
    right: rightTruth.length,
    wrong: rows.length - rightTruth.length,
    precision: markedRight.length ? truePos / markedRight.length : 1,
    recall: rightTruth.length ? truePos / rightTruth.length : 1,
    /** Every wrong candidate marked right (the raw count). */
    wrongMarkedRight: falsePos.map((r) => `${r.font} ${r.px}px "${r.rendered}" read "${r.read}"`),
    /** Of those, the ones whose image equals the right rendering's, pixel for pixel. */
    indistinguishable: samePos.map((r) => `${r.font} ${r.px}px "${r.rendered}" read "${r.read}"`),
    /** Of those, the ones a reader could have told from the right rendering: checker errors. */
    checkerErrors: realPos.map((r) => `${r.font} ${r.px}px "${r.rendered}" read "${r.read}"`),
    rightNotMarked: rightTruth
      .filter((r) => r.status !== 'right')
      .map((r) => `${r.font} ${r.px}px "${r.rendered}": ${r.status} "${r.read}"${r.note ? ` (${r.note})` : ''}`),
    unsure: rows.filter((r) => r.status === 'unsure').length,
    /**
     * Right candidates not marked right, by cause: "unsure: rn/m unclear", "wrong: looks like "l""
     * (a glyph rule vetoed a right glyph), "wrong: misread" (the OCR read other text), most first.
     */
    lostBy: Object.entries(
      rightTruth
        .filter((r) => r.status !== 'right')
        .reduce<Record<string, number>>((m, r) => {
          const why = `${r.status}: ${r.note ?? 'misread'}`;
          m[why] = (m[why] ?? 0) + 1;
          return m;
        }, {}),
    ).sort((a, b) => b[1] - a[1]),
    /** The first reading alone (no second, single-line reading): wrong marked right, recall. */
    firstReading: {
      wrongMarkedRight: rows.filter((r) => !r.truth && r.first === 'right').length,
      recall: rightTruth.length ? rightTruth.filter((r) => r.first === 'right').length / rightTruth.length : 1,
    },
    msPerCandidate: { p50: Math.round(med(times)), p95: Math.round(p95(times)) },
  };
}
type Summary = ReturnType<typeof summarise>;

const targets = (s: Summary) => ({
  /** No wrong candidate marked right that differs from the right rendering in any pixel. */
  noWrongMarkedRight: s.checkerErrors.length === 0,
  recall95: s.recall >= 0.95,
  under1s: s.msPerCandidate.p50 < 1000,
});

async function main() {
  const onlySets = opt('sets');
  const fontFilter = opt('fonts');
  const pairFilter = opt('pairs');
  const sizes = opt('sizes')?.map(Number) ?? (quick ? [20, 56] : [20, 32, 56, 96]);
  const chosen: BenchSet[] = SETS.filter((s) => (onlySets ? onlySets.includes(s.key) : !quick || s.key === 'dev'));
  const floorMs: number[] = [];
  const results: { set: BenchSet; fonts: string[]; summary: Summary; rows: Row[] }[] = [];
  for (const set of chosen) {
    let fonts = availableFonts(set.fonts);
    if (quick) fonts = fonts.filter((_, i) => i % 2 === 0);
    if (fontFilter) fonts = fonts.filter((f) => fontFilter.some((x) => f.toLowerCase().includes(x.toLowerCase())));
    const pairs = pairFilter ? set.pairs.filter(([t]) => pairFilter.some((x) => t.includes(x))) : set.pairs;
    const missing = Object.keys(set.fonts).filter((f) => !availableFonts({ [f]: set.fonts[f] }).length);
    if (missing.length) console.log(`${set.name}: fonts not installed, skipped: ${missing.join(', ')}`);
    if (!fonts.length || !pairs.length) continue;
    const rows = await runSet(fonts, sizes, pairs, floorMs, args.includes('--rows'), set.blur);
    results.push({ set, fonts, summary: summarise(rows), rows });
  }
  await shutdownOcr();
  if (!results.length) {
    console.log('\nText check: no Debian fonts found (apt-get install fonts-dejavu-core fonts-liberation); skipped');
    return;
  }
  const floor = Math.round(med(floorMs) * 10) / 10;
  const all = summarise(results.flatMap((r) => r.rows));
  const result = {
    sizes,
    sets: Object.fromEntries(
      results.map(({ set, fonts, summary, rows }) => [
        set.key,
        { name: set.name, fonts, pairs: set.pairs, ...summary, targets: targets(summary), rows },
      ]),
    ),
    withOld,
    prepareMs: { p50: Math.round(med(prepareMs)), p95: Math.round(p95(prepareMs)) },
    floorMs: { p50: floor },
    ratioToFloor: Math.round(all.msPerCandidate.p50 / floor),
  };
  mkdirSync('bench-results', { recursive: true });
  writeFileSync(`bench-results/text${withOld ? '-old' : ''}.json`, JSON.stringify(result, null, 2));
  console.log(
    `\nText check (offline OCR, 1 MP regions, right + near miss, ${sizes.join('/')} px, ${withOld ? 'old text under each candidate' : 'no old text'}): ${results
      .map(({ set, fonts }) => `${set.name} = ${fonts.length} fonts × ${set.pairs.length} texts`)
      .join('; ')}`,
  );
  const col = (f: (s: Summary) => string | number) => Object.fromEntries(results.map(({ set, summary }) => [set.name, f(summary)]));
  const ok = (f: (t: ReturnType<typeof targets>) => boolean) =>
    results.map(({ set, summary }) => `${set.name} ${f(targets(summary)) ? 'PASS' : 'FAIL'}`).join(', ');
  console.table({
    'wrong candidates marked right (raw)': {
      ...col((s) => `${s.wrongMarkedRight.length} of ${s.wrong}`),
      target: '',
      pass: '',
    },
    '  of them indistinguishable: same pixels as a right rendering': {
      ...col((s) => s.indistinguishable.length),
      target: '',
      pass: '',
    },
    '  of them checker errors (differ from the right rendering)': {
      ...col((s) => s.checkerErrors.length),
      target: '0',
      pass: ok((t) => t.noWrongMarkedRight),
    },
    'precision of "spelled right"': { ...col((s) => s.precision.toFixed(3)), target: '1', pass: '' },
    'recall (right ones marked right)': { ...col((s) => s.recall.toFixed(3)), target: '≥ 0.95', pass: ok((t) => t.recall95) },
    'marked unsure': { ...col((s) => s.unsure), target: '', pass: '' },
    'first reading alone: wrong marked right / recall': {
      ...col((s) => `${s.firstReading.wrongMarkedRight} / ${s.firstReading.recall.toFixed(3)}`),
      target: '',
      pass: '',
    },
    'ms per candidate p50 / p95': {
      ...col((s) => `${s.msPerCandidate.p50} / ${s.msPerCandidate.p95}`),
      target: '< 1000',
      pass: ok((t) => t.under1s),
    },
    'prepare per job p50 / p95 ms (with --old: the old text read)': {
      ...col(() => ''),
      target: `${result.prepareMs.p50} / ${result.prepareMs.p95}`,
      pass: '',
    },
    'floor: sharp decode + grey of the 1 MP PNG p50 ms': { ...col(() => ''), target: String(floor), pass: '' },
    'ratio to floor (all sets)': { ...col(() => ''), target: `${result.ratioToFloor}×`, pass: '' },
  });
  for (const { set, summary: s } of results) {
    if (s.checkerErrors.length) console.log(`${set.name}: wrong marked right:`, s.checkerErrors.join('; '));
    if (s.indistinguishable.length)
      console.log(`${set.name}: wrong marked right, indistinguishable (same pixels as a right rendering):`, s.indistinguishable.join('; '));
    if (s.rightNotMarked.length) {
      console.log(`${set.name}: right not marked right, by cause:`, s.lostBy.map(([why, n]) => `${n} ${why}`).join(', '));
      console.log(`${set.name}: right not marked right:`, s.rightNotMarked.slice(0, 40).join('; '));
    }
  }
}

await main();
