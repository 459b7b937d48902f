/**
 * encodeRequestImage: a cloud model's request is JPEG q92 at the request size with libjpeg's standard
 * Huffman tables (no second pass to optimise them: 3–4× the encode time for a file 2 % smaller), its
 * colour the region's; the offline engine's is PNG.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import sharp from 'sharp';
import { encodeRequestImage } from '../../../electron/main/edit/request-pixels';
import { PHOTOS } from '../../support/outpaint-layout';

/** The Huffman tables' code-length counts (16 per table) in a JPEG's DHT segments, by class and id. */
function huffmanCounts(jpeg: Uint8Array): Map<string, number[]> {
  const out = new Map<string, number[]>();
  let i = 2;
  while (i + 4 <= jpeg.length && jpeg[i] === 0xff) {
    const marker = jpeg[i + 1];
    const len = (jpeg[i + 2] << 8) | jpeg[i + 3];
    if (marker === 0xda) break; // the scan: no table after it in a baseline file
    if (marker === 0xc4) {
      let p = i + 4;
      while (p < i + 2 + len) {
        const tc = jpeg[p] >> 4;
        const th = jpeg[p] & 15;
        const counts = [...jpeg.subarray(p + 1, p + 17)];
        out.set(`${tc ? 'AC' : 'DC'}${th}`, counts);
        p += 17 + counts.reduce((a, b) => a + b, 0);
      }
    }
    i += 2 + len;
  }
  return out;
}

describe('encodeRequestImage', () => {
  it('a cloud request: JPEG with the standard Huffman tables, at the request size, the region’s colour', async () => {
    const w = 640;
    const h = 400;
    const rgba = new Uint8Array(
      await sharp(join(PHOTOS, 'colorful-cups.jpg')).resize(w, h, { fit: 'fill' }).ensureAlpha().raw().toBuffer(),
    );
    const jpeg = await encodeRequestImage(rgba, { x: 0, y: 0, width: w, height: h }, { width: 512, height: 320 }, false);
    const meta = await sharp(jpeg).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 512, 320]);
    const tables = huffmanCounts(jpeg);
    // ITU T.81 Annex K.3: the luminance DC and AC tables' code-length counts.
    expect(tables.get('DC0')).toEqual([0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0]);
    expect(tables.get('AC0')).toEqual([0, 2, 1, 3, 3, 2, 4, 3, 5, 5, 4, 4, 0, 0, 1, 0x7d]);
    // sharp's default (optimised tables) would not have them: the check can tell the two apart.
    const optimised = await sharp(rgba, { raw: { width: w, height: h, channels: 4 } })
      .removeAlpha()
      .jpeg({ quality: 92 })
      .toBuffer();
    expect(huffmanCounts(new Uint8Array(optimised)).get('AC0')).not.toEqual(tables.get('AC0'));
    // The colour is the region's (mean within a level or two after the scale and JPEG).
    const back = await sharp(jpeg).resize(w, h, { fit: 'fill' }).raw().toBuffer();
    let d = 0;
    for (let i = 0, j = 0; i < back.length; i += 3, j += 4) d += Math.abs(back[i] - rgba[j]) + Math.abs(back[i + 1] - rgba[j + 1]);
    expect(d / ((back.length / 3) * 2)).toBeLessThan(12);
  });

  it('the offline engine’s request is lossless PNG', async () => {
    const rgba = new Uint8Array(64 * 48 * 4).map((_, i) => (i * 37) & 255);
    const png = await encodeRequestImage(rgba, { x: 0, y: 0, width: 64, height: 48 }, { width: 64, height: 48 }, true);
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    expect(info.format).toBe('raw');
    expect(info.channels).toBe(3);
    for (let i = 0, j = 0; i < data.length; i += 3, j += 4)
      expect([data[i], data[i + 1], data[i + 2]]).toEqual([rgba[j], rgba[j + 1], rgba[j + 2]]);
  });
});
