/**
 * electron/main/export/png-encode.ts: the banded, parallel PNG encoder writes files that decode to
 * exactly its input (grey, grey+alpha, RGB, RGBA; one band or hundreds), whose zlib stream checks
 * (Adler-32 combined over bands), with pHYs and the metadata chunks; bands whose rows are not ready
 * do not hold up the others.
 */
import { describe, expect, it } from 'vitest';
import { inflateSync } from 'node:zlib';
import sharp from 'sharp';
import { adler32Combine, bandRows, encodePng, rowsOf, type PngRows } from '../../../electron/main/export/png-encode';

/** Adler-32 as [a, b], the textbook way (the test's oracle). */
function adler32(buf: Uint8Array): [number, number] {
  let a = 1;
  let b = 0;
  for (const v of buf) {
    a = (a + v) % 65521;
    b = (b + a) % 65521;
  }
  return [a, b];
}

function noise(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let s = seed;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    // Smooth-ish content with noise, so deflate has something to find.
    out[i] = ((i >> 5) & 0xff) ^ (s >>> 28);
  }
  return out;
}

/** Chunk types in order, and the concatenated IDAT payload. */
function chunks(png: Uint8Array): { types: string[]; idat: Buffer; phys?: Buffer } {
  const b = Buffer.from(png);
  const types: string[] = [];
  const idat: Buffer[] = [];
  let phys: Buffer | undefined;
  for (let at = 8; at < b.length; ) {
    const len = b.readUInt32BE(at);
    const type = b.toString('latin1', at + 4, at + 8);
    types.push(type);
    if (type === 'IDAT') idat.push(b.subarray(at + 8, at + 8 + len));
    if (type === 'pHYs') phys = b.subarray(at + 8, at + 8 + len);
    at += 12 + len;
  }
  return { types, idat: Buffer.concat(idat), phys };
}

describe('encodePng', () => {
  for (const channels of [1, 2, 3, 4] as const) {
    it(`${channels} channel(s): decodes to the same bytes, in one band and in many`, async () => {
      const width = 97;
      const height = 61;
      const data = noise(width * height * channels, channels * 7);
      for (const bandBytes of [1 << 20, 300]) {
        const png = await encodePng(rowsOf(data, width, height, channels), { bandBytes });
        if (channels !== 2) {
          // sharp widens grey to sRGB unless asked for b-w (and b-w drops a grey image's alpha).
          const decoder = channels === 1 ? sharp(png).toColourspace('b-w') : sharp(png);
          const { data: back, info } = await decoder.raw().toBuffer({ resolveWithObject: true });
          expect(info).toMatchObject({ width, height, channels });
          expect(Buffer.compare(back, Buffer.from(data))).toBe(0);
        } else expect((await sharp(png).metadata()).channels).toBe(2);
        // zlib itself checks the combined Adler-32 of the stream.
        const inflated = inflateSync(chunks(png).idat);
        expect(inflated.length).toBe(height * (width * channels + 1));
        for (let y = 0; y < height; y++) {
          const row = inflated.subarray(y * (width * channels + 1), (y + 1) * (width * channels + 1));
          expect(row[0]).toBe(0);
          expect(Buffer.compare(row.subarray(1), Buffer.from(data.subarray(y * width * channels, (y + 1) * width * channels)))).toBe(0);
        }
      }
    });
  }

  it('bands split at the breaks: no band holds rows from both sides of one', () => {
    expect(bandRows(10, 4, [])).toEqual([
      [0, 4],
      [4, 8],
      [8, 10],
    ]);
    expect(bandRows(10, 4, [3, 6, 6, 0, 10, 12])).toEqual([
      [0, 3],
      [3, 6],
      [6, 10],
    ]);
    expect(bandRows(10, 100, [5])).toEqual([
      [0, 5],
      [5, 10],
    ]);
  });

  it('an encode split at breaks decodes to the same bytes', async () => {
    const width = 53;
    const height = 40;
    const data = noise(width * height * 3, 11);
    const png = await encodePng(rowsOf(data, width, height, 3), { bandBytes: 1000, breaks: [7, 13, 13.6, 39] });
    const { data: back } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    expect(Buffer.compare(back, Buffer.from(data))).toBe(0);
  });

  it('combines Adler-32 sums as zlib does', () => {
    const a = noise(10_000, 1);
    const b = noise(70_001, 2);
    const whole = new Uint8Array(a.length + b.length);
    whole.set(a);
    whole.set(b, a.length);
    expect(adler32Combine(adler32(a), adler32(b), b.length)).toEqual(adler32(whole));
  });

  it('writes pHYs from the resolution and the ICC, EXIF and XMP chunks before the image data', async () => {
    const data = noise(8 * 8 * 3, 3);
    const icc = new Uint8Array(
      (
        await sharp({ create: { width: 1, height: 1, channels: 3, background: '#fff' } })
          .withIccProfile('p3')
          .png()
          .toBuffer()
          .then((p) => sharp(p).metadata())
      ).icc!,
    );
    const png = await encodePng(rowsOf(data, 8, 8, 3), { dpi: 300, icc, xmp: '<x:xmpmeta/>' });
    const { types, phys } = chunks(png);
    expect(types[0]).toBe('IHDR');
    expect(types.indexOf('iCCP')).toBeLessThan(types.indexOf('IDAT'));
    expect(types.indexOf('iTXt')).toBeLessThan(types.indexOf('IDAT'));
    expect(types.at(-1)).toBe('IEND');
    expect(phys!.readUInt32BE(0)).toBe(Math.round(300 / 0.0254));
    const meta = await sharp(png).metadata();
    expect(Buffer.compare(meta.icc!, Buffer.from(icc))).toBe(0);
    expect(meta.density).toBe(300);
  });

  it('encodes the bands that are ready while a band waits for its rows', async () => {
    const width = 64;
    const height = 40;
    const data = noise(width * height * 3, 9);
    const asked: number[] = [];
    let release!: () => void;
    const late = new Promise<void>((r) => (release = r));
    const src: PngRows = {
      width,
      height,
      channels: 3,
      rows: async (y0, y1) => {
        asked.push(y0);
        if (y0 <= 20 && y1 > 20) await late; // the band holding row 20 waits
        return data.subarray(y0 * width * 3, y1 * width * 3);
      },
    };
    const done = encodePng(src, { bandBytes: 4 * (width * 3 + 1) });
    await new Promise((r) => setTimeout(r, 20));
    // Every band was asked for, including those below the waiting one, before it was released.
    expect(asked.length).toBe(10);
    release();
    const back = await sharp(await done)
      .raw()
      .toBuffer();
    expect(Buffer.compare(back, Buffer.from(data))).toBe(0);
  });

  it('refuses rows of the wrong length', async () => {
    const src: PngRows = { width: 4, height: 4, channels: 3, rows: () => new Uint8Array(5) };
    await expect(encodePng(src)).rejects.toThrow(/came with 5 bytes/);
  });
});
