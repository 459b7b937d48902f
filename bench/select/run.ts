/**
 * `npm run bench -- --only select`: IoU of object select (a loose rectangle around the truth) and of
 * select subject (no input) against exact truth, per group and set, and the time of one selection on
 * a 24 MP photo with its ratio to a floor measured in the same run (reading the region once and
 * reducing it: the least any selection of that region must do). Prints tables, writes bench-results/select.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { memorySource, selectObject, type RgbaImage } from '../../shared/select';
import { expandRect, intersectRects } from '../../shared/geometry/rect';
import { iou } from '../../shared/select/test-scenes';
import { compositeCases, cutoutCases, realCases, studioCases, type SelectCase } from './cases';
import { timing24 } from './timing';
import { appTiming } from './app-timing';

function truthBox(c: SelectCase): { x: number; y: number; width: number; height: number } {
  const { width: w, height: h } = c.img;
  let x0 = w;
  let y0 = h;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (!c.truth[y * w + x]) continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  }
  const m = Math.max(6, Math.round(0.04 * Math.max(x1 - x0, y1 - y0)));
  return intersectRects(expandRect({ x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 }, m), { x: 0, y: 0, width: w, height: h })!;
}

function place(img: RgbaImage, cov: { rect: { x: number; y: number; width: number; height: number }; data: Uint8Array }): Uint8Array {
  const full = new Uint8Array(img.width * img.height);
  const { rect: r, data } = cov;
  for (let y = 0; y < r.height; y++) full.set(data.subarray(y * r.width, (y + 1) * r.width), (r.y + y) * img.width + r.x);
  return full;
}

export interface CaseResult {
  name: string;
  group: string;
  set: string;
  objectIou: number;
  subjectIou: number;
  objectMs: number;
  subjectMs: number;
}

function runCase(c: SelectCase): CaseResult {
  const src = memorySource(c.img);
  let t = performance.now();
  const obj = selectObject(src, { rect: truthBox(c) });
  const objectMs = performance.now() - t;
  t = performance.now();
  const sub = selectObject(src, {});
  const subjectMs = performance.now() - t;
  return {
    name: c.name,
    group: c.group,
    set: c.set,
    objectIou: iou(place(c.img, obj.coverage), c.truth),
    subjectIou: iou(place(c.img, sub.coverage), c.truth),
    objectMs,
    subjectMs,
  };
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : Number.NaN);
const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : '—');

export async function runSelectBench(quick: boolean, noTiming = false, noApp = false) {
  const cases: SelectCase[] = [
    ...(await compositeCases('dev', quick ? 4 : 12)),
    ...studioCases('dev', quick ? 3 : 6),
    ...(await cutoutCases(quick ? 2 : 4)),
    ...(await compositeCases('heldout', quick ? 3 : 7)),
    ...studioCases('heldout', quick ? 2 : 4),
    ...(await realCases()),
    ...(await compositeCases('dev', quick ? 4 : 12, 'lifestyle')),
    ...(await compositeCases('heldout', quick ? 3 : 7, 'lifestyle')),
  ];
  const results: CaseResult[] = [];
  for (const c of cases) {
    const r = runCase(c);
    results.push(r);
    console.log(`  ${r.set.padEnd(7)} ${r.group.padEnd(9)} ${r.name.padEnd(44)} object ${f3(r.objectIou)}  subject ${f3(r.subjectIou)}`);
  }
  const groups: Record<string, Record<string, string | number>> = {};
  for (const set of ['dev', 'heldout']) {
    for (const group of ['composite', 'studio', 'cutout', 'real', 'lifestyle']) {
      const rs = results.filter((r) => r.set === set && r.group === group);
      if (!rs.length) continue;
      groups[`${group} (${set}, ${rs.length})`] = {
        'object select IoU': f3(mean(rs.map((r) => r.objectIou))),
        'worst object': f3(Math.min(...rs.map((r) => r.objectIou))),
        'select subject IoU': f3(mean(rs.map((r) => r.subjectIou))),
        'worst subject': f3(Math.min(...rs.map((r) => r.subjectIou))),
      };
    }
  }
  const compositeMean = mean(results.filter((r) => r.group === 'composite' || r.group === 'cutout').map((r) => r.objectIou));
  const studioSubject = mean(results.filter((r) => r.group === 'studio').map((r) => r.subjectIou));
  console.log('\nSelection quality (IoU against exact truth; 1200×800 composites, real photos at their size)');
  console.table(groups);
  console.log(`goal: mean object-select IoU on composites ≥ 0.9: ${f3(compositeMean)} ${compositeMean >= 0.9 ? 'PASS' : 'FAIL'}`);
  console.log(
    `goal: select subject on studio product shots clean (mean IoU ≥ 0.95): ${f3(studioSubject)} ${studioSubject >= 0.95 ? 'PASS' : 'FAIL'}`,
  );

  const compositeSubject = mean(results.filter((r) => r.group === 'composite').map((r) => r.subjectIou));
  console.log(
    `goal: select subject on the composites (mean IoU ≥ 0.9): ${f3(compositeSubject)} ${compositeSubject >= 0.9 ? 'PASS' : 'FAIL'}`,
  );
  const lifestyle = (set: string) => mean(results.filter((r) => r.group === 'lifestyle' && r.set === set).map((r) => r.subjectIou));
  console.log(
    `separate group, not the goal: select subject on lifestyle framing (product large and central): dev ${f3(lifestyle('dev'))}, held back ${f3(lifestyle('heldout'))}`,
  );
  const timing = noTiming ? null : await timing24(quick ? 3 : 5);
  if (timing) {
    console.log(
      `\nOne selection on a 24 MP photo (6000×4000), median of ${timing.runs} (load ${timing.loadavg.map((x) => x.toFixed(1)).join(' / ')})`,
    );
    console.table(timing.rows);
  } else console.log('\n24 MP timing skipped (--no-timing)');
  const app = noTiming || noApp ? null : await appTiming(5);
  if (app) {
    console.log(
      `\nIn the app (Chromium, e2e harness, real mouse and keys): mouse-up / Shift+O → the frame showing the selection, median of ${app.rows[0]?.runs ?? 0} after the first (load ${app.loadavg.map((l) => l[0].toFixed(1)).join(' / ')}); floor: sharp reducing the same region of the decoded photo to the engine's size`,
    );
    console.table(
      Object.fromEntries(
        app.rows.map((r) => [
          `${r.tool}, ${r.photo}`,
          {
            'first ms': Number.isFinite(r.firstMs) ? r.firstMs : '',
            'median ms': r.medianMs,
            'floor ms': r.floorMs,
            'ratio to floor': r.ratio,
            'goal < 2 s': r.goal,
          },
        ]),
      ),
    );
    for (const r of app.rows) {
      const top = Object.entries(r.spans)
        .filter(([n]) => !n.startsWith('worker: read '))
        .sort((a, b) => b[1] - a[1])
        .slice(0, 6)
        .map(([n, ms]) => `${n} ${ms}`)
        .join(', ');
      console.log(`  ${r.tool}, ${r.photo}: ${top}`);
    }
  } else console.log('\nIn-app timing skipped (--no-timing / --no-app)');
  const result = { date: new Date().toISOString(), results, groups, compositeMean, studioSubject, compositeSubject, timing, app };
  mkdirSync('bench-results', { recursive: true });
  writeFileSync('bench-results/select.json', JSON.stringify(result, null, 2));
  return result;
}
