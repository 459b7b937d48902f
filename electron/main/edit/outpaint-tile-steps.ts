/**
 * How one outpaint tile gets its pixels, chosen once per job and injected into the tile loop: the
 * offline engine fills the tile itself; a model gets the tile with its unknown part pre-filled by the
 * injected `Prefill` (a smooth push–pull fill or the offline engine), then its result is scaled back.
 */
import { AppError } from '../../../shared/errors';
import { jobCancelled } from './settleable';
import { pushPullFill } from '../../../shared/pixels/push-pull-fill';
import { BACKGROUND_PIPELINES, decodeAnswer, SCALE_PIPELINES, scaleTileWindows, tileAtSize, type DecodedAnswer } from './tile-scale';
import type { Leased } from './pixel-pool';
import { afterCritical } from './critical-work';
import type { Size } from './provider-image';
import { activeWindows } from '../../../shared/pixels/active-windows';
import type { Window } from '../../../shared/pixels/box-filter';
import { tileReach, type WindowedRgba } from '../../../shared/pixels/outpaint-masks';
import type { OutpaintTile } from '../../../shared/geometry';
import type { RequestOf } from '../../../shared/ipc/contract';
import { runFillParallel } from '../providers/local-parallel';
import { runFillInWorker, withJobSeed } from '../providers/local-provider';
import { estimateCost } from '../../../shared/models';
import type { JobServices } from '../create-services';
import type { ResolvedModel } from './resolve-model';
import { sendCounted } from './send-counted';
import { encodeRequestImage, scaleRequestMask } from './request-pixels';
import { tileAtRequest, type AlongCut } from './tile-at-request';
import { noSpans, type SpanRecorder } from '../../../shared/timing/spans';
import { refillWindow, type Refill } from './chain-fill-ahead';
import type { WaitNotice } from '../providers/wait-notice';

/** A pre-fill reads no ask mask. */
const NO_ASK = new Uint8Array(0);

/**
 * A tile's pixels: RGBA, unknown (non-zero) per pixel, and the ask mask (255 = paint here). In a job
 * `rgba` and `unknown` may be views of the job's canvas-wide buffers: read them, never write them.
 */
export interface TilePixels {
  width: number;
  height: number;
  rgba: Uint8Array;
  unknown: Uint8Array;
  ask: Uint8Array;
  /** The active windows of `unknown` at the blend's reach (`tileReach`), when worked out already. */
  windows?: Window[];
  /**
   * The tile at its request size already (its RGBA the step's own) with its request mask in wire
   * form: a chained tile's, made mostly ahead (chain-ahead.ts). With `refill` its unknown part is
   * pre-filled already but for that band (chain-fill-ahead.ts): only the band is pre-filled.
   */
  atRequest?: { pixels: TilePixels; requestMask: Uint8Array; refill?: Refill };
  /**
   * An independent tile whose unknown part is the same in every row or column (`cutAlong`): made at
   * its request size from that row (tile-at-request.ts); its `ask` is then empty. Smooth pre-fill only.
   */
  along?: AlongCut;
}

export interface TileContext {
  signal: AbortSignal;
  onProgress: (fraction: number) => void;
  /** The service answered 429 or 5xx and the model step's call waits to try again (outpaint-wait.ts). */
  onWait?: (n: WaitNotice) => void;
  /** Candidate index (0-based): varies the offline engine's seed. */
  candidate: number;
  /** The tile's number in the job (1-based, across candidates), for span names. */
  tile?: number;
  /**
   * The tile's request, encoded already (the first tile's is the same for every candidate, and may
   * have been prepared before Generate: outpaint-prepare.ts); a model step then sends it as it is
   * and reads only the pixels' size and windows (the job may send it before its canvas exists, with
   * `rgba` and `unknown` empty).
   */
  request?: TileRequestBytes;
  /** Told the request a model step encoded (so the job can send it again for the next candidate). */
  onRequest?: (request: TileRequestBytes) => void;
  /** Told when the request, made here or given, goes to the model (a model step only). */
  onSend?: () => void;
  /**
   * Told the model's answer as soon as it is decoded at its own size (later tiles' requests are made
   * of it: chain-ahead.ts); the step then scales it to the tile only once `scaleAfter` settles (those
   * requests are out), so that work is not in their way.
   */
  onAnswer?: (answer: DecodedAnswer) => void;
  /**
   * Told as soon as the model's answer is in, before it is decoded (with `onAnswer`): the way from
   * it to the dependents' requests is critical from then on (critical-work.ts).
   */
  onArrived?: () => void;
  scaleAfter?: Promise<unknown>;
  /** Where a model step's decoded answer and scaled bands go (the job's pooled buffers: pixel-pool.ts). */
  pixels?: Leased;
}

/** A model tile's request as sent: the pre-filled tile at the request size (JPEG) and its ask mask. */
export interface TileRequestBytes {
  requestImage: Uint8Array;
  requestMask: Uint8Array;
}

/**
 * A model tile's request: the tile scaled to the request size, its unknown part pre-filled there (the
 * model never sees more pixels than that), encoded.
 */
export async function encodeTileRequest(
  tile: OutpaintTile,
  p: TilePixels,
  prefill: Prefill,
  signal: AbortSignal,
  o: {
    spans?: SpanRecorder;
    /** The steps' span names. */
    name?: (step: string) => string;
    /** Makes the request mask's wire form (the provider's `prepareMask`). */
    prepareMask?: (mask: Uint8Array, size: Size) => Promise<void>;
    /** The request mask and its wire form before the pre-fill (default; `MASKWORK_MASK_FIRST=0`: after it, as before). */
    maskFirst?: boolean;
    /** A tile of whole rows or columns pre-filled from the full-size tile while its colour is scaled (default; `MASKWORK_ALONG_PREFILL=0`: after the scale, from the request's pixels, as before). */
    alongPrefill?: boolean;
  } = {},
): Promise<TileRequestBytes> {
  const { spans = noSpans, name = (step: string) => `main: tile ${step}`, prepareMask, maskFirst, alongPrefill = true } = o;
  const along = p.along;
  // A tile of whole rows or columns: its pre-fill and its request mask (and the mask's wire form)
  // are made while libvips scales its colour, not after it.
  const early = along && alongPrefill && prefill === PREFILLS.smooth && !p.atRequest;
  let wire: Promise<void> | undefined;
  const onRequestMask = early
    ? (mask: Uint8Array) => {
        wire = prepareMask?.(mask, tile.request);
        wire?.catch(() => {}); // awaited with the image's encode
      }
    : undefined;
  const scale = (): Promise<TilePixels & { release?: () => void; requestMask?: Uint8Array }> =>
    along
      ? tileAtRequest(p.rgba, p, along.along, along.band, tile.request, { prefill: early, onRequestMask })
      : tileAtSize(p, tile.request);
  const small: TilePixels & { release?: () => void; requestMask?: Uint8Array } =
    p.atRequest?.pixels ?? (await spans.time(name(early ? 'scale to request + prefill' : 'scale to request'), scale));
  try {
    const made = small.requestMask ? { requestMask: small.requestMask, wire } : undefined;
    return await prefillAndEncode(tile, p, small, prefill, signal, { spans, name, prepareMask, maskFirst, made });
  } finally {
    small.release?.(); // its buffers serve the next request (read no more: the request is encoded)
  }
}

async function prefillAndEncode(
  tile: OutpaintTile,
  p: TilePixels,
  small: TilePixels,
  prefill: Prefill,
  signal: AbortSignal,
  o: {
    spans: SpanRecorder;
    name: (step: string) => string;
    prepareMask?: (mask: Uint8Array, size: Size) => Promise<void>;
    maskFirst?: boolean;
    /** The request mask made already, its wire form started. */
    made?: { requestMask: Uint8Array; wire: Promise<void> | undefined };
  },
): Promise<TileRequestBytes> {
  const { spans, name, prepareMask, maskFirst = true } = o;
  const r = tile.rect;
  const ready = o.made?.requestMask ?? p.atRequest?.requestMask;
  const region = { x: r.x, y: r.y, width: small.width, height: small.height };
  // With `maskFirst` the request mask is made before the pre-fill (the tile is at the request's size)
  // and its wire form (the provider's PNG, deflated off main's thread) while the pre-fill runs.
  const first =
    maskFirst && !ready ? await spans.time(name('request mask'), () => maskAndWire(small.ask, region, tile.request, prepareMask)) : null;
  // A scaled tile is this step's own: pre-filled in place (no copy of it).
  const refill = p.atRequest?.refill;
  const prefilled = (small as { prefilled?: boolean }).prefilled
    ? small.rgba
    : await spans.time(name('prefill'), () =>
        refill
          ? refillWindow(small.rgba, small.width, refill, (w) => prefill({ ...w, ask: NO_ASK }, signal, true))
          : prefill(small, signal, small !== p),
      );
  return spans.time(
    name('request encode'),
    async () => {
      // Else the request mask is made here: its wire form while libvips encodes the image, not after it.
      const made =
        first ??
        o.made ??
        (ready ? { requestMask: ready, wire: undefined } : await maskAndWire(small.ask, region, tile.request, prepareMask));
      const [requestImage] = await Promise.all([encodeRequestImage(prefilled, region, tile.request, false), made.wire]);
      return { requestImage, requestMask: made.requestMask };
    },
    (q) => q.requestImage.length,
  );
}

/**
 * The request mask from the ask at the request size, and its wire form started (awaited by the
 * caller; the rows are filtered on this thread before this resolves, the deflate is in the pool:
 * one turn of the event loop lets the provider's wrapper reach it).
 */
async function maskAndWire(
  ask: Uint8Array,
  region: { x: number; y: number; width: number; height: number },
  request: Size,
  prepareMask?: (mask: Uint8Array, size: Size) => Promise<void>,
): Promise<{ requestMask: Uint8Array; wire: Promise<void> | undefined }> {
  const requestMask = await scaleRequestMask(ask, region, request);
  const wire = prepareMask?.(requestMask, request);
  wire?.catch(() => {}); // awaited with the image's encode
  await new Promise<void>((resolve) => setImmediate(resolve));
  return { requestMask, wire };
}

/**
 * Turns a tile's pixels into generated RGBA of the tile's size, or only of its windows (`pixels.windows`,
 * which hold everything the blend reads).
 */
export type GenerateTile = (tile: OutpaintTile, pixels: TilePixels, ctx: TileContext) => Promise<Uint8Array | WindowedRgba>;

/**
 * Gives the unknown part of a tile content a model can start from; returns RGBA of the tile's size.
 * `owned`: `pixels.rgba` belongs to the caller's step alone and may be filled in place.
 */
export type Prefill = (pixels: TilePixels, signal: AbortSignal, owned?: boolean) => Promise<Uint8Array>;

export const PREFILLS: Record<'smooth' | 'local', Prefill> = {
  // Push–pull, not a Laplace solve: the same smooth continuation for the model's context in tens of
  // milliseconds (a harmonic fill of a 3733×1600 tile held main for seconds).
  smooth: async (p, _signal, owned) => pushPullFill(p.rgba, p.unknown, p.width, p.height, owned ? p.rgba : undefined),
  local: (p, signal) =>
    runFillInWorker({ width: p.width, height: p.height, rgba: p.rgba, mask: p.unknown.map((v) => (v ? 255 : 0)), seed: 1 }, signal),
};

const DEFAULT_PROMPT = 'Extend the scene naturally beyond the edges; match perspective, lighting and texture; no borders or frames.';

/**
 * The offline engine's hole in a tile: its unknown part alone (255/0). A model repaints the ask
 * area (the unknown part plus the overlap band), so the blend mixes generated pixels only; the engine
 * returns every known pixel as it was, so its hole is the new area and the band's blend mixes the
 * original with itself: the original's pixels near its edge stay as they were. Asked to refill the
 * band too, it cut through what lies along the edge (a saucer's rim, replaced by wood).
 */
export function engineHole(unknown: Uint8Array): Uint8Array {
  const hole = new Uint8Array(unknown.length);
  for (let i = 0; i < unknown.length; i++) if (unknown[i]) hole[i] = 255;
  return hole;
}

/** The offline engine paints the tile's unknown part directly (seed + candidate). */
export function engineTiles(seed: number): GenerateTile {
  return async (_tile, p, ctx) => {
    // Each extended side is an independent job: the sides fill in parallel worker threads.
    const [generated] = await runFillParallel(
      { width: p.width, height: p.height, rgba: p.rgba, mask: engineHole(p.unknown), seed: seed + ctx.candidate },
      1,
      ctx.signal,
      ctx.onProgress,
    );
    return generated;
  };
}

/** The model's `prepareMask`, bound (a provider without one has nothing to make). */
export const wireMaskOf =
  (model: ResolvedModel) =>
  (mask: Uint8Array, size: Size): Promise<void> =>
    model.provider.prepareMask?.(mask, size) ?? Promise.resolve();

/** A model paints each tile, sent with its unknown part pre-filled by `prefill`; each request is counted in the spend ledger. */
export function modelTiles(
  model: ResolvedModel,
  req: RequestOf<'outpaint:start'>,
  prefill: Prefill,
  svc: Pick<JobServices, 'ledger'> & Partial<Pick<JobServices, 'env'>>,
  spans: SpanRecorder = noSpans,
): GenerateTile {
  return async (tile, p, ctx) => {
    const name = (step: string) => `main: tile #${ctx.tile ?? 1} ${step}`;
    let request = ctx.request;
    if (!request) {
      // Its wire mask is made once for every candidate that sends it (the request's mask never changes).
      const maskFirst = svc.env?.MASKWORK_MASK_FIRST !== '0';
      const alongPrefill = svc.env?.MASKWORK_ALONG_PREFILL !== '0';
      request = await encodeTileRequest(tile, p, prefill, ctx.signal, {
        spans,
        name,
        prepareMask: wireMaskOf(model),
        maskFirst,
        alongPrefill,
      });
      ctx.onRequest?.(request);
    }
    ctx.onSend?.();
    // The buffer its answer will be decoded into, taken now (the way from that answer to the next requests allocates none).
    if (ctx.onAnswer && ctx.pixels) ctx.pixels.lease.reserve(tile.request.width * tile.request.height * 4);
    const { requestImage, requestMask } = request;
    const sentAt = spans.now();
    const usd = estimateCost({
      modelId: model.spec,
      width: tile.request.width,
      height: tile.request.height,
      quality: req.quality,
      imageSize: tile.request.imageSize,
    }).usd;
    const images = await sendCounted(svc, model, usd, 1, () =>
      model.provider.edit(
        {
          model: model.wireModel,
          prompt: req.prompt || DEFAULT_PROMPT,
          image: requestImage,
          mask: requestMask,
          size: { width: tile.request.width, height: tile.request.height },
          aspectRatio: tile.request.aspect,
          imageSize: tile.request.imageSize,
          n: 1,
          quality: req.quality,
          references: [],
          // Scaled to the tile before the blend: a JPEG answer is a quarter of a PNG's bytes.
          answerFormat: 'jpeg',
        },
        { signal: ctx.signal, onProgress: ctx.onProgress, onWait: ctx.onWait },
      ),
    );
    spans.add(
      name('provider round trip'),
      sentAt,
      spans.now(),
      images.reduce((t, img) => t + img.bytes.length, 0),
    );
    if (!images.length)
      throw new AppError({ kind: 'server', message: `${model.spec.name} returned no image for a tile.`, model: req.model });
    // Scaled only where the blend will read it: within the blend's reach of the tile's unknown part.
    const windows = p.windows ?? activeWindows(p.unknown, p.width, p.height, tileReach(req.featherPx));
    const size = { width: p.width, height: p.height };
    const requested = { width: tile.request.width, height: tile.request.height };
    if (!ctx.onAnswer)
      return spans.time(name('decode + scale'), () =>
        scaleTileWindows(images[0].bytes, size, windows, model.spec.name, requested, SCALE_PIPELINES, undefined, ctx.pixels),
      );
    ctx.onArrived?.();
    const answer = await spans.time(name('decode'), () => decodeAnswer(images[0].bytes, model.spec.name, requested, ctx.pixels));
    ctx.onAnswer(answer);
    await ctx.scaleAfter?.catch(() => {});
    if (ctx.signal.aborted) throw jobCancelled();
    // Background work by now (its dependents' requests are out): in short bands of rows, each started
    // only while no other answer is being turned into a request, on all cores but one (a core is left
    // to the next answer's decode and request; MASKWORK_BACKGROUND_YIELDS=0: on all of them).
    const cores = svc.env?.MASKWORK_BACKGROUND_YIELDS === '0' ? SCALE_PIPELINES : BACKGROUND_PIPELINES;
    return spans.time(name('scale'), () =>
      scaleTileWindows(answer, size, windows, model.spec.name, requested, cores, afterCritical, ctx.pixels),
    );
  };
}

/** The tile step for a job: the offline engine paints by itself, any other model gets the chosen pre-fill. */
export function tileStepFor(
  model: ResolvedModel,
  req: RequestOf<'outpaint:start'>,
  svc: Pick<JobServices, 'ledger'> & Partial<Pick<JobServices, 'env'>>,
  spans: SpanRecorder = noSpans,
): GenerateTile {
  return model.spec.provider === 'local'
    ? engineTiles(withJobSeed(req, model.spec.provider).seed)
    : modelTiles(model, req, PREFILLS[req.prefill ?? 'smooth'], svc, spans);
}
