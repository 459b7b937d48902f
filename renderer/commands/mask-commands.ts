/**
 * Mask commands: each is one undoable step that swaps the document's mask id for a new immutable
 * mask. All pixel work is in shared/mask; here we only route it into history.
 */
import {
  applyCoverage,
  clearMask,
  createFullMask,
  invertMask,
  isMaskEmpty,
  rasterizePolygon,
  rasterizeEllipse,
  rasterizeRect,
  rasterizePressureStroke,
  readMaskRegion,
  rasterizeStroke,
  type Coverage,
  type Rect,
  type TiledMask,
} from '../../shared/mask';
import { getMask, hasMask, putMask } from './blob-store';
import { useEditor } from './store/store';
import { revealMaskOverlay } from './overlay-visibility';
import { setMaskTargetCmd } from './layer-commands';
import { runMaskOp } from '../workers/mask-ops-client';
import type { BrushSettings, SelectionMode } from './store/tools-slice';
import type { PressureUse } from './store/select-slice';
import type { DocPoint } from '../../shared/geometry/point';
import { noteNewOverKept } from './kept-mask';
import { holdsPainting, NEW_OVER_PAINTING, notePainting, type Painting } from './painted-mask';

export type { DocPoint };

function currentMask(): TiledMask | null {
  const doc = useEditor.getState().doc;
  return doc ? getMask(doc.maskId) : null;
}

/**
 * After a change to the document mask, the overlay shows it: a hidden overlay comes back on, so nobody
 * paints a mask they cannot see, and while a layer mask was the target (the overlay draws that one
 * instead) the target goes back to the document mask. A marquee, lasso, wand or Ctrl+Shift+I made
 * then went into the document mask unseen, with the options bar still on the layer mask.
 */
export function showDocumentMask(): void {
  if (useEditor.getState().maskTarget !== null) setMaskTargetCmd(null);
  revealMaskOverlay();
}

/** Commits a mask change and shows the document mask (showDocumentMask). */
function commitMask(label: string, next: TiledMask, prev: TiledMask, painting: Painting = 'carry'): void {
  if (next === prev) return;
  const id = putMask(next);
  const s = useEditor.getState();
  notePainting(id, s.doc?.maskId, painting);
  s.commit(label, (doc) => ({ ...doc, maskId: id }));
  showDocumentMask();
}

/**
 * One brush or eraser stroke as one step. With `pressures` (a pen, one per point) and a pressure
 * use other than off, size and/or opacity follow the pen.
 */
export function paintStroke(
  points: DocPoint[],
  brush: BrushSettings,
  erase: boolean,
  pressures?: number[],
  use: PressureUse = 'off',
): void {
  const mask = currentMask();
  if (!mask || !points.length) return;
  const cov =
    pressures && pressures.length === points.length && use !== 'off'
      ? rasterizePressureStroke(
          points.map((p, i) => ({ x: p.x, y: p.y, pressure: pressures[i] })),
          { size: brush.size, hardness: brush.hardness },
          use,
        )
      : rasterizeStroke(points, { size: brush.size, hardness: brush.hardness });
  commitMask(
    erase ? 'Eraser stroke' : 'Brush stroke',
    applyCoverage(mask, cov, erase ? 'subtract' : 'add', brush.opacity),
    mask,
    erase ? 'carry' : 'painted',
  );
}

function selectionCoverage(mode: SelectionMode, cov: Coverage, label: string): void {
  const mask = currentMask();
  if (!mask) return;
  commitSelection(label, mode, cov, mask);
}

/**
 * Combines a selection's coverage with `base` (the current mask unless given: object select redoes
 * its result over the mask it started from) by the mode, as one step. Returns the new mask id, or
 * null when nothing changed.
 */
export function commitSelection(label: string, mode: SelectionMode, cov: Coverage, base: TiledMask = currentMask()!): string | null {
  const before = currentMask();
  if (!before || !base) return null;
  // A selection combines as a set (see CoverageMode): a Shift-click on the same area adds nothing, an Alt-click takes it all away.
  const next =
    mode === 'intersect'
      ? intersectCoverage(base, cov)
      : applyCoverage(mode === 'replace' ? clearMask(base) : base, cov, mode === 'subtract' ? 'cut' : 'union', 1);
  if (next === before) return null;
  // A new selection over a painted mask says so: the painting goes (one step: Ctrl+Z brings it back).
  // Said once the step is made: the next step takes the message away (document-slice's commit).
  const replaced = useEditor.getState().doc?.maskId;
  const overPainting = mode === 'replace' && holdsPainting(replaced) && !isMaskEmpty(before);
  commitMask(label, next, before, mode === 'replace' ? 'none' : 'carry');
  if (overPainting) useEditor.getState().notify('info', NEW_OVER_PAINTING);
  if (mode === 'replace') noteNewOverKept(replaced);
  return useEditor.getState().doc?.maskId ?? null;
}

/** Replaces the mask values over the coverage's rect (refine edge) as one step. */
export function commitReplace(label: string, cov: Coverage): void {
  const mask = currentMask();
  if (mask) commitMask(label, applyCoverage(mask, cov, 'replace', 1), mask);
}

/**
 * The mask where it overlaps the selection (the smaller of the two values), nothing elsewhere:
 * Photoshop's Intersect with Selection (Shift+Alt). It subtracted, Alt winning over Shift.
 */
function intersectCoverage(base: TiledMask, cov: Coverage): TiledMask {
  const old = readMaskRegion(base, cov.rect);
  const data = new Uint8Array(cov.data.length);
  for (let i = 0; i < data.length; i++) data[i] = Math.min(old[i], cov.data[i]);
  return applyCoverage(clearMask(base), { rect: cov.rect, data }, 'replace', 1);
}

/** A selection step's History label: "Lasso", "Lasso subtract", "Lasso intersect". */
export const selectionLabel = (what: string, mode: SelectionMode) =>
  mode === 'subtract' || mode === 'intersect' ? `${what} ${mode}` : what;

export function applyEllipse(rect: Rect, mode: SelectionMode): void {
  if (rect.width < 1 || rect.height < 1) return;
  selectionCoverage(mode, rasterizeEllipse(rect), selectionLabel('Ellipse', mode));
}

export function applyLasso(points: DocPoint[], mode: SelectionMode): void {
  if (points.length < 3) return;
  selectionCoverage(mode, rasterizePolygon(points, { antialias: true }), selectionLabel('Lasso', mode));
}

export function applyRect(rect: Rect, mode: SelectionMode): void {
  if (rect.width < 1 || rect.height < 1) return;
  selectionCoverage(mode, rasterizeRect(rect), selectionLabel('Rectangle', mode));
}

export function invertCurrentMask(): void {
  const mask = currentMask();
  if (mask) commitMask('Invert mask', invertMask(mask), mask);
}

/** Ctrl+A: the whole canvas becomes the mask (one step). */
export function selectAllMask(): void {
  const mask = currentMask();
  if (mask) commitMask('Select all', createFullMask(mask.width, mask.height), mask, 'none');
}

/** No document mask: Maskwork's "no selection", when Delete acts on the selected layer as in Photoshop. */
export function documentMaskEmpty(): boolean {
  const mask = currentMask();
  return !mask || isMaskEmpty(mask);
}

export function clearCurrentMask(): void {
  const doc = useEditor.getState().doc;
  const mask = currentMask();
  if (!doc || !mask || isMaskEmpty(mask)) return;
  commitMask('Clear mask', clearMask(mask), mask, 'none');
  useEditor.getState().setDroppedMask({ docId: doc.id, maskId: doc.maskId });
}

/**
 * The id of an empty mask to replace the document's mask with (Keep clears it in its own step), or
 * null when the mask is empty already. The mask it replaces is what Reselect brings back.
 */
export function clearedMaskFor(doc: { id: string; maskId: string }): string | null {
  const mask = getMask(doc.maskId);
  if (isMaskEmpty(mask)) return null;
  useEditor.getState().setDroppedMask({ docId: doc.id, maskId: doc.maskId });
  return putMask(clearMask(mask));
}

/** The mask Reselect would bring back, or null (none taken away on this photo, or it is the mask now). */
export function reselectableMask(s: {
  doc: { id: string; maskId: string } | null;
  droppedMask: { docId: string; maskId: string } | null;
}): string | null {
  const d = s.droppedMask;
  if (!s.doc || !d || d.docId !== s.doc.id || d.maskId === s.doc.maskId || !hasMask(d.maskId)) return null;
  return d.maskId;
}

/** Ctrl+Shift+D, as Photoshop's Select > Reselect: the mask the last Keep or Clear took away, as one step. */
export function reselectMask(): void {
  const s = useEditor.getState();
  const id = reselectableMask(s);
  if (!id) return;
  s.commit('Reselect', (doc) => ({ ...doc, maskId: id }));
  showDocumentMask();
}

/**
 * Runs a slow whole-mask operation off the UI thread and commits it as one step — unless the
 * document moved on meanwhile (another stroke, undo, a new photo), in which case the result is
 * dropped rather than overwriting newer work.
 */
async function offThread(label: string, op: 'grow' | 'feather', px: number): Promise<void> {
  const s = useEditor.getState();
  const doc = s.doc;
  if (!doc || s.busy) return;
  const before = getMask(doc.maskId);
  s.setBusy(`${label}…`);
  try {
    const next = await runMaskOp(op, before, px);
    if (useEditor.getState().doc?.maskId !== doc.maskId) return;
    commitMask(label, next, before);
  } catch (e) {
    useEditor.getState().notify('error', `${label} failed: ${e instanceof Error ? e.message : e}`);
  } finally {
    useEditor.getState().setBusy(null);
  }
}

export function growCurrentMask(px: number): Promise<void> {
  if (px === 0) return Promise.resolve();
  return offThread(px > 0 ? `Grow mask ${px}px` : `Shrink mask ${-px}px`, 'grow', px);
}

export function featherCurrentMask(px: number): Promise<void> {
  if (px <= 0) return Promise.resolve();
  return offThread(`Feather mask ${px}px`, 'feather', px);
}
