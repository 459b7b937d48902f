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
  rasterizeRect,
  rasterizeStroke,
  type Coverage,
  type CoverageMode,
  type Rect,
  type TiledMask,
} from '../../shared/mask';
import { getMask, putMask } from '../blobs/blob-store';
import { useEditor } from './store';
import { runMaskOp } from '../workers/mask-ops-client';
import type { BrushSettings, SelectionMode } from './tools-slice';
import type { DocPoint } from '../../shared/geometry/point';

export type { DocPoint };

function currentMask(): TiledMask | null {
  const doc = useEditor.getState().doc;
  return doc ? getMask(doc.maskId) : null;
}

/** Commits a mask change; a hidden overlay comes back on, so nobody paints a mask they cannot see. */
function commitMask(label: string, next: TiledMask, prev: TiledMask): void {
  if (next === prev) return;
  const id = putMask(next);
  const s = useEditor.getState();
  s.commit(label, (doc) => ({ ...doc, maskId: id }));
  if (!s.maskVisible) s.setMaskVisible(true);
}

export function paintStroke(points: DocPoint[], brush: BrushSettings, erase: boolean): void {
  const mask = currentMask();
  if (!mask || !points.length) return;
  const cov = rasterizeStroke(points, { size: brush.size, hardness: brush.hardness });
  commitMask(erase ? 'Eraser stroke' : 'Brush stroke', applyCoverage(mask, cov, erase ? 'subtract' : 'add', brush.opacity), mask);
}

function selectionCoverage(mode: SelectionMode, cov: Coverage, label: string): void {
  const mask = currentMask();
  if (!mask) return;
  const m: CoverageMode = mode === 'subtract' ? 'subtract' : 'add';
  const base = mode === 'replace' ? clearMask(mask) : mask;
  commitMask(label, applyCoverage(base, cov, m, 1), mask);
}

export function applyLasso(points: DocPoint[], mode: SelectionMode): void {
  if (points.length < 3) return;
  selectionCoverage(mode, rasterizePolygon(points, { antialias: true }), mode === 'subtract' ? 'Lasso subtract' : 'Lasso');
}

export function applyRect(rect: Rect, mode: SelectionMode): void {
  if (rect.width < 1 || rect.height < 1) return;
  selectionCoverage(mode, rasterizeRect(rect), mode === 'subtract' ? 'Rectangle subtract' : 'Rectangle');
}

export function invertCurrentMask(): void {
  const mask = currentMask();
  if (mask) commitMask('Invert mask', invertMask(mask), mask);
}

/** Ctrl+A: the whole canvas becomes the mask (one step). */
export function selectAllMask(): void {
  const mask = currentMask();
  if (mask) commitMask('Select all', createFullMask(mask.width, mask.height), mask);
}

export function clearCurrentMask(): void {
  const mask = currentMask();
  if (mask && !isMaskEmpty(mask)) commitMask('Clear mask', clearMask(mask), mask);
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
