/**
 * Checks an outpaint before any work: the extended canvas must respect the same 150 MP / 30000 px
 * limits as an opened image, and the job's estimated memory must fit this computer. A refusal is a
 * typed `too-large` error with a message a retoucher can act on, returned by `outpaint:start`
 * itself (the renderer shows it; the CLI prints it) — never an out-of-memory crash or an internal error.
 */
import { totalmem } from 'node:os';
import { AppError } from '../../../shared/errors';
import { planOutpaint } from '../../../shared/geometry';
import { getModel, type ModelSpec } from '../../../shared/models';
import { MAX_IMAGE_EDGE, MAX_IMAGE_PIXELS } from '../services/image-limits';
import type { OutpaintRequest } from './run-outpaint';

/**
 * Bytes per canvas pixel the job holds at once: the RGBA working canvas, the known map, the alpha,
 * the RGBA patch and the PNG encoder's copy of it.
 */
export const CANVAS_BYTES_PER_PX = 16;
/** Bytes per pixel of a tile the offline engine fills (pyramids, patch fields; ~530 MB peak measured for a 2.25 MP fill). */
export const LOCAL_TILE_BYTES_PER_PX = 240;
/** Bytes per pixel of a cloud tile: its pixels, masks, smooth pre-fill and the encoded request. */
export const CLOUD_TILE_BYTES_PER_PX = 48;
/** Share of the computer's memory one job may plan to use. */
export const MEMORY_SHARE = 0.5;

export interface OutpaintEstimate {
  canvasPixels: number;
  largestTilePixels: number;
  bytes: number;
}

/** Memory budget: `MASKWORK_MEMORY_BUDGET_MB` when set (tests, small machines), else half the RAM. */
export function memoryBudgetBytes(env: Record<string, string | undefined>): number {
  const mb = Number(env.MASKWORK_MEMORY_BUDGET_MB);
  return Number.isFinite(mb) && mb > 0 ? mb * 2 ** 20 : Math.floor(totalmem() * MEMORY_SHARE);
}

const mp = (px: number) => `${(px / 1e6).toFixed(px < 10e6 ? 1 : 0)} MP`;
const gb = (bytes: number) => `${(bytes / 2 ** 30).toFixed(1)} GB`;

/** Throws `too-large` when the canvas is over the limits or the estimate over the budget; returns the estimate. */
export function checkOutpaintBudget(
  req: Pick<OutpaintRequest, 'canvas' | 'original' | 'model' | 'quality' | 'imageSize' | 'featherPx'>,
  env: Record<string, string | undefined>,
  spec: ModelSpec | undefined = getModel(req.model),
): OutpaintEstimate {
  const { width: W, height: H } = req.canvas;
  const canvasPixels = W * H;
  if (canvasPixels > MAX_IMAGE_PIXELS || W > MAX_IMAGE_EDGE || H > MAX_IMAGE_EDGE) {
    throw new AppError({
      kind: 'too-large',
      message:
        `The extended canvas would be ${W}×${H} (${mp(canvasPixels)}). Maskwork works on canvases up to ` +
        `${MAX_IMAGE_PIXELS / 1e6} MP and ${MAX_IMAGE_EDGE} px per side; extend less.`,
      rule: 'canvas size',
    });
  }
  let largestTilePixels = 0;
  let perTilePx = CLOUD_TILE_BYTES_PER_PX;
  if (spec && spec.status !== 'retired') {
    const plan = planOutpaint({
      canvas: req.canvas,
      original: req.original,
      model: spec,
      quality: req.quality,
      imageSize: req.imageSize,
      featherPx: req.featherPx,
    });
    if (plan.ok) for (const t of plan.tiles) largestTilePixels = Math.max(largestTilePixels, t.rect.width * t.rect.height);
    if (spec.provider === 'local') perTilePx = LOCAL_TILE_BYTES_PER_PX;
  }
  const bytes = canvasPixels * CANVAS_BYTES_PER_PX + largestTilePixels * perTilePx;
  const budget = memoryBudgetBytes(env);
  if (bytes > budget) {
    throw new AppError({
      kind: 'too-large',
      message:
        `Filling this ${W}×${H} extension${spec?.provider === 'local' ? ' with the offline engine' : ''} would need about ${gb(bytes)} of memory; ` +
        `this computer allows ${gb(budget)} for one job. Extend less${spec?.provider === 'local' ? ', or use a cloud model (it works in smaller tiles)' : ''}.`,
      rule: 'memory',
    });
  }
  return { canvasPixels, largestTilePixels, bytes };
}

/** Several cloud candidates whose working canvases fit the memory budget together run side by side. */
export function inParallel(svc: { env: Record<string, string | undefined> }, req: OutpaintRequest, provider: string): boolean {
  if (req.n < 2 || provider === 'local') return false;
  return checkOutpaintBudget(req, svc.env).bytes * req.n <= memoryBudgetBytes(svc.env);
}
