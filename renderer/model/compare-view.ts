/**
 * The compare view's geometry, pure: which staged candidates fill the 2 or 4 panes, the shared view
 * (every pane shows the same document area at the same zoom, so panning or zooming one moves all),
 * fitting the canvas into a pane, zooming about a point and panning.
 */
import { nextZoomStep } from './zoom-steps';
import { onPixelGrid } from './pixel-grid';

/** Document px → pane px: pane = doc × scale + (x, y). The same for every pane. */
export interface CompareViewState {
  scale: number;
  x: number;
  y: number;
}

export const MIN_SCALE = 0.02;
export const MAX_SCALE = 32;

/**
 * Indices of the candidates shown. When they all fit, all of them in their order (1 2 3 in reading
 * order, whichever is selected: "2 3 1" read as a reordering); otherwise the selected one first, then
 * the next ones (wrapping), `panes` of them.
 */
export function paneCandidates(count: number, selected: number, panes: number): number[] {
  if (count <= panes) return Array.from({ length: count }, (_, i) => i);
  const n = Math.min(count, panes);
  const from = Math.max(0, selected);
  return Array.from({ length: n }, (_, i) => (from + i) % count);
}

/**
 * The candidates shown when the retoucher has picked some panes' candidates (`picked`, by pane): the
 * picks that still exist come first in their panes, the panes left are filled as paneCandidates
 * would, skipping candidates already shown. Going 4-up → 2-up keeps the first two panes' picks.
 */
export function panesShown(count: number, selected: number, panes: number, picked: readonly number[] | null): number[] {
  const base = paneCandidates(count, selected, panes);
  if (!picked) return base;
  const n = Math.min(count, panes);
  const out: number[] = [];
  for (let p = 0; p < n; p++) {
    const want = picked[p];
    if (want !== undefined && want >= 0 && want < count && !out.includes(want)) out.push(want);
    else out.push(-1);
  }
  const rest = [...base, ...Array.from({ length: count }, (_, i) => i)].filter((i) => !out.includes(i));
  return out.map((i) => (i >= 0 ? i : (rest.shift() as number)));
}

/** The panes after `candidate` is chosen for pane `pane`: if it was shown in another pane, the two swap. */
export function choosePane(shown: readonly number[], pane: number, candidate: number): number[] {
  const out = [...shown];
  const was = out.indexOf(candidate);
  if (was >= 0) out[was] = out[pane];
  out[pane] = candidate;
  return out;
}

/**
 * The pane an arrow key moves the keyboard focus to (0-based). The panes read as a grid two wide:
 * ← → move along a row, ↑ ↓ between the rows of 4-up; at an edge, or onto an empty pane (three
 * candidates in 4-up), the focus stays where it is.
 */
export function paneAfterArrow(pane: number, key: string, shown: number): number {
  const col = pane % 2;
  const to =
    key === 'ArrowLeft' && col > 0
      ? pane - 1
      : key === 'ArrowRight' && col === 0
        ? pane + 1
        : key === 'ArrowUp'
          ? pane - 2
          : key === 'ArrowDown'
            ? pane + 2
            : pane;
  return to >= 0 && to < shown ? to : pane;
}

/**
 * 2-up with more candidates than panes: → on the right pane, or ← on the left one, brings the next
 * (previous) candidate into view — the panes move along the strip by one, the ringed pane showing the
 * newcomer ([1 2] → [2 3]); the third was reachable only through a pane's chooser. Null when that is
 * not the case (4-up, a pane that is not at that edge, no candidate further on): the ring stays.
 */
export function scrollTwoUp(shown: readonly number[], pane: number, key: string, count: number, panes: number): number[] | null {
  if (panes !== 2 || shown.length !== 2) return null;
  if (key === 'ArrowRight' && pane === 1) {
    const next = shown[1] + 1;
    return next < count ? [shown[1], next] : null;
  }
  if (key === 'ArrowLeft' && pane === 0) {
    const prev = shown[0] - 1;
    return prev >= 0 ? [prev, shown[0]] : null;
  }
  return null;
}

/** An arrow key in the view: the pane it rings (paneAfterArrow) and, 2-up at an edge, the panes moved along (scrollTwoUp). */
export function arrowMove(shown: readonly number[], pane: number, key: string, count: number, panes: number) {
  const to = paneAfterArrow(pane, key, shown.length);
  return { to, moved: to === pane ? scrollTwoUp(shown, pane, key, count, panes) : null };
}

/** The whole canvas centred in a pane. */
export function fitView(canvas: { width: number; height: number }, pane: { width: number; height: number }): CompareViewState {
  const scale = Math.min(pane.width / canvas.width, pane.height / canvas.height);
  return { scale, x: onPixelGrid((pane.width - canvas.width * scale) / 2), y: onPixelGrid((pane.height - canvas.height * scale) / 2) };
}

/** 100 % (one document pixel per screen pixel) about the pane's centre, keeping the point under it. */
export function actualSize(v: CompareViewState, pane: { width: number; height: number }): CompareViewState {
  return zoomAbout(v, 1 / v.scale, { x: pane.width / 2, y: pane.height / 2 });
}

type Box = { x: number; y: number; width: number; height: number };

/** The smallest rectangle around all of `rects` (document px), or null for none. */
export function unionBox(rects: readonly Box[]): Box | null {
  if (!rects.length) return null;
  const x = Math.min(...rects.map((r) => r.x));
  const y = Math.min(...rects.map((r) => r.y));
  const right = Math.max(...rects.map((r) => r.x + r.width));
  const bottom = Math.max(...rects.map((r) => r.y + r.height));
  return { x, y, width: right - x, height: bottom - y };
}

/**
 * 100 % with the edited area in mind: when the whole of `edit` (document px: what the candidates
 * change) is in sight — as in the fitted view the compare opens with — 100 % centres on it, so the
 * retoucher sees what changed (it zoomed about the pane's centre, the middle of the photo, and an edit
 * near its bottom was off screen). Zoomed in on a part of it, or elsewhere, 100 % keeps the centre.
 */
export function actualSizeOnEdit(v: CompareViewState, pane: { width: number; height: number }, edit: Box | null): CompareViewState {
  if (!edit || edit.width <= 0 || edit.height <= 0) return actualSize(v, pane);
  const a = { x: v.x + edit.x * v.scale, y: v.y + edit.y * v.scale };
  const b = { x: a.x + edit.width * v.scale, y: a.y + edit.height * v.scale };
  const EPS = 0.5;
  const inSight = a.x >= -EPS && a.y >= -EPS && b.x <= pane.width + EPS && b.y <= pane.height + EPS;
  if (!inSight) return actualSize(v, pane);
  return {
    scale: 1,
    x: onPixelGrid(pane.width / 2 - (edit.x + edit.width / 2)),
    y: onPixelGrid(pane.height / 2 - (edit.y + edit.height / 2)),
  };
}

/** The next zoom level up or down (Ctrl/⌘ + and −, as on the canvas) about the pane's centre. */
export function zoomStepView(v: CompareViewState, dir: 1 | -1, pane: { width: number; height: number }): CompareViewState {
  return zoomAbout(v, nextZoomStep(v.scale, dir) / v.scale, { x: pane.width / 2, y: pane.height / 2 });
}

/** Zooms by `factor` keeping the pane point `at` over the same document point. */
export function zoomAbout(v: CompareViewState, factor: number, at: { x: number; y: number }): CompareViewState {
  const scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, v.scale * factor));
  const k = scale / v.scale;
  return { scale, x: onPixelGrid(at.x - (at.x - v.x) * k), y: onPixelGrid(at.y - (at.y - v.y) * k) };
}

export function panBy(v: CompareViewState, dx: number, dy: number): CompareViewState {
  return { ...v, x: v.x + dx, y: v.y + dy };
}

/** The document point under a pane point. */
export function toDoc(v: CompareViewState, p: { x: number; y: number }): { x: number; y: number } {
  return { x: (p.x - v.x) / v.scale, y: (p.y - v.y) / v.scale };
}

/**
 * The view after the panes change size (2-up ↔ 4-up, a window resize): the same zoom, and the
 * document point that was at the old pane's centre at the new one's — what a retoucher zoomed in on
 * stays in view instead of the panes fitting the whole photo again.
 */
export function resizeView(
  v: CompareViewState,
  from: { width: number; height: number },
  to: { width: number; height: number },
): CompareViewState {
  const c = toDoc(v, { x: from.width / 2, y: from.height / 2 });
  return { scale: v.scale, x: to.width / 2 - c.x * v.scale, y: to.height / 2 - c.y * v.scale };
}

/** What a zoom key does in the compare view, as on the canvas: Ctrl/⌘ 0 fit, Ctrl/⌘ 1 (or Alt 0) 100 %, Ctrl/⌘ + / −. */
export function compareZoomKey(e: Pick<KeyboardEvent, 'ctrlKey' | 'metaKey' | 'altKey' | 'code'>): 'fit' | 'actual' | 'in' | 'out' | null {
  if (!(e.ctrlKey || e.metaKey)) return null;
  if (e.code === 'Digit0' || e.code === 'Numpad0') return e.altKey ? 'actual' : 'fit';
  if (e.code === 'Digit1' || e.code === 'Numpad1') return 'actual';
  if (e.code === 'Equal' || e.code === 'NumpadAdd') return 'in';
  if (e.code === 'Minus' || e.code === 'NumpadSubtract') return 'out';
  return null;
}

/** The zoom as the retoucher reads it: "33.3 %", "100 %", "250 %". */
export function zoomLabel(scale: number): string {
  const pct = Math.round(scale * 1000) / 10;
  return pct >= 100 || Number.isInteger(pct) ? `${Math.round(pct)} %` : `${pct.toFixed(1)} %`;
}
