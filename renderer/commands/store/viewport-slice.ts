/**
 * Viewport: the stage transform (document px → screen px: screen = doc·scale + offset). Zoom keeps
 * the point under the cursor fixed; fit centres the canvas. Never part of history.
 */
import type { StateCreator } from 'zustand';
import type { EditorStore } from './store';
import { nextZoomStep } from '../../model/zoom-steps';
import { onPixelGrid } from '../../model/pixel-grid';

export const MIN_ZOOM = 0.01;
/**
 * Room a fit leaves at the bottom at least, for the dock's always-visible row (the version strip's
 * head): the dock floats over the canvas, so it never resizes the stage, and moves only a fitted
 * view (which fits again). While the dock is taller (the progress bar, staged candidates), a fit
 * leaves its whole height.
 */
export const FIT_BOTTOM_RESERVE = 36;
const FIT_PAD = 24;
export const MAX_ZOOM = 32;
/** The most Fit on screen (Ctrl/⌘ 0, Fit) zooms a small photo up to, as in Photoshop. */
export const FIT_MAX_ZOOM = 4;
/** The most a photo opens at (opened, a project, a restored session): 100 %, as Photoshop opens a document. */
export const OPEN_MAX_ZOOM = 1;

/**
 * The zoom after a wheel step of `factor` from `scale`: a step that crosses 100 % or lands within 2 %
 * of it stops at exactly 100 % (the wheel's smooth factors otherwise passed it at 99.9 %); from 100 %
 * the next step moves on.
 */
export function wheelZoom(scale: number, factor: number): number {
  const next = scale * factor;
  if (scale === 1) return next;
  return (scale < 1 && next > 1) || (scale > 1 && next < 1) || Math.abs(next - 1) < 0.02 ? 1 : next;
}

/** Zoom per wheel pixel: a mouse notch (100 px) is ×1.16. */
const WHEEL_PER_PX = 0.0015;
/** Zoom per pixel of a trackpad pinch (Chrome sends it as Ctrl+wheel with small deltas). */
const PINCH_PER_PX = 0.01;
/** A Ctrl+wheel step below this many pixels is a pinch; a mouse notch is about 100 (or lines). */
const PINCH_MAX_PX = 50;

/**
 * The zoom factor for one wheel event. A trackpad pinch arrives as Ctrl+wheel with small pixel deltas
 * and gets the faster pinch rate; a mouse notch zooms ×1.16 with or without Ctrl (Ctrl+wheel, as in
 * Photoshop, zoomed ×2.7 a notch when every Ctrl+wheel was taken for a pinch). Deltas in lines (3 a
 * notch) count 33 px a line, in pages 100 px a page.
 */
export function wheelFactor(e: { deltaY: number; deltaMode?: number; ctrlKey?: boolean }): number {
  const mode = e.deltaMode ?? 0;
  const px = mode === 1 ? e.deltaY * (100 / 3) : mode === 2 ? e.deltaY * 100 : e.deltaY;
  const pinch = !!e.ctrlKey && mode === 0 && Math.abs(px) < PINCH_MAX_PX;
  return Math.exp(-px * (pinch ? PINCH_PER_PX : WHEEL_PER_PX));
}

/**
 * How far Shift+wheel scrolls the view sideways, screen px (positive: the view moves right, the
 * picture left), as in Photoshop. Chromium hands Shift+wheel over as it came (deltaY) or turned
 * sideways (deltaX, a real mouse on Windows and Linux): the larger one counts. Lines count 33 px, pages
 * 100 px, as for the zoom.
 */
export function wheelPan(e: { deltaX: number; deltaY: number; deltaMode?: number }): number {
  const d = Math.abs(e.deltaX) > Math.abs(e.deltaY) ? e.deltaX : e.deltaY;
  const mode = e.deltaMode ?? 0;
  return mode === 1 ? d * (100 / 3) : mode === 2 ? d * 100 : d;
}

export interface ViewportSlice {
  scale: number;
  offsetX: number;
  offsetY: number;
  stageWidth: number;
  stageHeight: number;
  /**
   * True while the view is the fitted one: a change of the room (the window resized, the dock grew or
   * shrank) re-fits it instead of cropping or leaving the picture under the dock.
   */
  fitted: boolean;
  /** The zoom the fitted view may go up to: 100 % for the fit a photo opens with, 400 % for Fit on screen. */
  fitMax: number;
  /** Height of the dock floating over the stage's bottom (progress, candidates, versions), screen px. */
  dockHeight: number;
  /**
   * The stage's new size. With `moved` (the stage's top-left moved by dx, dy on screen while the window
   * kept its size: a bar above or beside it changed height or width) the photo stays where it is on
   * screen at the same zoom; only a real window resize re-fits a fitted view.
   */
  setStageSize(w: number, h: number, moved?: { dx: number; dy: number }): void;
  /**
   * The dock's height changed: the next fit keeps clear of it; a fitted view fits again in the same
   * step (a view the user zoomed or panned does not move).
   */
  setDockHeight(h: number): void;
  /** The whole canvas in the room above the dock, centred, at most `maxZoom` (default: Fit on screen's 400 %). */
  fitToScreen(maxZoom?: number): void;
  /** Fits a rect in document px (e.g. a proposed, larger canvas) in the view, centred, at most `maxZoom` (default 400 %). */
  fitRect(r: { x: number; y: number; width: number; height: number }, maxZoom?: number): void;
  zoomTo(scale: number, anchor?: { x: number; y: number }): void;
  zoomStep(dir: 1 | -1, anchor?: { x: number; y: number }): void;
  panBy(dx: number, dy: number): void;
  /** Sets the transform as given (zoom clamped); `fitted` stays false unless said. */
  setView(v: { scale: number; offsetX: number; offsetY: number; fitted?: boolean }): void;
}

export const createViewportSlice: StateCreator<EditorStore, [], [], ViewportSlice> = (set, get) => {
  // What a pan moved that the pixel grid has not shown yet (a trackpad's sub-pixel deltas add up).
  let panRest = { x: 0, y: 0 };
  return {
    scale: 1,
    offsetX: 0,
    offsetY: 0,
    stageWidth: 800,
    stageHeight: 600,
    fitted: false,
    fitMax: FIT_MAX_ZOOM,
    dockHeight: 0,
    setDockHeight(h) {
      const s = get();
      if (h === s.dockHeight) return;
      // One change: a listener (reveal-staged) never sees the new dock over the old fit.
      if (s.fitted && s.doc) set({ dockHeight: h, ...fitView({ ...s, dockHeight: h }, canvasRect(s.doc.canvas), s.fitMax) });
      else set({ dockHeight: h });
    },
    setStageSize(w, h, moved) {
      if (moved) {
        const { offsetX, offsetY } = get();
        set({ stageWidth: w, stageHeight: h, offsetX: onPixelGrid(offsetX - moved.dx), offsetY: onPixelGrid(offsetY - moved.dy) });
        return;
      }
      set({ stageWidth: w, stageHeight: h });
      if (get().fitted) get().fitToScreen(get().fitMax);
    },
    fitToScreen(maxZoom = FIT_MAX_ZOOM) {
      const { doc } = get();
      if (!doc) return;
      const v = fitView(get(), canvasRect(doc.canvas), maxZoom);
      if (v) set({ ...v, fitted: true, fitMax: maxZoom });
    },
    fitRect(r, maxZoom = FIT_MAX_ZOOM) {
      const v = fitView(get(), r, maxZoom);
      // Fitting another rect (a proposed extension) is not "fit on screen": a resize keeps it.
      if (v) set({ ...v, fitted: false });
    },
    zoomTo(scale, anchor) {
      const { scale: old, offsetX, offsetY, stageWidth, stageHeight } = get();
      const s = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, scale));
      // Without a cursor: about the middle of what the dock leaves visible (where a fit centres the picture).
      const a = anchor ?? { x: stageWidth / 2, y: visibleHeight({ stageHeight, dockHeight: get().dockHeight }) / 2 };
      const docX = (a.x - offsetX) / old;
      const docY = (a.y - offsetY) / old;
      set({ scale: s, offsetX: onPixelGrid(a.x - docX * s), offsetY: onPixelGrid(a.y - docY * s), fitted: false });
    },
    zoomStep(dir, anchor) {
      get().zoomTo(nextZoomStep(get().scale, dir), anchor);
    },
    panBy(dx, dy) {
      const x = get().offsetX + dx + panRest.x;
      const y = get().offsetY + dy + panRest.y;
      const offsetX = onPixelGrid(x);
      const offsetY = onPixelGrid(y);
      panRest = { x: x - offsetX, y: y - offsetY };
      set({ offsetX, offsetY, fitted: false });
    },
    setView(v) {
      set({
        scale: Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, v.scale)),
        offsetX: onPixelGrid(v.offsetX),
        offsetY: onPixelGrid(v.offsetY),
        fitted: !!v.fitted,
      });
      // A fitted view given back (the one before a reveal) fits the room as it is now.
      if (v.fitted) get().fitToScreen(get().fitMax);
    },
  };
};

const canvasRect = (c: { width: number; height: number }) => ({ x: 0, y: 0, width: c.width, height: c.height });

/** The view that shows `r` (document px) whole and centred in the room above the dock, at most `maxZoom`; null for an empty rect. */
function fitView(
  v: { stageWidth: number; stageHeight: number; dockHeight: number },
  r: { x: number; y: number; width: number; height: number },
  maxZoom: number,
): { scale: number; offsetX: number; offsetY: number } | null {
  if (!(r.width > 0 && r.height > 0)) return null;
  const { stageWidth } = v;
  const stageHeight = visibleHeight(v);
  const scale = Math.min((stageWidth - 2 * FIT_PAD) / r.width, (stageHeight - 2 * FIT_PAD) / r.height, maxZoom);
  const s = Math.max(MIN_ZOOM, Math.min(scale, MAX_ZOOM));
  return {
    scale: s,
    offsetX: onPixelGrid((stageWidth - r.width * s) / 2 - r.x * s),
    offsetY: onPixelGrid((stageHeight - r.height * s) / 2 - r.y * s),
  };
}

/** The stage's height above the dock (at least its always-visible row), screen px. */
export function visibleHeight(v: { stageHeight: number; dockHeight: number }): number {
  return v.stageHeight - Math.max(FIT_BOTTOM_RESERVE, v.dockHeight);
}
