/**
 * The dev host (`npm run dev`, for machines without Electron) answers the Batch panel's dialogs: Add
 * images… reads MASKWORK_OPEN_MANY and Add folder… MASKWORK_BATCH_FOLDER (or asks on its terminal).
 * They answered "This host cannot show that dialog", so a batch could not be tried there. The dev
 * host runs as a child process; Chromium clicks like a user.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { tmpdir } from 'node:os';
import { chromium, type Browser } from 'playwright-core';
import { PHOTOS } from '../support/app-harness';
import { openHostPage, startDevHost } from '../support/dev-host';
import { CHROMIUM_ARGS, findChromium } from '../support/chromium';

let tmp: string;
let browser: Browser;
let host: { child: ChildProcess; url: string } | null = null;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'maskwork-devbatch-'));
  await mkdir(join(tmp, 'shoot'));
  for (const f of ['coffee.png', 'rocket.jpg', 'chelsea.png']) await copyFile(join(PHOTOS, f), join(tmp, 'shoot', f));
  browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  host = await startDevHost({
    MASKWORK_DEV_DIR: tmp,
    MASKWORK_OPEN_MANY: [join(PHOTOS, 'desk-stuff.jpg'), join(PHOTOS, 'smarties.png')].join(delimiter),
    MASKWORK_BATCH_FOLDER: join(tmp, 'shoot'),
  });
});
afterAll(async () => {
  host?.child.kill('SIGKILL');
  await browser?.close();
  await rm(tmp, { recursive: true, force: true });
});

describe('the dev host’s Batch dialogs', () => {
  it('Add images… and Add folder… fill the new batch', async () => {
    const page = await openHostPage(browser, host!.url);
    await page.getByRole('button', { name: /^Batch…/ }).click();
    const d = page.getByRole('dialog', { name: 'Batch' });
    const list = d.getByRole('list', { name: 'Images in the new batch' });
    await d.getByRole('button', { name: 'Add images…' }).click();
    await list.getByRole('listitem').nth(1).waitFor();
    await d.getByRole('button', { name: 'Add folder…' }).click();
    await list.getByRole('listitem').nth(4).waitFor();
    const text = (await list.textContent()) ?? '';
    for (const n of ['desk-stuff.jpg', 'smarties.png', 'coffee.png', 'rocket.jpg', 'chelsea.png']) expect(text).toContain(n);
    expect(await page.locator('[data-testid="toast"]', { hasText: 'cannot show' }).count()).toBe(0);
  });
});
