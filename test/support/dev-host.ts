/**
 * The dev host (out/dev-host/index.js: the real main handler table behind loopback HTTP) as a child
 * process: started with the given environment (plus PATH), resolved with the URL it prints.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { REPO } from './app-harness';

export const DEV_HOST = join(REPO, 'out/dev-host/index.js');

export function startDevHost(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  if (!existsSync(DEV_HOST)) throw new Error('out/dev-host is not built: run `npm run build` (npm test does).');
  const child = spawn(process.execPath, [DEV_HOST], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`dev host did not start: ${out}`)), 60_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1] });
      }
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => reject(new Error(`dev host exited (${code}): ${out}`)));
  });
}

/** SIGKILLs the dev host (a crash, as `kill -9`) and resolves once it has exited. */
export async function killHard(child: ChildProcess): Promise<void> {
  const gone = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await gone;
}

/** A new page on the dev host's URL, once the app says it is ready. */
export async function openHostPage(browser: Browser, url: string, viewport = { width: 1400, height: 900 }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { __maskworkReady?: boolean }).__maskworkReady === true, null, {
    timeout: 30_000,
  });
  return page;
}
