/**
 * A tile's pixels at the size its request is sent at, before the pre-fill: the model only ever sees
 * the request size, so filling the unknown part at full resolution (a 3733×1600 tile is 6 MP) was
 * work thrown away by the resize that followed. Colour and masks are scaled with a linear kernel;
 * a scaled pixel is unknown when any source pixel under it was (so no colour of the unknown part
 * leaks into what counts as known).
 */
import { availableParallelism } from 'node:os';
import sharp from 'sharp';
import { AppError } from '../../../shared/errors';
import type { Window } from '../../../shared/pixels/box-filter';
import type { WindowedRgba } from '../../../shared/pixels/outpaint-masks';
import { checkProviderImage, type Size } from './provider-image';
import type { TilePixels } from './outpaint-tile-steps';
import type { Leased } from './pixel-pool';
import { pixelWorkerOn, PixelWorkerLost, runPixelJob } from './pixel-worker-client';

async function scaled(data: Uint8Array, from: Size, channels: 1 | 4, to: Size, bands = 1): Promise<Uint8Array> {
  const band = (top: number, height: number) => {
    let img = sharp(data, { raw: { width: from.width, height: from.height, channels } }).resize(to.width, to.height, {
      fit: 'fill',
      kernel: 'linear',
    });
    // A band of output rows: libvips computes only those (the same values as the whole resize).
    if (height < to.height) img = img.extract({ left: 0, top, width: to.width, height });
    if (channels === 1) img = img.extractChannel(0); // libvips would write a grey mask as RGB
    return img.raw().toBuffer();
  };
  const rows = Math.ceil(to.height / Math.max(1, Math.min(bands, Math.floor(to.height / 64))));
  const parts = await Promise.all(
    Array.from({ length: Math.ceil(to.height / rows) }, (_, k) => band(k * rows, Math.min(rows, to.height - k * rows))),
  );
  const buf = parts.length === 1 ? parts[0] : Buffer.concat(parts);
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

/** `p` at `size` (the same object when it already is that size). */
export async function tileAtSize(p: TilePixels, size: Size): Promise<TilePixels> {
  if (p.width === size.width && p.height === size.height) return p;
  const from = { width: p.width, height: p.height };
  // Scaled as 0/255 so that any unknown pixel under a scaled one leaves it non-zero; the job's
  // unknown map already is 0/255 (no 6 MP pass and no fresh 6 MB buffer for it).
  const unknown255 = is255(p.unknown) ? p.unknown : to255(p.unknown);
  // With the tile's active windows known, the masks are scaled only there (both are 0 outside them).
  const [rgba, unknown, ask] = await Promise.all([
    // The colour in two bands of rows, one per libvips thread (sharp runs each pipeline on one here).
    scaled(p.rgba, from, 4, size, 2),
    p.windows ? scaledMaskWindows(unknown255, from, size, p.windows, true) : scaled(unknown255, from, 1, size).then(flags),
    p.windows ? scaledMaskWindows(p.ask, from, size, p.windows, false) : scaled(p.ask, from, 1, size),
  ]);
  return { width: size.width, height: size.height, rgba, unknown, ask };
}

/** 1 where a scaled mask is non-zero. */
function flags(m: Uint8Array): Uint8Array {
  const out = new Uint8Array(m.length);
  for (let i = 0; i < m.length; i++) if (m[i] > 0) out[i] = 1;
  return out;
}

/**
 * A grey mask that is 0 outside `windows` scaled to `to` like {@link scaled}, computed only over each
 * window's image at the new size, padded by the kernel's reach ({@link scaledReach}); 0 elsewhere,
 * as the whole scale gives there. `asFlags`: 1 where
 * the scaled value is non-zero instead of the value.
 */
async function scaledMaskWindows(data: Uint8Array, from: Size, to: Size, windows: Window[], asFlags: boolean): Promise<Uint8Array> {
  const out = new Uint8Array(to.width * to.height);
  await Promise.all(
    windows.map(async (win) => {
      const { x0, y0, w, h } = scaledReach(win, from, to);
      const part = await sharp(data, { raw: { width: from.width, height: from.height, channels: 1 } })
        .resize(to.width, to.height, { fit: 'fill', kernel: 'linear' })
        .extract({ left: x0, top: y0, width: w, height: h })
        .extractChannel(0)
        .raw()
        .toBuffer();
      for (let y = 0; y < h; y++) {
        const d = (y0 + y) * to.width + x0;
        if (!asFlags) out.set(part.subarray(y * w, (y + 1) * w), d);
        else for (let x = 0, s = y * w; x < w; x++, s++) if (part[s] > 0) out[d + x] = 1;
      }
    }),
  );
  return out;
}

/**
 * Where a linear resize from `from` to `to` can change when the input changes only inside `win`: the
 * window at the new size, padded by the kernel's reach (one source pixel either side, times the
 * enlargement, under one output pixel when shrinking; two source pixels' worth plus 2 px — tested
 * against the whole scale), clipped to the output.
 */
export function scaledReach(win: Window, from: Size, to: Size): { x0: number; y0: number; w: number; h: number } {
  const sx = to.width / from.width;
  const sy = to.height / from.height;
  const padX = Math.ceil(2 * Math.max(1, sx)) + 2;
  const padY = Math.ceil(2 * Math.max(1, sy)) + 2;
  const x0 = Math.max(0, Math.floor(win.x0 * sx) - padX);
  const y0 = Math.max(0, Math.floor(win.y0 * sy) - padY);
  return {
    x0,
    y0,
    w: Math.min(to.width, Math.ceil(win.x1 * sx) + padX) - x0,
    h: Math.min(to.height, Math.ceil(win.y1 * sy) + padY) - y0,
  };
}

/** Whether a 0/n flag map uses 255 for its flags (its first non-zero value; maps use one value). */
function is255(m: Uint8Array): boolean {
  for (let i = 0; i < m.length; i++) if (m[i]) return m[i] === 255;
  return true;
}

function to255(m: Uint8Array): Uint8Array {
  const out = new Uint8Array(m.length);
  for (let i = 0; i < m.length; i++) if (m[i]) out[i] = 255;
  return out;
}

/** A provider's answer decoded at its own size (RGBA): what a chained tile's request is made of. */
export interface DecodedAnswer {
  width: number;
  height: number;
  rgba: Uint8Array;
}

/**
 * `bytes` (a provider's image) checked ({@link checkProviderImage}) and decoded to RGBA at its own size.
 * With `lease` (and the pixel worker running: pixel-worker-client.ts) it is decoded there into a
 * buffer of the lease (pixel-pool.ts): the same bytes, none of them allocated on main's heap.
 */
export async function decodeAnswer(bytes: Uint8Array, modelName: string, requested: Size, lease?: Leased): Promise<DecodedAnswer> {
  const got = await checkProviderImage(bytes, requested, modelName);
  try {
    if (lease && pixelWorkerOn(lease.env)) {
      const into = lease.lease.take(got.width * got.height * 4);
      const r = await inWorker({
        source: { kind: 'encoded', bytes: ownBytes(bytes), limitPixels: got.width * got.height },
        into: { sab: into.buffer as SharedArrayBuffer, byteLength: into.byteLength },
      });
      if (r) return { width: r.width, height: r.height, rgba: into };
    }
    const { data, info } = await sharp(bytes, { limitInputPixels: got.width * got.height })
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    return { width: info.width, height: info.height, rgba: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
  } catch (e) {
    throw undecodable(modelName, e);
  }
}

/** A job in the pixel worker; null when the worker was lost on the way (the caller runs it in main). */
async function inWorker(job: Parameters<typeof runPixelJob>[0]): Promise<{ width: number; height: number } | null> {
  try {
    return await runPixelJob(job);
  } catch (e) {
    if (e instanceof PixelWorkerLost) return null;
    throw e;
  }
}

/** `bytes` alone in its buffer (a message to the worker copies a view's whole buffer). */
const ownBytes = (b: Uint8Array) => (b.byteOffset === 0 && b.byteLength === b.buffer.byteLength ? b : b.slice());

const undecodable = (modelName: string, cause: unknown) =>
  new AppError({ kind: 'server', message: `${modelName} returned an image Maskwork could not decode.` }, { cause });

/**
 * A provider's answer for a tile scaled to the tile's size, computed only inside `windows`: the
 * blend reads the result only where its weight is non-zero, which for an extension on both sides is
 * two strips, not the original between them. libvips evaluates on demand, so a resize followed by an
 * extract computes the extracted pixels only — the same values as the whole resize. Each window comes
 * back as its own buffer (no fresh tile-sized buffer: 24 MB for a 6 MP tile). sharp runs each
 * pipeline on one libvips thread here (its default on glibc), so with fewer windows than cores a
 * window is scaled in bands of rows, one pipeline each: the answer comes back as those bands
 * (`windows` then lists the bands, in order; each band's rows are the whole resize's values).
 * `answer`: the provider's bytes, or the answer decoded already ({@link decodeAnswer}: the same values,
 * without each band decoding it again). `gate`: background work — the bands are shorter
 * ({@link gatedBands}), `cores` at a time, each started once `gate` resolves.
 */
export async function scaleTileWindows(
  answer: Uint8Array | DecodedAnswer,
  size: Size,
  windows: Window[],
  modelName: string,
  requested: Size,
  cores = SCALE_PIPELINES,
  gate?: () => Promise<void>,
  lease?: Leased,
): Promise<WindowedRgba> {
  const decoded = answer instanceof Uint8Array ? null : answer;
  const got = decoded ?? (await checkProviderImage(answer as Uint8Array, requested, modelName));
  const source = () =>
    decoded
      ? sharp(decoded.rgba, { raw: { width: decoded.width, height: decoded.height, channels: 4 } })
      : sharp(answer as Uint8Array, { limitInputPixels: got.width * got.height }).ensureAlpha();
  // In the pixel worker (pixel-worker-client.ts), into the lease's buffers: the same pipeline, the same bytes.
  const worker = !!lease && (!decoded || decoded.rgba.buffer instanceof SharedArrayBuffer) && pixelWorkerOn(lease.env);
  const encoded = worker && !decoded ? ownBytes(answer as Uint8Array) : null;
  const bands = gate ? gatedBands(windows) : rowBands(windows, cores);
  try {
    const parts = await inPool(bands, gate ? cores : bands.length, async (win) => {
      await gate?.();
      if (worker && pixelWorkerOn(lease!.env)) {
        const into = lease!.lease.take((win.x1 - win.x0) * (win.y1 - win.y0) * 4);
        const done = await inWorker({
          source: decoded
            ? { kind: 'raw', sab: decoded.rgba.buffer as SharedArrayBuffer, width: decoded.width, height: decoded.height }
            : { kind: 'encoded', bytes: encoded!, limitPixels: got.width * got.height },
          scale: { size, win },
          into: { sab: into.buffer as SharedArrayBuffer, byteLength: into.byteLength },
        });
        if (done) return into;
      }
      const part = await source()
        .resize(size.width, size.height, { fit: 'fill', kernel: 'lanczos3' })
        .extract({ left: win.x0, top: win.y0, width: win.x1 - win.x0, height: win.y1 - win.y0 })
        .raw()
        .toBuffer();
      return new Uint8Array(part.buffer, part.byteOffset, part.byteLength);
    });
    return { windows: bands, parts };
  } catch (e) {
    throw undecodable(modelName, e);
  }
}

/**
 * A gated scale's bands: each window in bands of at most {@link GATED_BAND_ROWS} rows (a few tens of
 * milliseconds each), so that a band that has begun holds a critical step up that long at most.
 */
export function gatedBands(windows: readonly Window[]): Window[] {
  return windows.flatMap((w) => {
    const h = w.y1 - w.y0;
    const n = Math.max(1, Math.ceil(h / GATED_BAND_ROWS));
    return Array.from({ length: n }, (_, k) => ({
      x0: w.x0,
      x1: w.x1,
      y0: w.y0 + Math.round((k * h) / n),
      y1: w.y0 + Math.round(((k + 1) * h) / n),
    }));
  });
}

const GATED_BAND_ROWS = 160;

/** `work` over `items` with at most `size` at once; the results in the items' order. */
async function inPool<T, R>(items: readonly T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const run = async () => {
    while (next < items.length) {
      const k = next++;
      out[k] = await work(items[k]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(size, items.length)) }, run));
  return out;
}

/** How many libvips pipelines a tile's answer is scaled in at once (this machine's cores, at most 4). */
export const SCALE_PIPELINES = Math.max(1, Math.min(4, availableParallelism()));

/** How many a scale that is background work runs at once: all cores but one (at least one). */
export const BACKGROUND_PIPELINES = Math.max(1, SCALE_PIPELINES - 1);

/** A band is never shorter than this many rows (each pipeline decodes the answer down to its band). */
const MIN_BAND_ROWS = 128;

/**
 * `windows` cut into bands of rows so that about `cores` pipelines run: each window into
 * `cores ÷ windows` bands (as many as fit at {@link MIN_BAND_ROWS}), in order.
 */
export function rowBands(windows: readonly Window[], cores: number): Window[] {
  const per = Math.floor(cores / Math.max(1, windows.length));
  return windows.flatMap((w) => {
    const h = w.y1 - w.y0;
    const n = Math.max(1, Math.min(per, Math.floor(h / MIN_BAND_ROWS)));
    return Array.from({ length: n }, (_, k) => ({
      x0: w.x0,
      x1: w.x1,
      y0: w.y0 + Math.round((k * h) / n),
      y1: w.y0 + Math.round(((k + 1) * h) / n),
    }));
  });
}

/** {@link scaleTileWindows} pasted into a tile-sized buffer (zero outside the windows). */
export async function scaleTileResult(
  bytes: Uint8Array,
  size: Size,
  windows: Window[],
  modelName: string,
  requested: Size,
): Promise<Uint8Array> {
  const { parts } = await scaleTileWindows(bytes, size, windows, modelName, requested);
  const out = new Uint8Array(size.width * size.height * 4);
  windows.forEach((win, k) => {
    const w = win.x1 - win.x0;
    for (let y = 0; y < win.y1 - win.y0; y++)
      out.set(parts[k].subarray(y * w * 4, (y + 1) * w * 4), ((win.y0 + y) * size.width + win.x0) * 4);
  });
  return out;
}
