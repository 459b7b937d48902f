/**
 * The pixel worker and its pool (pixel-worker.ts, pixel-worker-client.ts, pixel-pool.ts): a tile's
 * answer decoded and scaled there into pooled shared buffers gives the bytes main's own pipelines
 * give; buffers go back to the pool only when the job released them, and a failed job's are never
 * reused. (The worker is the built out/main/pixel-worker.js: `npm test` builds it first.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { decodeAnswer, scaleTileWindows } from '../../../electron/main/edit/tile-scale';
import { type Leased, PixelLease, pixelPoolStats, resetPixelPool } from '../../../electron/main/edit/pixel-pool';
import {
  pixelJobsPending,
  pixelWorkerJobs,
  pixelWorkerOn,
  setPixelWorkerPathForTests,
  stopPixelWorker,
} from '../../../electron/main/edit/pixel-worker-client';
import { AppError } from '../../../shared/errors';

const PHOTOS = resolve(__dirname, '../../../../shared/testdata/photos');
const SIZE = { width: 640, height: 400 };
let answer: Uint8Array;

beforeAll(async () => {
  // An answer as a model sends a tile's: a JPEG of the request's size.
  answer = new Uint8Array(
    await sharp(join(PHOTOS, 'colorful-cups.jpg')).resize(SIZE.width, SIZE.height, { fit: 'fill' }).jpeg({ quality: 90 }).toBuffer(),
  );
});
afterAll(() => stopPixelWorker());

const leased = (): Leased => ({ lease: new PixelLease() });

describe('the pixel worker', () => {
  it('is running from the build (npm run build) and can be turned off', () => {
    expect(pixelWorkerOn({ MASKWORK_PIXEL_WORKER: '0' })).toBe(false);
    expect(pixelWorkerOn({})).toBe(true);
  });

  it('decodes an answer into a pooled shared buffer: the same bytes as on main', async () => {
    const jobs = pixelWorkerJobs();
    const own = await decodeAnswer(answer, 'GPT Image 2', SIZE);
    const pooled = await decodeAnswer(answer, 'GPT Image 2', SIZE, leased());
    expect(pixelWorkerJobs()).toBe(jobs + 1);
    expect(own.rgba.buffer).not.toBeInstanceOf(SharedArrayBuffer);
    expect(pooled.rgba.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect([pooled.width, pooled.height, pooled.rgba.length]).toEqual([640, 400, 640 * 400 * 4]);
    expect(Buffer.compare(Buffer.from(pooled.rgba), Buffer.from(own.rgba))).toBe(0);
  });

  it('scales the decoded answer (or the answer itself) to the tile in bands: the same bytes as on main', async () => {
    const tile = { width: 1000, height: 625 };
    const windows = [{ x0: 500, y0: 0, x1: 1000, y1: 625 }];
    const ref = await scaleTileWindows(answer, tile, windows, 'GPT Image 2', SIZE, 2);
    const lease = leased();
    const decoded = await decodeAnswer(answer, 'GPT Image 2', SIZE, lease);
    const jobs = pixelWorkerJobs();
    for (const from of [decoded, answer]) {
      const got = await scaleTileWindows(from, tile, windows, 'GPT Image 2', SIZE, 2, undefined, lease);
      expect(got.windows).toEqual(ref.windows);
      expect(got.parts.map((p) => p.buffer instanceof SharedArrayBuffer)).toEqual([true, true]);
      expect(got.parts.map((p, k) => Buffer.compare(Buffer.from(p), Buffer.from(ref.parts[k])))).toEqual([0, 0]);
    }
    expect(pixelWorkerJobs()).toBe(jobs + 4);
  });

  it('an answer that cannot be decoded is refused as it is on main', async () => {
    const cut = answer.slice(0, Math.floor(answer.length / 3)); // its header intact, its data cut short
    const onMain = await decodeAnswer(cut, 'GPT Image 2', SIZE).catch((e: unknown) => e);
    const inWorker = await decodeAnswer(cut, 'GPT Image 2', SIZE, leased()).catch((e: unknown) => e);
    for (const e of [onMain, inWorker]) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).message).toBe('GPT Image 2 returned an image Maskwork could not decode.');
    }
  });

  it('a worker stopped while it decodes: the answer is decoded in main instead (the same bytes); the next job starts another', async () => {
    // A large answer (10 MP: a decode of some 100 ms), the worker stopped while it decodes it.
    const big = { width: 4000, height: 2500 };
    const bytes = new Uint8Array(
      await sharp(join(PHOTOS, 'colorful-cups.jpg')).resize(big.width, big.height, { fit: 'fill' }).jpeg().toBuffer(),
    );
    const pending = decodeAnswer(bytes, 'GPT Image 2', big, leased());
    while (pixelJobsPending() === 0) await new Promise((r) => setTimeout(r, 1));
    await stopPixelWorker();
    const got = await pending;
    expect(got.rgba.buffer).not.toBeInstanceOf(SharedArrayBuffer); // made in main
    const own = await decodeAnswer(bytes, 'GPT Image 2', big);
    expect(Buffer.compare(Buffer.from(got.rgba), Buffer.from(own.rgba))).toBe(0);
    const again = await decodeAnswer(answer, 'GPT Image 2', SIZE, leased());
    expect(again.rgba.buffer).toBeInstanceOf(SharedArrayBuffer);
  });

  it('a worker that cannot start (its script throws, as one that cannot load sharp would): main does the work, and it is not started again', async () => {
    await stopPixelWorker();
    const dir = await mkdtemp(join(tmpdir(), 'maskwork-pixel-worker-'));
    const broken = join(dir, 'broken-worker.mjs');
    await writeFile(broken, "throw new Error('Cannot find module sharp');\n");
    setPixelWorkerPathForTests(broken);
    try {
      const jobs = pixelWorkerJobs();
      const tile = { width: 1000, height: 625 };
      const windows = [{ x0: 500, y0: 0, x1: 1000, y1: 625 }];
      const decoded = await decodeAnswer(answer, 'GPT Image 2', SIZE, leased());
      const scaled = await scaleTileWindows(answer, tile, windows, 'GPT Image 2', SIZE, 2, undefined, leased());
      const ref = await scaleTileWindows(answer, tile, windows, 'GPT Image 2', SIZE, 2);
      expect(Buffer.compare(Buffer.from(decoded.rgba), Buffer.from((await decodeAnswer(answer, 'GPT Image 2', SIZE)).rgba))).toBe(0);
      expect(scaled.parts.map((p, k) => Buffer.compare(Buffer.from(p), Buffer.from(ref.parts[k])))).toEqual([0, 0]);
      expect(pixelWorkerJobs()).toBe(jobs);
      expect(pixelWorkerOn({})).toBe(false);
    } finally {
      setPixelWorkerPathForTests(null);
      await rm(dir, { recursive: true, force: true });
    }
    expect(pixelWorkerOn({})).toBe(true);
  });
});

describe('the pixel pool', () => {
  it('a released lease’s buffers serve the next lease; a dropped lease’s never come back', () => {
    resetPixelPool();
    const a = new PixelLease();
    const first = a.take(3_000_000);
    expect(first.length).toBe(3_000_000);
    a.release();
    expect(() => a.take(10)).toThrow(/released/);
    const b = new PixelLease();
    const second = b.take(2_500_000); // a size class of its own would waste at most twice its bytes
    expect(second.buffer).toBe(first.buffer);
    expect(pixelPoolStats()).toMatchObject({ made: 1, reused: 1 });
    b.drop();
    const c = new PixelLease();
    expect(c.take(2_500_000).buffer).not.toBe(first.buffer);
    expect(pixelPoolStats()).toMatchObject({ made: 2, reused: 1, freeBytes: 0 });
    c.release();
    // A buffer reserved ahead is the one a later ask of that size gets; another size gets its own.
    const d = new PixelLease();
    d.reserve(4_000_000);
    const made = pixelPoolStats().made + pixelPoolStats().reused;
    const other = d.take(4_000_001);
    const reserved = d.take(4_000_000);
    expect(reserved.length).toBe(4_000_000);
    expect(reserved.buffer).not.toBe(other.buffer);
    expect(pixelPoolStats().made + pixelPoolStats().reused).toBe(made + 1);
    d.release();
    // Far smaller asks do not take a buffer more than twice their size.
    expect(new PixelLease().take(100_000).buffer).not.toBe(first.buffer);
  });
});
