/**
 * The document's content — the original with the kept layers composited over it, the known part of
 * an outpaint's canvas — kept at reduced resolutions (½, ¼, …; issue 16). A tile that could not be
 * prepared before Ctrl+Enter is then scaled to its request from the level nearest above the
 * request's scale (a small resample) instead of from the full-resolution canvas: on a 24 MP photo a
 * tile of the whole canvas is 37 MP, sent at 3.6 MP. "Not prepared" happens when Ctrl+Enter follows a
 * change of the extension's sides or of the model, which do not change the content: the levels stay
 * valid then (their key is the layers relative to the original, not the canvas around it).
 *
 * Built in the background when main is asked to prepare an outpaint of other content: in bands of
 * rows, each started only while no outpaint job is making its requests and no critical stretch is open
 * (critical-work.ts). Held: ≈ ⅓ of the content's RGBA bytes (24 MP: 24 + 6 + 1.5 + … ≈ 32 MB).
 * `MASKWORK_OUTPAINT_MIP=0` turns it off.
 */
import type { RequestOf } from '../../../shared/ipc/contract';
import type { OutpaintTile } from '../../../shared/geometry';
import type { JobServices } from '../create-services';
import { afterCritical } from './critical-work';
import type { JobFn } from '../jobs/job-runner';
import { renderRegion } from './region-pixels';
import type { Size } from './provider-image';

type OutpaintRequest = RequestOf<'outpaint:start'>;

/** One level: the content at `1 / factor` of its size (RGBA). */
export interface MipLevel {
  factor: number;
  width: number;
  height: number;
  rgba: Uint8Array;
}

/** Full-resolution rows rendered per band (even, so each band halves on its own). */
const BAND_ROWS = 256;
/** Levels are made down to this size on the shorter side. */
const MIN_SIDE = 256;

/** What the content's pixels are made of: the layers placed relative to the original (the canvas around it does not matter). */
export function contentKey(req: Pick<OutpaintRequest, 'layers' | 'original'>): string {
  const { x, y, width, height } = req.original;
  return JSON.stringify({ width, height, layers: req.layers.map((l) => ({ ...l, x: l.x - x, y: l.y - y })) });
}

/** `src` (w×h RGBA) halved by 2×2 averages (a last odd row or column averages what it has). */
export function halve(src: Uint8Array, w: number, h: number): { width: number; height: number; rgba: Uint8Array } {
  const W = Math.ceil(w / 2);
  const H = Math.ceil(h / 2);
  const out = new Uint8Array(W * H * 4);
  for (let Y = 0; Y < H; Y++) {
    const y0 = 2 * Y;
    const y1 = Math.min(h - 1, y0 + 1);
    const r0 = y0 * w * 4;
    const r1 = y1 * w * 4;
    let d = Y * W * 4;
    for (let X = 0; X < W; X++) {
      const a = 8 * X;
      const b = 2 * X + 1 < w ? a + 4 : a;
      for (let c = 0; c < 4; c++, d++) out[d] = (src[r0 + a + c] + src[r0 + b + c] + src[r1 + a + c] + src[r1 + b + c] + 2) >> 2;
    }
  }
  return { width: W, height: H, rgba: out };
}

/** No outpaint job is making its requests (the builder's bands wait for that). */
let jobsMaking = 0;
const waiting = new Set<() => void>();

/** A job making its requests holds the builder back; the returned function lets it go (once). */
export function holdMipBuild(): () => void {
  jobsMaking++;
  let done = false;
  return () => {
    if (done) return;
    done = true;
    if (--jobsMaking === 0) {
      const now = [...waiting];
      waiting.clear();
      for (const w of now) w();
    }
  };
}

/** `job` holding the builder back while it runs. */
export function holdingMipBuild(job: JobFn): JobFn {
  return async (ctx) => {
    const release = holdMipBuild();
    try {
      return await job(ctx);
    } finally {
      release();
    }
  };
}

async function mayWork(): Promise<void> {
  for (;;) {
    await new Promise<void>((r) => setImmediate(r));
    await afterCritical();
    if (jobsMaking === 0) return;
    await new Promise<void>((r) => waiting.add(r));
  }
}

/** The content's levels ½, ¼, … made from the full-resolution composite in bands of rows. */
export async function buildLevels(
  svc: Pick<JobServices, 'store'>,
  req: Pick<OutpaintRequest, 'layers' | 'original'>,
  signal: AbortSignal,
  rows = BAND_ROWS,
): Promise<MipLevel[] | null> {
  const o = req.original;
  const W = Math.ceil(o.width / 2);
  const first = new Uint8Array(W * Math.ceil(o.height / 2) * 4);
  for (let y = 0; y < o.height; y += rows) {
    await mayWork();
    if (signal.aborted) return null;
    const h = Math.min(rows, o.height - y);
    const band = await renderRegion(svc.store, req.layers, { x: o.x, y: o.y + y, width: o.width, height: h });
    first.set(halve(band, o.width, h).rgba, (y / 2) * W * 4);
  }
  const levels: MipLevel[] = [{ factor: 2, width: W, height: Math.ceil(o.height / 2), rgba: first }];
  for (let last = levels[0]; Math.min(last.width, last.height) > MIN_SIDE; ) {
    await mayWork();
    if (signal.aborted) return null;
    last = { factor: last.factor * 2, ...halve(last.rgba, last.width, last.height) };
    levels.push(last);
  }
  return levels;
}

/** The coarsest level at least as fine as `scale` (of the full resolution), or null (the full resolution is). */
export function levelFor(levels: readonly MipLevel[], scale: number): MipLevel | null {
  let best: MipLevel | null = null;
  for (const l of levels) if (1 / l.factor >= scale) best = l;
  return best;
}

/**
 * The tile's colour at its request size where `flags` (request size, non-zero = unknown) is 0, read
 * from `level`: each request pixel's centre mapped into the content and sampled bilinearly there
 * (clamped to the content: nothing outside it is read). Unknown pixels are left 0 (the pre-fill writes them).
 */
export function tileFromLevel(
  level: MipLevel,
  original: OutpaintTile['rect'],
  tile: OutpaintTile['rect'],
  size: { width: number; height: number },
  flags: Uint8Array,
): Uint8Array {
  const { width: rw, height: rh } = size;
  const { width: lw, height: lh, rgba: src, factor } = level;
  const out = new Uint8Array(rw * rh * 4);
  const axis = (n: number, from: number, span: number, o: number, max: number) => {
    const i0 = new Int32Array(n);
    const i1 = new Int32Array(n);
    const f = new Float32Array(n);
    for (let k = 0; k < n; k++) {
      const v = Math.min(max, Math.max(0, (from + ((k + 0.5) * span) / n - o) / factor - 0.5));
      i0[k] = Math.floor(v);
      i1[k] = Math.min(max, i0[k] + 1);
      f[k] = v - i0[k];
    }
    return { i0, i1, f };
  };
  const xs = axis(rw, tile.x, tile.width, original.x, lw - 1);
  const ys = axis(rh, tile.y, tile.height, original.y, lh - 1);
  for (let v = 0; v < rh; v++) {
    const a = ys.i0[v] * lw * 4;
    const b = ys.i1[v] * lw * 4;
    const fy = ys.f[v];
    for (let u = 0, i = v * rw; u < rw; u++, i++) {
      if (flags[i]) continue;
      const p = xs.i0[u] * 4;
      const q = xs.i1[u] * 4;
      const fx = xs.f[u];
      for (let c = 0; c < 4; c++) {
        const top = src[a + p + c] + (src[a + q + c] - src[a + p + c]) * fx;
        const bottom = src[b + p + c] + (src[b + q + c] - src[b + p + c]) * fx;
        out[i * 4 + c] = top + (bottom - top) * fy + 0.5;
      }
    }
  }
  return out;
}

/** A tile's colour at a request size read from the level nearest above its request's scale, or undefined (none is). */
export function colourFromLevels(levels: readonly MipLevel[], original: OutpaintTile['rect'], tile: OutpaintTile) {
  const scale = Math.max(tile.request.width / tile.rect.width, tile.request.height / tile.rect.height);
  const level = levelFor(levels, scale);
  return level ? (size: Size, unknown: Uint8Array) => tileFromLevel(level, original, tile.rect, size, unknown) : undefined;
}

/** A tile's colour at a request size from the levels of `req`'s content, when they are built and one is nearest above its scale. */
export function colourFromMip(svc: Pick<JobServices, 'env' | 'contentMip'>, req: OutpaintRequest, tile: OutpaintTile) {
  const levels = svc.env.MASKWORK_OUTPAINT_MIP === '0' ? null : svc.contentMip?.levels(req);
  return levels ? colourFromLevels(levels, req.original, tile) : undefined;
}

/** At most one content's levels: the latest asked for. */
export class ContentMip {
  private entry: { key: string; abort: AbortController; levels: MipLevel[] | null; ready: Promise<unknown> } | null = null;

  /** Starts building the levels of `req`'s content unless they are built or being built already. */
  update(svc: Pick<JobServices, 'store' | 'env'>, req: OutpaintRequest, rows?: number): void {
    if (svc.env.MASKWORK_OUTPAINT_MIP === '0') return;
    const key = contentKey(req);
    if (this.entry?.key === key) return;
    this.clear();
    const abort = new AbortController();
    const entry = { key, abort, levels: null as MipLevel[] | null, ready: Promise.resolve() as Promise<unknown> };
    entry.ready = buildLevels(svc, req, abort.signal, rows).then(
      (levels) => {
        if (this.entry === entry) entry.levels = levels;
      },
      () => {
        if (this.entry === entry) this.entry = null;
      },
    );
    this.entry = entry;
  }

  /** Settles when the build under way (if any) has. */
  settled(): Promise<unknown> {
    return this.entry?.ready ?? Promise.resolve();
  }

  /** `req`'s content's levels when built (never ones of other content), else null. */
  levels(req: OutpaintRequest): readonly MipLevel[] | null {
    return this.entry?.key === contentKey(req) ? this.entry.levels : null;
  }

  /** Bytes held. */
  bytes(): number {
    return this.entry?.levels?.reduce((t, l) => t + l.rgba.byteLength, 0) ?? 0;
  }

  clear(): void {
    this.entry?.abort.abort();
    this.entry = null;
  }
}
