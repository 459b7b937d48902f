/**
 * Where an edit's time goes as kept layers pile up (diagnostic, not part of `npm run bench`): the
 * history bench's edits (24 MP photo, 700² rectangle, gpt-image-2 on the local protocol server, keep,
 * clear the mask), each phase timed, and at the checkpoints a CPU profile of the renderer and of main
 * (this process hosts main) over one whole edit, printed as the functions with the most self time.
 * Usage: node scripts/run-ts.mjs bench/layers/edit-growth.ts [last=90] [checkpoints=10,30,60,90]
 */
import { Session } from 'node:inspector/promises';
import { loadavg } from 'node:os';
import { launchApp } from '../../test/support/app-harness';
import { dragPath } from '../../test/support/page-helpers';
import { writeBigJpeg } from '../ratios/photo';
import { startServerProcess } from '../ratios/history';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

/** The functions with the most self time (ms), "name (file:line)". */
function topSelf(p: Profile, n = 12): string[] {
  const byId = new Map(p.nodes.map((x) => [x.id, x]));
  const self = new Map<string, number>();
  const samples = p.samples ?? [];
  const deltas = p.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const node = byId.get(samples[i]);
    if (!node) continue;
    const f = node.callFrame;
    const key = `${f.functionName || '(anonymous)'} (${f.url.split('/').slice(-2).join('/')}:${f.lineNumber + 1})`;
    self.set(key, (self.get(key) ?? 0) + (deltas[i] ?? 0) / 1000);
  }
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, ms]) => `${ms.toFixed(0).padStart(6)} ms  ${k}`);
}

const last = Number(process.argv[2] ?? 90);
const checkpoints = new Set((process.argv[3] ?? '10,30,60,90').split(',').map(Number));
const openai = await startServerProcess();
const app = await launchApp({
  viewport: { width: 1600, height: 1000 },
  env: { OPENAI_API_KEY: 'sk-bench-growth-0001', OPENAI_BASE_URL: openai.url, MASKWORK_MAX_RETRIES: '0', MASKWORK_STREAM: '0' },
});
const mainSession = new Session();
mainSession.connect();
try {
  const page = app.page;
  app.dialogs.opens.push(await writeBigJpeg(app.tmp));
  await page.keyboard.press('Control+o');
  await page.waitForFunction(() => (window as any).__maskworkTest.summary().hasDoc, null, { timeout: 120_000 });
  await page.getByRole('combobox', { name: 'Model' }).selectOption('gpt-image-2');
  await page.getByRole('textbox', { name: 'Prompt' }).click();
  await page.keyboard.type('clean background');
  await page.keyboard.press('m');
  const cdp = await app.context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await mainSession.post('Profiler.enable');
  for (let i = 0; i < last; i++) {
    const profile = checkpoints.has(i + 1);
    if (profile) {
      await page.waitForFunction(() => !(window as any).__maskworkTest.autosave().pending, null, { timeout: 120_000, polling: 100 });
      await cdp.send('Profiler.start');
      await mainSession.post('Profiler.start');
    }
    const x = 150 + (i % 10) * 560;
    const y = 150 + (Math.floor(i / 10) % 10) * 330;
    const d0 = (await page.evaluate(() => (window as any).__maskworkBench.drawStats())) as Record<string, { draws: number; ms: number }>;
    const t0 = performance.now();
    await dragPath(page, [
      [x, y],
      [x + 700, y + 700],
    ]);
    const t1 = performance.now();
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(() => (window as any).__maskworkTest.staging().items.length === 1, null, { timeout: 180_000 });
    const t2 = performance.now();
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => (window as any).__maskworkTest.summary().layers === n, i + 1, { timeout: 180_000 });
    const t3 = performance.now();
    await page.keyboard.press('Control+d');
    await page.waitForFunction(() => !(window as any).__maskworkTest.autosave().pending, null, { timeout: 120_000, polling: 50 });
    const t4 = performance.now();
    openai.child.stdin!.write('clear\n');
    const line = `edit ${i + 1}: drag ${(t1 - t0).toFixed(0)} ms, generate ${(t2 - t1).toFixed(0)} ms, keep ${(t3 - t2).toFixed(0)} ms, clear + autosave ${(t4 - t3).toFixed(0)} ms (load ${loadavg()[0].toFixed(1)})`;
    const d1 = (await page.evaluate(() => (window as any).__maskworkBench.drawStats())) as Record<string, { draws: number; ms: number }>;
    const drawn = Object.entries(d1)
      .map(([k, v]) => [k, v.draws - (d0[k]?.draws ?? 0), v.ms - (d0[k]?.ms ?? 0)] as const)
      .filter(([, n]) => n > 0)
      .map(([k, n, ms]) => `${k} ${n}× ${ms.toFixed(0)} ms`)
      .join(', ');
    if (profile || (i + 1) % 10 === 0) console.log(`${line}; layer draws: ${drawn}`);
    if (profile) {
      const r = (await cdp.send('Profiler.stop')) as { profile: Profile };
      const m = (await mainSession.post('Profiler.stop')) as { profile: Profile };
      console.log(`  renderer, most self time:\n    ${topSelf(r.profile).join('\n    ')}`);
      console.log(`  main, most self time:\n    ${topSelf(m.profile).join('\n    ')}`);
      const mem = (await page.evaluate(() => (window as any).__maskworkBench.memory())) as Record<string, unknown>;
      console.log(
        `  renderer bitmaps: ${mem.bitmaps} (${((mem.bitmapBytes as number) / 2 ** 20).toFixed(0)} MB), largest ${JSON.stringify(mem.largestBitmaps)}`,
      );
    }
  }
} finally {
  mainSession.disconnect();
  await app.close();
  openai.child.removeAllListeners('exit');
  const exited = new Promise((r) => openai.child.once('exit', r));
  openai.child.stdin!.end();
  await exited;
}
