/**
 * Opening a Photoshop file as a flat document. Its merged (composite) image — what Photoshop saves
 * beside the layers with "Maximize PSD and PSB File Compatibility" on — becomes a lossless PNG at the
 * file's depth (8 or 16 bits; RGB, or grey for a Grayscale file; with transparency when the file has
 * it) that carries the PSD's ICC profile (resource 1039), print resolution (1005), EXIF (1058,
 * orientation 1: a PSD's pixels are stored upright) and XMP (1060). importImage opens that PNG like
 * any other, so edits, exports, projects and the autosave treat it as every other original and keep
 * its metadata. Layers are counted for the message, never imported.
 *
 * The header's size is checked against the limits before anything is decoded; other colour modes,
 * 32-bit files, PSB files and files without a merged image get a message that says why.
 */
import { AppError } from '../../../shared/errors';
import { encodePng } from '../export/png-encode';
import { PSD_COLOUR_MODES, PsdReadError, psdHeader, psdLayout, psdMergedPlanes, type PsdLayout } from '../export/psd-reader';
import { exifWithOrientation1 } from '../export/tiff-tags';
import { refuseOversize } from './image-limits';

export interface FlattenedPsd {
  /** The merged image as a PNG, with the PSD's metadata. */
  png: Uint8Array;
  /** Layers (groups and their end markers not counted) and groups the file has; none is imported. */
  layers: number;
  groups: number;
  /** A PSD Maskwork wrote: how many of its layers are kept results (the others: "Original", the hidden mask). */
  maskworkResults?: number;
}

/** Resource ids (Adobe's "Image Resource IDs"). */
const RESOLUTION = 1005;
const ICC = 1039;
const EXIF = 1058;
const XMP = 1060;
/** Version info: Photoshop writes it (ImageMagick and Maskwork's own writer do not). */
const VERSION_INFO = 1057;

export async function flattenPsd(bytes: Uint8Array, label: string): Promise<FlattenedPsd> {
  const header = readOrDamaged(label, () => psdHeader(bytes));
  if (header.version === 2) {
    throw badImage(
      `${label} is a Large Document Format (PSB) file, which Maskwork does not open. Save it as a PSD (Photoshop: File → Save a Copy), TIFF or PNG.`,
    );
  }
  if (header.version !== 1) throw badImage(`${label} is a Photoshop file of an unknown version (${header.version}).`);
  const mode = PSD_COLOUR_MODES[header.mode];
  if (header.mode !== 3 && header.mode !== 1) {
    throw badImage(
      `${label} is a ${mode ?? `colour mode ${header.mode}`} PSD. Maskwork opens RGB and Grayscale PSDs of 8 or 16 bits per channel: convert it in Photoshop (Image → Mode → RGB Color) and save it again.`,
    );
  }
  if (header.depth !== 8 && header.depth !== 16) {
    throw badImage(
      `${label} is a ${header.depth}-bit ${mode} PSD. Maskwork opens PSDs of 8 or 16 bits per channel: convert it in Photoshop (Image → Mode → 16 Bits/Channel) and save it again.`,
    );
  }
  const { width, height, depth } = header;
  if (!width || !height) throw badImage(`${label} has no readable image size.`);
  refuseOversize(label, width, height);
  const colours = header.mode === 3 ? 3 : 1;
  if (header.channels < colours) throw damaged(label, `it has ${header.channels} channel(s) for ${mode}`);

  const layout = readOrDamaged(label, () => psdLayout(bytes, header));
  if (!layout.realMergedImage || layout.mergedAt === null) {
    const incomplete = layout.mergedAt === null ? ' (or the file is incomplete)' : '';
    throw badImage(
      `${label} has no merged image: it was saved with “Maximize PSD and PSB File Compatibility” off${incomplete}, and Maskwork opens a PSD's merged image — it does not combine the layers itself. Save it again with that option on (Photoshop: Settings → File Handling), or save a TIFF or PNG.`,
    );
  }
  // A negative layer count says the first extra channel is the merged image's transparency; other extra channels are selections.
  const alpha = layout.layerCount < 0 && header.channels > colours;
  const wanted = [...Array(colours).keys(), ...(alpha ? [colours] : [])];
  let planes: Buffer[];
  try {
    planes = await psdMergedPlanes(bytes, layout, wanted);
  } catch (e) {
    if (e instanceof PsdReadError) throw damaged(label, e.message, e);
    throw e;
  }
  if (alpha && layout.resources.has(VERSION_INFO)) removeWhiteMatte(planes, depth);
  const png = await encodePng(interleaved(planes, width, height, depth), metadataOf(layout));
  const own = layout.maskworkResults === undefined ? {} : { maskworkResults: layout.maskworkResults };
  return { png, layers: layout.layers, groups: layout.groups, ...own };
}

function metadataOf(layout: PsdLayout): { icc?: Uint8Array; exif?: Uint8Array; xmp?: string; dpi?: number } {
  const r = layout.resources;
  const res = r.get(RESOLUTION);
  // ResolutionInfo: horizontal resolution as 16.16 fixed-point pixels per inch (whatever unit it is shown in).
  const dpi = res && res.byteLength >= 16 ? Buffer.from(res.buffer, res.byteOffset, 4).readUInt32BE(0) / 65536 : 0;
  const icc = r.get(ICC);
  const exif = r.get(EXIF);
  const xmp = r.get(XMP);
  return {
    ...(icc?.byteLength ? { icc } : {}),
    ...(exif?.byteLength ? { exif: exifWithOrientation1(exif) } : {}),
    ...(xmp?.byteLength ? { xmp: Buffer.from(xmp).toString('utf8').replace(/\0+$/, '') } : {}),
    ...(dpi > 0 ? { dpi } : {}),
  };
}

/**
 * Photoshop stores a transparent merged image blended over white; the colour is taken back out where
 * alpha is partial (as ag-psd and psd-tools read it). Only for files with Photoshop's version info:
 * ImageMagick 6 and Maskwork's writer before it wrote that resource store the colour as it is, which
 * this would turn dark. Maskwork's writer now stores it as Photoshop does, with the version info.
 */
function removeWhiteMatte(planes: Buffer[], depth: 8 | 16): void {
  const a = planes[planes.length - 1];
  const colours = planes.slice(0, -1);
  if (depth === 8) {
    for (let i = 0; i < a.byteLength; i++) {
      const al = a[i];
      if (al === 0 || al === 255) continue;
      for (const p of colours) p[i] = Math.max(0, Math.min(255, Math.round((255 * (p[i] - 255 + al)) / al)));
    }
    return;
  }
  for (let i = 0; i < a.byteLength; i += 2) {
    const al = a.readUInt16BE(i);
    if (al === 0 || al === 65535) continue;
    for (const p of colours) {
      const v = Math.round((65535 * (p.readUInt16BE(i) - 65535 + al)) / al);
      p.writeUInt16BE(Math.max(0, Math.min(65535, v)), i);
    }
  }
}

/** Planar big-endian samples → the PNG encoder's interleaved rows, made per band as it asks for them. */
function interleaved(planes: Buffer[], width: number, height: number, depth: 8 | 16) {
  const n = planes.length;
  const bytes = depth / 8;
  return {
    width,
    height,
    depth,
    channels: n as 1 | 2 | 3 | 4,
    rows(y0: number, y1: number): Uint8Array {
      const out = Buffer.allocUnsafe((y1 - y0) * width * n * bytes);
      planes.forEach((p, k) => {
        if (bytes === 1) {
          for (let i = y0 * width, o = k; i < y1 * width; i++, o += n) out[o] = p[i];
        } else {
          for (let i = y0 * width, o = 2 * k; i < y1 * width; i++, o += 2 * n) {
            out[o] = p[2 * i];
            out[o + 1] = p[2 * i + 1];
          }
        }
      });
      return out;
    },
  };
}

function readOrDamaged<T>(label: string, read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof PsdReadError) throw damaged(label, e.message, e);
    throw e;
  }
}

function badImage(message: string, cause?: unknown): AppError {
  return new AppError({ kind: 'bad-image', message }, { cause });
}

const damaged = (label: string, reason: string, cause?: unknown) =>
  badImage(`${label} is damaged or incomplete and cannot be opened (${reason}).`, cause);
