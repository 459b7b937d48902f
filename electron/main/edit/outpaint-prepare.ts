/**
 * An outpaint's tiles, prepared before Generate (issue 16). While the retoucher types the prompt
 * after extending the canvas, main already renders the working canvas and encodes the request of
 * every tile that waits for no earlier one (the first, and the sides apart from it: scale to the
 * request size, pre-fill, JPEG + mask): about half a second of work per tile that no longer stands
 * between Ctrl+Enter and the requests. A tile that overlaps an earlier one is made of that tile's
 * answer: of it, everything but the changed parts is prepared (chain-ahead.ts). Nothing here depends on the prompt, so the
 * renderer asks for it whenever the extension, the layers or the model settings change
 * (`outpaint:prepare`); a later ask for other inputs drops the earlier preparation.
 *
 * The job takes the preparation only when it was made from exactly its inputs (`prepKey`) and for
 * the same tiles (the plan could change with a gateway's settings); anything else — no
 * preparation, a failed one, another plan — and the job does the work itself, as before. The
 * request bytes serve every candidate's copy of a tile (its input is the same for all of them); the
 * working canvas is handed over once, since the job blends into it.
 */
import type { RequestOf } from '../../../shared/ipc/contract';
import type { SpanRecorder } from '../../../shared/timing/spans';
import { planOutpaint, tileWaits, type OutpaintTile } from '../../../shared/geometry';
import type { Window } from '../../../shared/pixels/box-filter';
import { activeWindows } from '../../../shared/pixels/active-windows';
import { tileAskMask, tileBlendWeight, tileReach, tileView, unknownCanvas } from '../../../shared/pixels/outpaint-masks';
import type { JobServices } from '../create-services';
import { renderRegion } from './region-pixels';
import { resolveModel } from './resolve-model';
import { encodeTileRequest, PREFILLS, wireMaskOf, type TileRequestBytes } from './outpaint-tile-steps';
import { aheadCopy, chainedBytes, prepareChained, type ChainedAhead } from './chain-ahead';
import { fillAhead, type Refill } from './chain-fill-ahead';
import { decodeAnswer } from './tile-scale';
import { pixelWorkerOn } from './pixel-worker-client';
import { alongCut } from './tile-at-request';

/** A chained tile's request copy pre-filled ahead, with what to fill again once the answers are in. */
export interface FilledAhead {
  copy: Uint8Array;
  refill: Refill | null;
}

type OutpaintRequest = RequestOf<'outpaint:start'>;

/** The canvas-wide buffers of an outpaint before any tile is blended in. */
export interface WorkingCanvas {
  /** The composite where known (original + kept patches), RGBA. */
  working: Uint8Array;
  /** 255 where nothing is known yet. */
  unknownMap: Uint8Array;
}

/** A tile's ask mask, active windows and blend weight (they depend only on the unknown map: the same for every candidate). */
export interface TileMasks {
  ask: Uint8Array;
  windows: Window[];
  /** The blend weight (`tileBlendWeight`), once worked out. */
  weight?: Uint8Array;
  /** A prepared tile's unknown map (a view of the kept working canvas), until its weight is worked out. */
  unknown?: Uint8Array;
}

/** A tile's masks and request, made before Generate. */
export interface PreparedTile {
  masks: TileMasks;
  request: TileRequestBytes;
}

export interface PreparedOutpaint {
  /** The plan's tiles it was made for (the job checks them against its own plan). */
  tiles: OutpaintTile[];
  /** By tile index: each tile that waits for no earlier one (the others are undefined). */
  ready: (PreparedTile | undefined)[];
  /** By tile index: what the tiles that wait for earlier ones need apart from those answers (chain-ahead.ts); null when too large to keep waiting. */
  chained: (ChainedAhead | undefined)[] | null;
  /**
   * By tile index: a chained tile's request pre-filled ahead from the prepared requests of the tiles
   * it waits for (chain-fill-ahead.ts). Read only: each job starts its request from a copy of it.
   */
  filled: (FilledAhead | undefined)[];
  /** The working canvas, for the first job that takes it (then gone: the job writes into it). */
  claimWorking(): WorkingCanvas | null;
}

/** What decides the tiles' requests: everything but the prompt, the candidates and the seed. */
export function prepKey(req: OutpaintRequest): string {
  const { canvas, original, layers, model, quality, imageSize, featherPx, prefill } = req;
  return JSON.stringify({ canvas, original, layers, model, quality, imageSize, featherPx, prefill: prefill ?? 'smooth' });
}

/** The working canvas of an outpaint: the layers composited over the canvas, unknown outside the original. */
export async function renderWorking(svc: Pick<JobServices, 'store'>, req: OutpaintRequest): Promise<WorkingCanvas> {
  const { width, height } = req.canvas;
  const working = await renderRegion(svc.store, req.layers, { x: 0, y: 0, width, height });
  return { working, unknownMap: unknownCanvas(req.canvas, req.original) };
}

/** A tile's pixels cut from the working canvas (views for a tile of whole rows) with its ask mask and windows. */
export function tileCut(canvas: WorkingCanvas, canvasWidth: number, tile: OutpaintTile, featherPx: number, masks?: TileMasks) {
  const r = tile.rect;
  const crop = tileView(canvas.working, canvas.unknownMap, canvasWidth, r);
  if (masks) return { ...crop, ask: masks.ask, windows: masks.windows };
  const windows = activeWindows(crop.unknown, r.width, r.height, tileReach(featherPx));
  return { ...crop, windows, ask: tileAskMask(crop.unknown, r.width, r.height, featherPx, windows) };
}

/** Same tiles: each in the same place on the canvas with the same request. */
export function sameTiles(a: readonly OutpaintTile[], b: readonly OutpaintTile[]): boolean {
  const key = (t: readonly OutpaintTile[]) => JSON.stringify(t.map((x) => [x.rect, x.request]));
  return key(a) === key(b);
}

/** Which tiles wait for no earlier one: their input is the working canvas as rendered, for every candidate. */
export function independentTiles(tiles: readonly OutpaintTile[]): boolean[] {
  return tileWaits(tiles).map((w) => w.length === 0);
}

/** The requests of `req`'s independent tiles, or null when there is none to prepare (the offline engine, no plan). */
export async function prepareOutpaint(
  svc: JobServices,
  req: OutpaintRequest,
  signal: AbortSignal,
  keepWorkingMaxBytes = KEEP_WORKING_MAX_BYTES,
): Promise<PreparedOutpaint | null> {
  const model = await resolveModel(svc, req.model);
  if (model.spec.provider === 'local') return null;
  pixelWorkerOn(svc.env); // started now (it loads sharp): warm when the first answer comes

  const plan = planOutpaint({
    canvas: req.canvas,
    original: req.original,
    model: model.spec,
    quality: req.quality,
    imageSize: req.imageSize,
    featherPx: req.featherPx,
  });
  if (!plan.ok || !plan.tiles.length) return null;
  const rendered = await renderWorking(svc, req);
  if (signal.aborted) return null;
  // Kept for the job only while it is of a size to keep waiting (the request bytes always are).
  let canvas: WorkingCanvas | null = rendered.working.byteLength + rendered.unknownMap.byteLength <= keepWorkingMaxBytes ? rendered : null;
  const independent = independentTiles(plan.tiles);
  const ready: (PreparedTile | undefined)[] = plan.tiles.map(() => undefined);
  for (const [i, tile] of plan.tiles.entries()) {
    if (!independent[i]) continue;
    const cut = tileCut(rendered, req.canvas.width, tile, req.featherPx);
    // The provider's wire mask too (the OpenAI alpha PNG of a 3.6 MP request: up to ~130 ms cold).
    // Made as the job makes it when nothing is prepared (tileAtRequest where it can): the same bytes.
    const along = (req.prefill ?? 'smooth') === 'smooth' ? (alongCut(tile, req.original, req.featherPx) ?? undefined) : undefined;
    const request = await encodeTileRequest(
      tile,
      { width: tile.rect.width, height: tile.rect.height, ...cut, along },
      PREFILLS[req.prefill ?? 'smooth'],
      signal,
      { prepareMask: wireMaskOf(model) },
    );
    if (signal.aborted) return null;
    // With the working canvas kept, its blend weight is not made here — a Generate that comes while
    // this runs waits for all of it (the weight took 30–120 ms of that wait) — but by the job, while
    // the model works, from the unknown map kept with the masks (a view of the kept canvas).
    const weight = canvas ? undefined : tileBlendWeight(cut.unknown, tile.rect.width, tile.rect.height, req.featherPx, cut.windows);
    ready[i] = { masks: { ask: cut.ask, windows: cut.windows, ...(weight ? { weight } : { unknown: cut.unknown }) }, request };
  }
  // A chained tile's fill ahead reads its earlier tiles' weights: those are made as it needs them.
  const weightOf = (j: number) => withWeight(ready[j]!.masks, plan.tiles[j].rect, req.featherPx).weight!;
  // Made from the canvas before any blend; kept only within the same budget as the canvas.
  let chained: (ChainedAhead | undefined)[] | null = null;
  if (independent.some((x) => !x)) {
    chained = await prepareChained(rendered, req.canvas.width, plan.tiles, req.featherPx, wireMaskOf(model), signal);
    if (signal.aborted) return null;
    if (chainedBytes(chained) > keepWorkingMaxBytes) chained = null;
  }
  // A chained tile whose earlier tiles are all prepared is pre-filled from their requests now, not
  // while the first of them is out (within the same budget).
  const filled: (FilledAhead | undefined)[] = [];
  if (chained && (req.prefill ?? 'smooth') === 'smooth' && svc.env.MASKWORK_FILL_AHEAD !== '0') {
    const waits = tileWaits(plan.tiles);
    let bytes = chainedBytes(chained);
    for (const [i, part] of chained.entries()) {
      if (!part || !waits[i].every((j) => ready[j])) continue;
      bytes += part.small.rgba.byteLength;
      if (bytes > keepWorkingMaxBytes) break;
      const copy = aheadCopy(part);
      if (!copy) continue;
      const earlier = await Promise.all(
        waits[i].map(async (j) => ({
          ...(await decodeAnswer(ready[j]!.request.requestImage, model.spec.name, plan.tiles[j].request)),
          rect: plan.tiles[j].rect,
          weight: weightOf(j),
        })),
      );
      const refill = await fillAhead(part, rendered.working, req.canvas.width, plan.tiles[i].rect, earlier, copy, () => signal.aborted);
      if (refill === undefined || signal.aborted) return null;
      filled[i] = { copy, refill };
    }
  }
  return {
    tiles: plan.tiles,
    ready,
    chained,
    filled,
    claimWorking() {
      const c = canvas;
      canvas = null;
      return c;
    },
  };
}

/** A working canvas larger than this (RGBA + unknown map) is not kept waiting: the job renders its own. */
export const KEEP_WORKING_MAX_BYTES = 96 * 2 ** 20;
/**
 * A preparation nobody used for this long lets go of its large buffers (the working canvas, the
 * chained tiles' parts and pre-fills); the ready tiles' requests and masks stay until the inputs change.
 */
export const PREP_IDLE_MS = 5 * 60_000;

/**
 * `p` without its large buffers: the ready tiles only (their request bytes and masks, a few MB), so a
 * Ctrl+Enter after a long pause still sends at once; the job renders its own canvas and makes its
 * chained tiles' parts while the requests are out, as for a canvas too large to keep waiting. A new
 * object: a job that took `p` already keeps what it holds.
 */
export function lightened(p: PreparedOutpaint, featherPx: number): PreparedOutpaint {
  // A weight not worked out yet is made now, from the unknown map, which then goes with the canvas
  // (new objects: a job that took `p` keeps what it holds).
  const ready = p.ready.map((t, i) => {
    if (!t) return t;
    const { unknown: _u, ...masks } = withWeight({ ...t.masks }, p.tiles[i].rect, featherPx);
    return { ...t, masks };
  });
  return { tiles: p.tiles, ready, chained: null, filled: [], claimWorking: () => null };
}

/** `masks` with its blend weight worked out (from its unknown map) when it has none yet. */
export function withWeight(masks: TileMasks, size: { width: number; height: number }, featherPx: number): TileMasks {
  if (!masks.weight && masks.unknown) masks.weight = tileBlendWeight(masks.unknown, size.width, size.height, featherPx, masks.windows);
  return masks;
}

/**
 * The preparation made from exactly `req`'s inputs, once it is ready, or null. A wait for one still
 * under way when Generate came is timed (`main: preparation wait`): it is the tiles' own time too.
 */
export async function takePreparation(
  prep: Pick<OutpaintPrep, 'take'> | undefined,
  req: OutpaintRequest,
  spans: Pick<SpanRecorder, 'add' | 'now'>,
): Promise<PreparedOutpaint | null> {
  const from = spans.now();
  const p = await prep?.take(req)?.catch(() => null);
  if (p) spans.add('main: preparation wait', from, spans.now());
  return p ?? null;
}

/** At most one preparation, for the latest inputs the renderer asked for. */
export class OutpaintPrep {
  private entry: { key: string; abort: AbortController; ready: Promise<PreparedOutpaint | null>; featherPx: number } | null = null;
  private idle: ReturnType<typeof setTimeout> | null = null;

  private readonly idleMs: number;
  private readonly keepWorkingMaxBytes: number;

  constructor(o: { idleMs?: number; keepWorkingMaxBytes?: number } = {}) {
    this.idleMs = o.idleMs ?? PREP_IDLE_MS;
    this.keepWorkingMaxBytes = o.keepWorkingMaxBytes ?? KEEP_WORKING_MAX_BYTES;
  }

  /** Starts preparing `req`'s tiles unless that is under way or done already. */
  prepare(svc: JobServices, req: OutpaintRequest): void {
    const key = prepKey(req);
    if (this.entry?.key !== key) {
      this.clear();
      const abort = new AbortController();
      // A preparation that fails is simply not used: the job then meets (and reports) the problem itself.
      const ready = prepareOutpaint(svc, req, abort.signal, this.keepWorkingMaxBytes).catch(() => null);
      const entry = { key, abort, ready, featherPx: req.featherPx };
      this.entry = entry;
      // Its idle time counts from when it is ready.
      void ready.then(() => {
        if (this.entry === entry) this.armIdle();
      });
    } else this.armIdle();
  }

  private armIdle(): void {
    if (this.idle) clearTimeout(this.idle);
    const entry = this.entry;
    this.idle = setTimeout(() => {
      this.idle = null;
      if (entry && this.entry === entry) entry.ready = entry.ready.then((p) => p && lightened(p, entry.featherPx));
    }, this.idleMs);
    this.idle.unref?.();
  }

  /** The preparation made from exactly `req`'s inputs (maybe still under way), or null. */
  take(req: OutpaintRequest): Promise<PreparedOutpaint | null> | null {
    return this.entry?.key === prepKey(req) ? this.entry.ready : null;
  }

  /** Drops the preparation (other inputs, a closed document). */
  clear(): void {
    this.entry?.abort.abort();
    this.entry = null;
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
  }
}
