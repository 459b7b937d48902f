/**
 * Is the image chosen as "One mask for all" (or found by name beside a photo) a mask at all? A colour
 * photo picked by mistake is refused when it is chosen (a mask by name: that photo cannot be sent), with what a mask is. Decided by saturation, not by the channel count: a
 * grey mask saved as RGB (or as a JPEG, with a little chroma noise at its edges) is a mask.
 */
import { basename } from 'node:path';
import sharp from 'sharp';
import { AppError } from '../../../shared/errors';
import { readRegularFile } from '../services/file-identity';
import { MAX_FILE_BYTES, MAX_IMAGE_PIXELS } from '../services/image-limits';

/** A pixel whose channels differ by more than this (0–255) is coloured: well above JPEG's chroma noise on grey. */
const CHROMA = 24;
/** More than this share of coloured pixels is a photo, not a mask. */
const COLOURED_SHARE = 0.02;

/** The share of pixels of an RGB(A) raw buffer whose channels differ by more than {@link CHROMA}. */
export function colouredShare(px: Uint8Array, channels: number): number {
  if (channels < 3) return 0;
  const n = px.length / channels;
  let coloured = 0;
  for (let p = 0; p < px.length; p += channels) {
    const r = px[p];
    const g = px[p + 1];
    const b = px[p + 2];
    if (Math.max(r, g, b) - Math.min(r, g, b) > CHROMA) coloured++;
  }
  return n ? coloured / n : 0;
}

/** The message for a colour image chosen as a mask: what it is and what a mask is. */
export const notAMaskMessage = (name: string) =>
  `${name} is a colour photo, not a mask. A mask is a black-and-white (or grey) image the size of the photos: white marks the area to change, black what stays.`;

/** Throws when the image at `path` is in colour (or cannot be read as an image). */
export async function assertGreyMask(path: string): Promise<void> {
  const name = basename(path);
  let px: Uint8Array;
  let channels: number;
  try {
    const { bytes } = await readRegularFile(path, MAX_FILE_BYTES);
    // A small copy is enough to tell a photo from a mask (and cheap for a 40 MP file).
    const { data, info } = await sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS })
      .resize(256, 256, { fit: 'inside', withoutEnlargement: true })
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    px = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    channels = info.channels;
  } catch (e) {
    // Marked as the mask's (rule 'mask'): a batch leaves that photo out and sends the others.
    if (e instanceof AppError) throw new AppError({ ...e.info, rule: 'mask' }, { cause: e });
    throw new AppError({ kind: 'bad-image', message: `The mask ${name} could not be read as an image.`, rule: 'mask' }, { cause: e });
  }
  if (colouredShare(px, channels) > COLOURED_SHARE)
    throw new AppError({ kind: 'invalid-request', message: notAMaskMessage(name), rule: 'mask' });
}
