/**
 * electron/main/edit/mask-file.ts: a mask file (CLI and batch) is white where luminance > 127 after
 * flattening alpha onto black — for grey, RGB, RGBA and 16-bit files alike — and its size must match.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync, crc32 } from 'node:zlib';
import sharp from 'sharp';
import { readMaskFile, thresholdMask } from '../../../electron/main/edit/mask-file';
import { AppError } from '../../../shared/errors';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'maskwork-mask-file-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

async function maskPng(name: string, px: Uint8Array, width: number, height: number, channels: 1 | 2 | 3 | 4): Promise<string> {
  let img = sharp(px, { raw: { width, height, channels } });
  if (channels === 1) img = img.toColourspace('b-w');
  const path = join(tmp, name);
  await writeFile(path, await img.png().toBuffer());
  return path;
}

/** What the mask decodes to, as 0/255 per pixel of the whole image. */
async function fullMask(path: string, width: number, height: number): Promise<Uint8Array> {
  const { png, rect } = await readMaskFile(path, { width, height });
  const part = await sharp(png).toColourspace('b-w').raw().toBuffer();
  const out = new Uint8Array(width * height);
  for (let y = 0; y < rect.height; y++) out.set(part.subarray(y * rect.width, (y + 1) * rect.width), (rect.y + y) * width + rect.x);
  return out;
}

/** A 16-bit grey PNG written by hand (sharp does not take 16-bit raw input). */
function grey16Png(values: number[], width: number, height: number): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + 2 * width);
    for (let x = 0; x < width; x++) row.writeUInt16BE(values[y * width + x], 1 + 2 * x);
    rows.push(row);
  }
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(data, crc32(Buffer.from(type, 'latin1'))) >>> 0, 0);
    return Buffer.concat([head, data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 16;
  ihdr[9] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('readMaskFile', () => {
  it('reads an 8-bit grey mask by its values (> 127 is white) and returns its bounding box', async () => {
    const px = new Uint8Array(8 * 4);
    px[1 * 8 + 2] = 128;
    px[2 * 8 + 5] = 255;
    px[3 * 8 + 7] = 127; // not white
    const path = await maskPng('grey.png', px, 8, 4, 1);
    const { rect } = await readMaskFile(path, { width: 8, height: 4 });
    expect(rect).toEqual({ x: 2, y: 1, width: 4, height: 2 });
    const full = await fullMask(path, 8, 4);
    expect([...full].filter((v) => v === 255).length).toBe(2);
    expect(full[3 * 8 + 7]).toBe(0);
  });

  it('reads RGB masks by luminance: green is bright, red and blue are dark, grey by its value', async () => {
    const colours = [
      [0, 255, 0],
      [255, 0, 0],
      [0, 0, 255],
      [200, 200, 200],
      [100, 100, 100],
      [255, 255, 255],
    ];
    const px = new Uint8Array(colours.flat());
    const path = await maskPng('rgb.png', px, 6, 1, 3);
    expect([...(await fullMask(path, 6, 1))]).toEqual([255, 0, 0, 255, 0, 255]);
  });

  it('flattens alpha onto black: white at alpha 40 is dark, white at alpha 200 is bright', async () => {
    const px = new Uint8Array([255, 255, 255, 40, 255, 255, 255, 200, 255, 255, 255, 0, 0, 255, 0, 255]);
    const path = await maskPng('rgba.png', px, 4, 1, 4);
    expect([...(await fullMask(path, 4, 1))]).toEqual([0, 255, 0, 255]);
  });

  it('scales a 16-bit grey mask to 8 bits before the threshold', async () => {
    const path = join(tmp, 'grey16.png');
    await writeFile(path, grey16Png([1000, 60000, 30000, 40000, 33000, 32000], 6, 1));
    expect([...(await fullMask(path, 6, 1))]).toEqual([0, 255, 0, 255, 255, 0]);
  });

  it('agrees with libvips (flatten → greyscale → threshold) on random RGBA pixels, up to rounding at the threshold', async () => {
    const n = 128 * 128;
    const px = new Uint8Array(n * 4);
    let s = 12345;
    for (let i = 0; i < px.length; i++) {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      px[i] = s >>> 24;
    }
    for (let i = 0; i < n; i += 3) px[i * 4 + 3] = 255;
    const png = await sharp(px, { raw: { width: 128, height: 128, channels: 4 } })
      .png()
      .toBuffer();
    const ref = await sharp(png).flatten({ background: '#000000' }).greyscale().threshold(128).raw().toBuffer();
    const dec = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    const mine = thresholdMask(new Uint8Array(dec.data), dec.info.channels);
    let differ = 0;
    for (let i = 0; i < n; i++) if (ref[i] !== mine[i]) differ++;
    expect(differ / n).toBeLessThan(0.005);
  });

  it('takes the image size as a promise (the image opens meanwhile); an image that fails to open is the error', async () => {
    const path = await maskPng('later.png', new Uint8Array([0, 255, 255, 0]), 2, 2, 1);
    const size = new Promise<{ width: number; height: number }>((r) => setTimeout(() => r({ width: 2, height: 2 }), 30));
    expect((await readMaskFile(path, size)).rect).toEqual({ x: 0, y: 0, width: 2, height: 2 });
    const wrongLater = readMaskFile(path, Promise.resolve({ width: 3, height: 2 }));
    await expect(wrongLater).rejects.toThrow(/2×2 but the image is 3×2/);
    const failed = new AppError({ kind: 'bad-image', message: 'the image is damaged' });
    const opening = Promise.reject(failed);
    opening.catch(() => {}); // the caller awaits the image itself
    await expect(readMaskFile(path, opening)).rejects.toBe(failed);
  });

  it('refuses a mask of another size, and an empty mask, with clear errors', async () => {
    const path = await maskPng('small.png', new Uint8Array(4 * 4).fill(255), 4, 4, 1);
    const wrong = await readMaskFile(path, { width: 8, height: 4 }).catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(AppError);
    expect((wrong as AppError).message).toMatch(/4×4 but the image is 8×4/);
    const empty = await maskPng('empty.png', new Uint8Array(16), 4, 4, 1);
    const none = await readMaskFile(empty, { width: 4, height: 4 }).catch((e: unknown) => e);
    expect((none as AppError).message).toMatch(/mask is empty/);
    const junk = join(tmp, 'junk.png');
    await writeFile(junk, Buffer.from('not an image at all'));
    const bad = await readMaskFile(junk, { width: 4, height: 4 }).catch((e: unknown) => e);
    expect((bad as AppError).info.kind).toBe('bad-image');
  });
});
