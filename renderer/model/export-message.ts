import type { DocState } from './document-types';
import { isKept } from './version-logic';
import { hasExtension } from './outpaint-request';
import { layerHasMask, layerOpacity, layerVisible } from '../../shared/document/schema';

/** The toast after an export: size, depth, format, where, and what of the original's metadata went with it. */
export function exportedMessage(r: {
  width: number;
  height: number;
  depth?: number;
  format: string;
  path: string;
  keptIcc?: boolean;
  keptExif?: boolean;
  keptXmp?: boolean;
  editRecord?: boolean;
}): string {
  const depth = r.depth === 16 ? ' 16-bit' : '';
  // What the Export dialog promised (exportPromise), as far as it went into the file.
  const kept = [r.keptIcc ? 'colour profile' : null, r.keptExif ? 'EXIF' : null, r.keptXmp ? 'XMP' : null].filter((x): x is string => !!x);
  const list = kept.length > 1 ? `${kept.slice(0, -1).join(', ')} and ${kept[kept.length - 1]}` : (kept[0] ?? '');
  const parts = [list ? `${list} kept` : null, r.editRecord ? 'with an edit record of the AI models used' : null].filter(Boolean);
  return `Exported ${r.width}×${r.height}${depth} ${r.format.toUpperCase()} to ${r.path}${parts.length ? ` (${parts.join(', ')})` : ''}.`;
}

/**
 * The Export dialog's promise for this photo: what of the original goes with the file. It said
 * "EXIF, colour profile and XMP kept" for a photo that has no colour profile (or no EXIF) too, and
 * "XMP kept" for photos with no XMP.
 */
export function exportPromise(original: { hasIcc: boolean; hasExif: boolean } | null): string {
  // The renderer does not know whether the photo has XMP: "XMP kept" was promised for photos with none.
  const kept = [original?.hasExif !== false ? 'EXIF' : null, original?.hasIcc !== false ? 'colour profile' : null, 'XMP (if any)'].filter(
    (x): x is string => !!x,
  );
  const list = kept.length > 1 ? `${kept.slice(0, -1).join(', ')} and ${kept[kept.length - 1]}` : kept[0];
  const none = [original?.hasExif === false ? 'EXIF' : null, original?.hasIcc === false ? 'colour profile' : null].filter(Boolean);
  const absent = none.length ? ` (the photo has no ${none.join(' or ')})` : '';
  return `Full resolution, ${list} kept${absent}, with an edit record (AI models used), to a new file.`;
}

/**
 * Said under the quality slider when the export encodes every pixel again, lossily: WebP below 100,
 * and JPEG unless the original JPEG's data is kept where you did not edit. Nothing said so, while the
 * JPEG path promises the original's pixels outside the edit.
 */
export function lossyNote(format: string, quality: number, keepsOriginalJpeg: boolean): string | null {
  if (format === 'webp' && quality < 100)
    return 'WebP below quality 100 encodes every pixel again: the whole photo changes a little, not only where you edited. Quality 100, PNG or TIFF keep it exact.';
  if (format === 'jpeg' && !keepsOriginalJpeg)
    return 'This JPEG is encoded whole: the whole photo changes a little, not only where you edited. PNG or TIFF keep it exact.';
  return null;
}

/**
 * How many staged candidates the document does not have: a candidate kept with Keep as layer stays
 * in the strip, but it is a layer of the file (it was counted as "not kept").
 */
export function unkeptStaged(items: readonly { assetId: string }[], doc: DocState | null): number {
  return items.filter((c) => !isKept(doc, c.assetId)).length;
}

/**
 * Said in the Export dialog, and after an export, while candidates are staged: the file is the
 * document, which has none of them until one is kept. The candidate on screen was silently left out
 * (and a JPEG's note said "nothing visible was edited" under it).
 */
export function stagedNote(staged: number, all = staged): string | null {
  if (staged <= 0) return null;
  // Some kept with Keep as layer: "the other" ones are those not in the file.
  const which = staged < all ? ' other' : '';
  const what = staged === 1 ? `The${which} staged candidate is not kept` : `The ${staged}${which} staged candidates are not kept`;
  // Not "(Enter)": in the dialog Enter exports.
  return `${what}, so the file has the photo without ${staged === 1 ? 'it' : 'them'}. To have one in the file, keep it (Keep in the strip) before exporting.`;
}

/**
 * Said in the Export dialog, and after a flat export, while kept layers are hidden (their eye, or shown
 * alone with Alt+click): a flat file leaves them out, as the canvas does, and a PSD has them hidden. A
 * layer hidden to compare and forgotten went out of the PNG without a word: the file was the photo
 * without that edit, and the message only lost its "with an edit record".
 */
export function hiddenNote(format: string, doc: DocState | null, hiddenOnScreen: Readonly<Record<string, true>> = {}): string | null {
  const hidden = doc?.layers.filter((l) => !layerVisible(l) || !!hiddenOnScreen[l.id]) ?? [];
  const n = hidden.length;
  if (!n) return null;
  const what = n === 1 ? `The layer “${hidden[0].name}” is hidden` : `${n} layers are hidden`;
  const it = n === 1 ? 'it' : 'them';
  if (format === 'psd') return `${what}: the PSD has ${n === 1 ? 'it as a hidden layer' : 'them as hidden layers'}.`;
  const name = format === 'jpeg' ? 'JPEG' : format === 'webp' ? 'WebP' : format.toUpperCase();
  return `${what}, so the ${name} leaves ${it} out, as the canvas does: show ${it} (the eye in Layers) to have ${it} in the file.`;
}

/**
 * Said with "Saved X.maskwork" while candidates are staged and not kept: a project holds the
 * document, not the strip, so a paid candidate was dropped from it without a word.
 */
export function projectStagedNote(staged: number, all = staged): string | null {
  if (staged <= 0) return null;
  const which = staged < all ? ' other' : '';
  return staged === 1
    ? `The${which} staged candidate is not in the project: keep it first to save it.`
    : `The ${staged}${which} staged candidates are not in the project: keep the ones you want first (Keep as layer keeps more than one) to save them.`;
}

/**
 * The bit depth the chosen format writes, said in the Export dialog under the choice: PNG, TIFF and
 * PSD follow the original (8 or 16 bits per channel), JPEG and WebP hold 8. The choices said nothing
 * of it on screen (the tooltips of PNG, TIFF and PSD said "keeps 16 bits", an 8-bit original
 * included). Null for a 16-bit original to JPEG or WebP: the dialog's own note says what is lost.
 */
export function depthNote(format: string, depth: 8 | 16 | undefined): string | null {
  const name = format === 'jpeg' ? 'JPEG' : format === 'webp' ? 'WebP' : format.toUpperCase();
  if (format === 'jpeg' || format === 'webp') return depth === 16 ? null : `${name}: 8 bits per channel.`;
  return depth === 16
    ? `${name}: 16 bits per channel, as the original.`
    : `${name}: 8 bits per channel, as the original (a 16-bit original gives 16).`;
}

/**
 * Said in the Export dialog when JPEG is chosen and part of the canvas is transparent (an extension
 * not filled yet): JPEG has no alpha, so those pixels are exported over white, as Photoshop's JPEG
 * matte and the PSD's merged image have them (they were black bars, unsaid). A canvas-sized layer
 * kept before layers recorded their extension (an older project) counts as filling it.
 */
export function transparencyNote(format: string, doc: DocState | null): string | null {
  if (format !== 'jpeg' || !doc || !hasExtension(doc)) return null;
  const { width: W, height: H } = doc.canvas;
  if (
    doc.layers.some(
      (l) =>
        !l.extension &&
        layerVisible(l) &&
        layerOpacity(l) === 1 &&
        !layerHasMask(l) &&
        l.x <= 0 &&
        l.y <= 0 &&
        l.x + l.width >= W &&
        l.y + l.height >= H,
    )
  )
    return null;
  return 'Transparent areas (the unfilled extension) become white in JPEG; choose PNG, WebP, TIFF or PSD to keep them.';
}
