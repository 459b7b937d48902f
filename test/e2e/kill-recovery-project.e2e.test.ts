/**
 * A saved project's session after kill -9: the restarted app restores it linked to its file, with
 * unsaved changes, and Ctrl+S writes that file — it used to come back with no file, so Ctrl+S saved
 * a second project beside the first ("coffee 2.maskwork"). The dev host runs as a child process
 * with a settings folder that outlives it; Chromium drives the built renderer with keys and mouse.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { PHOTOS } from '../support/app-harness';
import { killHard, openHostPage, startDevHost } from '../support/dev-host';
import { CHROMIUM_ARGS, findChromium } from '../support/chromium';
import { dragPath, maskValue, waitIdle } from '../support/page-helpers';
import { retype, sliderTo } from '../support/user-input';
import { readProjectBytes } from '../support/project-payload';
import { AutosaveStore } from '../../electron/main/services/autosave-store';

let tmp: string;
let browser: Browser;
let host: { child: ChildProcess; url: string } | null = null;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'maskwork-kill-project-'));
  browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
});
afterAll(async () => {
  host?.child.kill('SIGKILL');
  await browser?.close();
  await rm(tmp, { recursive: true, force: true });
});

const startHost = () =>
  startDevHost({ MASKWORK_DEV_SETTINGS: join(tmp, 'settings'), MASKWORK_DEV_DIR: tmp, MASKWORK_OPEN: join(PHOTOS, 'coffee.png') });

async function kill9(): Promise<void> {
  const h = host!;
  host = null;
  await killHard(h.child);
}

const openApp = (url: string): Promise<Page> => openHostPage(browser, url);

const autosavedLabel = async () => {
  const bytes = await new AutosaveStore(join(tmp, 'settings', 'autosave')).load();
  return bytes ? readProjectBytes(bytes).manifest.project.current.label : null;
};

const projects = async () => (await readdir(tmp)).filter((n) => n.endsWith('.maskwork')).sort();

describe('kill -9 after editing a saved project', () => {
  it('restores the session linked to its file, and Ctrl+S saves there', async () => {
    host = await startHost();
    let page = await openApp(host.url);
    await page.keyboard.press('Control+o');
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().hasDoc, null, { timeout: 30_000 });
    await page.keyboard.press('b');
    await retype(page.getByRole('spinbutton', { name: 'Brush size' }), '40');
    await sliderTo(page.getByRole('slider', { name: 'Hardness' }), 'max');
    await dragPath(page, [
      [150, 150],
      [350, 150],
    ]);
    await page.keyboard.press('Control+s');
    await expect.poll(projects, { timeout: 30_000 }).toEqual(['coffee.maskwork']);
    await expect.poll(() => page.title()).toBe('coffee.maskwork — Maskwork');
    // One more stroke after the save, autosaved; then the process dies.
    await dragPath(page, [
      [150, 300],
      [350, 300],
    ]);
    await expect.poll(() => page.title()).toBe('coffee.maskwork • — Maskwork');
    await expect.poll(async () => (await autosavedLabel()) ?? '', { timeout: 15_000, interval: 25 }).toBe('Brush stroke');
    const past = async () => readProjectBytes(new Uint8Array(await readFile(join(tmp, 'coffee.maskwork')))).manifest.project.past.length;
    const savedSteps = await past();
    await kill9();
    await page.close();

    host = await startHost();
    page = await openApp(host.url);
    const banner = page.getByRole('region', { name: 'Restore session' });
    await banner.waitFor({ timeout: 30_000 });
    await banner.getByRole('button', { name: 'Restore', exact: true }).click();
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().hasDoc, null, { timeout: 30_000 });
    await waitIdle(page);
    expect(await maskValue(page, 250, 300)).toBe(255);
    // The project's own file, with changes it does not hold yet. Linking the restored session to its
    // file is main's answer after the restore (it reads the file first): under load it took over the
    // poll's default second, and the title still showed the photo's name.
    await expect.poll(() => page.title(), { timeout: 30_000 }).toBe('coffee.maskwork • — Maskwork');
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.title(), { timeout: 30_000 }).toBe('coffee.maskwork — Maskwork');
    expect(await projects()).toEqual(['coffee.maskwork']);
    expect(existsSync(join(tmp, 'coffee 2.maskwork'))).toBe(false);
    // The file now holds the stroke made after the first save.
    expect(await past()).toBe(savedSteps + 1);
    await page.close();
  });
});
