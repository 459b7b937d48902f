/**
 * Maskwork's own time per edit through the dev host (`npm run dev`): the real main-process handlers
 * in a process of their own (as in Electron), the renderer in Chromium talking to them over loopback
 * HTTP and binary event frames, the OpenAI protocol server in a third (bench-server.ts). The same edits, spans and
 * floors as the e2e-harness scenarios (edit-time.ts); the budget here is 500 ms.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startDevHost } from '../../test/support/dev-host';
import { CHROMIUM_ARGS, findChromium } from '../../test/support/chromium';
import { startBenchServer } from './bench-server';
import { writeBigJpeg } from './photo';
import { oneEdit, openForEdits, type EditSample, type Floors, type Scenario } from './edit-time';

/** `edits` counted edits (after one warm-up) on the 24 MP photo through the dev host. */
export async function runDevHostEdits(edits: number, floors: Floors): Promise<Scenario> {
  const tmp = await mkdtemp(join(tmpdir(), 'maskwork-bench-dev-'));
  const openai = await startBenchServer();
  const host = await startDevHost({
    MASKWORK_DEV_DIR: tmp,
    MASKWORK_OPEN: await writeBigJpeg(tmp),
    OPENAI_API_KEY: 'sk-bench-edit-time-0002',
    OPENAI_BASE_URL: openai.url,
    MASKWORK_MAX_RETRIES: '0',
    MASKWORK_STREAM: '0',
  });
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console: ${m.text()}`);
    });
    await page.goto(host.url);
    await page.waitForFunction(() => (window as unknown as { __maskworkReady?: boolean }).__maskworkReady === true, null, {
      timeout: 30_000,
    });
    await openForEdits(page);
    const app = { page, errors };
    await oneEdit(app, openai, 0, 'discard'); // warm-up, not counted
    const samples: EditSample[] = [];
    for (let i = 0; i < edits; i++) samples.push(await oneEdit(app, openai, 1 + i, 'discard', floors));
    return { id: 'edit-devhost', label: 'dev host (main in its own process), 0 kept layers, 1 candidate', samples };
  } finally {
    await browser.close().catch(() => {});
    host.child.removeAllListeners('exit');
    host.child.kill('SIGINT');
    await openai.close();
    await rm(tmp, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
  }
}
