/**
 * Maskwork's own time per edit (issue 16): Ctrl+Enter → the candidate on screen, minus the time the
 * provider's server spent on the request, through the real UI in Chromium (e2e harness) against the
 * local OpenAI protocol server, which answers as fast as it can synthesise the image. On the 24 MP
 * photo, a ~600×450 rectangle mask each time, medians of ≥ 10 edits per scenario:
 *  - 0 kept layers, streaming off (the main figure);
 *  - 20 kept layers (≤ 10 % slower);
 *  - streaming on (partial images flow through main and the transport too);
 *  - 2 candidates per request (each extra candidate ≤ 100 ms).
 * The spans (renderer, transport each way, main) come from the app's own trace (Settings → Log edit
 * timings; the same data is read here through the read-only probe `editTimings()`). Each pixel span
 * is set against sharp doing the same pixel work on the same sizes in the same run.
 */
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { Page } from 'playwright-core';
import { launchApp, type AppHarness } from '../../test/support/app-harness';
import { dragPath, summary } from '../../test/support/page-helpers';
import { chooseOption, leaveField, retype } from '../../test/support/user-input';
import { startBenchServer, type BenchServer } from './bench-server';
import { coveredMs, sumSpans, type TimingSpan } from '../../shared/timing/spans';
import { writeBigJpeg } from './photo';
import { median, type RatioRow } from './ratio';
import { spanFloors, type SpanFloor } from './edit-time-floors';

export interface EditSample {
  totalMs: number;
  serverMs: number;
  ownMs: number;
  spans: TimingSpan[];
  t0: number;
  /** The candidate's region and the request size (for the sharp floors). */
  region: { x: number; y: number; width: number; height: number };
  request: { width: number; height: number };
  /** sharp doing each span's pixel work on this edit's sizes, timed right after it. */
  floors: SpanFloor[];
}

export interface Scenario {
  id: string;
  label: string;
  samples: EditSample[];
}

const wall = () => performance.timeOrigin + performance.now();

export async function openSession(stream: boolean) {
  const openai = await startBenchServer();
  const app = await launchApp({
    viewport: { width: 1600, height: 1000 },
    env: {
      OPENAI_API_KEY: 'sk-bench-edit-time-0001',
      OPENAI_BASE_URL: openai.url,
      MASKWORK_MAX_RETRIES: '0',
      MASKWORK_STREAM: stream ? '1' : '0',
    },
  });
  app.dialogs.opens.push(await writeBigJpeg(app.tmp));
  await openForEdits(app.page);
  return { app, openai };
}

/** Ctrl+O (the dialog answers with the 24 MP photo), gpt-image-2, a prompt, the rectangle tool. */
export async function openForEdits(page: Page): Promise<void> {
  await page.keyboard.press('Control+o');
  await page.waitForFunction(() => (window as any).__maskworkTest.summary().hasDoc, null, { timeout: 120_000 });
  await chooseOption(page, page.getByRole('combobox', { name: 'Model' }), 'gpt-image-2');
  await retype(page.getByRole('textbox', { name: 'Prompt' }), 'clean background');
  await leaveField(page);
  await page.keyboard.press('m');
}

/** What one edit needs of the app: its page and the errors it reported (the e2e harness or the dev host). */
export type EditApp = Pick<AppHarness, 'page' | 'errors'>;

/** One edit at grid place `i`: draw the rectangle, Ctrl+Enter, wait for the candidate shown; then keep or discard it. */
export type Floors = Awaited<ReturnType<typeof spanFloors>>;

export async function oneEdit(
  app: EditApp,
  openai: BenchServer,
  i: number,
  then: 'keep' | 'discard',
  floors?: Floors,
): Promise<EditSample> {
  const page = app.page;
  const x = 200 + (i % 8) * 700;
  const y = 200 + (Math.floor(i / 8) % 6) * 600;
  await dragPath(page, [
    [x, y],
    [x + 600, y + 450],
  ]);
  const before = (await page.evaluate(() => (window as any).__maskworkTest.editsShown())) as number;
  const layers = (await summary(page)).layers as number;
  const reqsBefore = openai.requests.length;
  // The masked area gets photo texture (not a flat colour), so the patch compresses like a real one.
  openai.fill();
  const t0 = wall();
  await page.keyboard.press('Control+Enter');
  try {
    await page.waitForFunction((n) => (window as any).__maskworkTest.editsShown() > n, before, { timeout: 180_000, polling: 10 });
  } catch (e) {
    const s = await summary(page);
    const state = await page.evaluate(() => {
      const t = (window as any).__maskworkTest;
      return { job: t.job(), staged: t.staging().items.length, mask: t.maskPixels?.() };
    });
    const said = { tool: s.tool, last: s.historyLabels?.slice(-3), layers: s.layers, ...state };
    const shot = join(tmpdir(), `maskwork-edit-time-${i + 1}.png`);
    await page.screenshot({ path: shot }).catch(() => undefined);
    throw new Error(
      `edit ${i + 1}: no candidate shown (${e instanceof Error ? e.message : e}; screenshot ${shot}); toasts ${JSON.stringify(s.toasts)}, errors ${app.errors.join('; ')}; app ${JSON.stringify(said).slice(0, 1200)}`,
    );
  }
  const trace = (await page.evaluate(() => (window as any).__maskworkTest.editTimings().at(-1))) as {
    t0: number;
    shownAt: number;
    spans: TimingSpan[];
  };
  await openai.settle(reqsBefore + 1); // the server process reports each answered request
  const reqs = openai.requests.slice(reqsBefore);
  if (!reqs.length || reqs.some((r) => r.answeredAt === undefined)) throw new Error(`edit ${i + 1}: the server did not answer`);
  const server = reqs.map((r) => ({ name: 'server', start: r.receivedAt, end: r.answeredAt! }));
  const serverMs = coveredMs(server, 'server');
  const totalMs = trace.shownAt - t0;
  const staged = (await page.evaluate(() => (window as any).__maskworkTest.staging())) as { items: { region: EditSample['region'] }[] };
  const region = staged.items[0].region;
  const img = reqs[0].imageSizes[0];
  const request = { width: img.width, height: img.height };
  if (then === 'keep') {
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => (window as any).__maskworkTest.summary().layers === n, layers + 1, { timeout: 60_000 });
  } else {
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => (window as any).__maskworkTest.staging().items.length === 0, null, { timeout: 60_000 });
  }
  await page.keyboard.press('Control+d');
  if (app.errors.length) throw new Error(`the app reported errors: ${app.errors.join('; ')}`);
  const spans = [...trace.spans, ...server, { name: 'harness: keypress → generate()', start: t0, end: trace.t0 }];
  return {
    totalMs,
    serverMs,
    ownMs: totalMs - serverMs,
    spans,
    t0,
    region,
    request,
    floors: floors ? await floors.measure({ region, request }) : [],
  };
}

async function setCandidates(app: AppHarness, n: number): Promise<void> {
  await retype(app.page.getByRole('spinbutton', { name: 'Candidates' }), String(n));
  await leaveField(app.page);
}

export async function runEditTime(edits: number): Promise<{ scenarios: Scenario[] }> {
  const scenarios: Scenario[] = [];
  const floors = await spanFloors();
  const run = async (app: AppHarness, openai: BenchServer, id: string, label: string, first: number) => {
    const samples: EditSample[] = [];
    await oneEdit(app, openai, first, 'discard'); // warm-up, not counted
    for (let i = 0; i < edits; i++) samples.push(await oneEdit(app, openai, first + 1 + i, 'discard', floors));
    scenarios.push({ id, label, samples });
  };
  {
    const { app, openai } = await openSession(false);
    try {
      await run(app, openai, 'edit-0', '0 kept layers, streaming off, 1 candidate', 0);
      await setCandidates(app, 2);
      await run(app, openai, 'edit-n2', '0 kept layers, streaming off, 2 candidates', 0);
      await setCandidates(app, 1);
      for (let k = 0; k < 20; k++) await oneEdit(app, openai, 24 + k, 'keep');
      await run(app, openai, 'edit-20', '20 kept layers, streaming off, 1 candidate', 0);
    } finally {
      await app.close();
      await openai.close();
    }
  }
  {
    const { app, openai } = await openSession(true);
    try {
      await run(app, openai, 'edit-stream', '0 kept layers, streaming on (2 partial images), 1 candidate', 0);
    } finally {
      await app.close();
      await openai.close();
    }
  }
  return { scenarios };
}

const r1 = (x: number) => Math.round(x * 10) / 10;
const r2 = (x: number) => Math.round(x * 100) / 100;

/** The ratio rows: own time vs the absolute budget (as a limit), and the relative goals. */
export function editTimeRows(res: { scenarios: Scenario[] }): RatioRow[] {
  const by = (id: string) => res.scenarios.find((s) => s.id === id)!;
  const own = (id: string) => median(by(id).samples.map((s) => s.ownMs));
  const server = (id: string) => median(by(id).samples.map((s) => s.serverMs));
  const row = (id: string, measure: string, value: number, limit: number, note: string): RatioRow => ({
    id,
    measure,
    floor: 'absolute limit',
    value: r1(value),
    floorValue: null,
    unit: 'ms',
    ratio: r2(value / limit),
    target: 1,
    limit,
    pass: value <= limit,
    runs: by(id === 'edit-extra-candidate' ? 'edit-n2' : id === 'edit-20-slowdown' ? 'edit-20' : id).samples.length,
    samples: { value: [], floor: [] },
    note,
  });
  const base = own('edit-0');
  const floorSum = median(by('edit-0').samples.map((s) => s.floors.reduce((t, f) => t + f.floorMs, 0)));
  const floorRatio = median(by('edit-0').samples.map((s) => s.ownMs / s.floors.reduce((t, f) => t + f.floorMs, 0)));
  return [
    row(
      'edit-0',
      "Maskwork's own time per edit, Ctrl+Enter → candidate shown minus server time (24 MP, e2e harness)",
      base,
      300,
      `median total ${r1(median(by('edit-0').samples.map((s) => s.totalMs)))} ms, server ${r1(server('edit-0'))} ms; sharp floor of its pixel work ${r1(floorSum)} ms (own/floor ${r2(floorRatio)}×, median per edit)`,
    ),
    row(
      'edit-20-slowdown',
      'own time with 20 kept layers, extra over 0 layers (limit = 10 % of the 0-layer time)',
      own('edit-20') - base,
      Math.max(1, base * 0.1),
      `own ${r1(own('edit-20'))} ms vs ${r1(base)} ms`,
    ),
    row(
      'edit-extra-candidate',
      'each extra candidate of the same request (2 candidates vs 1, own time)',
      own('edit-n2') - base,
      100,
      `own ${r1(own('edit-n2'))} ms for 2 candidates vs ${r1(base)} ms for 1`,
    ),
    ...(res.scenarios.some((s) => s.id === 'edit-devhost')
      ? [
          row(
            'edit-devhost',
            "Maskwork's own time per edit through the dev host (main in its own process, loopback HTTP + event frames; 24 MP)",
            own('edit-devhost'),
            500,
            `median total ${r1(median(by('edit-devhost').samples.map((s) => s.totalMs)))} ms, server ${r1(server('edit-devhost'))} ms`,
          ),
        ]
      : []),
    row(
      'edit-stream',
      'own time per edit with streaming on (2 partial images through main and the transport)',
      own('edit-stream'),
      300,
      `server ${r1(server('edit-stream'))} ms`,
    ),
  ];
}

/** Span name without the candidate number, for medians across edits. */
const family = (name: string) => name.replace(/ #\d+/, '');

/** The spans table: per span family, the median duration per edit (summed over candidates) and bytes, per scenario. */
export function formatSpanTable(res: { scenarios: Scenario[] }): string {
  const names: string[] = [];
  for (const sc of res.scenarios)
    for (const s of sc.samples) for (const sp of s.spans) if (!names.includes(family(sp.name))) names.push(family(sp.name));
  const inFamily = (s: EditSample, name: string) => s.spans.filter((x) => family(x.name) === name);
  const cell = (sc: Scenario, name: string) => {
    const per = sc.samples.map((s) => sumSpans(inFamily(s, name), ''));
    const b = median(sc.samples.map((s) => inFamily(s, name).reduce((t, x) => t + (x.bytes ?? 0), 0)));
    return `${r1(median(per))}${b ? ` (${b >= 1 << 20 ? `${r2(b / 2 ** 20)} MB` : `${r1(b / 1024)} kB`})` : ''}`;
  };
  const base = res.scenarios[0];
  const head = ['span (ms, median per edit)', ...res.scenarios.map((s) => s.id), 'sharp floor (edit-0)', 'ratio to floor (edit-0)'];
  const body = names.map((n) => {
    const floors = base.samples.map((s) => s.floors.find((f) => f.span === n));
    if (!floors[0]) return [n, ...res.scenarios.map((sc) => cell(sc, n)), '—', '—'];
    const fMs = median(floors.map((f) => f!.floorMs));
    const ratio = median(base.samples.map((s, i) => sumSpans(inFamily(s, n), '') / floors[i]!.floorMs));
    return [n, ...res.scenarios.map((sc) => cell(sc, n)), `${r1(fMs)} (${floors[0].what})`, `${r2(ratio)}×`];
  });
  body.push(['total keypress → shown', ...res.scenarios.map((sc) => String(r1(median(sc.samples.map((s) => s.totalMs))))), '', '']);
  body.push(['own (total − server)', ...res.scenarios.map((sc) => String(r1(median(sc.samples.map((s) => s.ownMs))))), '', '']);
  const widths = head.map((h, c) => Math.max(h.length, ...body.map((b) => b[c].length)));
  const line = (cells: string[]) => `| ${cells.map((s, c) => s.padEnd(widths[c])).join(' | ')} |`;
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}
