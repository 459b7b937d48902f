/**
 * The document and its undo history as an explicit command log of complete gestures: every
 * `commit` pushes the previous snapshot, so one stroke / one accepted candidate / one extension is
 * one step. Snapshots share structure and reference pixels by id, so undo swaps references and never
 * copies pixels. Viewport, visibility and tool settings are elsewhere and never enter history.
 */
import type { StateCreator } from 'zustand';
import { pinBitmaps, retainMasks } from '../blob-store';
import { NEW_AFTER_KEEP_AS_LAYER, NEW_OVER_PAINTING } from '../painted-mask';
import type { DocState, Snapshot } from '../../model/document-types';
import { layerMaskIds } from '../../model/layer-logic';
import type { EditorStore } from './store';
import { OPEN_MAX_ZOOM } from './viewport-slice';

export const HISTORY_LIMIT = 100;

export interface DocumentSlice {
  doc: DocState | null;
  label: string;
  past: Snapshot[];
  future: Snapshot[];
  /** Replaces the document (open, restore); clears history. `label` defaults to "Open <name>". */
  openDocument(doc: DocState, label?: string, opts?: { undoable?: boolean }): void;
  /** Replaces the document and its whole history (a project opened or restored). */
  loadHistory(h: { doc: DocState; label: string; past: Snapshot[]; future: Snapshot[] }): void;
  /** Records one undoable step. `update` must return a new object (never mutate). */
  commit(label: string, update: (doc: DocState) => DocState): void;
  undo(): void;
  redo(): void;
  /** Moves to a step of the history list (0 = oldest past state). */
  jumpTo(index: number): void;
}

export const createDocumentSlice: StateCreator<EditorStore, [], [], DocumentSlice> = (set, get) => ({
  doc: null,
  label: 'Open',
  past: [],
  future: [],
  openDocument(doc, label, opts) {
    // Opening another photo from the UI is itself a step (`undoable`): Ctrl+Z brings the previous
    // document back, mask, layers and all, so an accidental drop or paste never loses work.
    const { doc: prev, past } = get();
    const kept = prev && opts?.undoable ? [...past, { doc: prev, label: get().label }].slice(-HISTORY_LIMIT) : [];
    set({ doc, label: label ?? `Open ${doc.original.name}`, past: kept, future: [] });
    collect(get());
  },
  loadHistory(h) {
    set({ doc: h.doc, label: h.label, past: h.past.slice(-HISTORY_LIMIT), future: h.future.slice(0, HISTORY_LIMIT) });
    collect(get());
  },
  commit(label, update) {
    const { doc, past, future } = get();
    if (!doc) return;
    const next = update(doc);
    if (next === doc) return;
    // A change drops the redo steps of this photo, as always — but not the steps on other photos
    // undone past (opened after this one: their kept results may have cost money). Those move back
    // into the undo list, just behind this change: Ctrl/⌘ Z reaches them after this photo's step.
    const others = future.filter((f) => f.doc.id !== doc.id);
    const trimmed = [...past, ...others, { doc, label: get().label }].slice(-HISTORY_LIMIT);
    set({ doc: next, label, past: trimmed, future: [] });
    collect(get());
    // "Ctrl+Z brings the painting back" (or the kept mask) is true only while the new selection is the last step.
    get().dropMessages([NEW_OVER_PAINTING, NEW_AFTER_KEEP_AS_LAYER]);
    if (others.length) {
      const names = [...new Set(others.map((f) => f.doc.original.name))].join(', ');
      const one = others.length === 1;
      get().notify(
        'info',
        `Your ${one ? 'step' : `${others.length} steps`} on ${names} ${one ? 'is' : 'are'} kept: Ctrl/⌘ Z goes back to ${one ? 'it' : 'them'} after this change.`,
      );
    }
  },
  undo() {
    const { doc, past, future, label } = get();
    if (!doc || !past.length) return;
    const prev = past[past.length - 1];
    set({ doc: prev.doc, label: prev.label, past: past.slice(0, -1), future: [{ doc, label }, ...future] });
    get().dropUndoOffers(); // "Ctrl+Z brings it back" is used, or stale
    followView(get(), doc, prev.doc);
  },
  redo() {
    const { doc, past, future, label } = get();
    if (!doc || !future.length) return;
    const next = future[0];
    set({ doc: next.doc, label: next.label, past: [...past, { doc, label }], future: future.slice(1) });
    get().dropUndoOffers();
    followView(get(), doc, next.doc);
  },
  jumpTo(index) {
    const { past } = get();
    const steps = index - past.length;
    for (let i = 0; i < Math.abs(steps); i++) (steps < 0 ? get().undo : get().redo)();
  },
});

/**
 * The view after undo or redo moved from `from` to `to`: another photo is fitted; a canvas of another
 * size (an extension undone or redone) keeps the zoom, and the view moves with the canvas's origin so
 * the photo stays where it was on screen, as in Photoshop — fitted or not (a fitted view was fitted
 * again, so stepping through History either side of "Extend canvas" changed the zoom, 134 % ↔ 146 %).
 * Only a canvas that would then be entirely off screen is fitted.
 */
function followView(s: EditorStore, from: DocState, to: DocState): void {
  if (to.id !== from.id) {
    s.fitToScreen(OPEN_MAX_ZOOM); // as the photo opened
    return;
  }
  if (sameSize(from.canvas, to.canvas)) return;
  const offsetX = s.offsetX + (from.original.x - to.original.x) * s.scale;
  const offsetY = s.offsetY + (from.original.y - to.original.y) * s.scale;
  const w = to.canvas.width * s.scale;
  const h = to.canvas.height * s.scale;
  if (offsetX + w <= 0 || offsetY + h <= 0 || offsetX >= s.stageWidth || offsetY >= s.stageHeight) s.fitToScreen();
  else s.setView({ scale: s.scale, offsetX, offsetY });
}

const sameSize = (a: { width: number; height: number }, b: { width: number; height: number }) =>
  a.width === b.width && a.height === b.height;

/** Frees masks (the document mask and layer masks) no snapshot references any more. */
function collect(s: DocumentSlice): void {
  const live = new Set<string>();
  const assets = new Set<string>();
  for (const d of [...s.past.map((p) => p.doc), ...s.future.map((f) => f.doc), ...(s.doc ? [s.doc] : [])]) {
    live.add(d.maskId);
    assets.add(d.original.assetId);
    for (const l of d.layers) assets.add(l.assetId);
    for (const id of layerMaskIds(d)) live.add(id);
  }
  retainMasks(live);
  // A layer mask is drawn from the patch's full-resolution pixels: those stay decoded.
  const full = new Set((s.doc?.layers ?? []).filter((l) => l.maskId).map((l) => l.assetId));
  pinBitmaps(assets, full);
}
