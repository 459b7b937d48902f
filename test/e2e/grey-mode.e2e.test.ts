/**
 * A greyscale file says so in the status bar, as Photoshop's title does: "Gray/16" for a 16-bit grey
 * PNG, "Gray/8" for a grey JPEG (it said "RGB/16"), the same for a Grayscale-mode PSD of 8 or 16 bits
 * (ImageMagick's, checked: it was right already), and a colour photo still "RGB/8". Opened with
 * Ctrl+O; the files are made from a test photo with sharp (one channel, as ImageMagick's
 * `convert -colorspace Gray -depth 16` writes them).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, PHOTOS, type AppHarness } from '../support/app-harness';
import { waitIdle } from '../support/page-helpers';

let app: AppHarness;

beforeAll(async () => {
  app = await launchApp();
}, 60_000);
afterAll(() => app?.close());

async function open(path: string, name: string): Promise<string | null> {
  const page = app.page;
  app.dialogs.opens.push(path);
  await page.keyboard.press('Control+o');
  // A question about the open document's unsaved state does not come up: nothing is edited here.
  await page.waitForFunction((n) => (window as any).__maskworkTest.summary().original?.name === n, name);
  await waitIdle(page);
  return page.getByTestId('status-mode').textContent();
}

describe('the status bar names greyscale files Gray', () => {
  it('a 16-bit grey PNG is Gray/16, a grey JPEG Gray/8, a colour photo RGB/8', async () => {
    const photo = join(PHOTOS, 'building.jpg');
    const grey16 = await sharp(photo).resize(400).toColourspace('grey16').png().toBuffer();
    expect((await sharp(grey16).metadata()).channels).toBe(1);
    await writeFile(join(app.tmp, 'grey16.png'), grey16);
    await writeFile(join(app.tmp, 'grey8.jpg'), await sharp(photo).resize(400).toColourspace('b-w').jpeg().toBuffer());

    expect(await open(join(app.tmp, 'grey16.png'), 'grey16.png')).toBe('Gray/16');
    expect(await app.page.getByTestId('status-mode').getAttribute('title')).toMatch(/^Greyscale file, edited in RGB; 16 bits/);
    expect(await open(join(app.tmp, 'grey8.jpg'), 'grey8.jpg')).toBe('Gray/8');
    expect(await open(photo, 'building.jpg')).toBe('RGB/8');
    expect(app.errors).toEqual([]);
  });

  it('a Grayscale PSD is Gray/8, a 16-bit one Gray/16, as the same files in PNG are', async () => {
    // ImageMagick writes Grayscale-mode PSDs (header mode 1) with a merged image, as Photoshop does.
    const photo = join(PHOTOS, 'coffee.png');
    const grey8 = join(app.tmp, 'grey8.psd');
    const grey16 = join(app.tmp, 'grey16.psd');
    execFileSync('/usr/bin/convert', [photo, '-colorspace', 'Gray', '-depth', '8', grey8]);
    execFileSync('/usr/bin/convert', [photo, '-colorspace', 'Gray', '-depth', '16', grey16]);
    for (const [file, depth] of [
      [grey8, 8],
      [grey16, 16],
    ] as const) {
      // The header's depth and colour mode (1: Grayscale).
      const bytes = readFileSync(file);
      expect([bytes.readUInt16BE(22), bytes.readUInt16BE(24)]).toEqual([depth, 1]);
    }
    expect(await open(grey8, 'grey8.psd')).toBe('Gray/8');
    expect(await open(grey16, 'grey16.psd')).toBe('Gray/16');
    expect(await app.page.getByTestId('status-mode').getAttribute('title')).toMatch(/^Greyscale file, edited in RGB; 16 bits/);
    expect(await open(join(PHOTOS, 'building.jpg'), 'building.jpg')).toBe('RGB/8');
    expect(app.errors).toEqual([]);
  });
});
