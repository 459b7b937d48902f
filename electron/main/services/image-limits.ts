/** Limits that protect main from decompression bombs and runaway memory. */
import { AppError } from '../../../shared/errors';

export const MAX_IMAGE_PIXELS = 150_000_000; // 150 MP: a 100 MP medium-format file opens, a 30000² bomb does not
export const MAX_IMAGE_EDGE = 30_000;
export const MAX_FILE_BYTES = 400 * 1024 * 1024;

/** Refuses (too-large) a size a file's header claims above the limits — checked before anything is decoded. */
export function refuseOversize(label: string, w: number, h: number): void {
  if (w * h > MAX_IMAGE_PIXELS || w > MAX_IMAGE_EDGE || h > MAX_IMAGE_EDGE) {
    throw new AppError({
      kind: 'too-large',
      message: `${label} claims to be ${w}×${h} (${((w * h) / 1e6).toFixed(0)} MP). Maskwork opens images up to ${MAX_IMAGE_PIXELS / 1e6} MP and ${MAX_IMAGE_EDGE} px per side, so it was not decoded.`,
    });
  }
}
