/**
 * Layer transitions: pure `DocState → DocState` functions the layer commands pass to `commit`, so
 * each action is one undo step. They return `doc` itself when nothing would change (no empty
 * history steps). `doc.layers[0]` is the lowest patch (just above the original); the panel lists
 * them top first.
 */
import { layerHasMask, layerOpacity, layerVisible, type DocState, type PatchLayer } from '../../shared/document/schema';
import { firstFreeName } from './version-logic';

export const LAYER_NAME_MAX = 200;

function update(doc: DocState, layerId: string, change: (l: PatchLayer) => PatchLayer): DocState {
  const i = doc.layers.findIndex((l) => l.id === layerId);
  if (i < 0) return doc;
  const next = change(doc.layers[i]);
  if (next === doc.layers[i]) return doc;
  const layers = doc.layers.slice();
  layers[i] = next;
  return { ...doc, layers };
}

/** Shows or hides a layer (on screen and in every output). */
export function setLayerVisible(doc: DocState, layerId: string, visible: boolean): DocState {
  return update(doc, layerId, (l) => (layerVisible(l) === visible ? l : { ...l, visible }));
}

/** Sets the opacity (0…1, clamped; not-a-number leaves the layer as it is). */
export function setLayerOpacity(doc: DocState, layerId: string, opacity: number): DocState {
  if (!Number.isFinite(opacity)) return doc;
  const o = Math.min(1, Math.max(0, opacity));
  return update(doc, layerId, (l) => (layerOpacity(l) === o ? l : { ...l, opacity: o }));
}

/** Renames a layer; blank names (after trimming) are refused, long ones cut to LAYER_NAME_MAX. */
export function renameLayer(doc: DocState, layerId: string, name: string): DocState {
  const n = name.replace(/\s+/g, ' ').trim().slice(0, LAYER_NAME_MAX);
  if (!n) return doc;
  return update(doc, layerId, (l) => (l.name === n ? l : { ...l, name: n }));
}

/** Moves a layer to `toIndex` in `doc.layers` (0 = lowest, just above the original), clamped. */
export function moveLayer(doc: DocState, layerId: string, toIndex: number): DocState {
  const from = doc.layers.findIndex((l) => l.id === layerId);
  if (from < 0) return doc;
  const to = Math.min(doc.layers.length - 1, Math.max(0, Math.round(toIndex)));
  if (to === from) return doc;
  const layers = doc.layers.slice();
  const [l] = layers.splice(from, 1);
  layers.splice(to, 0, l);
  return { ...doc, layers };
}

/** Removes a layer (the same transition the version strip uses). */
export { deleteLayer } from './version-logic';

/** "<name> copy" ("<name> copy 2" for the second copy, as in Photoshop), cut to fit. */
export function copyName(name: string, n = 1): string {
  const suffix = n > 1 ? ` copy ${n}` : ' copy';
  return `${name.slice(0, LAYER_NAME_MAX - suffix.length)}${suffix}`;
}

/**
 * The name of a copy of a layer called `name`, as Photoshop names it: "X" gives "X copy", and a copy
 * of a copy counts on — "X copy" gives "X copy 2", "X copy 2" gives "X copy 3" (it gave "X copy
 * copy") — skipping names another layer has.
 */
export function duplicateName(name: string, layers: readonly { name: string }[]): string {
  const m = / copy(?: ([1-9]\d{0,5}))?$/.exec(name);
  if (!m || m.index === 0) return firstFreeName((n) => copyName(name, n), layers);
  const base = name.slice(0, m.index);
  const from = m[1] ? Number(m[1]) + 1 : 2;
  return firstFreeName((n) => copyName(base, n + from - 1), layers);
}

/**
 * Puts a copy of a layer right above it: same pixels (the asset is shared, it is immutable), same
 * properties and the same layer mask (masks are immutable too, so sharing the id is a copy) — or,
 * given `maskId` (Layer via Copy with a mask), that layer mask instead.
 */
export function duplicateLayer(doc: DocState, layerId: string, newId: string, maskId?: string): DocState {
  const i = doc.layers.findIndex((l) => l.id === layerId);
  if (i < 0 || doc.layers.some((l) => l.id === newId)) return doc;
  const layers = doc.layers.slice();
  const { maskAssetId: _asset, ...from } = doc.layers[i];
  const copy = maskId ? { ...from, maskId } : doc.layers[i];
  layers.splice(i + 1, 0, { ...copy, id: newId, name: duplicateName(doc.layers[i].name, doc.layers) });
  return { ...doc, layers };
}

/** The Layers panel's id for the original's row (never a layer's: the original is not in `doc.layers`). */
export const ORIGINAL_ROW = 'original';

/**
 * Ctrl+J on the original (Photoshop's Layer via Copy on the Background): a kept layer holding all of
 * the original's pixels (`copy`, a patch main made of it), placed where the original sits, just above
 * it (under every kept layer, so the picture does not change). The original itself stays as it is.
 * `maskId`: its layer mask (Layer via Copy with a mask: only the masked part shows).
 */
export function addOriginalCopy(
  doc: DocState,
  copy: { assetId: string; width: number; height: number },
  newId: string,
  maskId?: string,
): DocState {
  if (doc.layers.some((l) => l.id === newId)) return doc;
  const layer: PatchLayer = {
    id: newId,
    name: duplicateName(doc.original.name, doc.layers),
    assetId: copy.assetId,
    x: doc.original.x,
    y: doc.original.y,
    width: copy.width,
    height: copy.height,
    ...(maskId ? { maskId } : {}),
  };
  return { ...doc, layers: [layer, ...doc.layers] };
}

/** The layer just below `layerId` (null for the lowest patch: the original is locked). */
export function layerBelow(doc: DocState, layerId: string): PatchLayer | null {
  const i = doc.layers.findIndex((l) => l.id === layerId);
  return i > 0 ? doc.layers[i - 1] : null;
}

/** The rectangle covering both layers (document px). */
export function unionRect(a: PatchLayer, b: PatchLayer): { x: number; y: number; width: number; height: number } {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y };
}

/**
 * Merge down: `layerId` and the layer below become one layer, `merged` — pixels the caller rendered
 * (the upper layer × its mask × its opacity over the lower one × its mask × its opacity), so the
 * merged layer is opaque-1, unmasked, visible, and keeps the lower layer's id and name.
 * Refused (doc returned) when there is no layer below or either layer is hidden.
 */
export function mergeDown(
  doc: DocState,
  layerId: string,
  merged: { assetId: string; x: number; y: number; width: number; height: number },
): DocState {
  const i = doc.layers.findIndex((l) => l.id === layerId);
  if (i <= 0) return doc;
  const below = doc.layers[i - 1];
  if (!layerVisible(doc.layers[i]) || !layerVisible(below)) return doc;
  const upper = doc.layers[i];
  // What it was made of, so a candidate kept as either layer still reads as kept (the newest kept at the end).
  const from = [...new Set([...(below.mergedFrom ?? []), below.assetId, ...(upper.mergedFrom ?? []), upper.assetId])].slice(-1024);
  const layer: PatchLayer = { id: below.id, name: below.name, ...merged, mergedFrom: from };
  const layers = doc.layers.slice();
  layers.splice(i - 1, 2, layer);
  return { ...doc, layers };
}

/** Why merge down is not possible for this layer right now, or null when it is. */
export function mergeDownRefusal(doc: DocState, layerId: string): string | null {
  const i = doc.layers.findIndex((l) => l.id === layerId);
  if (i < 0) return 'No such layer.';
  if (i === 0) return 'The lowest layer cannot be merged down: the original is locked.';
  if (!layerVisible(doc.layers[i]) || !layerVisible(doc.layers[i - 1])) return 'Show both layers to merge them.';
  return null;
}

/**
 * Gives a layer a new layer mask (a mask-store id, see the schema). The mask's PNG in main is stale
 * from here on, so `maskAssetId` is dropped; it is made again when the document leaves the renderer.
 */
export function setLayerMask(doc: DocState, layerId: string, maskId: string | null): DocState {
  return update(doc, layerId, (l) => {
    if ((l.maskId ?? null) === maskId && (maskId !== null || !layerHasMask(l))) return l;
    const { maskId: _m, maskAssetId: _a, ...rest } = l;
    return maskId === null ? rest : { ...rest, maskId };
  });
}

/** The layer a brush would paint the mask of: the target, if it still exists; null = the document mask. */
export function maskTargetLayer(doc: DocState | null, target: string | null): PatchLayer | null {
  if (!doc || target === null) return null;
  return doc.layers.find((l) => l.id === target) ?? null;
}

/**
 * The document as it leaves the renderer: every layer with a mask id gets the asset id of that
 * mask's PNG from `assets` (mask id → asset id). Throws when one is missing (a caller bug: the
 * masks must be uploaded first), so a document never goes out with a layer mask main cannot read.
 */
export function withMaskAssets(doc: DocState, assets: ReadonlyMap<string, string>): DocState {
  const fill = (l: PatchLayer): PatchLayer => {
    if (l.maskId === undefined) return l;
    const a = assets.get(l.maskId);
    if (!a) throw new Error(`The layer mask of "${l.name}" was not uploaded.`);
    return l.maskAssetId === a ? l : { ...l, maskAssetId: a };
  };
  // Unchanged records and lists stay the same objects: a project payload pools them by identity.
  const fillAll = (list: PatchLayer[]): PatchLayer[] => {
    const out = list.map(fill);
    return out.every((l, i) => l === list[i]) ? list : out;
  };
  const versions = doc.versions.map((v) => {
    const after = v.layersAfter && fillAll(v.layersAfter);
    return after === v.layersAfter ? v : { ...v, layersAfter: after };
  });
  const layers = fillAll(doc.layers);
  return layers === doc.layers && versions.every((v, i) => v === doc.versions[i]) ? doc : { ...doc, layers, versions };
}

/** Every layer mask id the document (and the layers its versions restore) uses. */
export function layerMaskIds(doc: DocState): string[] {
  const ids = new Set<string>();
  for (const l of doc.layers) if (l.maskId) ids.add(l.maskId);
  for (const v of doc.versions) for (const l of v.layersAfter ?? []) if (l.maskId) ids.add(l.maskId);
  return [...ids];
}

/** A layer as export and edit requests place it (after the layer masks got their assets: commands' `withLayerMaskAssets`). */
export function placedLayerFor(l: PatchLayer): { assetId: string; x: number; y: number; opacity?: number; maskAssetId?: string } {
  const o = layerOpacity(l);
  return { assetId: l.assetId, x: l.x, y: l.y, ...(o < 1 ? { opacity: o } : {}), ...(l.maskAssetId ? { maskAssetId: l.maskAssetId } : {}) };
}

/** The layers export and edit requests composite: the original, then every visible patch, bottom first. */
export function placedLayers(doc: DocState): Array<ReturnType<typeof placedLayerFor>> {
  return [{ assetId: doc.original.assetId, x: doc.original.x, y: doc.original.y }, ...doc.layers.filter(layerVisible).map(placedLayerFor)];
}

/**
 * Where a dragged layer row lands: `rows` are the patch rows as listed (top of the stack first) with
 * their vertical extents, `dragged` the listed index of the row being dragged, `y` the pointer.
 * Returns the listed index it ends at — the number of other rows whose middle is above the pointer.
 */
export function dropListIndex(rows: ReadonlyArray<{ top: number; bottom: number }>, dragged: number, y: number): number {
  let above = 0;
  rows.forEach((r, i) => {
    if (i !== dragged && (r.top + r.bottom) / 2 < y) above++;
  });
  return above;
}

/** `doc.layers` index of a row listed at `listIndex` (the panel lists the top of the stack first). */
export function stackIndexOfListed(layerCount: number, listIndex: number): number {
  return layerCount - 1 - listIndex;
}

/**
 * The layer Alt+[ (step -1, down the stack) or Alt+] (step +1, up) selects, as in Photoshop: the next
 * one from `selected`, staying at the bottom or top; with none selected, the top layer. Null when
 * there are no layers.
 */
export function adjacentLayerId(layers: readonly { id: string }[], selected: string | null, step: 1 | -1): string | null {
  if (layers.length === 0) return null;
  const at = layers.findIndex((l) => l.id === selected);
  if (at < 0) return layers[layers.length - 1].id;
  return layers[Math.min(layers.length - 1, Math.max(0, at + step))].id;
}
