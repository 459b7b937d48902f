/**
 * Opening an image: identify, check the header against the limits BEFORE decoding, decode fully once
 * to prove the file is intact, apply EXIF orientation for display, and store the original bytes as an
 * asset. Every failure becomes a clear `bad-image` / `too-large` message naming the file. A PSD opens
 * as its merged image, turned into a PNG with the PSD's metadata first (psd-import.ts).
 */
import { basename } from 'node:path';
import sharp from 'sharp';
import type { Metadata } from 'sharp';
import { AppError } from '../../../shared/errors';
import type { OpenedImage } from '../../../shared/ipc/contract-types';
import type { AssetStore } from './asset-store';
import { sniffImageFormat, type SniffedFormat } from './image-sniff';
import { MAX_FILE_BYTES, MAX_IMAGE_PIXELS, refuseOversize } from './image-limits';
import { flattenPsd } from './psd-import';
import { reachesJpegEnd, partialJpeg } from './jpeg-partial';
import { rememberDecoded, type DecodedImage } from './decoded-original';
import { decodeChecked, startCheck } from './image-check';
import { damageClause, FETCH_AGAIN, isCutShort } from './damage-words';
import { depthOf } from '../export/composite-raw';
import { exifFromTiff } from '../export/tiff-tags';
import { pngSourceMetadata } from '../export/png-source-metadata';

sharp.cache(false);

/**
 * `checkLater`: for files the renderer shows as they are (JPEG, upright PNG/WebP), return as soon as
 * the header is checked and run the full decode alongside the renderer's (`image:check` awaits it;
 * the asset is stored when it passes). Otherwise the decode happens here, before returning.
 * `openCutShort`: a JPEG that stops before its end opens as the part that is there (`cutShort` says
 * how much is missing; jpeg-partial.ts) — for the editor, where the user is told; a batch, with no
 * one to tell, refuses it as before.
 */
export async function importImage(
  store: AssetStore,
  bytes: Uint8Array,
  name: string,
  sourcePath?: string,
  opts: { checkLater?: boolean; openCutShort?: boolean; onStored?: (assetId: string) => Promise<void> } = {},
): Promise<OpenedImage> {
  const label = `“${basename(name)}”`;
  if (bytes.byteLength === 0) throw badImage(`${label} is empty (0 bytes). Choose another file.`);
  if (bytes.byteLength > MAX_FILE_BYTES)
    throw new AppError({ kind: 'too-large', message: `${label} is larger than ${MAX_FILE_BYTES / 2 ** 20} MB.` });
  const format = sniffImageFormat(bytes);
  if (!format) throw badImage(`${label} is not an image Maskwork can read (its contents are not JPEG, PNG, WebP, TIFF, GIF, AVIF or PSD).`);

  if (format === 'heif') {
    // sharp's prebuilt libvips decodes AV1 (AVIF) but not HEVC, for licensing reasons.
    throw badImage(
      `${label} is a HEIC/HEIF photo, which Maskwork cannot decode. Export it as JPEG or PNG first (Photos/Preview: File → Export).`,
    );
  }
  if (format === 'psd') {
    // The merged image, as a PNG with the PSD's metadata, is the original (psd-import.ts); the name stays x.psd.
    const psd = await flattenPsd(bytes, label);
    const img = await importDecodable(store, psd.png, 'png', label, name, sourcePath, opts);
    return {
      ...img,
      format: 'psd',
      psd: {
        layers: psd.layers,
        groups: psd.groups,
        ...(psd.maskworkResults === undefined ? {} : { maskworkResults: psd.maskworkResults }),
      },
    };
  }
  if (format === 'jpeg' && opts.openCutShort && !reachesJpegEnd(bytes)) {
    // Cut short: the part that is there opens, as a PNG original, with how much is missing (jpeg-partial.ts).
    const part = await partialJpeg(bytes);
    if (part) {
      const img = await importDecodable(store, part.png, 'png', label, name, sourcePath, { ...opts, checkLater: false });
      return { ...img, format: 'jpeg', cutShort: { missingRows: part.missingRows } };
    }
  }
  return importDecodable(store, bytes, format, label, name, sourcePath, opts);
}

/** A file libvips decodes: header checked against the limits, then decoded (or checked alongside the renderer). */
async function importDecodable(
  store: AssetStore,
  bytes: Uint8Array,
  format: Exclude<SniffedFormat, 'heif' | 'psd'>,
  label: string,
  name: string,
  sourcePath: string | undefined,
  opts: { checkLater?: boolean; onStored?: (assetId: string) => Promise<void> },
): Promise<OpenedImage> {
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (e) {
    // A file cut short before its image begins (an interrupted download or copy) is incomplete, not damaged.
    // The decoder's own words ("VipsJpeg: premature end of JPEG image") are not said: they name the library.
    throw badImage(
      isCutShort(e)
        ? `${label} is damaged or incomplete: the file ends before its ${format.toUpperCase()} image begins — an interrupted download or copy? ${FETCH_AGAIN}`
        : `${label} looks like a ${format.toUpperCase()} file but its header is damaged, so its picture cannot be read. ${FETCH_AGAIN}`,
      e,
    );
  }
  const w = meta.width ?? 0;
  const h = meta.height ?? 0;
  if (!w || !h) throw badImage(`${label} has no readable image size.`);
  refuseOversize(label, w, h);
  const orientation = meta.orientation ?? 1;
  const rotated = orientation >= 5;
  const width = rotated ? h : w;
  const height = rotated ? w : h;

  // Decode once, completely: a truncated or corrupt file fails here, not later in an export.
  let display: Uint8Array;
  let displayMime: OpenedImage['displayMime'];
  let decoded: DecodedImage | null = null;
  try {
    const decoder = sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'warning' });
    if ((orientation === 1 && (format === 'png' || format === 'webp')) || format === 'jpeg') {
      // The browser shows these files as they are and applies a JPEG's EXIF orientation itself
      // (createImageBitmap 'from-image'), so a rotated 24 MP camera JPEG needs no re-encode here.
      // The pixels are decoded the way edit prep wants them and kept for it (decoded-original.ts).
      if (opts.checkLater) {
        const assetId = store.idOf(bytes, 'img');
        const jpeg = format === 'jpeg' ? { width: w, height: h } : undefined;
        startCheck(store, assetId, bytes, { name: basename(name), sourcePath }, damaged(label), opts.onStored, jpeg);
        return {
          ...opened(assetId, name, width, height, format, orientation, meta, sourcePath, bytes),
          display: bytes,
          displayMime: mimeOf(format),
        };
      }
      decoded = await decodeChecked(bytes);
      display = bytes;
      displayMime = mimeOf(format);
    } else {
      display = new Uint8Array(await decoder.autoOrient().png({ compressionLevel: 1 }).toBuffer());
      displayMime = 'image/png';
    }
  } catch (e) {
    throw damaged(label)(e);
  }
  const assetId = await store.put(bytes, 'img', { name: basename(name), sourcePath });
  if (decoded) rememberDecoded(assetId, decoded);
  await opts.onStored?.(assetId);
  return { ...opened(assetId, name, width, height, format, orientation, meta, sourcePath, bytes), display, displayMime };
}

function opened(
  assetId: string,
  name: string,
  width: number,
  height: number,
  format: OpenedImage['format'],
  orientation: number,
  meta: Metadata,
  sourcePath: string | undefined,
  bytes: Uint8Array,
): Omit<OpenedImage, 'display' | 'displayMime'> {
  return {
    assetId,
    name: basename(name),
    width,
    height,
    format,
    orientation,
    hasIcc: !!meta.icc,
    hasExif: !!meta.exif || hasOwnExif(format, bytes),
    depth: depthOf(meta),
    ...(meta.space === 'cmyk' ? { colourModel: 'cmyk' as const } : {}),
    ...(isGrey(meta) ? { grey: true as const } : {}),
    sourcePath,
  };
}

/**
 * EXIF that libvips does not report: a TIFF's own EXIF tags, a PNG's eXIf chunk after the image data
 * or ImageMagick's "Raw profile type exif" (the export reads them the same way).
 */
function hasOwnExif(format: OpenedImage['format'], bytes: Uint8Array): boolean {
  if (format === 'tiff') return !!exifFromTiff(bytes);
  if (format === 'png') return !!pngSourceMetadata(bytes).exif;
  return false;
}

const mimeOf = (format: string): OpenedImage['displayMime'] =>
  format === 'jpeg' ? 'image/jpeg' : format === 'png' ? 'image/png' : 'image/webp';

const damaged = (label: string) => (e: unknown) => badImage(`${label} is damaged or incomplete: ${damageClause(e)} ${FETCH_AGAIN}`, e);

function badImage(message: string, cause?: unknown): AppError {
  return new AppError({ kind: 'bad-image', message }, { cause });
}

/** A greyscale file: sharp's grey spaces, or one channel (two with alpha) whatever the space says. */
export function isGrey(meta: Pick<Metadata, 'space' | 'channels'>): boolean {
  return meta.space === 'b-w' || meta.space === 'grey16' || (meta.channels !== undefined && meta.channels <= 2);
}
