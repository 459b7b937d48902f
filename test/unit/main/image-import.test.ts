/**
 * electron/main/services/image-import.ts (and openImageFile in image-files.ts): real photos open
 * with the right size, format and flags; EXIF orientation is applied for display; broken and
 * hostile files fail with a clear bad-image / too-large message and store nothing.
 */
import { readFileSync, statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { AssetStore } from '../../../electron/main/services/asset-store';
import { importImage } from '../../../electron/main/services/image-import';
import { openImageFile } from '../../../electron/main/services/image-files';
import { awaitDecoded, forgetDecoded, recallDecoded } from '../../../electron/main/services/decoded-original';
import { awaitCheck } from '../../../electron/main/services/image-check';
import { reachesJpegEnd } from '../../../electron/main/services/jpeg-partial';
import { cutAtPictureStart, NOT_AN_IMAGE, photo, pngHeaderOnly, rotatedP3Jpeg, truncated } from '../../fixtures/bad-images';
import { appErrorOf } from '../../support/app-error';

let tmp: string;
let store: AssetStore;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'maskwork-import-'));
  store = new AssetStore(join(tmp, 'assets'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const rejection = appErrorOf;

async function storedAssets(): Promise<string[]> {
  return readdir(join(tmp, 'assets')).catch(() => []);
}

describe('importImage: good files', () => {
  it('JPEG: size, format, no rotation, display = the file itself, original bytes stored under a content id', async () => {
    const bytes = new Uint8Array(await readFile(photo('building.jpg')));
    const img = await importImage(store, bytes, '/some/where/building.jpg');
    expect(img).toMatchObject({
      name: 'building.jpg',
      width: 868,
      height: 600,
      format: 'jpeg',
      orientation: 1,
      displayMime: 'image/jpeg',
      hasIcc: false,
      hasExif: false,
    });
    expect(Buffer.compare(Buffer.from(img.display), Buffer.from(bytes))).toBe(0);
    expect(img.assetId).toMatch(/^img-[0-9a-f]{32}$/);
    expect(Buffer.compare(Buffer.from(await store.get(img.assetId)), Buffer.from(bytes))).toBe(0);
    expect(store.info(img.assetId)).toMatchObject({ kind: 'img', name: 'building.jpg' });
  });

  it('PNG: size, format, ICC flag from the file', async () => {
    const bytes = new Uint8Array(await readFile(photo('chelsea.png')));
    const img = await importImage(store, bytes, 'chelsea.png');
    expect(img).toMatchObject({
      width: 451,
      height: 300,
      format: 'png',
      orientation: 1,
      displayMime: 'image/png',
      hasIcc: true,
      hasExif: false,
    });
    const coffee = await importImage(store, new Uint8Array(await readFile(photo('coffee.png'))), 'coffee.png');
    expect(coffee).toMatchObject({ width: 600, height: 400, hasIcc: false });
  });

  it('EXIF orientation 6: width/height swapped, display = the JPEG itself (the renderer applies the tag), flags for ICC and EXIF', async () => {
    const bytes = await rotatedP3Jpeg();
    const stored = await sharp(bytes).metadata();
    expect([stored.width, stored.height, stored.orientation]).toEqual([868, 600, 6]);
    const img = await importImage(store, bytes, 'rotated.jpg');
    expect(img).toMatchObject({
      width: 600,
      height: 868,
      orientation: 6,
      format: 'jpeg',
      displayMime: 'image/jpeg',
      hasIcc: true,
      hasExif: true,
    });
    // No 24 MP PNG re-encode for a rotated camera JPEG: the bytes are the file, tag included.
    expect(Buffer.compare(Buffer.from(img.display), Buffer.from(bytes))).toBe(0);
    expect((await sharp(img.display).metadata()).orientation).toBe(6);
    // The stored asset is the file as given (never re-encoded).
    expect(Buffer.compare(Buffer.from(await store.get(img.assetId)), Buffer.from(bytes))).toBe(0);
  });

  it('keeps its decode for edit prep: the same upright RGBA a fresh decode gives (rotated, ICC-tagged JPEG)', async () => {
    forgetDecoded();
    const bytes = await rotatedP3Jpeg();
    const img = await importImage(store, bytes, 'rotated.jpg');
    const kept = recallDecoded(img.assetId);
    expect(kept).not.toBeNull();
    const fresh = await sharp(bytes).autoOrient().ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    expect([kept!.width, kept!.height]).toEqual([fresh.info.width, fresh.info.height]);
    expect([kept!.width, kept!.height]).toEqual([600, 868]);
    expect(Buffer.compare(Buffer.from(kept!.rgba), fresh.data)).toBe(0);
    // A file that fails to open replaces nothing.
    await importImage(store, NOT_AN_IMAGE, 'broken.jpg').catch(() => {});
    expect(recallDecoded(img.assetId)).toBe(kept);
    forgetDecoded();
  });

  it('checkLater: returns after the header, the check stores the asset and keeps the decode', async () => {
    forgetDecoded();
    const bytes = new Uint8Array(await readFile(photo('rocket.jpg')));
    const img = await importImage(store, bytes, 'rocket.jpg', undefined, { checkLater: true });
    expect(img).toMatchObject({ width: 640, height: 427, format: 'jpeg', displayMime: 'image/jpeg' });
    expect(Buffer.compare(Buffer.from(img.display), Buffer.from(bytes))).toBe(0);
    await expect(awaitCheck(store, img.assetId)).resolves.toEqual({ checked: true });
    expect(Buffer.compare(Buffer.from(await store.get(img.assetId)), Buffer.from(bytes))).toBe(0);
    expect(store.info(img.assetId)).toMatchObject({ kind: 'img', name: 'rocket.jpg' });
    // The check of a JPEG is a reduced decode; the full one (what a fresh decode gives) follows for edit prep.
    const kept = await awaitDecoded(img.assetId);
    expect(kept).toMatchObject({ width: 640, height: 427 });
    const fresh = await sharp(bytes).autoOrient().ensureAlpha().raw().toBuffer();
    expect(Buffer.compare(Buffer.from(kept!.rgba), fresh)).toBe(0);
    expect(recallDecoded(img.assetId)).toBe(kept);
    // Checked before (or opened without checkLater): passes as long as the asset is stored.
    await expect(awaitCheck(store, img.assetId)).resolves.toEqual({ checked: true });
    forgetDecoded();
  });

  it('checkLater on a truncated JPEG: it opens at once as the part that is there (no check left to fail later)', async () => {
    const img = await importImage(store, truncated(photo('building.jpg')), 'cut.jpg', undefined, { checkLater: true, openCutShort: true });
    expect(img.cutShort?.missingRows).toBeGreaterThan(0);
    await expect(awaitCheck(store, img.assetId)).resolves.toEqual({ checked: true });
  });

  it('checkLater on a JPEG with damaged data inside: the reduced check fails like a full decode and stores nothing', async () => {
    const before = await storedAssets();
    const bytes = new Uint8Array(await readFile(photo('building.jpg')));
    const mid = bytes.length >> 1;
    for (let i = mid; i < mid + 2000; i++) bytes[i] = (i * 7) & 255;
    await expect(sharp(bytes, { failOn: 'warning' }).raw().toBuffer()).rejects.toThrow(/Corrupt JPEG data/);
    const img = await importImage(store, bytes, 'scrambled.jpg', undefined, { checkLater: true });
    const e = await rejection(awaitCheck(store, img.assetId));
    expect(e.info.kind).toBe('bad-image');
    // In a retoucher's words, with what to try — not the decoder's ("VipsJpeg: Corrupt JPEG data: …").
    expect(e.info.message).toMatch(
      /^“scrambled\.jpg” is damaged or incomplete: part of its picture data is corrupt\. Copy it again from where it came from/,
    );
    expect(e.info.message).not.toMatch(/vips|JPEG data|data segment|premature/i);
    expect(await storedAssets()).toEqual(before);
  });

  it('openImageFile records the resolved source path and the file name', async () => {
    const copy = join(tmp, 'copy of rocket.jpg');
    await writeFile(copy, await readFile(photo('rocket.jpg')));
    const img = await openImageFile(store, join(tmp, '.', 'copy of rocket.jpg'));
    expect(img).toMatchObject({ name: 'copy of rocket.jpg', sourcePath: copy, width: 640, height: 427 });
    expect(store.info(img.assetId)?.sourcePath).toBe(copy);
  });
});

describe('importImage: bad files are refused with a clear message and nothing is stored', () => {
  it('zero-byte file → bad-image "empty"', async () => {
    const before = await storedAssets();
    const e = await rejection(importImage(store, new Uint8Array(0), 'blank.jpg'));
    expect(e.kind).toBe('bad-image');
    expect(e.message).toContain('“blank.jpg”');
    expect(e.message).toMatch(/empty/);
    expect(await storedAssets()).toEqual(before);
  });

  it('text file named .png → bad-image "not an image"', async () => {
    const e = await rejection(importImage(store, NOT_AN_IMAGE, 'photo.png'));
    expect(e.kind).toBe('bad-image');
    expect(e.message).toContain('“photo.png”');
    expect(e.message).toMatch(/not an image/);
  });

  it('truncated JPEG (first 60 % of building.jpg) opens as the part that is there, the missing rows grey and counted', async () => {
    // It was refused outright ("damaged or incomplete"); Photoshop opens the part that is there.
    const whole = await sharp(photo('building.jpg')).raw().toBuffer({ resolveWithObject: true });
    const img = await importImage(store, truncated(photo('building.jpg'), 0.6), 'building-cut.jpg', undefined, { openCutShort: true });
    expect(img).toMatchObject({ name: 'building-cut.jpg', format: 'jpeg', width: 868, height: 600, displayMime: 'image/png' });
    const missing = img.cutShort!.missingRows;
    expect(missing).toBeGreaterThan(150);
    expect(missing).toBeLessThan(300);
    // The original is the decoded picture as a PNG: the rows the file holds equal the whole file's, the rest grey.
    const stored = await store.get(img.assetId);
    const { data, info } = await sharp(stored).raw().toBuffer({ resolveWithObject: true });
    expect([(await sharp(stored).metadata()).format, info.width, info.height, info.channels]).toEqual(['png', 868, 600, 3]);
    const stride = 868 * 3;
    const kept = (600 - missing - 32) * stride; // the last MCU rows the file reaches may be partial
    expect(Buffer.compare(data.subarray(0, kept), whole.data.subarray(0, kept))).toBe(0);
    expect(data.subarray((600 - missing) * stride).every((v) => v === 128)).toBe(true);
  });

  it('a truncated JPEG where no one is told (a batch): refused as "damaged or incomplete", nothing stored', async () => {
    const before = await storedAssets();
    const e = await rejection(importImage(store, truncated(photo('building.jpg'), 0.6), 'building-cut.jpg'));
    expect(e.kind).toBe('bad-image');
    expect(e.message).toMatch(
      /“building-cut\.jpg” is damaged or incomplete: the file stops partway through its picture — an interrupted download or copy\? Copy it again/,
    );
    expect(e.message).not.toMatch(/vips|premature|JPEG image\)/i);
    expect(await storedAssets()).toEqual(before);
  });

  it('a JPEG cut where its picture starts: nothing to open, refused as "stops partway through its picture"', async () => {
    const before = await storedAssets();
    const e = await rejection(
      importImage(store, cutAtPictureStart(photo('building.jpg')), 'building-cut.jpg', undefined, { openCutShort: true }),
    );
    expect(e.kind).toBe('bad-image');
    expect(e.message).toMatch(/^“building-cut\.jpg” is damaged or incomplete: the file stops partway through its picture/);
    expect(await storedAssets()).toEqual(before);
  });

  it('a truncated progressive JPEG opens whole but coarse: no rows counted missing, still said to be damaged', async () => {
    const prog = new Uint8Array(await sharp(photo('building.jpg')).jpeg({ progressive: true }).toBuffer());
    const img = await importImage(store, prog.slice(0, prog.length >> 1), 'prog-cut.jpg', undefined, { openCutShort: true });
    expect(img.cutShort).toEqual({ missingRows: 0 });
  });

  it('a JPEG with data after its end (a Motion Photo’s video) opens as usual, on the fast path, not as cut short', async () => {
    const bytes = new Uint8Array(await readFile(photo('rocket.jpg')));
    const tail = new Uint8Array([...bytes, ...new Uint8Array(5000).map((_, i) => (i * 31) & 255)]);
    const img = await importImage(store, tail, 'tail.jpg', undefined, { checkLater: true, openCutShort: true });
    expect(img.cutShort).toBeUndefined();
    expect(Buffer.compare(Buffer.from(img.display), Buffer.from(tail))).toBe(0);
    await expect(awaitCheck(store, img.assetId)).resolves.toEqual({ checked: true });
  });

  it('a JPEG reaches its end when an end marker follows its picture data, whatever comes after (no second decode for a Motion Photo)', () => {
    const bytes = new Uint8Array(readFileSync(photo('rocket.jpg')));
    expect(reachesJpegEnd(bytes)).toBe(true);
    expect(reachesJpegEnd(new Uint8Array([...bytes, ...new Uint8Array(5000).map((_, i) => (i * 31) & 255)]))).toBe(true);
    expect(reachesJpegEnd(truncated(photo('rocket.jpg'), 0.9))).toBe(false);
    expect(reachesJpegEnd(cutAtPictureStart(photo('rocket.jpg')))).toBe(false);
  });

  it('a JPEG cut before its image begins (first 30 kB of colorful-cups.jpg) → "ends before its image begins", not "header is damaged"', async () => {
    const before = await storedAssets();
    const e = await rejection(
      importImage(store, truncated(photo('colorful-cups.jpg'), 30_000 / statSync(photo('colorful-cups.jpg')).size), 'cups-cut.jpg'),
    );
    expect(e.kind).toBe('bad-image');
    expect(e.message).toMatch(/^“cups-cut\.jpg” is damaged or incomplete: the file ends before its JPEG image begins/);
    expect(e.message).not.toMatch(/header is damaged/);
    expect(e.message).toMatch(/Copy it again from where it came from/);
    expect(e.message).not.toMatch(/vips|premature|datastream/i);
    expect(await storedAssets()).toEqual(before);
  });

  it('a JPEG whose header is overwritten → "header is damaged", what to try, no decoder words; nothing stored', async () => {
    const before = await storedAssets();
    const bytes = new Uint8Array(await readFile(photo('building.jpg')));
    bytes.fill(0x55, 20, 400);
    const e = await rejection(importImage(store, bytes, 'smudged.jpg'));
    expect(e.kind).toBe('bad-image');
    expect(e.message).toBe(
      '“smudged.jpg” looks like a JPEG file but its header is damaged, so its picture cannot be read. Copy it again from where it came from (the camera card, a backup, the original download), or open it in another program and save a new copy.',
    );
    expect(await storedAssets()).toEqual(before);
  });

  it('a PNG whose header claims 30000×30000 → too-large, refused from the header, quickly', async () => {
    const bomb = pngHeaderOnly(30000, 30000);
    expect(bomb.length).toBeLessThan(200);
    const before = await storedAssets();
    const t0 = performance.now();
    const e = await rejection(importImage(store, bomb, 'bomb.png'));
    const ms = performance.now() - t0;
    expect(e.kind).toBe('too-large');
    expect(e.message).toContain('30000×30000');
    expect(e.message).toMatch(/not decoded/);
    expect(ms).toBeLessThan(3000); // decoding 900 MP would take minutes
    expect(await storedAssets()).toEqual(before);
  });

  it('header just under the limits is not refused as too-large (the check is the limit, not a blanket refusal)', async () => {
    // 100×100 claimed but the data is short: decodes → damaged, not too-large.
    const e = await rejection(importImage(store, pngHeaderOnly(100, 100), 'short.png'));
    expect(e.kind).toBe('bad-image');
  });

  it('openImageFile on a missing path → io, naming the file', async () => {
    const e = await rejection(openImageFile(store, join(tmp, 'nope.jpg')));
    expect(e.kind).toBe('io');
    expect(e.message).toContain('“nope.jpg”');
  });
});

describe('HEIC photos', () => {
  it('are refused with a message that says how to get a readable file', async () => {
    const store = new AssetStore(await mkdtemp(join(tmpdir(), 'heic-')));
    // An ISO-BMFF header with the 'heic' brand, as an iPhone writes it.
    const heic = new Uint8Array([
      0, 0, 0, 24, 0x66, 0x74, 0x79, 0x70, 0x68, 0x65, 0x69, 0x63, 0, 0, 0, 0, 0x6d, 0x69, 0x66, 0x31, 0x68, 0x65, 0x69, 0x63,
    ]);
    await expect(importImage(store, heic, 'IMG_0001.HEIC')).rejects.toMatchObject({
      kind: 'bad-image',
      message: expect.stringMatching(/HEIC.*Export it as JPEG/),
    });
  });
});
