/**
 * Bad input through the UI (real handlers behind window.maskwork): a JPEG cut where its picture starts, an empty file,
 * a text file named photo.png, a PNG whose header claims 30000×30000 and a JPEG with scrambled data, opened from the dialog
 * (Ctrl+O) and dragged from the desktop (Chromium's own drag-and-drop input with real files), and an
 * image too wide to open pasted with Ctrl+V from the system clipboard. Each shows an error toast
 * naming the file and the problem; nothing opens; the app keeps working; an open document is left
 * exactly as it was.
 *
 * Not covered here: pasting a broken *file* (Finder/Explorer copy on macOS/Windows). Chromium's
 * clipboard only takes real images, which it re-encodes, so a broken file cannot be put on it in a
 * browser test; a pasted file goes through the same import as a dropped one, which is covered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import sharp from 'sharp';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchApp, PHOTOS, type AppHarness } from '../support/app-harness';
import { dragPath, maskValue, summary, waitIdle } from '../support/page-helpers';
import { copyImageToClipboard, dropFiles, leaveField } from '../support/user-input';
import { exportPngByMouse } from '../support/real-input';
import { cutAtPictureStart, NOT_AN_IMAGE, pngHeaderOnly } from '../fixtures/bad-images';

let app: AppHarness;
const good = join(PHOTOS, 'building.jpg'); // 868×600

/** The photo with 2000 bytes in the middle of its picture data overwritten. */
function scrambled(path: string): Uint8Array {
  const bytes = new Uint8Array(readFileSync(path));
  const mid = bytes.length >> 1;
  for (let i = mid; i < mid + 2000; i++) bytes[i] = (i * 7) & 255;
  return bytes;
}

interface BadFile {
  name: string;
  bytes: Uint8Array;
  kind: 'bad-image' | 'too-large';
  /** What the toast must say (file name and problem). */
  says: RegExp;
}
let bad: BadFile[];

beforeAll(async () => {
  app = await launchApp();
  bad = [
    {
      name: 'building-cut.jpg',
      // Cut where its picture starts: one cut later opens as the part that is there (jpeg-cut-short.e2e).
      bytes: cutAtPictureStart(good),
      kind: 'bad-image',
      // What is wrong and what to try, in a retoucher's words (it ended "(VipsJpeg: premature end of JPEG image)").
      says: /“building-cut\.jpg” is damaged or incomplete: the file stops partway through its picture — an interrupted download or copy\? Copy it again from where it came from/,
    },
    { name: 'empty.jpg', bytes: new Uint8Array(0), kind: 'bad-image', says: /“empty\.jpg” is empty/ },
    { name: 'photo.png', bytes: NOT_AN_IMAGE, kind: 'bad-image', says: /“photo\.png” is not an image/ },
    {
      name: 'bomb.png',
      bytes: pngHeaderOnly(30000, 30000),
      kind: 'too-large',
      says: /“bomb\.png” claims to be 30000×30000.*not decoded/,
    },
    {
      // Its header reads, its data does not: the renderer may show it before main's check fails.
      name: 'scrambled.jpg',
      bytes: scrambled(good),
      kind: 'bad-image',
      says: /“scrambled\.jpg” is damaged or incomplete: part of its picture data is corrupt\. Copy it again from where it came from/,
    },
  ];
  for (const f of bad) await writeFile(join(app.tmp, f.name), f.bytes);
});
afterAll(async () => {
  await app?.close();
});

const errorToasts = (page: Page) => page.locator('.toast.error[role="alert"]');

/** Waits for the one error toast, checks its text and kind, dismisses it and returns its text. */
async function expectOneErrorToast(page: Page, f: Pick<BadFile, 'says' | 'kind'>): Promise<string> {
  const toast = errorToasts(page).filter({ hasText: f.says });
  await toast.waitFor({ state: 'visible', timeout: 20_000 });
  await waitIdle(page);
  expect(await errorToasts(page).count()).toBe(1);
  expect(await toast.getAttribute('data-kind')).toBe(f.kind);
  const text = await toast.innerText();
  expect(text).not.toMatch(/vips|JPEG data|premature|data segment/i);
  await toast.getByRole('button', { name: 'Dismiss' }).click();
  await expect.poll(() => errorToasts(page).count()).toBe(0);
  return text;
}

async function openFromDialog(page: Page, path: string): Promise<void> {
  app.dialogs.opens.push(path);
  await page.keyboard.press('Control+o');
}

/** Writes `bytes` to a file named `name` and drags it from the desktop onto the middle of the canvas. */
async function dropFile(page: Page, bytes: Uint8Array, name: string): Promise<void> {
  const path = join(app.tmp, 'desktop', name);
  await mkdir(join(app.tmp, 'desktop'), { recursive: true });
  await writeFile(path, bytes);
  const box = (await page.getByTestId('stage').boundingBox())!;
  await dropFiles(app.context, page, [path], { x: box.x + box.width / 2, y: box.y + box.height / 2 });
}

/**
 * An image 30001 px wide (one row): over the 30000 px per side limit, yet small enough for the
 * clipboard. Copied as from another application, then pasted with Ctrl+V.
 */
async function pasteTooWide(page: Page): Promise<void> {
  const png = await sharp({ create: { width: 30001, height: 1, channels: 3, background: { r: 200, g: 40, b: 40 } } })
    .png()
    .toBuffer();
  await copyImageToClipboard(app.context, page, png);
  await leaveField(page);
  await page.keyboard.press('Control+v');
}
/** Chromium names a pasted image "image.png". */
const TOO_WIDE = { kind: 'too-large' as const, says: /“image\.png” claims to be 30001×1.*not decoded/ };

/** Everything about the document that a failed open must not touch, plus the rendered canvas. */
async function documentState(page: Page) {
  const s = await summary(page);
  const probe = await page.evaluate(() => {
    const t = (window as any).__maskworkTest;
    const stage = (window as any).Konva?.stages?.[0];
    return { maskPixels: t.maskPixels(), maskBounds: t.maskBounds(), render: stage ? stage.toDataURL({ pixelRatio: 0.5 }) : null };
  });
  return {
    hasDoc: s.hasDoc,
    canvas: s.canvas,
    original: s.original,
    layers: s.layers,
    historyLabels: s.historyLabels,
    label: s.label,
    canRedo: s.canRedo,
    scale: s.scale,
    offset: s.offset,
    ...probe,
  };
}

describe('bad input through the UI', () => {
  it('each bad file from the open dialog shows an error toast naming the file and the problem, and opens nothing', async () => {
    const page = app.page;
    for (const f of bad) {
      await openFromDialog(page, join(app.tmp, f.name));
      const text = await expectOneErrorToast(page, f);
      expect(text).toContain(f.name);
      const s = await summary(page);
      expect(s.hasDoc, f.name).toBe(false);
    }
    expect(app.dialogs.opens).toEqual([]);
  });

  it('the 30000×30000 header is refused quickly (from the header, not by decoding)', async () => {
    const t0 = Date.now();
    await openFromDialog(app.page, join(app.tmp, 'bomb.png'));
    await expectOneErrorToast(app.page, bad[3]);
    expect(Date.now() - t0).toBeLessThan(5_000);
  });

  it('drag-and-drop of a truncated JPEG shows an error toast', async () => {
    const f = bad[0];
    await dropFile(app.page, f.bytes, 'dropped-cut.jpg');
    const text = await expectOneErrorToast(app.page, { ...f, says: /“dropped-cut\.jpg” is damaged or incomplete/ });
    expect(text).toContain('dropped-cut.jpg');
    expect((await summary(app.page)).hasDoc).toBe(false);
  });

  it('drag-and-drop of a text file posing as a PNG shows an error toast', async () => {
    const f = bad[2];
    await dropFile(app.page, f.bytes, 'dropped.png');
    await expectOneErrorToast(app.page, { ...f, says: /“dropped\.png” is not an image/ });
    expect((await summary(app.page)).hasDoc).toBe(false);
  });

  it('Ctrl+V of an image too wide to open shows an error toast', async () => {
    await pasteTooWide(app.page);
    await expectOneErrorToast(app.page, TOO_WIDE);
    expect((await summary(app.page)).hasDoc).toBe(false);
  });

  it('the app keeps working: a good photo opens and painting changes the mask', async () => {
    const page = app.page;
    await openFromDialog(page, good);
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().hasDoc);
    await waitIdle(page);
    const s = await summary(page);
    expect(s.canvas).toEqual({ width: 868, height: 600 });
    expect(s.original.name).toBe('building.jpg');
    expect(await errorToasts(page).count()).toBe(0);
    await leaveField(page);
    await page.keyboard.press('b');
    expect(await maskValue(page, 300, 300)).toBe(0);
    await dragPath(page, [
      [200, 300],
      [400, 300],
    ]);
    expect(await maskValue(page, 300, 300)).toBe(255);
    const after = await summary(page);
    expect(after.label).toBe('Brush stroke');
    expect(after.historyLabels).toEqual(['Open building.jpg']);
  });

  it('with a document open, bad files from the dialog, a drop and a paste leave it open and unchanged', async () => {
    const page = app.page;
    const before = await documentState(page);
    expect(before.hasDoc).toBe(true);
    expect(before.maskPixels).toBeGreaterThan(0);
    expect(before.render).toMatch(/^data:image\/png;base64,/);
    for (const f of bad) {
      await openFromDialog(page, join(app.tmp, f.name));
      await expectOneErrorToast(page, f);
      expect(await documentState(page), `after ${f.name} from the dialog`).toEqual(before);
    }
    await dropFile(page, bad[1].bytes, 'dropped-empty.jpg');
    await expectOneErrorToast(page, { ...bad[1], says: /“dropped-empty\.jpg” is empty/ });
    expect(await documentState(page)).toEqual(before);
    await dropFile(page, bad[3].bytes, 'dropped-bomb.png');
    await expectOneErrorToast(page, { ...bad[3], says: /“dropped-bomb\.png” claims to be 30000×30000/ });
    expect(await documentState(page)).toEqual(before);
    await pasteTooWide(page);
    await expectOneErrorToast(page, TOO_WIDE);
    expect(await documentState(page)).toEqual(before);
    // And it still edits: another stroke is one more history step on the same document.
    await dragPath(page, [
      [200, 450],
      [400, 450],
    ]);
    expect(await maskValue(page, 300, 450)).toBe(255);
    const after = await summary(page);
    expect(after.historyLabels).toEqual([...before.historyLabels, before.label]);
    expect(after.label).toBe('Brush stroke');
    expect(after.original).toEqual(before.original);
  });

  it('cancelling the open dialog changes nothing and shows no error', async () => {
    const page = app.page;
    const before = await documentState(page);
    app.dialogs.opens.push(null);
    await page.keyboard.press('Control+o');
    await waitIdle(page);
    await expect.poll(() => app.dialogs.opens.length).toBe(0);
    expect(await errorToasts(page).count()).toBe(0);
    expect(await documentState(page)).toEqual(before);
  });

  it("a damaged file's error goes once a photo opens, and so does the earlier document's export error", async () => {
    const page = app.page;
    // An export into a folder that does not exist fails: an error about exporting.
    app.dialogs.saves.push(join(app.tmp, 'no-such-folder', 'out.png'));
    await exportPngByMouse(page);
    const exportError = errorToasts(page).filter({ hasNotText: 'building-cut.jpg' });
    await exportError.first().waitFor({ state: 'visible', timeout: 20_000 });
    await waitIdle(page);
    const exportText = await exportError.first().innerText();
    await openFromDialog(page, join(app.tmp, 'building-cut.jpg'));
    const openError = errorToasts(page).filter({ hasText: /“building-cut\.jpg” is damaged or incomplete/ });
    await openError.waitFor({ state: 'visible', timeout: 20_000 });
    await waitIdle(page);
    expect(await errorToasts(page).count()).toBe(2);
    // A failed open keeps the document, and with it its export's error (it is still about this photo).
    expect(await exportError.first().innerText()).toBe(exportText);
    // The next open succeeds: "damaged" is stale and goes; so does the export error, which was about
    // the document before (it stayed stacked over the next photo as if about it).
    await openFromDialog(page, join(PHOTOS, 'desk-stuff.jpg'));
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().original?.name === 'desk-stuff.jpg');
    await waitIdle(page);
    await expect.poll(() => openError.count()).toBe(0);
    await expect.poll(() => errorToasts(page).count()).toBe(0);
  });

  it('no page errors or console errors along the way', () => {
    expect(app.errors).toEqual([]);
  });
});
