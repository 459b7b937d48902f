/**
 * What an export sends to main, from the document alone (pure): every layer with its name, hidden
 * flag, opacity and layer mask asset (a PSD keeps hidden layers hidden; flat formats leave them out),
 * and the edit record's models — plus the prompts only when the user opted in. Also the notes shown
 * when a file opens (16-bit, CMYK).
 */
import type { DocState } from '../../shared/document/schema';
import { layerOpacity, layerVisible } from '../../shared/document/schema';
import type { OpenedImage } from '../../shared/ipc/contract-types';
import { cmykConversion } from '../../shared/document/cmyk-conversion';
import type { RequestOf } from '../../shared/ipc/contract';

export type ExportFormat = 'png' | 'jpeg' | 'webp' | 'tiff' | 'psd';

export interface ExportOptions {
  tiffCompression?: 'deflate' | 'lzw';
  /** Write the prompts of the visible results into the file's XMP edit record. */
  includePrompts?: boolean;
  /** JPEG from a JPEG original: false re-encodes the whole picture (default: keep the original's data outside the edit). */
  jpegKeepOriginal?: boolean;
}

export function exportRequest(
  doc: DocState,
  hiddenOnScreen: Readonly<Record<string, true>>,
  format: ExportFormat,
  opts: ExportOptions,
): RequestOf<'image:export'> {
  const layers = doc.layers.map((l) => {
    const hidden = !layerVisible(l) || !!hiddenOnScreen[l.id];
    const opacity = layerOpacity(l);
    return {
      assetId: l.assetId,
      x: l.x,
      y: l.y,
      name: l.name.slice(0, 255),
      ...(hidden ? { hidden: true } : {}),
      ...(opacity < 1 ? { opacity } : {}),
      ...(l.maskAssetId ? { maskAssetId: l.maskAssetId } : {}),
    };
  });
  const visible = new Set(doc.layers.filter((_l, i) => !layers[i].hidden).map((l) => l.id));
  const made = doc.versions.filter((v) => visible.has(v.layerId));
  const prompts = opts.includePrompts ? [...new Set(made.map((v) => v.prompt.slice(0, 32_000)).filter((p) => p.trim()))] : [];
  return {
    canvas: doc.canvas,
    layers: [{ assetId: doc.original.assetId, x: doc.original.x, y: doc.original.y }, ...layers],
    format,
    ...(format === 'tiff' && opts.tiffCompression ? { tiffCompression: opts.tiffCompression } : {}),
    ...(format === 'jpeg' && opts.jpegKeepOriginal === false ? { jpegKeepOriginal: false } : {}),
    provenance: { models: [...new Set(made.map((v) => v.model))], ...(prompts.length ? { prompts } : {}) },
  };
}

/** Whether exporting `doc` as `format` drops bits: a 16-bit document to JPEG or WebP. */
export function losesDepth(doc: DocState | null, format: ExportFormat): boolean {
  return doc?.original.depth === 16 && (format === 'jpeg' || format === 'webp');
}

export function openNotes(img: Pick<OpenedImage, 'name' | 'depth' | 'colourModel' | 'psd'> & { hasIcc?: boolean }): string[] {
  const notes: string[] = [];
  const layers = psdLayersNote(img.psd);
  if (layers) notes.push(`${img.name} has ${layers}; Maskwork opened the flattened image (its layers are not imported).`);
  if (img.colourModel === 'cmyk') {
    notes.push(
      `${img.name} is a CMYK file: Maskwork edits it in RGB (${cmykConversion(img.hasIcc !== false)}), and exports are RGB with an sRGB profile.`,
    );
  }
  if (img.depth === 16) notes.push(`${img.name} has 16 bits per channel: PNG, TIFF and PSD exports keep 16 bits (the screen shows 8).`);
  return notes;
}

/**
 * What to say of a JPEG that stops before its end (main opened the part that is there, the rest grey):
 * how many rows are missing, and that an export has them grey too — it was refused outright.
 */
export function cutShortNote(img: Pick<OpenedImage, 'name' | 'orientation' | 'cutShort'>): string | null {
  if (!img.cutShort) return null;
  const n = img.cutShort.missingRows;
  const rows = n === 1 ? '1 row' : `${n} rows`;
  const are = n === 1 ? 'is' : 'are';
  const where = (img.orientation ?? 1) === 1 ? `the bottom ${rows} ${are} missing` : `${rows} of its picture ${are} missing`;
  const why = 'the file stops before its end (an interrupted download or copy?)';
  if (!n) return `${img.name} is damaged: ${why}, so its picture may be coarse or incomplete. Maskwork opened what it holds.`;
  return `${img.name} is damaged: ${where} — ${why}. Maskwork opened the rest, with those rows grey; exports have them grey too.`;
}

/**
 * "5 layers", "12 layers in 3 groups", and for Maskwork's own PSD "3 layers (the Original, 1 kept
 * result and the hidden mask)"; null when opening the flattened image leaves nothing behind: no
 * layers, a single layer (or only a background) — that layer is the photo, as Photoshop opens it
 * (it said "its layer is not imported as separate layers") — or Maskwork's PSD of the Original alone.
 */
function psdLayersNote(psd: OpenedImage['psd']): string | null {
  if (!psd || psd.layers <= 1 || psd.maskworkResults === 0) return null;
  const results = psd.maskworkResults;
  if (results !== undefined && !psd.groups && psd.layers > results) {
    const kept = `${results} kept result${results === 1 ? '' : 's'}`;
    const own = psd.layers - results > 1 ? `the Original, ${kept} and the hidden mask` : `the Original and ${kept}`;
    return `${psd.layers} layers (${own})`;
  }
  if (!psd.groups) return `${psd.layers} layers`;
  return `${psd.layers} layers in ${psd.groups === 1 ? 'one group' : `${psd.groups} groups`}`;
}
