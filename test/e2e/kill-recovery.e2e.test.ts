/**
 * kill -9 of the app process loses no kept edit. The dev host (out/dev-host/index.js: the real main
 * handler table behind loopback HTTP) runs as a child process with a settings folder that outlives
 * it; Chromium drives the built renderer like a user. The process is SIGKILLed right after Keep (as
 * soon as main holds the save, which Keep triggers at once) and again while a job is in flight;
 * a new process on the same settings folder offers the session, and Restore brings back the kept
 * layer and the mask (the one Keep left — cleared — and then the next edit's stroke).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { AutosaveStore } from '../../electron/main/services/autosave-store';
import { startOpenAIServer, type OpenAIServer } from '../servers';
import { PHOTOS } from '../support/app-harness';
import { killHard, openHostPage, startDevHost } from '../support/dev-host';
import { CHROMIUM_ARGS, findChromium } from '../support/chromium';
import { dragPath, maskValue, summary, waitIdle } from '../support/page-helpers';
import { chooseOption, retype, sliderTo } from '../support/user-input';
import { readProjectBytes } from '../support/project-payload';

let tmp: string;
let openai: OpenAIServer;
let browser: Browser;
let host: { child: ChildProcess; url: string } | null = null;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'maskwork-kill-'));
  openai = await startOpenAIServer();
  browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
});
afterAll(async () => {
  host?.child.kill('SIGKILL');
  await browser?.close();
  await openai?.close();
  await rm(tmp, { recursive: true, force: true });
});

/** Starts the dev host on the test's settings folder and resolves with the URL it prints. */
function startHost(): Promise<{ child: ChildProcess; url: string }> {
  return startDevHost({
    MASKWORK_DEV_SETTINGS: join(tmp, 'settings'),
    MASKWORK_DEV_DIR: tmp,
    MASKWORK_OPEN: join(PHOTOS, 'coffee.png'),
    OPENAI_API_KEY: 'sk-kill-test-0000000000',
    OPENAI_BASE_URL: openai.url,
    MASKWORK_MAX_RETRIES: '0',
    MASKWORK_STREAM: '0',
  });
}

async function kill9(): Promise<void> {
  const h = host!;
  host = null;
  await killHard(h.child);
}

const openApp = (url: string): Promise<Page> => openHostPage(browser, url);

/** The current document record in main's autosave (a project file), or null. */
const savedDoc = async () => {
  const bytes = await new AutosaveStore(join(tmp, 'settings', 'autosave')).load();
  return bytes ? readProjectBytes(bytes).manifest.project.current.doc : null;
};

/** The label of the autosave's current step ("Brush stroke"), or null. */
const savedLabel = async () => {
  const bytes = await new AutosaveStore(join(tmp, 'settings', 'autosave')).load();
  return bytes ? readProjectBytes(bytes).manifest.project.current.label : null;
};

async function generate(page: Page): Promise<void> {
  await chooseOption(page, page.getByRole('combobox', { name: 'Model', exact: true }), 'gpt-image-2');
  await retype(page.getByRole('spinbutton', { name: 'Candidates' }), '1');
  await retype(page.getByRole('textbox', { name: 'Prompt', exact: true }), 'clean wood grain');
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
}

describe('kill -9 of the app process', () => {
  it('right after Keep, and again during a job: the restarted app restores the kept edit and the mask', async () => {
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
    expect(await maskValue(page, 250, 150)).toBe(255);

    // One candidate, kept; the process dies as soon as main holds the save Keep triggered.
    await generate(page);
    await page.waitForFunction(() => (window as any).__maskworkTest.staging().items.length === 1, null, { timeout: 90_000 });
    await page.getByRole('button', { name: 'Keep', exact: true }).click();
    // Keep commits once the candidate's bitmap is there (a decode when it was let go): polled.
    await expect.poll(async () => (await summary(page)).layers).toBe(1);
    await expect.poll(async () => (await savedDoc())?.layers?.length ?? 0, { timeout: 15_000, interval: 25 }).toBe(1);
    await kill9();
    await page.close();

    // Restart, restore, then die again while a request is out.
    host = await startHost();
    page = await openApp(host.url);
    let banner = page.getByRole('region', { name: 'Restore session' });
    await banner.waitFor({ timeout: 30_000 });
    await banner.getByRole('button', { name: 'Restore', exact: true }).click();
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().hasDoc, null, { timeout: 30_000 });
    await waitIdle(page);
    expect((await summary(page)).layers).toBe(1);
    // Keep cleared the mask (in its own step): the session comes back as Keep left it.
    expect(await maskValue(page, 250, 150)).toBe(0);
    // The next edit's stroke, saved before the job starts.
    await page.keyboard.press('b');
    await dragPath(page, [
      [150, 300],
      [350, 300],
    ]);
    expect(await maskValue(page, 250, 300)).toBe(255);
    await expect.poll(async () => (await savedLabel()) ?? '', { timeout: 15_000, interval: 25 }).toBe('Brush stroke');
    const sent = openai.requests.length;
    openai.script({ delayMs: 120_000 });
    await generate(page);
    await expect.poll(() => openai.requests.length, { timeout: 60_000 }).toBe(sent + 1);
    await kill9();
    await page.close();
    openai.clearScript();

    host = await startHost();
    page = await openApp(host.url);
    banner = page.getByRole('region', { name: 'Restore session' });
    await banner.waitFor({ timeout: 30_000 });
    expect(await banner.textContent()).toMatch(/coffee\.png/);
    await banner.getByRole('button', { name: 'Restore', exact: true }).click();
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().hasDoc, null, { timeout: 30_000 });
    await waitIdle(page);
    const s = await summary(page);
    expect(s.original.name).toBe('coffee.png');
    expect(s.layers).toBe(1);
    expect(await maskValue(page, 250, 300)).toBe(255);
    expect(await maskValue(page, 250, 150)).toBe(0);
    await page.close();
  });
});
