/**
 * Ctrl/⌘ J with a mask, as Photoshop's Layer via Copy with a selection: the new layer holds only the
 * masked part of what it copies (without a mask it copies all of it). In this app's layer model that
 * is a layer mask on the copy — the document mask over the layer's rectangle, times the layer's own
 * mask — so the copy's pixels outside the mask do not show, on screen, in every export and in Merge
 * down; the document mask itself stays, as Photoshop's selection does.
 */
import { maskFromArray, maskToArray, readMaskRegion, type TiledMask } from '../../shared/mask';
import type { DocState, PatchLayer } from '../../shared/document/schema';
import { getMask, putMask } from './blob-store';

type Rect = { x: number; y: number; width: number; height: number };

/**
 * The copy's layer mask: `docMask` over `rect` (document px), times `own` (the copied layer's mask,
 * rect-sized) when it has one. Null when it would hide all of the copy (nothing masked over it).
 */
export function viaCopyMask(docMask: TiledMask, rect: Rect, own: TiledMask | null): TiledMask | null {
  const values = readMaskRegion(docMask, rect);
  const mine = own ? maskToArray(own) : null;
  let any = false;
  for (let i = 0; i < values.length; i++) {
    if (mine) values[i] = Math.round((values[i] * mine[i]) / 255);
    if (values[i]) any = true;
  }
  return any ? maskFromArray(rect.width, rect.height, values) : null;
}

/**
 * The mask store id of the copy's layer mask for `layer` (or the original's rectangle), made from the
 * open document's mask; null when the mask covers none of it.
 */
export function viaCopyMaskId(doc: DocState, layer: Rect & Pick<Partial<PatchLayer>, 'maskId'>): string | null {
  const mask = viaCopyMask(getMask(doc.maskId), layer, layer.maskId ? getMask(layer.maskId) : null);
  return mask ? putMask(mask) : null;
}

/** Said when the mask covers none of the layer Ctrl+J would copy (Photoshop: "the selected area is empty"). */
export const viaCopyEmptyHint = (name: string): string =>
  `The mask covers none of “${name}”: nothing to copy. Ctrl+J with no mask (Ctrl+D clears it) copies the whole layer.`;
