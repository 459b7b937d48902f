/**
 * Layer commands: each user action on a layer is ONE history step (the pure transitions are in
 * renderer/model/layer-logic.ts). Merge down renders its pixels in main (`layers:merge`) and commits
 * only if the document has not moved on meanwhile, so a slow merge never overwrites newer work.
 */
import { applyCoverage, createFullMask, rasterizeStroke } from '../../shared/mask';
import type { DocPoint } from '../../shared/geometry/point';
import { layerHasMask, layerOpacity, type PatchLayer } from '../../shared/document/schema';
import { api, errorInfo, unwrap } from './bridge';
import { getMask, putMask } from './blob-store';
import { adoptPatch, markKept } from './candidate-assets';
import {
  addOriginalCopy,
  deleteLayer,
  duplicateLayer,
  mergeDown,
  mergeDownRefusal,
  moveLayer,
  placedLayerFor,
  renameLayer,
  setLayerMask,
  setLayerOpacity,
  setLayerVisible,
} from '../model/layer-logic';
import { useEditor } from './store/store';
import type { BrushSettings } from './store/tools-slice';
import { withLayerMaskAssets } from './layer-mask-assets';
import { viaCopyEmptyHint, viaCopyMaskId } from './layer-via-copy';

const st = () => useEditor.getState();
const layerOf = (id: string): PatchLayer | undefined => st().doc?.layers.find((l) => l.id === id);

let idCounter = 1;
function newLayerId(): string {
  return `layer-${Date.now().toString(36)}-d${(idCounter++).toString(36)}`;
}

export function setLayerVisibleCmd(layerId: string, visible: boolean): void {
  const l = layerOf(layerId);
  if (!l) return;
  st().commit(`${visible ? 'Show' : 'Hide'} layer ${l.name}`, (d) => setLayerVisible(d, layerId, visible));
}

/** Opacity in percent (0–100), as typed in the panel. */
export function setLayerOpacityCmd(layerId: string, percent: number): void {
  const l = layerOf(layerId);
  if (!l || !Number.isFinite(percent)) return;
  const o = Math.round(Math.min(100, Math.max(0, percent))) / 100;
  if (o === layerOpacity(l)) return;
  st().commit(`Layer opacity ${Math.round(o * 100)} %`, (d) => setLayerOpacity(d, layerId, o));
}

/** The step the last number key made on a layer's opacity, for a second key that pairs with it. */
let digitStep: { doc: unknown; layerId: string } | null = null;

/**
 * The number keys with a tool that does not paint, as in Photoshop: the layer's opacity (`percent`).
 * A second digit that pairs with the first (4 then 5 = 45 %) amends the first's step while nothing
 * has changed since, so the pair is one undo step, as a typed value is.
 */
export function setLayerOpacityFromKey(layerId: string, percent: number, paired: boolean): void {
  const amend = paired && digitStep?.layerId === layerId && digitStep.doc === st().doc;
  digitStep = null;
  if (amend) st().undo();
  setLayerOpacityCmd(layerId, percent);
  if (!paired) digitStep = { doc: st().doc, layerId };
}

export function renameLayerCmd(layerId: string, name: string): void {
  st().commit('Rename layer', (d) => renameLayer(d, layerId, name));
}

/** Moves a layer to `toIndex` of `doc.layers` (0 = lowest). */
export function moveLayerCmd(layerId: string, toIndex: number): void {
  st().commit('Move layer', (d) => moveLayer(d, layerId, toIndex));
}

/** One step up (towards the top) or down in the stack. */
export function nudgeLayerCmd(layerId: string, dir: 1 | -1): void {
  const i = st().doc?.layers.findIndex((l) => l.id === layerId) ?? -1;
  if (i >= 0) moveLayerCmd(layerId, i + dir);
}

export function deleteLayerCmd(layerId: string): void {
  st().commit('Delete layer', (d) => deleteLayer(d, layerId));
}

export function duplicateLayerCmd(layerId: string): string | null {
  if (!layerOf(layerId)) return null;
  const id = newLayerId();
  st().commit('Duplicate layer', (d) => duplicateLayer(d, layerId, id));
  return id;
}

/**
 * Ctrl+J on a kept layer with a mask (Photoshop's Layer via Copy with a selection): a copy right above
 * it whose layer mask shows only the masked part (layer-via-copy.ts), one step. Says so and makes
 * nothing when the mask covers none of the layer.
 */
export function layerViaCopyCmd(layerId: string): string | null {
  const doc = st().doc;
  const l = layerOf(layerId);
  if (!doc || !l) return null;
  const maskId = viaCopyMaskId(doc, l);
  if (!maskId) {
    st().notify('info', viaCopyEmptyHint(l.name));
    return null;
  }
  const id = newLayerId();
  st().commit('Layer via Copy', (d) => duplicateLayer(d, layerId, id, maskId));
  return id;
}

/**
 * Ctrl+J on the original's row (Photoshop's Layer via Copy on the Background): a new kept layer that is
 * a copy of the original, just above it, as one step — made by main from the original's pixels; with
 * `masked` (Ctrl+J with a mask) its layer mask shows only the masked part, as the mask was when asked.
 * The original stays as it is (locked). Resolves the new layer's id, or null when nothing was made.
 */
export async function copyOriginalCmd(masked = false): Promise<string | null> {
  const s = st();
  const doc = s.doc;
  if (!doc || s.busy) return null;
  const maskId = masked ? viaCopyMaskId(doc, doc.original) : undefined;
  if (maskId === null) {
    s.notify('info', viaCopyEmptyHint(doc.original.name));
    return null;
  }
  s.setBusy('Copying the original…');
  try {
    const copy = await unwrap(api().layers.original({ original: doc.original.assetId }));
    await adoptPatch(copy.assetId, { png: copy.png });
    markKept(copy.assetId);
    // Another photo meanwhile: the copy belongs to the one asked about.
    const now = st().doc;
    if (!now || now.id !== doc.id || now.original.assetId !== doc.original.assetId) return null;
    const id = newLayerId();
    st().commit('Layer via Copy', (d) => addOriginalCopy(d, copy, id, maskId));
    return id;
  } catch (e) {
    const info = errorInfo(e);
    st().notify('error', `Copying the original failed: ${info.message}`, info.kind);
    return null;
  } finally {
    st().setBusy(null);
  }
}

/** Removes the layer mask (the whole layer shows again). */
export function removeLayerMaskCmd(layerId: string): void {
  st().commit('Remove layer mask', (d) => setLayerMask(d, layerId, null));
}

/**
 * Said when the brush paints on a layer mask that shows all of its layer already: it recorded a step
 * that changed nothing (in Photoshop, black paint hides; here the eraser does).
 */
export const NOTHING_TO_SHOW = 'All of this layer shows already: the brush brings back what the eraser (E) hid on its layer mask.';

/**
 * Paints a brush or eraser stroke (document px) on a layer's mask as one step: the eraser hides the
 * layer where it passes, the brush brings it back. A layer without a mask gets one (all shown) first,
 * in the same step.
 */
export function paintLayerMask(layerId: string, points: DocPoint[], brush: BrushSettings, erase: boolean): string | null {
  const l = layerOf(layerId);
  if (!l || !points.length) return null;
  const before = l.maskId ? getMask(l.maskId) : createFullMask(l.width, l.height);
  const local = points.map((p) => ({ x: p.x - l.x, y: p.y - l.y }));
  const next = applyCoverage(
    before,
    rasterizeStroke(local, { size: brush.size, hardness: brush.hardness }),
    erase ? 'subtract' : 'add',
    brush.opacity,
  );
  if (next === before && l.maskId) return l.maskId;
  if (next === before) {
    // The brush on a layer with no mask (all of it shows): nothing changes, and no step says otherwise.
    st().notify('info', NOTHING_TO_SHOW); // the store shows the same words once
    return null;
  }
  const id = putMask(next);
  st().commit(erase ? 'Eraser on layer mask' : 'Brush on layer mask', (d) => setLayerMask(d, layerId, id));
  return id;
}

/** Merge down (one step): the layer and the one below become one, rendered in main. */
export async function mergeDownCmd(layerId: string): Promise<void> {
  const s = st();
  const doc = s.doc;
  if (!doc || s.busy) return;
  const refusal = mergeDownRefusal(doc, layerId);
  if (refusal) {
    s.notify('info', refusal);
    return;
  }
  s.setBusy('Merging layers…');
  try {
    const out = await withLayerMaskAssets(doc);
    const i = out.layers.findIndex((l) => l.id === layerId);
    const merged = await unwrap(
      api().layers.merge({
        original: doc.original.assetId,
        lower: placedLayerFor(out.layers[i - 1]),
        upper: placedLayerFor(out.layers[i]),
      }),
    );
    await adoptPatch(merged.assetId, { png: merged.png });
    markKept(merged.assetId);
    if (st().doc !== doc) return; // the document moved on: never overwrite newer work
    const { png: _bytes, ...placed } = merged;
    st().commit('Merge down', (d) => mergeDown(d, layerId, placed));
  } catch (e) {
    const info = errorInfo(e);
    st().notify('error', `Merge down failed: ${info.message}`, info.kind);
  } finally {
    st().setBusy(null);
  }
}

/**
 * When the layer whose mask is painted goes (deleted, merged down, an undo past its Keep, another
 * document) or another layer without a mask is selected, painting goes back to the document mask with
 * the tool from before, as ◐ on the Mask row does (another layer with a mask: its mask is painted): the eraser the layer mask chose stayed, under "Painting: Document mask", and the next stroke
 * erased the document mask.
 */
export function installMaskTargetGuard(): () => void {
  return useEditor.subscribe((s, prev) => {
    if (s.maskTarget === null) return;
    if (!s.doc?.layers.some((l) => l.id === s.maskTarget)) return setMaskTargetCmd(null);
    // Another row selected while a layer mask is painted: painting follows the selection, as in
    // Photoshop — that layer's mask if it has one, else the document mask (the stroke after a click
    // on another row went to the mask of a layer no longer highlighted).
    if (s.selectedLayer === prev.selectedLayer || s.selectedLayer === s.maskTarget) return;
    const next = s.doc.layers.find((l) => l.id === s.selectedLayer);
    if (next && layerHasMask(next))
      s.setMaskTarget(next.id); // from mask to mask: the tool stays
    else setMaskTargetCmd(null);
  });
}

/** The tool before a layer mask was chosen, while the eraser it switched to is still the tool. */
let toolBeforeLayerMask: ReturnType<typeof st>['tool'] | null = null;

/** Which mask the brush and eraser paint: a layer's mask, or null for the document mask. */
export function setMaskTargetCmd(layerId: string | null): void {
  const s = st();
  if (layerId !== null && !layerOf(layerId)) return;
  const wasDocument = s.maskTarget === null;
  s.setMaskTarget(layerId);
  if (layerId !== null) {
    // Choosing a layer mask is about hiding part of that layer: the eraser does that (B brings it back).
    if (wasDocument) toolBeforeLayerMask = s.tool;
    s.setTool('eraser');
    return;
  }
  // Back on the document mask, the tool the layer mask switched away from comes back (the next stroke
  // erased the document mask), unless another tool was chosen meanwhile.
  if (toolBeforeLayerMask && st().tool === 'eraser') st().setTool(toolBeforeLayerMask);
  toolBeforeLayerMask = null;
}
