/**
 * `npm run bench`: every benchmark, printed as tables and written to bench-results/*.json.
 * The speed targets are ratios to a floor measured in the same run (`ratios`: open, pixels, cli,
 * history); the other tables are absolute figures for this machine.
 * Usage: npm run bench [-- --only ratios,paint,layers,edit,plan,fill,text,select | --only open,pixels,cli,history] [--quick]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { runPaintBench } from './paint/run';
import { runEditBench } from './edit/run';
import { runLayersBench } from './layers/run';
import { RATIO_GROUPS, runRatios } from './ratios';
import { spawnSync } from 'node:child_process';
import { planTable, formatPlanTable } from '../shared/geometry';
import { offeredModels } from '../shared/models';

const args = process.argv.slice(2);
const only =
  args
    .find((a) => a.startsWith('--only='))
    ?.slice(7)
    .split(',') ?? (args.includes('--only') ? args[args.indexOf('--only') + 1].split(',') : null);
const quick = args.includes('--quick');
const want = (name: string) => !only || only.includes(name);
mkdirSync('bench-results', { recursive: true });

const all: Record<string, unknown> = {};

const ratioGroups = RATIO_GROUPS.filter((g) => want('ratios') || want(g));
if (ratioGroups.length) {
  const r = await runRatios({ quick, groups: (g) => ratioGroups.includes(g as never) });
  all.ratios = r;
}

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
    'open the 24 MP JPEG (ms)': { p50: r.openMs, p95: '', max: '' },
  });
  console.log(
    `target p95 ≤ ${r.target.moveP95Ms} ms per move: ${r.target.pass ? 'PASS' : 'FAIL'}; flat from stroke 1 to ${r.strokes}: ${r.target.flat ? 'PASS' : 'FAIL'}`,
  );
}

if (want('layers')) {
  const r = await runLayersBench({ strokes: quick ? 5 : 20 });
  all.layers = r;
  writeFileSync('bench-results/layers.json', JSON.stringify(r, null, 2));
  console.log(
    `\nLayers (renderer, Chromium, ${r.image.width}×${r.image.height}, ${r.layers} kept layers; ${r.strokes} strokes × ${r.movesPerStroke} moves, one move per frame; load ${r.loadavg.map((x) => x.toFixed(1)).join(' ')})`,
  );
  console.table({
    'document mask (floor): move (ms)': r.floor.moveMs,
    'document mask (floor): frame (ms)': r.floor.frameMs,
    'document mask (floor): commit (ms)': r.floor.commitMs,
    'layer mask, layer 16 of 30: move (ms)': r.layerMask.moveMs,
    'layer mask, layer 16 of 30: frame (ms)': r.layerMask.frameMs,
    'layer mask, layer 16 of 30: commit (ms)': r.layerMask.commitMs,
  });
  console.log(
    `layer mask / floor, p95: move ${r.ratio.move}×, frame ${r.ratio.frame}× (target frame ≤ ${r.target.frameRatio}×, move p95 ≤ ${r.target.moveP95Ms} ms): ${r.target.pass ? 'PASS' : 'FAIL'}`,
  );
}

if (want('edit')) {
  const r = await runEditBench(quick);
  all.edit = r;
  writeFileSync('bench-results/edit.json', JSON.stringify(r, null, 2));
  console.log(
    `\nEdit pipeline (main, Node; 6000×4000 photo, ${r.prepRegion.width}×${r.prepRegion.height} region → ${r.prepRequest.width}×${r.prepRequest.height} request)`,
  );
  console.table({
    'edit prep, first edit (decode photo) ms': { value: r.prepColdMs, target: '', pass: '' },
    // Their targets are the ratios above (this machine's milliseconds alone do not carry over).
    'edit prep, next edits p50 ms': { value: r.prepWarmMs.p50, target: 'see ratios', pass: '' },
    'composite 2048² + feather + colour match p50 ms': { value: r.compositeMs.p50, target: 'see ratios', pass: '' },
    'patch PNG encode 2048² ms': { value: r.compositePngMs, target: '', pass: '' },
    'client overhead per request p50 ms': {
      value: r.clientOverheadMs.p50,
      target: `≤ ${r.targets.clientMs}`,
      pass: r.targets.client ? 'PASS' : 'FAIL',
    },
  });
}

if (want('plan')) {
  const models = offeredModels().map((m) => m.id);
  const square = planTable({ width: 1000, height: 1000 }, models);
  const poster = planTable({ width: 1080, height: 1920 }, models);
  all.plan = { square, poster };
  writeFileSync('bench-results/plan.json', JSON.stringify({ square, poster }, null, 2));
  console.log('\nOutpaint plans: requests · estimated cost (quality medium), from a 1000×1000 original');
  console.log(formatPlanTable(square));
  console.log('\nfrom a 1080×1920 (9:16) poster');
  console.log(formatPlanTable(poster));
}

if (want('fill')) {
  // The fill-quality bench is its own script (it prints its own table and writes bench-results/fill.json).
  const r = spawnSync(process.execPath, ['scripts/run-ts.mjs', 'bench/fill/run.ts', ...(quick ? ['--quick'] : [])], { stdio: 'inherit' });
  if (r.status !== 0) console.error(`fill bench exited with ${r.status}`);
  // The first fill of a fresh app process, cold vs warmed before Generate (`engine:warm`; bench-results/fill-warm.json).
  const w = spawnSync(process.execPath, ['scripts/run-ts.mjs', 'bench/fill/warm-first.ts', `--runs=${quick ? 3 : 5}`, '--again'], {
    stdio: 'inherit',
  });
  if (w.status !== 0) console.error(`fill warm-up bench exited with ${w.status}`);
  // The same holes through the app's edit path, grown by Grow 6 with a 12-px feather (bench-results/app-path-bench.json).
  const a = spawnSync(process.execPath, ['scripts/run-ts.mjs', 'bench/fill/app-path.ts', '--label=bench'], { stdio: 'inherit' });
  if (a.status !== 0) console.error(`fill app-path bench exited with ${a.status}`);
}

if (want('text')) {
  // The text-check bench is its own script too (it prints its table and writes bench-results/text.json).
  const r = spawnSync(process.execPath, ['scripts/run-ts.mjs', 'bench/text/run.ts', ...(quick ? ['--quick'] : [])], { stdio: 'inherit' });
  if (r.status !== 0) console.error(`text bench exited with ${r.status}`);
  // The same sets with the old text under each candidate: the O/0 reference (writes bench-results/text-old.json).
  const o = spawnSync(process.execPath, ['scripts/run-ts.mjs', 'bench/text/run.ts', '--old', ...(quick ? ['--quick'] : [])], {
    stdio: 'inherit',
  });
  if (o.status !== 0) console.error(`text bench (--old) exited with ${o.status}`);
  // How much recall the sets leave to any checker that never marks a wrong candidate right (bench/text/ceiling.ts).
  const c = spawnSync(process.execPath, ['scripts/run-ts.mjs', 'bench/text/ceiling-run.ts'], { stdio: 'inherit' });
  if (c.status !== 0) console.error(`text ceiling exited with ${c.status}`);
}

if (want('select')) {
  // Selection quality (IoU) and 24 MP timing, in its own process (prints its tables, writes bench-results/select.json).
  const r = spawnSync(process.execPath, ['scripts/run-ts.mjs', 'bench/select/cli.ts', ...(quick ? ['--quick'] : [])], { stdio: 'inherit' });
  if (r.status !== 0) console.error(`select bench exited with ${r.status}`);
}

writeFileSync('bench-results/all.json', JSON.stringify(all, null, 2));
console.log('\nwrote bench-results/*.json');
