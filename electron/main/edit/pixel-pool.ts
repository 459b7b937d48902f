/**
 * Large pixel buffers an outpaint's tiles reuse instead of allocating (issue 16). Every buffer V8
 * did not allocate itself — sharp's outputs in Node, and in Electron its copies once they outlive a
 * couple of minor collections — counts against the old generation's limit until the next full
 * collection (V8 adds external memory allocated since the last mark-compact to the old generation's
 * size). A tile's decoded answer (15 MB for 3312×1104) and its scale to full size (≈ 30 MB) did so
 * on every tile: the main thread marked its whole heap every few hundred milliseconds, often while an
 * answer was being turned into the next request (measured: 0–220 ms of a chained tile's 100–450 ms).
 * Buffers taken from the pool are SharedArrayBuffers made once: the pixel worker (pixel-worker.ts)
 * writes sharp's results into them, so main's isolate allocates nothing per tile.
 *
 * A {@link PixelLease} hands a job its buffers and gives them back only when the job says every
 * reader is done (`release`); a job that fails just drops its lease (its buffers are collected like
 * any other, and never reused while something might still write into them).
 */
import { prefaultRects } from './prefault';

/** Buffers are made in steps of this many bytes, so that nearly equal sizes share them. */
const STEP = 1 << 20;
/** Free buffers kept at most (bytes): an 8:1 outpaint of a 1600 px high photo holds ≈ 170 MB of them. */
export const POOL_MAX_BYTES = 256 * STEP;
/**
 * A free buffer not taken again within this long is let go: a retoucher who looks at the candidates
 * for a few minutes before trying another prompt still finds them (after that the next job allocates
 * them again, and its tiles meet the collections they cause, as before the pool).
 */
export const POOL_IDLE_MS = 5 * 60_000;

interface Free {
  sab: SharedArrayBuffer;
  since: number;
}

const free: Free[] = [];
let freeBytes = 0;
let trim: ReturnType<typeof setTimeout> | null = null;
const stats = { made: 0, reused: 0 };

/** Tests and the bench: how many buffers were made and reused so far. */
export function pixelPoolStats(): { made: number; reused: number; freeBytes: number } {
  return { ...stats, freeBytes };
}

/** Tests: forget every free buffer and the counts. */
export function resetPixelPool(): void {
  free.length = 0;
  freeBytes = 0;
  stats.made = 0;
  stats.reused = 0;
}

function takeShared(bytes: number): SharedArrayBuffer {
  const size = Math.max(STEP, Math.ceil(bytes / STEP) * STEP);
  // The smallest free buffer that holds it, if it is not more than twice its size.
  let best = -1;
  for (let k = 0; k < free.length; k++) {
    const n = free[k].sab.byteLength;
    if (n >= size && n <= 2 * size && (best < 0 || n < free[best].sab.byteLength)) best = k;
  }
  if (best >= 0) {
    const [f] = free.splice(best, 1);
    freeBytes -= f.sab.byteLength;
    stats.reused++;
    return f.sab;
  }
  stats.made++;
  return new SharedArrayBuffer(size);
}

function giveShared(sab: SharedArrayBuffer): void {
  free.push({ sab, since: Date.now() });
  freeBytes += sab.byteLength;
  // Over the cap: the oldest go first.
  while (freeBytes > POOL_MAX_BYTES && free.length) freeBytes -= free.shift()!.sab.byteLength;
  trim ??= setTimeout(trimIdle, POOL_IDLE_MS);
  trim.unref?.();
}

function trimIdle(): void {
  trim = null;
  const now = Date.now();
  for (let k = free.length - 1; k >= 0; k--)
    if (now - free[k].since >= POOL_IDLE_MS) {
      freeBytes -= free[k].sab.byteLength;
      free.splice(k, 1);
    }
  if (free.length) {
    trim = setTimeout(trimIdle, POOL_IDLE_MS);
    trim.unref?.();
  }
}

/** A job's buffers from the pool: taken as it needs them, given back together once it is done with all of them. */
/** A job's pixel lease and its environment (MASKWORK_PIXEL_WORKER=0: pipelines on main). */
export interface Leased {
  lease: PixelLease;
  env?: Record<string, string | undefined>;
}

export class PixelLease {
  private taken: SharedArrayBuffer[] = [];
  private reserved = new Map<number, { buf: Uint8Array; touching: AbortController }[]>();
  private closed = false;

  /** A buffer of exactly `bytes` bytes (zeroed only when new: the caller writes every byte it reads). */
  take(bytes: number): Uint8Array {
    if (this.closed) throw new Error('pixel lease used after it was released');
    const kept = this.reserved.get(bytes)?.pop();
    if (kept) {
      kept.touching.abort(); // main stops writing into it before anything else may (the pixel worker)
      return kept.buf;
    }
    const sab = takeShared(bytes);
    this.taken.push(sab);
    return new Uint8Array(sab, 0, bytes);
  }

  /**
   * A buffer of `bytes` for a later {@link take} of that size, taken now — a model's answer is decoded
   * into it, so nothing is allocated between the answer and the next request — and its pages written
   * while the model works (prefault.ts: in slices that give way to critical stretches), so the decode
   * does not fault them in either (15 MB: ≈ 40 ms here when the pool had none to give).
   */
  reserve(bytes: number): void {
    if (this.closed) return;
    const buf = this.take(bytes);
    const touching = new AbortController();
    const list = this.reserved.get(bytes) ?? [];
    list.push({ buf, touching });
    this.reserved.set(bytes, list);
    void prefaultRects(buf, 1, [], touching.signal);
  }

  /** A copy of `src` in a buffer of the lease (a plain copy once the lease is released or dropped). */
  copyOf(src: Uint8Array): Uint8Array {
    if (this.closed) return new Uint8Array(src);
    const out = this.take(src.length);
    out.set(src);
    return out;
  }

  /** Every buffer back to the pool: nothing reads or writes them any more. */
  release(): void {
    if (this.closed) return;
    this.closed = true;
    this.stopTouching();
    for (const sab of this.taken.splice(0)) giveShared(sab);
  }

  /** Released once `work` is done, dropped if it fails (its buffers may still be written into then). */
  async over<T>(work: Promise<T>): Promise<T> {
    try {
      const out = await work;
      this.release();
      return out;
    } catch (e) {
      this.drop();
      throw e;
    }
  }

  private stopTouching(): void {
    for (const list of this.reserved.values()) for (const r of list) r.touching.abort();
    this.reserved.clear();
  }

  /** The job failed or was cancelled: its buffers are not reused (something may still hold them). */
  drop(): void {
    this.closed = true;
    this.stopTouching();
    this.taken.length = 0;
  }
}
