import { describe, expect, it } from 'vitest';
import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { greyPng } from './grey-png';

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
});
