/**
 * What a provider's image must be before main decodes it: an image (by its header), no larger than
 * four times the requested pixels (a 16000×16000 answer is refused from its header, before any
 * decoding), and of the requested shape — at least half the requested width and height and within
 * 3 % of its aspect, so a 16×16 or a distorted answer is refused rather than stretched over the photo.
 */
import sharp, { type Metadata } from 'sharp';
import { AppError } from '../../../shared/errors';

export interface Size {
  width: number;
  height: number;
}

/** Tolerated aspect difference (Gemini's tier sizes round to its own grid). */
const ASPECT_TOLERANCE = 0.03;

/** Reads the image header and refuses an answer that is not an image, too large, or of the wrong size. */
export async function checkProviderImage(bytes: Uint8Array, requested: Size, modelName: string, model?: string): Promise<Size> {
  let meta: Partial<Metadata>;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    meta = {};
  }
  const { width, height } = meta;
  if (!width || !height)
    throw new AppError({ kind: 'server', message: `${modelName} answered with something that is not an image; nothing was kept.`, model });
  const asked = `${requested.width}×${requested.height}`;
  if (width * height > 4 * requested.width * requested.height) {
    throw new AppError({
      kind: 'too-large',
      message: `${modelName} returned a ${width}×${height} image for a ${asked} request; it was refused without decoding and nothing was kept.`,
      model,
    });
  }
  const aspectOff = Math.abs(width / height / (requested.width / requested.height) - 1);
  if (width * 2 < requested.width || height * 2 < requested.height || aspectOff > ASPECT_TOLERANCE) {
    throw new AppError({
      kind: 'server',
      message: `${modelName} returned a ${width}×${height} image for a ${asked} request; it was refused rather than stretched. Try again.`,
      model,
    });
  }
  return { width, height };
}
