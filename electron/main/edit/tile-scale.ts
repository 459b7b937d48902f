/**
 * A tile's pixels at the size its request is sent at, before the pre-fill: the model only ever sees
 * the request size, so filling the unknown part at full resolution (a 3733×1600 tile is 6 MP) was
 * work thrown away by the resize that followed. Colour and masks are scaled with a linear kernel;
 * a scaled pixel is unknown when any source pixel under it was (so no colour of the unknown part
 * leaks into what counts as known).
 */
import sharp from 'sharp';
import { AppError } from '../../../shared/errors';
import type { Window } from '../../../shared/pixels/box-filter';
import type { WindowedRgba } from '../../../shared/pixels/outpaint-masks';
import { checkProviderImage, type Size } from './provider-image';
import type { TilePixels } from './outpaint-tile-steps';

async function scaled(data: Uint8Array, from: Size, channels: 1 | 4, to: Size): Promise<Uint8Array> {
  let img = sharp(data, { raw: { width: from.width, height: from.height, channels } }).resize(to.width, to.height, {
    fit: 'fill',
    kernel: 'linear',
  });
  if (channels === 1) img = img.extractChannel(0); // libvips would write a grey mask as RGB
  const buf = await img.raw().toBuffer();
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

/** `p` at `size` (the same object when it already is that size). */
export async function tileAtSize(p: TilePixels, size: Size): Promise<TilePixels> {
  if (p.width === size.width && p.height === size.height) return p;
  const from = { width: p.width, height: p.height };
  // Scaled as 0/255 so that any unknown pixel under a scaled one leaves it non-zero; the job's
  // unknown map already is 0/255 (no 6 MP pass and no fresh 6 MB buffer for it).
  const unknown255 = is255(p.unknown) ? p.unknown : to255(p.unknown);
  const [rgba, unknownScaled, ask] = await Promise.all([
    scaled(p.rgba, from, 4, size),
    scaled(unknown255, from, 1, size),
    scaled(p.ask, from, 1, size),
  ]);
  const unknown = new Uint8Array(unknownScaled.length);
  for (let i = 0; i < unknown.length; i++) if (unknownScaled[i] > 0) unknown[i] = 1;
  return { width: size.width, height: size.height, rgba, unknown, ask };
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

/**
 * A provider's answer for a tile scaled to the tile's size, computed only inside `windows`: the
 * blend reads the result only where its weight is non-zero, which for an extension on both sides is
 * two strips, not the original between them. libvips evaluates on demand, so a resize followed by an
 * extract computes the extracted pixels only — the same values as the whole resize. Each window comes
 * back as its own buffer (no fresh tile-sized buffer: 24 MB for a 6 MP tile).
 */
export async function scaleTileWindows(
  bytes: Uint8Array,
  size: Size,
  windows: Window[],
  modelName: string,
  requested: Size,
): Promise<WindowedRgba> {
  const got = await checkProviderImage(bytes, requested, modelName);
  try {
    const parts = await Promise.all(
      windows.map(async (win) => {
        const part = await sharp(bytes, { limitInputPixels: got.width * got.height })
          .ensureAlpha()
          .resize(size.width, size.height, { fit: 'fill', kernel: 'lanczos3' })
          .extract({ left: win.x0, top: win.y0, width: win.x1 - win.x0, height: win.y1 - win.y0 })
          .raw()
          .toBuffer();
        return new Uint8Array(part.buffer, part.byteOffset, part.byteLength);
      }),
    );
    return { windows, parts };
  } catch (e) {
    throw new AppError({ kind: 'server', message: `${modelName} returned an image Maskwork could not decode.` }, { cause: e });
  }
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
