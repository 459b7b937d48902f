/**
 * `npm run bench`: every benchmark, printed as tables and written to bench-results/*.json.
 * Usage: npm run bench [-- --only paint,fill] [--quick]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { runPaintBench } from './paint/run';

const args = process.argv.slice(2);
const only = args.find((a) => a.startsWith('--only='))?.slice(7).split(',') ?? (args.includes('--only') ? args[args.indexOf('--only') + 1].split(',') : null);
const quick = args.includes('--quick');
const want = (name: string) => !only || only.includes(name);
mkdirSync('bench-results', { recursive: true });

const all: Record<string, unknown> = {};

if (want('paint')) {
  const r = await runPaintBench({ strokes: quick ? 60 : 500 });
  all.paint = r;
  writeFileSync('bench-results/paint.json', JSON.stringify(r, null, 2));
  console.log(`\nPaint (renderer, Chromium, ${r.image.width}×${r.image.height}, ${r.strokes} strokes × ${r.movesPerStroke} moves)`);
  console.table({
    'move, stroke 1 (ms)': r.moveMs.stroke1,
    [`move, stroke ${r.strokes} (ms)`]: r.moveMs.stroke500,
    'commit on pointer up (ms)': r.commitMs,
    'next frame after commit (ms)': { ...r.frameAfterCommitMs, max: '' },
    'full-res mask → array (ms)': { p50: r.fullResMaskMs, p95: '', max: '' },
    'full-res mask → PNG (ms)': { p50: r.fullResMaskPngMs, p95: '', max: '' },
  });
  console.log(`target p95 ≤ ${r.target.moveP95Ms} ms per move: ${r.target.pass ? 'PASS' : 'FAIL'}; flat from stroke 1 to ${r.strokes}: ${r.target.flat ? 'PASS' : 'FAIL'}`);
}

writeFileSync('bench-results/all.json', JSON.stringify(all, null, 2));
console.log('\nwrote bench-results/*.json');
