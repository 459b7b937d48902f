/**
 * What a user waits for, in the app (issue 12): from the mouse-up of an object-select rectangle (or
 * of an Alt "not object" stroke, or the Shift+O key) to the frame that shows the selection, through
 * the real UI in Chromium (e2e harness, real mouse and keys), on colorful-cups.jpg (4 MP) and on the
 * 24 MP photo (bench/ratios/photo.ts). The app's own spans (renderer/commands/select-trace.ts, read
 * through the read-only probe `selectTimings()`) say where the time goes. Floor, in the same run:
 * sharp reducing the same region of the decoded photo to the engine's working size (the least any
 * selection of that region does).
 */
import { loadavg } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Page } from 'playwright-core';
import { launchApp, PHOTOS } from '../../test/support/app-harness';
import { dragPath, settleView, docToClient } from '../../test/support/page-helpers';
import { reducedSize } from '../../shared/select';
import type { TimingSpan } from '../../shared/timing/spans';
import { writeBigJpeg, BIG } from '../ratios/photo';

type Box = { x: number; y: number; width: number; height: number };

export interface AppSample {
  /** mouse-up / keydown → the frame showing the selection (ms). */
  totalMs: number;
  spans: TimingSpan[];
  t0: number;
}

export interface AppRow {
  tool: string;
  photo: string;
  /** The first selection after the photo opened (worker start, source transfer). */
  firstMs: number;
  /** Median of the next ones. */
  medianMs: number;
  runs: number;
  floorMs: number;
  ratio: number;
  goal: string;
  /** Median ms per span name over the warm runs. */
  spans: Record<string, number>;
  /** The first selection's spans (ms per name). */
  firstSpans?: Record<string, number>;
  samples: number[];
}

const log = (m: string) => {
  if (process.env.SELECT_BENCH_VERBOSE) console.log(m);
};

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Arms a watcher in the page: the time of the next pointerup/keydown, and of the paint after the history grows. */
async function arm(page: Page, trigger: 'pointerup' | 'keydown'): Promise<void> {
  await page.evaluate((trigger) => {
    const w = window as any;
    const s0 = w.__maskworkTest.summary();
    const steps = s0.historyLabels.length;
    const toasts = s0.toasts.length;
    const traces = w.__maskworkTest.selectTimings?.().length ?? 0;
    w.__selBench = new Promise((resolve) => {
      let t0 = 0;
      const on = () => {
        t0 = performance.timeOrigin + performance.now();
      };
      window.addEventListener(trigger, on, { capture: true, once: true });
      const tick = () => {
        const s = w.__maskworkTest.summary();
        // Shown: a new history step (the selection), or a message (it found nothing).
        if ((s.historyLabels.length > steps || s.toasts.length > toasts) && !s.busy)
          // The rAF runs before the paint of the frame that draws the committed mask; the task after it, after the paint.
          setTimeout(() => resolve({ t0, t1: performance.timeOrigin + performance.now(), traces, toast: s.toasts.length > toasts }), 0);
        else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
  }, trigger);
}

async function finish(page: Page): Promise<AppSample> {
  const r = await page.evaluate(async () => {
    const w = window as any;
    const v = await w.__selBench;
    // The app closes its trace after the same paint: wait for it (a result that found nothing has none).
    for (let i = 0; i < 60 && !v.toast && (w.__maskworkTest.selectTimings?.().length ?? 0) <= v.traces; i++)
      await new Promise((res) => setTimeout(res, 16));
    const traces = w.__maskworkTest.selectTimings?.() ?? [];
    const last = traces.length > v.traces ? traces[traces.length - 1] : null;
    return { ...v, spans: last?.spans ?? [], traceT0: last?.t0 ?? 0 };
  });
  if (!r.t0) throw new Error('the trigger event was not seen');
  const spans: TimingSpan[] = r.traceT0 ? [{ name: 'renderer: input → job start', start: r.t0, end: r.traceT0 }, ...r.spans] : [];
  return { totalMs: r.t1 - r.t0, spans, t0: r.t0 };
}

async function objectSelect(page: Page, box: Box): Promise<AppSample> {
  await page.keyboard.press('Control+d');
  await page.keyboard.press('o');
  await arm(page, 'pointerup');
  await dragPath(page, [
    [box.x, box.y],
    [box.x + box.width, box.y + box.height],
  ]);
  return finish(page);
}

/** An object select (not timed), then an Alt stroke across part of it, timed: the cut redone without it. */
async function notObjectStroke(page: Page, box: Box, from: [number, number], to: [number, number]): Promise<AppSample> {
  await objectSelect(page, box);
  await settleView(page);
  const a = await docToClient(page, from[0], from[1]);
  const b = await docToClient(page, to[0], to[1]);
  await arm(page, 'pointerup');
  await page.keyboard.down('Alt');
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move(b.x, b.y, { steps: 10 });
  await page.mouse.up();
  await page.keyboard.up('Alt');
  const s = await finish(page);
  log(`  stroke ${Math.round(s.totalMs)} ms`);
  return s;
}

async function selectSubject(page: Page): Promise<AppSample> {
  await page.keyboard.press('Control+d');
  await arm(page, 'keydown');
  await page.keyboard.press('Shift+O');
  return finish(page);
}

/** sharp: the region of the decoded photo reduced to the engine's working size (median of `runs`). */
async function floorMs(raw: { data: Buffer; width: number; height: number }, region: Box, runs: number): Promise<number> {
  const s = reducedSize(region.width, region.height, 400);
  const xs: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const t = performance.now();
    await sharp(raw.data, { raw: { width: raw.width, height: raw.height, channels: 4 } })
      .extract({ left: region.x, top: region.y, width: region.width, height: region.height })
      .resize(s.width, s.height, { kernel: 'linear' })
      .raw()
      .toBuffer();
    if (i) xs.push(performance.now() - t);
  }
  return median(xs);
}

function regionOf(rect: Box, W: number, H: number): Box {
  const m = Math.max(8, Math.round(0.1 * Math.max(rect.width, rect.height)));
  const x0 = Math.max(0, rect.x - m);
  const y0 = Math.max(0, rect.y - m);
  return { x: x0, y: y0, width: Math.min(W, rect.x + rect.width + m) - x0, height: Math.min(H, rect.y + rect.height + m) - y0 };
}

function spanMedians(samples: AppSample[]): Record<string, number> {
  const by = new Map<string, number[]>();
  for (const s of samples) {
    const per = new Map<string, number>();
    for (const sp of s.spans) per.set(sp.name, (per.get(sp.name) ?? 0) + Math.max(0, sp.end - sp.start));
    for (const [k, v] of per) by.set(k, [...(by.get(k) ?? []), v]);
  }
  const out: Record<string, number> = {};
  for (const [k, v] of by) out[k] = Math.round(median(v));
  return out;
}

async function openPhoto(page: Page, width: number): Promise<void> {
  await page.keyboard.press('Control+o');
  await page.waitForFunction((w) => (window as any).__maskworkTest.summary().canvas?.width === w, width, { timeout: 120_000 });
  await page.waitForFunction(() => !(window as any).__maskworkTest.summary().busy, null, { timeout: 120_000 });
  await settleView(page);
}

interface PhotoPlan {
  name: string;
  path: string;
  width: number;
  height: number;
  rect: Box;
  stroke: [[number, number], [number, number]];
}

export async function appTiming(runs: number): Promise<{ rows: AppRow[]; loadavg: number[][] }> {
  const rows: AppRow[] = [];
  const loads: number[][] = [loadavg()];
  const app = await launchApp({ viewport: { width: 1600, height: 1000 } });
  app.page.on('crash', () => console.error('the page crashed'));
  try {
    const k = BIG.width / 2560;
    const scale = (b: Box): Box => ({
      x: Math.round(b.x * k),
      y: Math.round(b.y * k),
      width: Math.round(b.width * k),
      height: Math.round(b.height * k),
    });
    const cupsRect = { x: 1130, y: 310, width: 660, height: 470 };
    const plans: PhotoPlan[] = [
      {
        name: 'colorful-cups 2560×1600 (4 MP)',
        path: join(PHOTOS, 'colorful-cups.jpg'),
        width: 2560,
        height: 1600,
        rect: cupsRect,
        stroke: [
          [1300, 700],
          [1600, 700],
        ],
      },
      {
        name: '24 MP (6000×4000)',
        path: await writeBigJpeg(app.tmp),
        width: BIG.width,
        height: BIG.height,
        rect: scale(cupsRect),
        stroke: [
          [Math.round(1300 * k), Math.round(700 * k)],
          [Math.round(1600 * k), Math.round(700 * k)],
        ],
      },
    ];
    for (const plan of plans) {
      app.dialogs.opens.push(plan.path);
      await openPhoto(app.page, plan.width);
      const page = app.page;
      const raw = await sharp(plan.path).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
      const decoded = { data: raw.data, width: raw.info.width, height: raw.info.height };
      const objFloor = await floorMs(decoded, regionOf(plan.rect, plan.width, plan.height), runs);
      const wholeFloor = await floorMs(decoded, { x: 0, y: 0, width: plan.width, height: plan.height }, runs);

      const obj: AppSample[] = [];
      for (let i = 0; i < runs + 1; i++) {
        obj.push(await objectSelect(page, plan.rect));
        log(`  ${plan.name} object select ${Math.round(obj[i].totalMs)} ms`);
      }
      // Brush size for the stroke: a few ] presses (as the e2e test does).
      for (let i = 0; i < 4; i++) await page.keyboard.press(']');
      const strokes: AppSample[] = [];
      for (let i = 0; i < runs; i++) strokes.push(await notObjectStroke(page, plan.rect, plan.stroke[0], plan.stroke[1]));
      const subj: AppSample[] = [];
      for (let i = 0; i < runs; i++) {
        subj.push(await selectSubject(page));
        log(`  ${plan.name} select subject ${Math.round(subj[i].totalMs)} ms`);
      }
      loads.push(loadavg());
      const row = (tool: string, xs: AppSample[], floor: number, first: number | null): AppRow => {
        const warm = first === null ? xs : xs.slice(1);
        const m = median(warm.map((s) => s.totalMs));
        return {
          tool,
          photo: plan.name,
          firstMs: Math.round(first ?? Number.NaN),
          medianMs: Math.round(m),
          runs: warm.length,
          floorMs: Math.round(floor),
          ratio: Number((m / floor).toFixed(1)),
          goal: m < 2000 ? 'PASS < 2 s' : 'FAIL ≥ 2 s',
          spans: spanMedians(warm),
          ...(first === null ? {} : { firstSpans: spanMedians(xs.slice(0, 1)) }),
          samples: warm.map((s) => Math.round(s.totalMs)),
        };
      };
      rows.push(row(`object select (${plan.rect.width}×${plan.rect.height} rectangle)`, obj, objFloor, obj[0].totalMs));
      rows.push(row('Alt "not object" stroke', strokes, objFloor, null));
      rows.push(row('select subject (Shift+O)', subj, wholeFloor, null));
    }
  } catch (e) {
    console.error(app.errors.join('\n'));
    throw e;
  } finally {
    await app.close();
  }
  return { rows, loadavg: loads };
}
