/**
 * Bad input through the UI (real handlers behind window.maskwork): a truncated JPEG, an empty file,
 * a text file named photo.png and a PNG whose header claims 30000×30000, opened from the dialog, by
 * drag-and-drop and by paste. Each shows an error toast naming the file and the problem; nothing
 * opens; the app keeps working; an open document is left exactly as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchApp, PHOTOS, type AppHarness } from '../support/app-harness';
import { dragPath, maskValue, summary, waitIdle } from '../support/page-helpers';
import { NOT_AN_IMAGE, pngHeaderOnly, truncated } from '../fixtures/bad-images';

let app: AppHarness;
const good = join(PHOTOS, 'building.jpg'); // 868×600

interface BadFile {
  name: string;
  bytes: Uint8Array;
  mime: string;
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
      bytes: truncated(good, 0.6),
      mime: 'image/jpeg',
      kind: 'bad-image',
      says: /“building-cut\.jpg” is damaged or incomplete/,
    },
    { name: 'empty.jpg', bytes: new Uint8Array(0), mime: 'image/jpeg', kind: 'bad-image', says: /“empty\.jpg” is empty/ },
    { name: 'photo.png', bytes: NOT_AN_IMAGE, mime: 'image/png', kind: 'bad-image', says: /“photo\.png” is not an image/ },
    {
      name: 'bomb.png',
      bytes: pngHeaderOnly(30000, 30000),
      mime: 'image/png',
      kind: 'too-large',
      says: /“bomb\.png” claims to be 30000×30000.*not decoded/,
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
  await toast.getByRole('button', { name: 'Dismiss' }).click();
  await expect.poll(() => errorToasts(page).count()).toBe(0);
  return text;
}

async function openFromDialog(page: Page, path: string): Promise<void> {
  app.dialogs.opens.push(path);
  await page.keyboard.press('Control+o');
}

/** Drops a file built in the page from `bytes` onto the canvas; returns whether dragover/drop were accepted. */
async function dropFile(page: Page, bytes: Uint8Array, name: string, type: string) {
  return page.evaluate(
    ([data, fileName, mime]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(data)], fileName, { type: mime }));
      const target = document.querySelector('[data-testid="stage"]')!;
      const over = new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true });
      target.dispatchEvent(over);
      const drop = new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true });
      target.dispatchEvent(drop);
      return { overAccepted: over.defaultPrevented, dropHandled: drop.defaultPrevented };
    },
    [Array.from(bytes), name, type] as const,
  );
}

/** Pastes a file built in the page from `bytes`, as the clipboard would deliver it. */
async function pasteFile(page: Page, bytes: Uint8Array, name: string, type: string) {
  return page.evaluate(
    ([data, fileName, mime]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(data)], fileName, { type: mime }));
      const ev = new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true });
      document.body.dispatchEvent(ev);
      return ev.defaultPrevented;
    },
    [Array.from(bytes), name, type] as const,
  );
}

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
    const r = await dropFile(app.page, f.bytes, 'dropped-cut.jpg', f.mime);
    expect(r).toEqual({ overAccepted: true, dropHandled: true });
    const text = await expectOneErrorToast(app.page, { ...f, says: /“dropped-cut\.jpg” is damaged or incomplete/ });
    expect(text).toContain('dropped-cut.jpg');
    expect((await summary(app.page)).hasDoc).toBe(false);
  });

  it('paste of a text file posing as a PNG shows an error toast', async () => {
    const f = bad[2];
    expect(await pasteFile(app.page, f.bytes, 'pasted.png', 'image/png')).toBe(true);
    await expectOneErrorToast(app.page, { ...f, says: /“pasted\.png” is not an image/ });
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
    await dropFile(page, bad[1].bytes, 'dropped-empty.jpg', 'image/jpeg');
    await expectOneErrorToast(page, { ...bad[1], says: /“dropped-empty\.jpg” is empty/ });
    expect(await documentState(page)).toEqual(before);
    await pasteFile(page, bad[3].bytes, 'pasted-bomb.png', 'image/png');
    await expectOneErrorToast(page, { ...bad[3], says: /“pasted-bomb\.png” claims to be 30000×30000/ });
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

  it('no page errors or console errors along the way', () => {
    expect(app.errors).toEqual([]);
  });
});
