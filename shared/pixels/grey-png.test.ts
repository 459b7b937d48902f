import { describe, expect, it } from 'vitest';
import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { decodeGreyPng, greyPng } from './grey-png';
import { inflateSync } from 'node:zlib';

const nodeZlib = async (b: Uint8Array) => new Uint8Array(deflateSync(b));
const streamZlib = async (b: Uint8Array) =>
  new Uint8Array(await new Response(new Blob([b as BlobPart]).stream().pipeThrough(new CompressionStream('deflate'))).arrayBuffer());

describe('greyPng', () => {
  it.each([
    ['node zlib', nodeZlib],
    ['CompressionStream', streamZlib],
  ])('decodes (libvips) to exactly the values, with %s', async (_name, zlib) => {
    const w = 317;
    const h = 211;
    const values = new Uint8Array(w * h);
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) values[y * w + x] = (x - 150) ** 2 + (y - 100) ** 2 < 80 ** 2 ? 255 : (x * 7 + y * 13) % 3 === 0 ? 17 : 0;
    const png = await greyPng(values, w, h, zlib);
    const meta = await sharp(png).metadata();
    expect([meta.width, meta.height, meta.channels, meta.space]).toEqual([w, h, 1, 'b-w']);
    const { data, info } = await sharp(png).extractChannel(0).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height, info.channels]).toEqual([w, h, 1]);
    expect(Buffer.from(data).equals(Buffer.from(values))).toBe(true);
  });

  it('refuses a buffer that does not match the size', async () => {
    await expect(greyPng(new Uint8Array(10), 4, 4, nodeZlib)).rejects.toThrow(RangeError);
  });

  it('decodes its own PNGs and libvips greyscale PNGs (every row filter) to the same values; other PNGs are not its business', async () => {
    const unzlib = (b: Uint8Array, max: number) => new Uint8Array(inflateSync(b, { maxOutputLength: max }));
    const w = 203;
    const h = 97;
    const values = new Uint8Array(w * h);
    for (let i = 0; i < values.length; i++) values[i] = (i * 37 + ((i / w) | 0) * 11) & 255;
    const own = decodeGreyPng(await greyPng(values, w, h, nodeZlib), unzlib)!;
    expect([own.width, own.height]).toEqual([w, h]);
    expect(Buffer.from(own.values).equals(Buffer.from(values))).toBe(true);
    for (const adaptiveFiltering of [false, true]) {
      const vips = await sharp(values, { raw: { width: w, height: h, channels: 1 } })
        .toColourspace('b-w')
        .png({ adaptiveFiltering, compressionLevel: 9 })
        .toBuffer();
      const got = decodeGreyPng(new Uint8Array(vips), unzlib)!;
      expect(Buffer.from(got.values).equals(Buffer.from(values))).toBe(true);
    }
    const rgb = await sharp(values, { raw: { width: w, height: h, channels: 1 } })
      .toColourspace('srgb')
      .png()
      .toBuffer();
    expect(decodeGreyPng(new Uint8Array(rgb), unzlib)).toBeNull();
    expect(decodeGreyPng(new Uint8Array([1, 2, 3]), unzlib)).toBeNull();
  });

  it('refuses image data larger than the header says (no inflating past it)', async () => {
    const png = await greyPng(new Uint8Array(64 * 64).fill(200), 64, 64, nodeZlib);
    // Claim 8×8 in the header: the stream holds more than that.
    const bad = new Uint8Array(png);
    new DataView(bad.buffer).setUint32(16, 8);
    new DataView(bad.buffer).setUint32(20, 8);
    const unzlib = (b: Uint8Array, max: number) => new Uint8Array(inflateSync(b, { maxOutputLength: max }));
    expect(() => decodeGreyPng(bad, unzlib)).toThrow();
  });
});
