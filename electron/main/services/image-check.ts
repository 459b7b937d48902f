/**
 * The decode that proves an opened file intact, started at once and awaited separately: the
 * renderer decodes the display bytes meanwhile (on another core) and adopts the document only when
 * both succeed, so a truncated file still fails at open — never later in an export — and the
 * document stays untouched. The asset is stored only when the check passes.
 *
 * A JPEG is checked by a decode at 1/8 scale (libjpeg's scaled IDCT): every entropy-coded block is
 * still read — a truncated or corrupt file fails with the same libjpeg warning as a full decode —
 * for about a third of the time and without a 96 MB buffer. The full decode edit prep reuses is
 * then made just after the document is shown (decoded-original.ts).
 */
import sharp from 'sharp';
import { AppError } from '../../../shared/errors';
import type { AssetStore } from './asset-store';
import { decodeSoon, rememberDecoded, type DecodedImage } from './decoded-original';
import { MAX_IMAGE_PIXELS } from './image-limits';

/** Decodes completely (any libvips warning fails) to the upright RGBA edit prep uses. */
export async function decodeChecked(bytes: Uint8Array): Promise<DecodedImage> {
  const { data, info } = await sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'warning' })
    .autoOrient()
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, rgba: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
}

/** Proves a JPEG intact without keeping its pixels: a complete decode at 1/8 scale (shrink-on-load). */
export async function checkJpegIntact(bytes: Uint8Array, width: number, height: number): Promise<void> {
  await sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'warning' })
    .resize({ width: Math.max(1, Math.floor(width / 8)), height: Math.max(1, Math.floor(height / 8)), fit: 'fill' })
    .raw()
    .toBuffer();
}

/** After a reduced check: the full decode waits this long (the renderer shows the document meanwhile). */
const FULL_DECODE_DELAY_MS = 300;

const pending = new Map<string, Promise<AppError | null>>();

/** Starts the check of an opened file; its asset is stored (under `assetId`) once the file decodes. */
export function startCheck(
  store: AssetStore,
  assetId: string,
  bytes: Uint8Array,
  meta: { name: string; sourcePath?: string },
  damaged: (e: unknown) => AppError,
  onStored?: (assetId: string) => Promise<void>,
  /** A JPEG (stored size, before orientation): checked by a reduced decode. */
  jpeg?: { width: number; height: number },
): void {
  const run = async (): Promise<AppError | null> => {
    let decoded: DecodedImage | null = null;
    try {
      if (jpeg) await checkJpegIntact(bytes, jpeg.width, jpeg.height);
      else decoded = await decodeChecked(bytes);
    } catch (e) {
      return damaged(e);
    }
    const id = await store.put(bytes, 'img', meta);
    if (id !== assetId) return new AppError({ kind: 'internal', message: 'The stored image does not match its id.' });
    await onStored?.(assetId);
    if (decoded) rememberDecoded(assetId, decoded);
    else decodeSoon(assetId, () => decodeChecked(bytes), FULL_DECODE_DELAY_MS);
    return null;
  };
  pending.set(
    assetId,
    run().catch((e) => new AppError({ kind: 'io', message: `The image could not be stored (${e instanceof Error ? e.message : e}).` })),
  );
}

/** Waits for the check of `assetId`; throws its bad-image error. An id checked before passes if stored. */
export async function awaitCheck(store: AssetStore, assetId: string): Promise<{ checked: true }> {
  const p = pending.get(assetId);
  if (p !== undefined) {
    const err = await p;
    pending.delete(assetId);
    if (err) throw err;
    return { checked: true };
  }
  if (await store.assetExists(assetId)) return { checked: true };
  throw new AppError({ kind: 'not-found', message: 'No image is being opened under that id.' });
}
