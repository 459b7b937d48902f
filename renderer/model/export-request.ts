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
  if (layers)
    notes.push(
      `Opened ${img.name} as one flattened image (its layers merged into a single picture); ${layers} not imported as separate layers.`,
    );
  if (img.colourModel === 'cmyk') {
    notes.push(
      `${img.name} is a CMYK file: Maskwork edits it in RGB (${cmykConversion(img.hasIcc !== false)}), and exports are RGB with an sRGB profile.`,
    );
  }
  if (img.depth === 16) notes.push(`${img.name} has 16 bits per channel: PNG, TIFF and PSD exports keep 16 bits (the screen shows 8).`);
  return notes;
}

/**
 * "its 5 layers are", "its layer is", "its 12 layers in 3 groups are", and for Maskwork's own PSD
 * "its 3 layers (the Original, 1 kept result and the hidden mask) are" (it said "its layer is" for
 * those three); null for a PSD without layers.
 */
function psdLayersNote(psd: OpenedImage['psd']): string | null {
  // Maskwork's PSD of the photo alone (only its "Original"): nothing is left behind.
  if (!psd || (!psd.layers && !psd.groups) || psd.maskworkResults === 0) return null;
  const count = (n: number, one: string, many: string) => (n === 1 ? one : `${n} ${many}`);
  const results = psd.maskworkResults;
  if (results !== undefined && !psd.groups && psd.layers > results) {
    const kept = `${results} kept result${results === 1 ? '' : 's'}`;
    const own = psd.layers - results > 1 ? `the Original, ${kept} and the hidden mask` : `the Original and ${kept}`;
    return `its ${psd.layers} layers (${own}) are`;
  }
  if (!psd.groups) return `its ${count(psd.layers, 'layer is', 'layers are')}`;
  const groups = psd.groups === 1 ? 'one group' : `${psd.groups} groups`;
  if (!psd.layers) return `its ${groups} ${psd.groups === 1 ? 'is' : 'are'}`;
  return `its ${psd.layers === 1 ? 'one layer' : `${psd.layers} layers`} in ${groups} ${psd.layers === 1 ? 'is' : 'are'}`;
}
