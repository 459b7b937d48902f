/**
 * The asset folder does not grow without end: a candidate the retoucher discarded is removed at the
 * next start, while the kept edit comes back whole. The dev host runs as a child process on a
 * settings folder that outlives it (as the app's userData does), with MASKWORK_ASSET_KEEP_DAYS=0 so
 * the sweep does not wait its three days; Chromium drives the built renderer with keys and mouse.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { AutosaveStore } from '../../electron/main/services/autosave-store';
import { PHOTOS } from '../support/app-harness';
import { killHard, openHostPage, startDevHost } from '../support/dev-host';
import { CHROMIUM_ARGS, findChromium } from '../support/chromium';
import { dragPath, summary, waitIdle } from '../support/page-helpers';
import { retype } from '../support/user-input';
import { readProjectBytes } from '../support/project-payload';

let tmp: string;
let browser: Browser;
let host: { child: ChildProcess; url: string } | null = null;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'maskwork-sweep-'));
  browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
});
afterAll(async () => {
  host?.child.kill('SIGKILL');
  await browser?.close();
  await rm(tmp, { recursive: true, force: true });
});

const startHost = () =>
  startDevHost({
    MASKWORK_DEV_SETTINGS: join(tmp, 'settings'),
    MASKWORK_DEV_DIR: tmp,
    MASKWORK_OPEN: join(PHOTOS, 'coffee.png'),
    MASKWORK_ASSET_KEEP_DAYS: '0',
  });
const patchIds = async () =>
  (await readdir(join(tmp, 'settings', 'assets')))
    .filter((n) => n.startsWith('patch-') && n.endsWith('.bin'))
    .map((n) => n.slice(0, -4))
    .sort();
const savedLayers = async (): Promise<{ assetId: string }[]> => {
  const bytes = await new AutosaveStore(join(tmp, 'settings', 'autosave')).load();
  return bytes ? readProjectBytes(bytes).manifest.project.current.doc.layers : [];
};

describe('the asset folder', () => {
  it('a discarded candidate’s patch is gone at the next start; the kept edit is restored whole', async () => {
    host = await startHost();
    let page = await openHostPage(browser, host.url);
    await page.keyboard.press('Control+o');
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().hasDoc, null, { timeout: 30_000 });
    await page.keyboard.press('b');
    await dragPath(page, [
      [200, 200],
      [300, 220],
    ]);
    // Two offline candidates; the second is kept, the first is not.
    await retype(page.getByRole('spinbutton', { name: 'Candidates' }), '2');
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(() => (window as any).__maskworkTest.staging().items.length === 2, null, { timeout: 120_000 });
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await savedLayers()).length, { timeout: 15_000, interval: 50 }).toBe(1);
    await waitIdle(page);
    const kept = (await savedLayers())[0].assetId;
    const before = await patchIds();
    expect(before).toContain(kept);
    expect(before.length).toBeGreaterThanOrEqual(2); // the discarded candidate's patch is on disk too
    await killHard(host.child);
    host = null;
    await page.close();

    host = await startHost();
    await expect.poll(patchIds, { timeout: 15_000 }).toEqual([kept]);
    page = await openHostPage(browser, host.url);
    const banner = page.getByRole('region', { name: 'Restore session' });
    await banner.waitFor({ timeout: 30_000 });
    await banner.getByRole('button', { name: 'Restore', exact: true }).click();
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().hasDoc, null, { timeout: 30_000 });
    await waitIdle(page);
    const s = await summary(page);
    expect(s.layers).toBe(1);
    expect(s.original.name).toBe('coffee.png');
    expect(s.toasts.filter((t: { tone: string }) => t.tone === 'error')).toEqual([]);
  });
});
