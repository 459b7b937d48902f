/**
 * Alt+click on an eye in the Layers panel, as in Photoshop: that row alone is shown — every other
 * layer hidden, and the original too (or, on the original's eye, every layer hidden) — and Alt+click
 * on the same eye again brings back what was shown before. Layers' visibility is in the document, so
 * each is one step, as a plain click on an eye is; the original's eye is the view's (it never enters
 * history), so the documents these steps make remember it, and undo and redo put it back with them.
 * Alt+click did what a click does (found by hand).
 */
import { layerVisible } from '../../shared/document/schema';
import type { DocState } from '../model/document-types';
import { ORIGINAL_ROW } from '../model/layer-logic';
import { useEditor } from './store/store';

const st = () => useEditor.getState();

/** The original's view-only eye in each document state a solo step made or left (undo and redo set it again). */
const originalHiddenAt = new WeakMap<DocState, boolean>();
/** The row shown alone, the document it was shown alone in and the visibility before. */
let solo: { id: string; after: DocState; before: DocState; originalHidden: boolean } | null = null;
let following = false;

function setOriginalHidden(hidden: boolean): void {
  if (!!st().hiddenLayers.original !== hidden) st().toggleLayer(ORIGINAL_ROW);
}

/** Undo and redo onto a state a solo made or left put the original's eye as it was there. */
function follow(): void {
  if (following) return;
  following = true;
  useEditor.subscribe((s, prev) => {
    if (s.doc !== prev.doc && s.doc && originalHiddenAt.has(s.doc)) setOriginalHidden(originalHiddenAt.get(s.doc)!);
  });
}

/** One step setting every layer's visibility (none when nothing changes), and the original's eye. */
function showOnly(label: string, visible: (id: string) => boolean, originalHidden: boolean): void {
  const before = st().doc!;
  originalHiddenAt.set(before, !!st().hiddenLayers.original);
  st().commit(label, (d) => {
    const layers = d.layers.map((l) => (layerVisible(l) === visible(l.id) ? l : { ...l, visible: visible(l.id) }));
    return layers.some((l, i) => l !== d.layers[i]) ? { ...d, layers } : d;
  });
  setOriginalHidden(originalHidden);
  originalHiddenAt.set(st().doc!, originalHidden);
}

/** Alt+click on the eye of layer `id` (or the original's, ORIGINAL_ROW). */
export function altClickEye(id: string): void {
  const s = st();
  const doc = s.doc;
  const name = id === ORIGINAL_ROW ? 'the original' : doc?.layers.find((l) => l.id === id)?.name;
  if (!doc || name === undefined) return;
  follow();
  const originalAlone = id === ORIGINAL_ROW;
  // Again on the same eye, nothing changed since: what was shown before comes back.
  if (solo && solo.id === id && solo.after === doc && !!s.hiddenLayers.original === !originalAlone) {
    const was = solo;
    solo = null;
    const shown = new Map(was.before.layers.map((l) => [l.id, layerVisible(l)]));
    showOnly('Show the other layers again', (lid) => shown.get(lid) ?? true, was.originalHidden);
    return;
  }
  const alone = (lid: string) => lid === id;
  // Already alone with nothing to go back to: show everything, as Photoshop does.
  if (doc.layers.every((l) => layerVisible(l) === alone(l.id)) && !!s.hiddenLayers.original === !originalAlone) {
    solo = null;
    showOnly('Show all layers', () => true, false);
    return;
  }
  const originalHidden = !!s.hiddenLayers.original;
  showOnly(originalAlone ? 'Show the original alone' : `Show layer ${name} alone`, alone, !originalAlone);
  solo = { id, after: st().doc!, before: doc, originalHidden };
}
