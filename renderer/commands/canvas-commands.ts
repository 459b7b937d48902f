/**
 * Canvas extension: the `extendCanvas` command (ONE undo step 'Extend canvas': size, positions and
 * mask together) and the extend tool's proposal — presets with an anchor, exact sides, handle drags,
 * Apply (Enter) and Cancel (Esc, without a trace). The pixel and geometry work is pure
 * (extend-document.ts, model/extend-logic.ts); here it is routed into the store.
 */
import { JPEG_BLOCK_GRID, type AspectPreset, type ExtendAnchor } from '../../shared/geometry';
import type { DocState } from '../../shared/document/schema';
import { getMask, putMask } from './blob-store';
import {
  dragSide,
  dragSideKeepingAspect,
  isZeroSides,
  presetSides,
  proposalFor,
  SIDES,
  withSide,
  ZERO_SIDES,
  type BlockGrid,
  type Proposal,
  type Side,
  type Sides,
} from '../model/extend-logic';
import { clampBand, extendDocument, extensionMask, extensionProblem } from '../model/extend-document';
import { useEditor, type EditorStore } from './store/store';
import { revealMaskOverlay } from './overlay-visibility';
import { FIT_MAX_ZOOM, OPEN_MAX_ZOOM, visibleHeight } from './store/viewport-slice';

const st = () => useEditor.getState();

/**
 * Grows the canvas to `newCanvas` with the original's top-left at `originalAt` (both in the new
 * canvas): everything on the canvas moves by the same offset and the mask becomes the new area plus
 * the overlap band. One undo step. Returns the reason when nothing was done.
 */
export function extendCanvas(
  newCanvas: { width: number; height: number },
  originalAt: { x: number; y: number },
  bandPx = st().extend.bandPx,
): string | null {
  const doc = st().doc;
  if (!doc) return 'Open a photo first';
  const problem = extensionProblem(doc, newCanvas, originalAt);
  if (problem) return problem;
  const offset = { x: originalAt.x - doc.original.x, y: originalAt.y - doc.original.y };
  const maskId = putMask(extensionMask(getMask(doc.maskId), newCanvas, offset, clampBand(bandPx)));
  st().commit('Extend canvas', (d) => extendDocument(d, newCanvas, originalAt, maskId));
  revealMaskOverlay();
  return null;
}

/** The proposal's sides if it belongs to the open document and canvas, else zero. */
export function draftSides(s: EditorStore): Sides {
  const { doc, extend } = s;
  if (!doc || extend.docId !== doc.id || !extend.base) return ZERO_SIDES;
  if (extend.base.width !== doc.canvas.width || extend.base.height !== doc.canvas.height) return ZERO_SIDES;
  return extend.sides;
}

/** The pending proposal (canvas, where the original lands), or null when nothing is proposed. */
export function extendProposal(s: EditorStore): Proposal | null {
  if (!s.doc || s.tool !== 'extend') return null;
  const sides = draftSides(s);
  return isZeroSides(sides) ? null : proposalFor(s.doc.canvas, s.doc.original, sides);
}

/** Why Apply cannot run now (other than an empty proposal), or null. */
export function extendBlocker(s: EditorStore): string | null {
  if (!s.doc) return 'Open a photo first';
  if (s.job) return 'Wait for the running job to finish (or cancel it) before extending the canvas';
  if (s.staging.items.length) return 'Keep or discard the staged candidates before extending the canvas';
  return null;
}

function setSides(sides: Sides, preset: AspectPreset | null): void {
  const doc = st().doc;
  if (!doc) return;
  const s = st();
  // The view the retoucher had before the proposal began, for Esc to give back.
  const kept = s.extend.viewBefore;
  const viewBefore =
    kept && kept.docId === doc.id
      ? kept
      : { docId: doc.id, scale: s.scale, offsetX: s.offsetX, offsetY: s.offsetY, fitted: s.fitted, fitMax: s.fitMax, moved: false };
  st().setExtend({ sides, preset, docId: doc.id, base: { ...doc.canvas }, viewBefore });
}

/**
 * A JPEG original's block grid, for a preset to place it on (see presetSides): the export then keeps
 * the original's JPEG data. Known by the name, as the export dialog knows a JPEG.
 */
function blockGrid(doc: DocState): BlockGrid | undefined {
  return /\.jpe?g$/i.test(doc.original.name) ? { at: { x: doc.original.x, y: doc.original.y }, step: JPEG_BLOCK_GRID } : undefined;
}

/** A preset aspect around the current canvas, with the current anchor; the view fits the proposal. */
export function choosePreset(preset: AspectPreset): void {
  const doc = st().doc;
  if (!doc) return;
  const sides = presetSides(doc.canvas, preset, st().extend.anchor, blockGrid(doc));
  setSides(sides, preset);
  fitProposal(toolFitMax());
  if (isZeroSides(sides)) st().notify('info', `The canvas is already ${preset}; nothing to extend.`);
}

/** The anchor; a preset chosen before is computed again around the new anchor. */
export function chooseAnchor(anchor: ExtendAnchor): void {
  st().setExtend({ anchor });
  const preset = st().extend.preset;
  const doc = st().doc;
  if (preset && doc && !isZeroSides(draftSides(st()))) {
    setSides(presetSides(doc.canvas, preset, anchor, blockGrid(doc)), preset);
    // The proposal moved (the new area is on another side now): the view follows it, as for a preset.
    fitProposal(toolFitMax());
  }
}

/**
 * Exact pixels on one side (the side inputs). As after a handle drag, a proposal that now reaches
 * past the visible stage is fitted (Left = 500 left the new area off-screen but for a thin strip).
 */
/**
 * Said when a side is typed below 0 or dragged inside the photo: the tool only adds. Photoshop's crop
 * tool (same icon, same key) crops there, and the tool stayed silent — the field went back to 0, the
 * handle did not move.
 */
export const NO_CROP_MESSAGE =
  'Extend canvas only adds to the canvas: cropping is not available in Maskwork (a side stops at 0, the edge of the canvas as it is).';

export function sayNoCrop(): void {
  st().notify('info', NO_CROP_MESSAGE);
}

export function setExtendSide(side: Side, value: number): void {
  const doc = st().doc;
  if (!doc) return;
  setSides(withSide(draftSides(st()), doc.canvas, side, value), null);
  fitProposalIfOffScreen([side]);
}

/** Whole sides set at once (already clamped), free of any preset. */
export function setDraftSides(sides: Sides): void {
  setSides(sides, null);
}

/** The preset whose aspect the proposal keeps (chosen for this document and canvas), or null: free. */
export function activePreset(s: EditorStore): AspectPreset | null {
  const { doc, extend } = s;
  if (!doc || !extend.preset || extend.docId !== doc.id || !extend.base) return null;
  return extend.base.width === doc.canvas.width && extend.base.height === doc.canvas.height ? extend.preset : null;
}

/**
 * A handle drag from `start` (the sides at the press) to `to`: with a preset chosen its aspect is
 * kept, the other axis following (dragSideKeepingAspect), as Photoshop's crop tool keeps a ratio;
 * without one (the preset let go, or a side typed) the side alone moves.
 */
export function dragDraft(
  start: Sides,
  side: Side,
  from: { x: number; y: number },
  to: { x: number; y: number },
  fromCentre: boolean,
): void {
  const s = st();
  const doc = s.doc;
  if (!doc) return;
  const preset = activePreset(s);
  if (!preset) setSides(dragSide(start, doc.canvas, side, from, to, fromCentre), null);
  else setSides(dragSideKeepingAspect(start, doc.canvas, side, from, to, fromCentre, preset, s.extend.anchor, blockGrid(doc)), preset);
}

/** The pressed preset clicked again: the proposal stays as it is, and handle drags no longer keep the preset's aspect. */
export function chooseFreeAspect(): void {
  st().setExtend({ preset: null });
}

export function setBand(px: number): void {
  st().setExtend({ bandPx: clampBand(px) });
}

function dropDraft(): void {
  st().setExtend({ sides: ZERO_SIDES, preset: null, docId: null, base: null, viewBefore: null });
}

/**
 * Esc / Cancel: the preview goes away and, when the tool's fits moved the view for the proposal, the
 * view the retoucher had before comes back (a fitted photo is fitted again); nothing else changes.
 */
export function cancelExtendDraft(): void {
  const s = st();
  const before = s.extend.viewBefore;
  dropDraft();
  if (!before?.moved || before.docId !== s.doc?.id) return;
  if (before.fitted) st().fitToScreen(before.fitMax);
  else st().setView({ scale: before.scale, offsetX: before.offsetX, offsetY: before.offsetY });
}

/** Enter / Apply: one undo step, then the view fits the whole new canvas. */
export function applyExtendDraft(): void {
  const s = st();
  const p = extendProposal(s);
  if (!p) return;
  const blocker = extendBlocker(s);
  if (blocker) {
    s.notify('info', blocker);
    return;
  }
  const problem = extendCanvas(p.canvas, p.originalAt);
  if (problem) {
    s.notify('error', problem);
    return;
  }
  const maxZoom = toolFitMax();
  dropDraft();
  st().fitToScreen(maxZoom);
}

/**
 * Ctrl/⌘ 0 and Fit: the whole canvas — with an extension proposed, the proposed canvas, so every
 * handle can be reached (it fitted the photo alone, and a 4:1 proposal's side handles were off screen).
 */
export function fitOnScreen(): void {
  if (extendProposal(st())) fitProposal();
  else st().fitToScreen();
}

/** Fits the proposed canvas in the view (so every handle can be reached), at most `maxZoom` (default: Fit on screen's). */
export function fitProposal(maxZoom?: number): void {
  const s = st();
  const doc = s.doc;
  if (!doc) return;
  const sides = draftSides(s);
  const before = s.extend.viewBefore;
  if (before && before.docId === doc.id && !before.moved) s.setExtend({ viewBefore: { ...before, moved: true } });
  s.fitRect(
    {
      x: 0 - sides.left,
      y: 0 - sides.top,
      width: doc.canvas.width + sides.left + sides.right,
      height: doc.canvas.height + sides.top + sides.bottom,
    },
    maxZoom,
  );
}

/**
 * The most the extend tool's own fits (a preset, an anchor, a side taken off screen, Apply) zoom to:
 * 100 %, or the zoom the user has if that is more. They zoomed a small photo opened at 100 % past it
 * (coffee.png to 21:9: 122.7 %), where Photoshop's Canvas Size keeps the zoom; Ctrl/⌘ 0 still fits up to 400 %.
 */
function toolFitMax(): number {
  return Math.min(FIT_MAX_ZOOM, Math.max(OPEN_MAX_ZOOM, st().scale));
}

/**
 * After a handle drag or a typed side: when a side that moved (`moved`) now reaches past the visible
 * stage (a handle dragged to the window's edge can no longer be grabbed), the view fits the proposal;
 * a change that stays in view leaves the view alone. Only the moved sides count: zoomed in, the other
 * sides are off screen anyway, and a click on an edge (nothing moved) or a short drag zoomed the view
 * out to the whole canvas (found by a tester: "pressing C rezooms").
 */
export function fitProposalIfOffScreen(moved: readonly Side[] = SIDES): void {
  const s = st();
  const doc = s.doc;
  if (!doc) return;
  const sides = draftSides(s);
  const past: Record<Side, boolean> = {
    left: s.offsetX - sides.left * s.scale < 0,
    top: s.offsetY - sides.top * s.scale < 0,
    right: s.offsetX + (doc.canvas.width + sides.right) * s.scale > s.stageWidth,
    bottom: s.offsetY + (doc.canvas.height + sides.bottom) * s.scale > visibleHeight(s),
  };
  if (moved.some((side) => past[side])) fitProposal(toolFitMax());
}
