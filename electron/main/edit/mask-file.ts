/**
 * Reads a mask file (white, luminance > 127, = change) through main's bounded reader, checks it
 * matches the image size, and returns the PNG of its bounding box as the app's renderer would send it.
 */
import { basename } from 'node:path';
import sharp, { type OutputInfo } from 'sharp';
import { AppError } from '../../../shared/errors';
import { maskBBox } from './mask-input';
import { readRegularFile } from '../services/file-identity';
import { MAX_FILE_BYTES } from '../services/image-limits';

export async function readMaskFile(
  path: string,
  width: number,
  height: number,
): Promise<{ png: Uint8Array; rect: { x: number; y: number; width: number; height: number } }> {
  const { bytes } = await readRegularFile(path, MAX_FILE_BYTES);
  let data: Buffer;
  let info: OutputInfo;
  try {
    ({ data, info } = await sharp(bytes, { limitInputPixels: width * height + 1 })
      .autoOrient()
      .flatten({ background: '#000000' })
      .greyscale()
      .threshold(128) // 255 where luminance > 127, else 0 (in libvips: a JS loop took ~0.4 s on 24 MP)
      .raw()
      .toBuffer({ resolveWithObject: true }));
  } catch (e) {
    const meta = await sharp(bytes)
      .metadata()
      .catch(() => null);
    if (meta?.width && meta.height && (meta.width !== width || meta.height !== height))
      throw sizeMismatch(meta.width, meta.height, width, height);
    throw new AppError({ kind: 'bad-image', message: `The mask ${basename(path)} could not be read as an image.` }, { cause: e });
  }
  if (info.width !== width || info.height !== height) throw sizeMismatch(info.width, info.height, width, height);
  const bin = info.channels === 1 ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(width * height);
  if (info.channels !== 1) for (let i = 0; i < bin.length; i++) bin[i] = data[i * info.channels];
  const rect = maskBBox(bin, { x: 0, y: 0, width, height });
  if (!rect)
    throw new AppError({
      kind: 'invalid-request',
      message: 'The mask is empty (no pixel brighter than 127): nothing to change.',
      rule: 'mask',
    });
  const png = await sharp(Buffer.from(bin), { raw: { width, height, channels: 1 } })
    .extract({ left: rect.x, top: rect.y, width: rect.width, height: rect.height })
    .png()
    .toBuffer();
  return { png: new Uint8Array(png), rect };
}

function sizeMismatch(mw: number, mh: number, width: number, height: number): AppError {
  return new AppError({
    kind: 'invalid-request',
    message: `The mask is ${mw}×${mh} but the image is ${width}×${height}; they must be the same size.`,
    rule: 'mask size',
  });
}
