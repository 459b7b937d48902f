/**
 * The extend (outpaint crop) tool's geometry, pure: the proposal is "pixels to add per side" of the
 * current canvas. From it come the proposed canvas, where the original lands, the frame drawn on the
 * stage (in current document px), the side handles and their hit test, and side drags. Presets come
 * from the shared planner's `extendToAspect`.
 */
import { extendToAspect, parseAspect, splitOnGrid, type ExtendAnchor } from '../../shared/geometry';
import type { Rect, Size } from '../../shared/geometry/rect';

export type Side = 'left' | 'right' | 'top' | 'bottom';
export const SIDES: readonly Side[] = ['left', 'right', 'top', 'bottom'];

export type Sides = Readonly<Record<Side, number>>;
export const ZERO_SIDES: Sides = Object.freeze({ left: 0, right: 0, top: 0, bottom: 0 });

/** Largest canvas side the importer and exporter accept (px). */
export const MAX_CANVAS_SIDE = 30_000;

/** The frame of the extended canvas, in current document px (the one Rect of shared/geometry). */
export type FrameRect = Rect;

export interface Proposal {
  canvas: Size;
  /** Where the original's top-left lands in the new canvas. */
  originalAt: { x: number; y: number };
  /** How far everything already on the canvas moves (= left, top). */
  offset: { x: number; y: number };
}

export function isZeroSides(s: Sides): boolean {
  return !s.left && !s.right && !s.top && !s.bottom;
}

/** A side value as the inputs and drags produce it: a whole number ≥ 0, small enough for the canvas limit. */
export function clampSide(v: number, canvasSide: number, otherSide: number): number {
  const max = Math.max(0, MAX_CANVAS_SIDE - canvasSide - otherSide);
  return Math.min(max, Math.max(0, Math.round(Number.isFinite(v) ? v : 0)));
}

/** Sets one side, clamped (the opposite side limits how far it can go). */
export function withSide(sides: Sides, canvas: Size, side: Side, value: number): Sides {
  const horizontal = side === 'left' || side === 'right';
  const other = sides[opposite(side)];
  return { ...sides, [side]: clampSide(value, horizontal ? canvas.width : canvas.height, other) };
}

export function opposite(side: Side): Side {
  return side === 'left' ? 'right' : side === 'right' ? 'left' : side === 'top' ? 'bottom' : 'top';
}

/** The proposed canvas and positions for `sides` around the current canvas. */
export function proposalFor(canvas: Size, original: { x: number; y: number }, sides: Sides): Proposal {
  return {
    canvas: { width: canvas.width + sides.left + sides.right, height: canvas.height + sides.top + sides.bottom },
    originalAt: { x: original.x + sides.left, y: original.y + sides.top },
    offset: { x: sides.left, y: sides.top },
  };
}

/** Where the original's top-left is on the current canvas, and the grid it should land on. */
export interface BlockGrid {
  at: { x: number; y: number };
  step: number;
}

/**
 * Sides that grow `canvas` to `aspect` around it (the anchor side stays put). Zero when already there.
 * With `grid` (a JPEG original), a centred growth puts the original's top-left on the grid, moving
 * it by at most half a step (8 px) off the exact centre, so that the export can keep its JPEG data;
 * the canvas size and aspect are unchanged. An anchored side (the original at the right or bottom)
 * is left as the aspect gives it.
 */
export function presetSides(canvas: Size, aspect: string, anchor: ExtendAnchor, grid?: BlockGrid): Sides {
  const ext = extendToAspect(canvas, aspect, anchor);
  const sides = {
    left: Math.max(0, ext.originalAt.x),
    top: Math.max(0, ext.originalAt.y),
    right: Math.max(0, ext.canvas.width - canvas.width - ext.originalAt.x),
    bottom: Math.max(0, ext.canvas.height - canvas.height - ext.originalAt.y),
  };
  if (!grid) return sides;
  const [left, right] =
    anchor === 'left' || anchor === 'right' ? [sides.left, sides.right] : splitOnGrid(sides.left, sides.right, grid.at.x, grid.step);
  const [top, bottom] =
    anchor === 'top' || anchor === 'bottom' ? [sides.top, sides.bottom] : splitOnGrid(sides.top, sides.bottom, grid.at.y, grid.step);
  return { left, right, top, bottom };
}

/**
 * Why a centred proposal on a JPEG is not split evenly ("L 96 / R 103"), for the sides' tooltip: the
 * preset put the photo on its JPEG's block grid (presetSides) and nothing said so. Null when the
 * split is even, anchored, or the photo is no JPEG.
 */
export function gridSplitNote(sides: Sides, anchor: ExtendAnchor, jpeg: boolean, step: number): string | null {
  if (!jpeg || anchor !== 'centre') return null;
  const uneven: string[] = [];
  if (sides.left + sides.right > 0 && sides.left !== sides.right) uneven.push(`L ${sides.left} / R ${sides.right}`);
  if (sides.top + sides.bottom > 0 && sides.top !== sides.bottom) uneven.push(`T ${sides.top} / B ${sides.bottom}`);
  if (!uneven.length) return null;
  return `${uneven.join(', ')}: not split evenly on purpose — the photo stays on its JPEG's ${step}-px block grid (at most ${step / 2} px off centre), so Export keeps its original data outside the new area`;
}

/** The proposed canvas in CURRENT document px (it starts at -left, -top). */
export function frameRect(canvas: Size, sides: Sides): FrameRect {
  return {
    x: 0 - sides.left,
    y: 0 - sides.top,
    width: canvas.width + sides.left + sides.right,
    height: canvas.height + sides.top + sides.bottom,
  };
}

/** The new area as up to four strips (current document px): full-width top/bottom, left/right between them. */
export function newAreaStrips(canvas: Size, sides: Sides): (FrameRect & { side: Side })[] {
  const f = frameRect(canvas, sides);
  const out: (FrameRect & { side: Side })[] = [];
  if (sides.top) out.push({ side: 'top', x: f.x, y: f.y, width: f.width, height: sides.top });
  if (sides.bottom) out.push({ side: 'bottom', x: f.x, y: canvas.height, width: f.width, height: sides.bottom });
  if (sides.left) out.push({ side: 'left', x: f.x, y: 0, width: sides.left, height: canvas.height });
  if (sides.right) out.push({ side: 'right', x: canvas.width, y: 0, width: sides.right, height: canvas.height });
  return out;
}

/** Centre of each side's handle (document px). */
export function handleCentres(frame: FrameRect): Record<Side, { x: number; y: number }> {
  const cx = frame.x + frame.width / 2;
  const cy = frame.y + frame.height / 2;
  return {
    left: { x: frame.x, y: cy },
    right: { x: frame.x + frame.width, y: cy },
    top: { x: cx, y: frame.y },
    bottom: { x: cx, y: frame.y + frame.height },
  };
}

/**
 * Which side a pointer grabs: its handle, or anywhere along its edge, within `tolerance` screen px.
 * `frame` is in screen px. The closest side wins; null when none is near.
 */
export function hitSide(frame: FrameRect, p: { x: number; y: number }, tolerance = 8): Side | null {
  const x0 = frame.x;
  const y0 = frame.y;
  const x1 = frame.x + frame.width;
  const y1 = frame.y + frame.height;
  const withinY = p.y >= y0 - tolerance && p.y <= y1 + tolerance;
  const withinX = p.x >= x0 - tolerance && p.x <= x1 + tolerance;
  const cands: Array<[Side, number]> = [];
  if (withinY) {
    cands.push(['left', Math.abs(p.x - x0)]);
    cands.push(['right', Math.abs(p.x - x1)]);
  }
  if (withinX) {
    cands.push(['top', Math.abs(p.y - y0)]);
    cands.push(['bottom', Math.abs(p.y - y1)]);
  }
  let best: Side | null = null;
  let bestD = tolerance + 1e-9;
  for (const [side, d] of cands) {
    if (d <= bestD) {
      best = side;
      bestD = d;
    }
  }
  return best;
}

/**
 * A side drag: the side follows the pointer outward (document px moved since the press), never
 * inward past the current canvas edge. Values snap to whole pixels.
 */
export function dragSide(
  start: Sides,
  canvas: Size,
  side: Side,
  from: { x: number; y: number },
  to: { x: number; y: number },
  fromCentre = false,
): Sides {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const delta = side === 'left' ? -dx : side === 'right' ? dx : side === 'top' ? -dy : dy;
  const moved = withSide(start, canvas, side, start[side] + delta);
  if (!fromCentre) return moved;
  // Alt-drag, as Photoshop's crop tool: the opposite side moves by as much (about the centre).
  const other = opposite(side);
  const both = withSide(moved, canvas, other, start[other] + (moved[side] - start[side]));
  return withSide(both, canvas, side, start[side] + (both[other] - start[other]));
}

/**
 * A side drag with a preset's aspect kept, as Photoshop's crop tool keeps a ratio set: the dragged
 * axis follows the pointer (never below what the preset needs around the canvas), and the other axis
 * grows or shrinks to match, split by the anchor — all of it on the far side when the anchor holds
 * that axis (left, right, top, bottom), else evenly (a JPEG original on its block grid, as the preset
 * put it). A drag used to drop the ratio silently (16:9 became 2844×1798).
 */
export function dragSideKeepingAspect(
  start: Sides,
  canvas: Size,
  side: Side,
  from: { x: number; y: number },
  to: { x: number; y: number },
  fromCentre: boolean,
  aspect: string,
  anchor: ExtendAnchor,
  grid?: BlockGrid,
): Sides {
  const { w, h } = parseAspect(aspect);
  const ratio = w / h;
  const horizontal = side === 'left' || side === 'right';
  const [a, b]: [Side, Side] = horizontal ? ['left', 'right'] : ['top', 'bottom'];
  const [c, d]: [Side, Side] = horizontal ? ['top', 'bottom'] : ['left', 'right'];
  const along = horizontal ? canvas.width : canvas.height;
  const across = horizontal ? canvas.height : canvas.width;
  // The length across follows the length along: `along × k`.
  const k = horizontal ? 1 / ratio : ratio;
  const least = presetSides(canvas, aspect, anchor);
  const min = along + least[a] + least[b];
  const max = Math.min(MAX_CANVAS_SIDE, Math.floor(MAX_CANVAS_SIDE / k));
  const free = dragSide(start, canvas, side, from, to, fromCentre);
  const length = along + free[a] + free[b];
  const want = Math.min(max, Math.max(min, length));
  const next: Record<Side, number> = { ...free };
  let change = want - length;
  if (change && fromCentre) {
    const other = opposite(side);
    const half = change > 0 ? Math.ceil(change / 2) : Math.floor(change / 2);
    next[side] += half;
    next[other] += change - half;
    change = 0;
  }
  next[side] += change;
  const extra = Math.max(0, Math.round(want * k) - across);
  const held = horizontal ? anchor === 'top' || anchor === 'bottom' : anchor === 'left' || anchor === 'right';
  let before = !held ? Math.floor(extra / 2) : anchor === 'left' || anchor === 'top' ? 0 : extra;
  if (!held && grid) before = splitOnGrid(before, extra - before, horizontal ? grid.at.y : grid.at.x, grid.step)[0];
  next[c] = before;
  next[d] = extra - before;
  return next;
}

/**
 * Whether a drag of `side` went inside the canvas as it is — a crop, which the tool cannot do — by
 * more than `slackPx` screen px (`scale`: screen px per document px), so a click's jitter on an edge
 * says nothing.
 */
export function draggedInward(
  start: Sides,
  side: Side,
  from: { x: number; y: number },
  to: { x: number; y: number },
  scale: number,
  slackPx = 6,
): boolean {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const delta = side === 'left' ? -dx : side === 'right' ? dx : side === 'top' ? -dy : dy;
  return (start[side] + delta) * scale < -slackPx;
}

/** The CSS cursor for hovering a side. */
export function sideCursor(side: Side | null): string | null {
  if (!side) return null;
  return side === 'left' || side === 'right' ? 'ew-resize' : 'ns-resize';
}
