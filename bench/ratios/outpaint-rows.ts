/**
 * Just the outpaint tile rows of `npm run bench -- --only edit-time` (edit-time-outpaint.ts), for
 * targeted runs: `node scripts/run-ts.mjs bench/ratios/outpaint-rows.ts [outpaints] [prepared,unprepared,chained]`
 * (default 10, the three; `hand`: Ctrl+Enter 250 ms — MASKWORK_HAND_MS — after Quality switched) [big] (the wide rows on the 24 MP photo, 6000×4000 → 21:9, instead of colorful-cups).
 * Prints each row's value, floor, samples and note; writes nothing.
 * `MASKWORK_REQUEST_CRITICAL=0` runs an unprepared tile's request without its critical stretch (A/B).
 * `MASKWORK_MASKS_AT_REQUEST=0` makes it from its full-size masks, as before (A/B).
 * `MASKWORK_MASK_FIRST=0` makes its request mask after the pre-fill, as before (A/B).
 * `MASKWORK_REQUEST_BEFORE_CANVAS=0` makes its request after the working canvas, as before (A/B).
 * `MASKWORK_ALONG_PREFILL=0`: an unprepared tile is pre-filled after its scale, from the request's pixels, as before (A/B).
 * `MASKWORK_BACKGROUND_YIELDS=0`: background scales, blends and fills ahead do not give way to critical stretches (A/B).
 * `MASKWORK_PREFAULT=0` in the environment runs them without the page pre-faulting (A/B).
 */
import { outpaintTileRow, runOutpaintTiles } from './edit-time-outpaint';

const runs = Number(process.argv[2] ?? 10);
const rows = (process.argv[3] ?? 'prepared,unprepared,chained').split(',');
const big = process.argv[4] === 'big';
/** `hand`: Ctrl+Enter this long after a change that needs a new preparation (edit-time-outpaint.ts). */
const HAND_MS = Number(process.env.MASKWORK_HAND_MS ?? 250);
for (const which of rows) {
  const row =
    which === 'prepared'
      ? outpaintTileRow(await runOutpaintTiles(runs, true, 'wide', big))
      : which === 'unprepared'
        ? outpaintTileRow(await runOutpaintTiles(runs, false, 'wide', big), false)
        : which === 'hand'
          ? outpaintTileRow(await runOutpaintTiles(runs, true, 'wide', big, { handMs: HAND_MS }), true, 'wide', HAND_MS)
          : outpaintTileRow(await runOutpaintTiles(runs, true, 'chained'), true, 'chained');
  console.log(`${row.id}: ${row.value} ms (floor ${row.floorValue} ms) ${row.goal === false ? 'reported' : row.pass ? 'PASS' : 'FAIL'}`);
  console.log(`  samples ${JSON.stringify(row.samples)}`);
  console.log(`  ${row.note}`);
}
