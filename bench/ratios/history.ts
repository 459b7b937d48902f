/**
 * History memory: on the 24 MP photo, N kept edits of about 1 MP each (rectangle mask → gpt-image-2 on
 * the local protocol server → keep → clear the mask), driven like a user in Chromium. Measured after a
 * garbage collection before the first edit and after the last: the proportional set size (PSS) of every
 * Chromium process (renderer, GPU, browser) plus main's resident set (this Node process hosts main).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { launchApp, type AppHarness } from '../../test/support/app-harness';
import { dragPath, summary } from '../../test/support/page-helpers';
import { startOpenAIServer } from '../../test/servers';
import { writeBigJpeg } from './photo';
import { absolute, type RatioRow } from './ratio';

/** PSS (MB) of every descendant process of `root` (Linux /proc). */
function descendantsPssMb(root: number): number {
  const parent = new Map<number, number>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      parent.set(Number(d), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {}
  }
  const isDescendant = (pid: number): boolean => {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) if (p === root) return true;
    return false;
  };
  let kb = 0;
  for (const pid of parent.keys()) {
    if (!isDescendant(pid)) continue;
    try {
      const m = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
      if (m) kb += Number(m[1]);
    } catch {}
  }
  return kb / 1024;
}

setFlagsFromString('--expose-gc');
const nodeGc = runInNewContext('gc') as () => void;

async function measure(app: AppHarness): Promise<{ chromiumMb: number; mainMb: number; rendererHeapMb: number }> {
  const cdp = await app.context.newCDPSession(app.page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  nodeGc();
  await new Promise((r) => setTimeout(r, 500));
  return {
    chromiumMb: descendantsPssMb(process.pid),
    mainMb: process.memoryUsage().rss / 2 ** 20,
    rendererHeapMb: heap.usedSize / 2 ** 20,
  };
}

export async function historyRow(edits: number): Promise<RatioRow> {
  const openai = await startOpenAIServer();
  const app = await launchApp({
    viewport: { width: 1600, height: 1000 },
    env: { OPENAI_API_KEY: 'sk-bench-history-0001', OPENAI_BASE_URL: openai.url, MASKWORK_MAX_RETRIES: '0', MASKWORK_STREAM: '0' },
  });
  try {
    const page = app.page;
    app.dialogs.opens.push(await writeBigJpeg(app.tmp));
    await page.keyboard.press('Control+o');
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().hasDoc, null, { timeout: 120_000 });
    await page.getByRole('combobox', { name: 'Model' }).selectOption('gpt-image-2');
    await page.getByRole('textbox', { name: 'Prompt' }).click();
    await page.keyboard.type('clean background');
    await page.keyboard.press('m');
    const before = await measure(app);
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
    for (let i = 0; i < edits; i++) {
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
    }
    const s = await summary(page);
    if (s.layers !== edits) throw new Error(`expected ${edits} kept layers, found ${s.layers}`);
    if (app.errors.length) throw new Error(`the app reported errors: ${app.errors.join('; ')}`);
    const after = await measure(app);
    const added = after.chromiumMb - before.chromiumMb + (after.mainMb - before.mainMb);
    const limit = (600 * edits) / 100;
    const r1 = (x: number) => Math.round(x);
    return absolute({
      id: 'history-memory',
      measure: `history memory: ${edits} kept ~1 MP edits on the 24 MP photo (Chromium PSS + main RSS added)`,
      floor: 'absolute limit',
      samples: [added],
      limit,
      unit: 'MB',
      note: `Chromium ${r1(before.chromiumMb)} → ${r1(after.chromiumMb)} MB (renderer JS heap ${r1(before.rendererHeapMb)} → ${r1(after.rendererHeapMb)} MB); main ${r1(before.mainMb)} → ${r1(after.mainMb)} MB`,
    });
  } finally {
    await app.close();
    await openai.close();
  }
}
