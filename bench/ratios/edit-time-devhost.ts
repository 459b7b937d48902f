/**
 * Maskwork's own time per edit through the dev host (`npm run dev`): the real main-process handlers
 * in a process of their own (as in Electron), the renderer in Chromium talking to them over loopback
 * HTTP and server-sent events, the OpenAI protocol server in this process. The same edits, spans and
 * floors as the e2e-harness scenarios (edit-time.ts); the budget here is 500 ms.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { REPO } from '../../test/support/app-harness';
import { CHROMIUM_ARGS, findChromium } from '../../test/support/chromium';
import { startOpenAIServer } from '../../test/servers';
import { writeBigJpeg } from './photo';
import { oneEdit, openForEdits, type EditSample, type Floors, type Scenario } from './edit-time';

const DEV_HOST = join(REPO, 'out/dev-host/index.js');

function startHost(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [DEV_HOST], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the dev host did not start: ${out}`)), 60_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1] });
      }
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => reject(new Error(`the dev host exited (${code}): ${out}`)));
  });
}

/** `edits` counted edits (after one warm-up) on the 24 MP photo through the dev host. */
export async function runDevHostEdits(edits: number, floors: Floors): Promise<Scenario> {
  if (!existsSync(DEV_HOST)) throw new Error('out/dev-host is not built: run `npm run build` (npm run bench does).');
  const tmp = await mkdtemp(join(tmpdir(), 'maskwork-bench-dev-'));
  const openai = await startOpenAIServer();
  const host = await startHost({
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
