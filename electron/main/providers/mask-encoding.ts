/**
 * Converts the pipeline's edit mask (8-bit, row-major, 255 = change) into each provider's wire
 * convention. Any non-zero mask value counts as editable: the feathered rim belongs to the edit, so
 * the model may repaint it, and the pipeline composites the result back with the soft mask anyway.
 */
import sharp from 'sharp';
import { AppError } from '../../../shared/errors';
import { alphaMaskPng, alphaMaskPngOff } from './alpha-mask-png';

/** Width and height of a mask in pixels. */
export interface MaskSize {
  width: number;
  height: number;
}

function checkMask(mask: Uint8Array, size: MaskSize): void {
  const expected = size.width * size.height;
  if (!Number.isInteger(size.width) || !Number.isInteger(size.height) || size.width <= 0 || size.height <= 0 || mask.length !== expected) {
    throw new AppError({
      kind: 'invalid-request',
      message: `The edit mask has ${mask.length} values but the region is ${size.width}×${size.height} (${expected} pixels).`,
      rule: 'mask size must equal width × height',
    });
  }
}

/**
 * Wire masks made ahead, by mask array and convention: an outpaint tile's request mask is prepared
 * before Generate and sent again for every candidate (issue 16), so its PNG is made once, off the
 * path. Only masks given to {@link makeMaskAhead} are kept, and only while the array lives.
 */
type Convention = 'alpha' | 'black-white';
const madeAhead: Record<Convention, WeakMap<Uint8Array, { width: number; height: number; png: Promise<Buffer> }>> = {
  alpha: new WeakMap(),
  'black-white': new WeakMap(),
};

function ahead(convention: Convention, mask: Uint8Array, size: MaskSize): Promise<Buffer> | undefined {
  const m = madeAhead[convention].get(mask);
  return m && m.width === size.width && m.height === size.height ? m.png : undefined;
}

/**
 * Makes `mask`'s wire PNG now, for a request that will be sent later (maybe more than once). The
 * caller promises never to change `mask` afterwards: the PNG is found by the array itself.
 */
export function makeMaskAhead(convention: Convention, mask: Uint8Array, size: MaskSize): Promise<Buffer> {
  const made = ahead(convention, mask, size);
  if (made !== undefined) return made;
  // Deflated off main's thread: made ahead, main goes on meanwhile (an outpaint tile's pre-fill).
  const png = convention === 'alpha' ? alphaOff(mask, size) : toBlackWhiteMaskPng(mask, size);
  madeAhead[convention].set(mask, { width: size.width, height: size.height, png });
  png.catch(() => madeAhead[convention].delete(mask)); // a mask that failed is made (and refused) again when sent
  return png;
}

/** The OpenAI mask's rows filtered now, on this thread, and deflated on libuv's pool. */
function alphaOff(mask: Uint8Array, size: MaskSize): Promise<Buffer> {
  try {
    checkMask(mask, size);
  } catch (e) {
    return Promise.reject(e);
  }
  return alphaMaskPngOff(mask, size.width, size.height);
}

/**
 * OpenAI convention: an RGBA PNG of exactly `size`, black, where editable pixels have alpha 0 and
 * pixels to keep have alpha 255.
 */
export async function toOpenAIMaskPng(mask: Uint8Array, size: MaskSize): Promise<Buffer> {
  const made = ahead('alpha', mask, size);
  if (made !== undefined) return made;
  checkMask(mask, size);
  return alphaMaskPng(mask, size.width, size.height);
}

/**
 * Gemini convention (an extra image described in the prompt): an opaque RGB PNG of exactly `size`,
 * white where the model may change pixels and black where it must keep them.
 */
export async function toBlackWhiteMaskPng(mask: Uint8Array, size: MaskSize): Promise<Buffer> {
  const made = ahead('black-white', mask, size);
  if (made !== undefined) return made;
  checkMask(mask, size);
  const rgb = Buffer.alloc(mask.length * 3);
  for (let i = 0; i < mask.length; i++) if (mask[i] > 0) rgb.fill(255, i * 3, i * 3 + 3);
  return sharp(rgb, { raw: { width: size.width, height: size.height, channels: 3 } })
    .png({ compressionLevel: 2 })
    .toBuffer();
}

/** MIME type of encoded image bytes from their magic number (PNG when unknown). */
export function imageMime(bytes: Uint8Array): 'image/png' | 'image/jpeg' | 'image/webp' {
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'image/jpeg';
  if (bytes[0] === 0x52 && bytes[1] === 0x49 && bytes[8] === 0x57 && bytes[9] === 0x45) return 'image/webp';
  return 'image/png';
}
