import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { decodeAnswer, rowBands, scaleTileResult, scaleTileWindows, tileAtSize } from '../../../electron/main/edit/tile-scale';
import { blendTile } from '../../../shared/pixels/outpaint-masks';
import type { TilePixels } from '../../../electron/main/edit/outpaint-tile-steps';
import { activeWindows } from '../../../shared/pixels/active-windows';
import { tileAskMask, tileReach } from '../../../shared/pixels/outpaint-masks';

/** A 40×10 tile: known red on the left 17 columns, unknown (transparent) to the right; ask = unknown. */
function tile(): TilePixels {
  const W = 40;
  const H = 10;
  const rgba = new Uint8Array(W * H * 4);
  const unknown = new Uint8Array(W * H);
  const ask = new Uint8Array(W * H);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const i = y * W + x;
      if (x < 17) rgba.set([200, 10, 10, 255], i * 4);
      else {
        unknown[i] = 1;
        ask[i] = 255;
      }
    }
  return { width: W, height: H, rgba, unknown, ask };
}

describe('tileAtSize', () => {
  it('returns the tile itself when it already has the request size', async () => {
    const p = tile();
    expect(await tileAtSize(p, { width: 40, height: 10 })).toBe(p);
  });

  it('halves a tile: a pixel is unknown when any source pixel under it was; known colour is kept', async () => {
    const s = await tileAtSize(tile(), { width: 20, height: 5 });
    expect([s.width, s.height, s.rgba.length, s.unknown.length, s.ask.length]).toEqual([20, 5, 400, 100, 100]);
    for (let y = 0; y < 5; y++) {
      // Source columns 0–16 known: scaled columns 0–7 cover only known pixels, column 8 covers 16 and 17.
      for (let x = 0; x < 8; x++) {
        expect(s.unknown[y * 20 + x]).toBe(0);
        expect(Array.from(s.rgba.subarray((y * 20 + x) * 4, (y * 20 + x) * 4 + 3))).toEqual([200, 10, 10]);
      }
      for (let x = 8; x < 20; x++) expect(s.unknown[y * 20 + x]).toBe(1);
      for (let x = 9; x < 20; x++) expect(s.ask[y * 20 + x]).toBe(255);
    }
  });
});

describe('tileAtSize with a 0/255 unknown map (the job passes its canvas map as it is)', () => {
  it('gives the same scaled tile as a 0/1 map', async () => {
    const p = tile();
    const q = { ...p, unknown: p.unknown.map((v) => v * 255) };
    for (const size of [
      { width: 20, height: 5 },
      { width: 31, height: 7 },
    ]) {
      const [a, b] = [await tileAtSize(p, size), await tileAtSize(q, size)];
      expect([...b.unknown]).toEqual([...a.unknown]);
      expect([...b.rgba]).toEqual([...a.rgba]);
      expect([...b.ask]).toEqual([...a.ask]);
    }
  });
});

describe('tileAtSize with the active windows of the tile', () => {
  it('scales the masks only in the windows, with the same bytes as the whole scale, shrinking and enlarging', async () => {
    const W = 300;
    const H = 90;
    // Unknown: strips on both sides and a notch at the top right, as a later tile sees them.
    const unknown = new Uint8Array(W * H);
    for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) if (x < 40 || x >= 262 || (y < 12 && x >= 200)) unknown[y * W + x] = 255;
    const rgba = new Uint8Array(W * H * 4).map((_, i) => (i * 2654435761) >>> 24);
    for (const band of [0, 8]) {
      const ask = tileAskMask(unknown, W, H, band);
      const windows = activeWindows(unknown, W, H, tileReach(band));
      expect(windows.length).toBeGreaterThan(1);
      for (const size of [
        { width: 233, height: 70 },
        { width: 91, height: 27 },
        { width: 450, height: 135 },
        { width: 300, height: 40 },
      ]) {
        const whole = await tileAtSize({ width: W, height: H, rgba, unknown, ask }, size);
        const parts = await tileAtSize({ width: W, height: H, rgba, unknown, ask, windows }, size);
        expect(Buffer.from(parts.unknown).equals(Buffer.from(whole.unknown))).toBe(true);
        expect(Buffer.from(parts.ask).equals(Buffer.from(whole.ask))).toBe(true);
        expect(Buffer.from(parts.rgba).equals(Buffer.from(whole.rgba))).toBe(true);
        expect(whole.unknown.some((v) => v === 1)).toBe(true);
      }
    }
  });
});

describe('tileAtSize reads the masks only inside the windows', () => {
  it('a mask pixel outside every window (none are, in a job) does not reach the scaled masks', async () => {
    const p = tile(); // unknown and ask: columns 17–39
    const ask = p.ask.slice();
    ask[5 * 40 + 2] = 255; // far from the unknown part, outside the window below
    const windows = [{ x0: 12, y0: 0, x1: 40, y1: 10 }];
    const s = await tileAtSize({ ...p, ask, windows }, { width: 20, height: 5 });
    expect(s.ask.subarray(0, 3 * 20).every((v, i) => i % 20 > 4 || v === 0)).toBe(true);
    const whole = await tileAtSize({ ...p, ask }, { width: 20, height: 5 });
    expect(whole.ask.some((v, i) => i % 20 < 4 && v > 0)).toBe(true);
  });
});

describe('scaleTileResult', () => {
  /** A noisy 300×128 provider answer (PNG), so every output pixel depends on its neighbours. */
  async function answer(): Promise<Uint8Array> {
    const w = 300;
    const h = 128;
    const raw = new Uint8Array(w * h * 3);
    for (let i = 0; i < raw.length; i++) raw[i] = (i * 2654435761) >>> 24;
    return new Uint8Array(
      await sharp(raw, { raw: { width: w, height: h, channels: 3 } })
        .png()
        .toBuffer(),
    );
  }

  it('scales only the windows, with the same values as the whole resize; zero elsewhere', async () => {
    const bytes = await answer();
    const size = { width: 733, height: 312 };
    const windows = [
      { x0: 0, y0: 0, x1: 140, y1: 312 },
      { x0: 590, y0: 17, x1: 733, y1: 300 },
    ];
    const parts = await scaleTileResult(bytes, size, windows, 'Test model', { width: 300, height: 128 });
    const whole = await sharp(bytes).ensureAlpha().resize(size.width, size.height, { fit: 'fill', kernel: 'lanczos3' }).raw().toBuffer();
    let inside = 0;
    let mismatches = 0;
    let nonZeroOutside = 0;
    for (let y = 0; y < size.height; y++)
      for (let x = 0; x < size.width; x++) {
        const q = (y * size.width + x) * 4;
        const inWin = windows.some((w) => x >= w.x0 && x < w.x1 && y >= w.y0 && y < w.y1);
        for (let k = 0; k < 4; k++) {
          if (inWin) {
            inside++;
            if (parts[q + k] !== whole[q + k]) mismatches++;
          } else if (parts[q + k] !== 0) nonZeroOutside++;
        }
      }
    expect(inside).toBeGreaterThan(0);
    expect(mismatches).toBe(0);
    expect(nonZeroOutside).toBe(0);
  });

  it('scaleTileWindows gives each window as its own buffer, row by row, with the values of the whole resize', async () => {
    const bytes = await answer();
    const size = { width: 733, height: 312 };
    const windows = [
      { x0: 3, y0: 5, x1: 101, y1: 300 },
      { x0: 600, y0: 0, x1: 733, y1: 312 },
    ];
    const got = await scaleTileWindows(bytes, size, windows, 'Test model', { width: 300, height: 128 }, 2);
    const whole = await sharp(bytes).ensureAlpha().resize(size.width, size.height, { fit: 'fill', kernel: 'lanczos3' }).raw().toBuffer();
    expect(got.windows).toEqual(windows);
    windows.forEach((w, k) => {
      const rowBytes = (w.x1 - w.x0) * 4;
      expect(got.parts[k]).toHaveLength(rowBytes * (w.y1 - w.y0));
      for (let y = w.y0; y < w.y1; y++) {
        const want = whole.subarray((y * size.width + w.x0) * 4, (y * size.width + w.x1) * 4);
        expect(Buffer.from(got.parts[k].subarray((y - w.y0) * rowBytes, (y - w.y0 + 1) * rowBytes)).equals(want)).toBe(true);
      }
    });
  });

  it('with fewer windows than pipelines, a window comes back in bands of rows, each with the values of the whole resize', async () => {
    const bytes = await answer();
    const size = { width: 733, height: 312 };
    const window = { x0: 40, y0: 7, x1: 700, y1: 305 };
    const got = await scaleTileWindows(bytes, size, [window], 'Test model', { width: 300, height: 128 }, 2);
    expect(got.windows).toEqual([
      { ...window, y1: 156 },
      { ...window, y0: 156 },
    ]);
    const whole = await sharp(bytes).ensureAlpha().resize(size.width, size.height, { fit: 'fill', kernel: 'lanczos3' }).raw().toBuffer();
    const rowBytes = (window.x1 - window.x0) * 4;
    got.windows.forEach((w, k) => {
      expect(got.parts[k]).toHaveLength(rowBytes * (w.y1 - w.y0));
      for (let y = w.y0; y < w.y1; y++) {
        const want = whole.subarray((y * size.width + w.x0) * 4, (y * size.width + w.x1) * 4);
        expect(Buffer.from(got.parts[k].subarray((y - w.y0) * rowBytes, (y - w.y0 + 1) * rowBytes)).equals(want)).toBe(true);
      }
    });
    // Blended over a window that spans both bands: the same canvas as the whole tile's answer.
    const r = { x: 0, y: 0, width: size.width, height: size.height };
    const weight = new Uint8Array(size.width * size.height);
    for (let i = 0; i < weight.length; i++) weight[i] = (i * 37) % 256;
    const a = new Uint8Array(size.width * size.height * 4).fill(9);
    const b = a.slice();
    blendTile(a, new Uint8Array(size.width * size.height), size.width, r, got, weight, [window]);
    blendTile(b, new Uint8Array(size.width * size.height), size.width, r, new Uint8Array(whole), weight, [window]);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('an answer decoded once (decodeAnswer) scales to the same bytes as from its encoded form', async () => {
    const bytes = await answer();
    const decoded = await decodeAnswer(bytes, 'Test model', { width: 300, height: 128 });
    expect([decoded.width, decoded.height, decoded.rgba.length]).toEqual([300, 128, 300 * 128 * 4]);
    const size = { width: 733, height: 312 };
    const windows = [
      { x0: 3, y0: 5, x1: 101, y1: 300 },
      { x0: 40, y0: 7, x1: 700, y1: 305 },
    ];
    for (const cores of [1, 2, 4]) {
      const a = await scaleTileWindows(bytes, size, windows, 'Test model', { width: 300, height: 128 }, cores);
      const b = await scaleTileWindows(decoded, size, windows, 'Test model', { width: 300, height: 128 }, cores);
      expect(b.windows).toEqual(a.windows);
      for (const [k, part] of b.parts.entries()) expect(Buffer.from(part).equals(Buffer.from(a.parts[k]))).toBe(true);
    }
  });

  it('gated (background work): bands of at most 160 rows with the values of the whole resize, none begun while the gate is shut', async () => {
    const bytes = await answer();
    const decoded = await decodeAnswer(bytes, 'Test model', { width: 300, height: 128 });
    const size = { width: 733, height: 312 };
    const windows = [
      { x0: 3, y0: 5, x1: 101, y1: 300 },
      { x0: 600, y0: 0, x1: 733, y1: 120 },
    ];
    const whole = await sharp(bytes).ensureAlpha().resize(size.width, size.height, { fit: 'fill', kernel: 'lanczos3' }).raw().toBuffer();
    let open = false;
    const waiting: (() => void)[] = [];
    let begun = 0;
    const gate = () =>
      new Promise<void>((resolve) => {
        const go = () => {
          begun++;
          resolve();
        };
        if (open) go();
        else waiting.push(go);
      });
    const scaling = scaleTileWindows(decoded, size, windows, 'Test model', { width: 300, height: 128 }, 2, gate);
    await new Promise((r) => setTimeout(r, 50));
    expect(begun).toBe(0); // shut: nothing started
    expect(waiting).toHaveLength(2); // two pipelines wait at the gate
    open = true;
    for (const w of waiting.splice(0)) w();
    const got = await scaling;
    expect(got.windows.map((w) => w.y1 - w.y0).every((h) => h <= 160)).toBe(true);
    expect(got.windows).toHaveLength(2 + 1);
    expect(begun).toBe(got.windows.length);
    for (const [k, win] of got.windows.entries()) {
      const w = win.x1 - win.x0;
      for (let y = win.y0; y < win.y1; y++) {
        const row = got.parts[k].subarray((y - win.y0) * w * 4, (y - win.y0 + 1) * w * 4);
        const ref = whole.subarray((y * 733 + win.x0) * 4, (y * 733 + win.x1) * 4);
        expect(Buffer.from(row).equals(Buffer.from(ref))).toBe(true);
      }
    }
  });

  it('decodeAnswer refuses an answer of the wrong shape, and bytes that are not an image', async () => {
    const bytes = await answer();
    await expect(decodeAnswer(bytes, 'Test model', { width: 128, height: 300 })).rejects.toThrow(/Test model returned a 300×128 image/);
    await expect(decodeAnswer(new Uint8Array([1, 2, 3, 4]), 'Test model', { width: 300, height: 128 })).rejects.toThrow(/not an image/);
  });

  it('rowBands: a window per pipeline when there are enough; never a band under 128 rows', () => {
    const tall = { x0: 0, y0: 0, x1: 10, y1: 1000 };
    expect(rowBands([tall, tall], 2)).toEqual([tall, tall]);
    expect(rowBands([tall], 2)).toHaveLength(2);
    expect(rowBands([tall], 4).map((w) => w.y1 - w.y0)).toEqual([250, 250, 250, 250]);
    expect(rowBands([{ ...tall, y1: 200 }], 4)).toEqual([{ ...tall, y1: 200 }]);
    expect(rowBands([tall], 1)).toEqual([tall]);
  });

  it('refuses an answer of the wrong shape before decoding it', async () => {
    const bytes = await answer();
    await expect(scaleTileResult(bytes, { width: 733, height: 312 }, [], 'Test model', { width: 128, height: 300 })).rejects.toThrow(
      /Test model/,
    );
  });
});

describe('tileAtSize in bands', () => {
  it('the colour scaled in two bands of rows is the whole resize, byte for byte (odd sizes)', async () => {
    const W = 301;
    const H = 263;
    const rgba = new Uint8Array(W * H * 4).map((_, i) => (i * 37 + (i >> 9)) & 255);
    const unknown = new Uint8Array(W * H);
    const ask = new Uint8Array(W * H);
    const to = { width: 233, height: 197 };
    const s = await tileAtSize({ width: W, height: H, rgba, unknown, ask }, to);
    const whole = await sharp(rgba, { raw: { width: W, height: H, channels: 4 } })
      .resize(to.width, to.height, { fit: 'fill', kernel: 'linear' })
      .raw()
      .toBuffer();
    expect(s.rgba.length).toBe(whole.length);
    expect(Buffer.from(s.rgba).equals(whole)).toBe(true);
  });
});
