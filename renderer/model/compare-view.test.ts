import { describe, expect, it } from 'vitest';
import {
  actualSize,
  actualSizeOnEdit,
  unionBox,
  choosePane,
  fitView,
  panBy,
  paneAfterArrow,
  scrollTwoUp,
  paneCandidates,
  panesShown,
  resizeView,
  toDoc,
  zoomAbout,
  zoomStepView,
} from './compare-view';

describe('compare view geometry', () => {
  it('moves the pane focus with the arrows as on a grid two wide, staying put at an edge or an empty pane', () => {
    // 2-up: ← → only.
    expect(paneAfterArrow(0, 'ArrowRight', 2)).toBe(1);
    expect(paneAfterArrow(1, 'ArrowRight', 2)).toBe(1);
    expect(paneAfterArrow(1, 'ArrowLeft', 2)).toBe(0);
    expect(paneAfterArrow(0, 'ArrowDown', 2)).toBe(0);
    expect(paneAfterArrow(0, 'ArrowUp', 2)).toBe(0);
    // 4-up: 0 1 / 2 3.
    expect(paneAfterArrow(1, 'ArrowRight', 4)).toBe(1);
    expect(paneAfterArrow(1, 'ArrowDown', 4)).toBe(3);
    expect(paneAfterArrow(3, 'ArrowLeft', 4)).toBe(2);
    expect(paneAfterArrow(2, 'ArrowUp', 4)).toBe(0);
    expect(paneAfterArrow(2, 'ArrowLeft', 4)).toBe(2);
    // Three candidates in 4-up: no fourth pane to go to.
    expect(paneAfterArrow(1, 'ArrowDown', 3)).toBe(1);
    expect(paneAfterArrow(2, 'ArrowRight', 3)).toBe(2);
    expect(paneAfterArrow(0, 'Enter', 4)).toBe(0);
  });

  it('shows every candidate in order when they fit, else fills the panes from the selected one on, wrapping', () => {
    expect(paneCandidates(5, 3, 4)).toEqual([3, 4, 0, 1]);
    expect(paneCandidates(2, 1, 4)).toEqual([0, 1]);
    // All fit: their own order, whichever is selected (the second of three selected used to show 2 3 1).
    expect(paneCandidates(3, 1, 4)).toEqual([0, 1, 2]);
    expect(paneCandidates(3, 2, 2)).toEqual([2, 0]);
    expect(paneCandidates(3, -1, 2)).toEqual([0, 1]);
  });
  it('shows the candidates picked per pane, the other panes filled without repeats', () => {
    expect(panesShown(5, 0, 2, null)).toEqual([0, 1]);
    // Candidate 4 picked for pane 2: candidates 1 and 4 side by side.
    expect(panesShown(5, 0, 2, choosePane([0, 1], 1, 3))).toEqual([0, 3]);
    // Choosing one already shown swaps the two panes.
    expect(choosePane([0, 3], 0, 3)).toEqual([3, 0]);
    // 2-up → 4-up keeps the picks and fills the rest; 4-up → 2-up keeps the first two panes.
    expect(panesShown(5, 0, 4, [0, 3])).toEqual([0, 3, 1, 2]);
    expect(panesShown(5, 0, 2, [4, 2, 0, 1])).toEqual([4, 2]);
    // A pick that no longer exists (fewer candidates) falls back to the others.
    expect(panesShown(2, 0, 2, [0, 3])).toEqual([0, 1]);
  });
  it('fits the canvas centred', () => {
    expect(fitView({ width: 600, height: 400 }, { width: 300, height: 300 })).toEqual({ scale: 0.5, x: 0, y: 50 });
  });
  it('zooms about a point, keeping it over the same document pixel', () => {
    const v = { scale: 0.5, x: 0, y: 50 };
    const at = { x: 120, y: 90 };
    const z = zoomAbout(v, 2, at);
    expect(z.scale).toBe(1);
    expect(toDoc(z, at)).toEqual(toDoc(v, at));
    expect(zoomAbout(v, 1e6, at).scale).toBe(32);
  });
  it('100 % and panning', () => {
    const v = actualSize({ scale: 0.5, x: 0, y: 50 }, { width: 300, height: 300 });
    expect(v.scale).toBe(1);
    expect(toDoc(v, { x: 150, y: 150 })).toEqual({ x: 300, y: 200 });
    expect(panBy(v, 10, -5)).toEqual({ scale: 1, x: v.x + 10, y: v.y - 5 });
  });

  it('100 % centres on the edited area when all of it is in sight, else keeps the pane centre', () => {
    const pane = { width: 600, height: 400 };
    const edit = unionBox([
      { x: 700, y: 1400, width: 100, height: 60 },
      { x: 760, y: 1420, width: 140, height: 80 },
    ]);
    expect(edit).toEqual({ x: 700, y: 1400, width: 200, height: 100 });
    expect(unionBox([])).toBeNull();
    const fitted = fitView({ width: 2560, height: 1600 }, pane);
    const v = actualSizeOnEdit(fitted, pane, edit);
    expect(v.scale).toBe(1);
    expect(toDoc(v, { x: 300, y: 200 })).toEqual({ x: 800, y: 1450 });
    // Zoomed in on the top left (the edit out of sight): as actualSize, about the centre.
    const zoomed = zoomAbout(fitted, 4, { x: 20, y: 20 });
    expect(actualSizeOnEdit(zoomed, pane, edit)).toEqual(actualSize(zoomed, pane));
    expect(actualSizeOnEdit(fitted, pane, null)).toEqual(actualSize(fitted, pane));
  });

  it('keeps the zoom and the point at the pane centre when the panes change size', () => {
    const from = { width: 800, height: 900 };
    const to = { width: 800, height: 430 };
    const zoomed = zoomAbout(fitView({ width: 6000, height: 4000 }, from), 8, { x: 300, y: 200 });
    const centre = toDoc(zoomed, { x: 400, y: 450 });
    const v = resizeView(zoomed, from, to);
    expect(v.scale).toBe(zoomed.scale);
    const now = toDoc(v, { x: 400, y: 215 });
    expect(now.x).toBeCloseTo(centre.x, 6);
    expect(now.y).toBeCloseTo(centre.y, 6);
  });

  it('steps the zoom through the canvas zoom levels about the pane centre (Ctrl/⌘ + and −)', () => {
    const pane = { width: 800, height: 600 };
    const v = { scale: 1, x: 0, y: 0 };
    const centre = toDoc(v, { x: 400, y: 300 });
    const out = zoomStepView(v, -1, pane);
    expect(out.scale).toBe(0.667);
    // The point under the centre stays there, to the pixel grid's half a screen pixel.
    expect(Math.abs(toDoc(out, { x: 400, y: 300 }).x - centre.x)).toBeLessThanOrEqual(0.5 / out.scale);
    expect(Number.isInteger(out.x) && Number.isInteger(out.y)).toBe(true);
    expect(zoomStepView(out, 1, pane).scale).toBe(1);
    expect(zoomStepView({ scale: 32, x: 0, y: 0 }, 1, pane).scale).toBe(32);
  });
});

describe('scrollTwoUp', () => {
  it('2-up at its edges moves the panes along by one; otherwise (4-up, a middle pane, no more candidates) nothing', () => {
    expect(scrollTwoUp([0, 1], 1, 'ArrowRight', 3, 2)).toEqual([1, 2]);
    expect(scrollTwoUp([1, 2], 1, 'ArrowRight', 3, 2)).toBeNull();
    expect(scrollTwoUp([1, 2], 0, 'ArrowLeft', 3, 2)).toEqual([0, 1]);
    expect(scrollTwoUp([0, 1], 0, 'ArrowLeft', 3, 2)).toBeNull();
    expect(scrollTwoUp([0, 1], 0, 'ArrowRight', 3, 2)).toBeNull();
    expect(scrollTwoUp([2, 0], 1, 'ArrowRight', 3, 2)).toEqual([0, 1]);
    expect(scrollTwoUp([0, 1, 2, 3], 1, 'ArrowRight', 5, 4)).toBeNull();
  });
});
