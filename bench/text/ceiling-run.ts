/**
 * Prints each text-check set's recall ceiling (bench/text/ceiling.ts) and writes
 * bench-results/text-ceiling.json. `node scripts/run-ts.mjs bench/text/ceiling-run.ts [--rows]`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableFonts } from './render-text';
import { SETS } from './sets';
import { pairDifferences, recallCeilings } from './ceiling';

const SIZES = [20, 32, 56, 96];
const rowsWanted = process.argv.includes('--rows');
const out: Record<string, unknown> = {};
const table: Record<string, Record<string, string | number>> = {};
for (const set of SETS) {
  const fonts = availableFonts(set.fonts);
  if (!fonts.length) continue;
  const diffs = await pairDifferences(fonts, SIZES, set.pairs, set.blur);
  const c = recallCeilings(diffs);
  out[set.key] = { name: set.name, ...c, diffs };
  table[set.name] = {
    'font × size × pair': c.pairs,
    'same pixels': c.identical,
    'within 5 %': c.nearlyIdentical,
    'recall ceiling (same pixels)': c.ceiling.toFixed(3),
    'recall ceiling (within 5 %)': c.ceilingNearly.toFixed(3),
  };
  if (rowsWanted)
    for (const d of diffs.filter((x) => x.difference <= 0.05))
      console.log(
        `${set.name}: ${d.font} ${d.px}px "${d.expected}" vs "${d.miss}" ("${d.right}"/"${d.wrong}") ${(d.difference * 100).toFixed(1)} %`,
      );
}
console.table(table);
mkdirSync('bench-results', { recursive: true });
writeFileSync('bench-results/text-ceiling.json', JSON.stringify(out, null, 2));
