/**
 * History memory: on the 24 MP photo, N kept edits of about 1 MP each (rectangle mask → gpt-image-2 on
 * the local protocol server → keep → clear the mask), driven like a user in Chromium. Measured after a
 * garbage collection before the first edit, at checkpoints and after the last: the memory every
 * Chromium process (renderer, GPU, browser, utilities) and main (this Node process hosts main) have
 * allocated — their proportional share of anonymous and shared-memory pages (see anonShmemPssKb). The protocol server runs in a child process of its own (not
 * counted: it stands for OpenAI's servers), told to forget each request it logged after every edit.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { readdirSync, readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { launchApp, type AppHarness } from '../../test/support/app-harness';
import { dragPath, summary } from '../../test/support/page-helpers';
import { REPO } from '../../test/support/app-harness';
import { writeBigJpeg } from './photo';
import { absolute, type RatioRow } from './ratio';
import { rendererBufferPartitionMb } from './devtools-buffer';

/** Chromium's process type (`renderer`, `gpu-process`, `utility`, …; the browser process has none). */
function chromiumType(pid: number): string {
  try {
    const m = /--type=([a-z-]+)/.exec(readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
    return m ? m[1] : 'browser';
  } catch {
    return 'gone';
  }
}

/**
 * A process's proportional share of its anonymous and shared-memory pages (kB): what it allocated.
 * File-backed pages (code, libraries) are left out: Chromium's are shared with every other Chromium
 * on the machine, and their split moves as other sessions' browsers start and stop.
 */
function anonShmemPssKb(pid: number | 'self'): number | null {
  const text = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
  const anon = /^Pss_Anon:\s+(\d+) kB/m.exec(text);
  const shmem = /^Pss_Shmem:\s+(\d+) kB/m.exec(text);
  if (anon && shmem) return Number(anon[1]) + Number(shmem[1]);
  const pss = /^Pss:\s+(\d+) kB/m.exec(text); // older kernels: all of it
  return pss ? Number(pss[1]) : null;
}

/** Allocated memory (MB; anonymous + shared-memory PSS) of every descendant of `root` but `skip`, by Chromium process type. */
function descendantsPssMb(root: number, skip: number): Record<string, number> {
  const parent = new Map<number, number>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      parent.set(Number(d), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {}
  }
  const isDescendant = (pid: number): boolean => {
    if (pid === skip) return false;
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) {
      if (p === skip) return false;
      if (p === root) return true;
    }
    return false;
  };
  const byType: Record<string, number> = {};
  for (const pid of parent.keys()) {
    if (!isDescendant(pid)) continue;
    try {
      const kb = anonShmemPssKb(pid);
      if (kb === null) continue;
      const type = chromiumType(pid);
      byType[type] = (byType[type] ?? 0) + kb / 1024;
    } catch {}
  }
  return byType;
}

setFlagsFromString('--expose-gc');
const nodeGc = runInNewContext('gc') as () => void;

interface Sample {
  edits: number;
  /** Seconds since the first edit started. */
  at: number;
  chromium: Record<string, number>;
  chromiumMb: number;
  mainMb: number;
  mainHeapMb: number;
  /** Main's ArrayBuffers and other memory outside the JS heap that V8 knows of. */
  mainExternalMb: number;
  rendererHeapMb: number;
  /** The renderer's own accounting of what it holds outside the JS heap (`__maskworkBench.memory()`, MB). */
  held: Record<string, number>;
  /** The renderer's Blink buffer partition (MB), where the DevTools network agent keeps fetched bodies (devtools-buffer.ts). */
  devtoolsBufferMb: number | null;
}

const MB = 2 ** 20;

/** Starts the protocol server process; resolves with its URL once it listens. */
export function startServerProcess(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [join(REPO, 'scripts/run-ts.mjs'), join(REPO, 'bench/ratios/openai-server-process.ts')], {
    cwd: REPO,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`the protocol server process exited (${code}) before listening`)));
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (d: string) => {
      out += d;
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve({ url: JSON.parse(line).url, child });
    });
  });
}

async function measure(app: AppHarness, edits: number, t0: number, serverPid: number): Promise<Sample> {
  // At rest: an autosave in flight holds the project payload in both heaps (the harness carries it as
  // base64 in JSON; Electron passes the bytes as they are).
  await app.page.waitForFunction(() => !(window as any).__maskworkTest.autosave().pending, null, { timeout: 120_000, polling: 100 });
  const cdp = await app.context.newCDPSession(app.page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  const held = (await app.page.evaluate(() => (window as any).__maskworkBench.memory())) as Record<string, number>;
  const devtoolsBufferMb = await rendererBufferPartitionMb(app.context);
  nodeGc();
  await new Promise((r) => setTimeout(r, 500));
  const chromium = descendantsPssMb(process.pid, serverPid);
  const mem = process.memoryUsage();
  return {
    edits,
    at: (performance.now() - t0) / 1000,
    chromium,
    chromiumMb: Object.values(chromium).reduce((a, b) => a + b, 0),
    mainMb: (anonShmemPssKb('self') ?? mem.rss / 1024) / 1024,
    mainHeapMb: mem.heapUsed / MB,
    mainExternalMb: mem.external / MB,
    rendererHeapMb: heap.usedSize / MB,
    devtoolsBufferMb,
    held: {
      bitmaps: held.bitmapBytes / MB,
      'patch PNGs': held.patchPngBytes / MB,
      'mask tiles': held.maskTileBytes / MB,
      'mask overlay': held.overlayBytes / MB,
    },
  };
}

const r0 = (x: number) => Math.round(x);

/** One line per checkpoint: what was added since the start, by process. */
/** MB the DevTools network agent (Playwright's, a harness artifact) added to the renderer since `before`. */
function devtoolsAdded(before: Sample, s: Sample): number {
  return before.devtoolsBufferMb === null || s.devtoolsBufferMb === null ? 0 : Math.max(0, s.devtoolsBufferMb - before.devtoolsBufferMb);
}

function describe(before: Sample, s: Sample): string {
  const types = [...new Set([...Object.keys(before.chromium), ...Object.keys(s.chromium)])].sort();
  const perType = types.map((t) => `${t} ${r0((s.chromium[t] ?? 0) - (before.chromium[t] ?? 0))}`).join(', ');
  const added = s.chromiumMb - before.chromiumMb + (s.mainMb - before.mainMb);
  return (
    `${s.edits} edits (${r0(s.at)} s): +${r0(added)} MB = Chromium +${r0(s.chromiumMb - before.chromiumMb)} (${perType}; renderer JS heap ` +
    `+${r0(s.rendererHeapMb - before.rendererHeapMb)}; renderer holds ${Object.entries(s.held)
      .map(([k, v]) => `${k} ${r0(v)}`)
      .join(
        ', ',
      )}; of it the DevTools network buffer +${r0(devtoolsAdded(before, s))}) + main +${r0(s.mainMb - before.mainMb)} (JS heap +${r0(s.mainHeapMb - before.mainHeapMb)}, external +${r0(s.mainExternalMb - before.mainExternalMb)})`
  );
}

export async function historyRow(edits: number, log: (line: string) => void = (l) => console.log(`history: ${l}`)): Promise<RatioRow> {
  const openai = await startServerProcess();
  const serverPid = openai.child.pid ?? -1;
  const app = await launchApp({
    viewport: { width: 1600, height: 1000 },
    env: { OPENAI_API_KEY: 'sk-bench-history-0001', OPENAI_BASE_URL: openai.url, MASKWORK_MAX_RETRIES: '0', MASKWORK_STREAM: '0' },
  });
  try {
    const page = app.page;
    app.dialogs.opens.push(await writeBigJpeg(app.tmp));
    await page.keyboard.press('Control+o');
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().hasDoc, null, { timeout: 120_000 });
    // Opening shows a reduced decode first; the full-resolution bitmap that replaces it is the open's, not the edits'.
    await page.waitForFunction(
      () => {
        const t = (window as any).__maskworkTest;
        return t.bitmapSize(t.summary().original.assetId)?.width === t.summary().original.width;
      },
      null,
      { timeout: 120_000, polling: 100 },
    );
    await page.getByRole('combobox', { name: 'Model' }).selectOption('gpt-image-2');
    await page.getByRole('textbox', { name: 'Prompt' }).click();
    await page.keyboard.type('clean background');
    await page.keyboard.press('m');
    const t0 = performance.now();
    const before = await measure(app, 0, t0, serverPid);
    const checkpoints: Sample[] = [];
    const every = Math.max(1, Math.round(edits / 5));
    const step = async (i: number, what: string, fn: () => Promise<unknown>) => {
      try {
        await fn();
      } catch (e) {
        const s = await summary(page);
        throw new Error(
          `edit ${i + 1}: ${what}: ${e instanceof Error ? e.message : e}; layers ${s.layers}, toasts ${JSON.stringify(s.toasts)}`,
        );
      }
    };
    /** Seconds per edit, drag → kept layer shown and the mask cleared. */
    const editSeconds: number[] = [];
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    for (let i = 0; i < edits; i++) {
      const e0 = performance.now();
      // A 700×700 rectangle on a 10 × 10 grid of distinct places (the planner makes a ~1 MP region of
      // it; the same place twice would give the same patch, which the app keeps only once).
      const x = 150 + (i % 10) * 560;
      const y = 150 + (Math.floor(i / 10) % 10) * 330;
      await dragPath(page, [
        [x, y],
        [x + 700, y + 700],
      ]);
      await page.keyboard.press('Control+Enter');
      await step(i, 'candidate', () =>
        page.waitForFunction(() => (window as any).__maskworkTest.staging().items.length === 1, null, { timeout: 180_000 }),
      );
      await page.keyboard.press('Enter');
      await step(i, 'keep', () =>
        page.waitForFunction((n) => (window as any).__maskworkTest.summary().layers === n, i + 1, { timeout: 180_000 }),
      );
      await page.keyboard.press('Control+d');
      editSeconds.push((performance.now() - e0) / 1000);
      if ((i + 1) % 10 === 0)
        log(`edits ${i - 8}–${i + 1}: median ${median(editSeconds.slice(-10)).toFixed(1)} s per edit (load ${loadavg()[0].toFixed(1)})`);
      // The server's log of what it received (the request image and mask) is the bench's, not the app's.
      openai.child.stdin!.write('clear\n');
      if ((i + 1) % every === 0 && i + 1 < edits) {
        const s = await measure(app, i + 1, t0, serverPid);
        checkpoints.push(s);
        log(describe(before, s));
      }
    }
    const s = await summary(page);
    if (s.layers !== edits) throw new Error(`expected ${edits} kept layers, found ${s.layers}`);
    if (app.errors.length) throw new Error(`the app reported errors: ${app.errors.join('; ')}`);
    const after = await measure(app, edits, t0, serverPid);
    log(describe(before, after));
    const raw = after.chromiumMb - before.chromiumMb + (after.mainMb - before.mainMb);
    // What the app holds: without the response bodies Playwright's DevTools agent keeps (devtools-buffer.ts).
    const added = raw - devtoolsAdded(before, after);
    const limit = (600 * edits) / 100;
    return absolute({
      id: 'history-memory',
      measure: `history memory: ${edits} kept ~1 MP edits on the 24 MP photo (Chromium + main, anonymous + shared memory added, less the harness's DevTools network buffer)`,
      floor: 'absolute limit',
      samples: [added],
      limit,
      unit: 'MB',
      note: `with the DevTools network buffer: +${r0(raw)} MB; ${describe(before, after)}; seconds per edit (median): first 10 ${median(editSeconds.slice(0, 10)).toFixed(1)}, last 10 ${median(editSeconds.slice(-10)).toFixed(1)}; before: Chromium ${r0(before.chromiumMb)} MB, main ${r0(before.mainMb)} MB; checkpoints: ${checkpoints
        .map((c) => `${c.edits} → +${r0(c.chromiumMb - before.chromiumMb + c.mainMb - before.mainMb)} MB`)
        .join(', ')}`,
    });
  } finally {
    await app.close();
    openai.child.removeAllListeners('exit');
    const exited = new Promise((r) => openai.child.once('exit', r));
    openai.child.stdin!.end();
    await exited;
  }
}
