/**
 * Staged candidates float in the dock over the stage's bottom. When the area the selected candidate
 * changes (the mask within its region; the region itself without a mask) would sit under the dock
 * (an edit near the photo's bottom), the view pans up just enough, at the user's zoom, so the result
 * shows — unless it is taller than the room and already fills a good part of it (a detail zoomed into:
 * reveal-region.ts). It acts when
 * a candidate gets selected (staged, flipped to, brought back by undo) or the dock grows while one is:
 * a pan or zoom of the user's afterwards stays. When the strip closes and the view is still the one it
 * moved to, the view goes back to where it was (a fitted photo is fitted again).
 *
 * A fitted view needs none of this: it fits again above the dock whenever the dock changes height
 * (viewport-slice), so the reveals act on a view the user zoomed or panned.
 *
 * A kept result gets the same care once the strip has closed: the first Keep opens the version strip
 * (~110 px, where the view left room for its 36 px head), so while the view is the one the strip's closing
 * left and until the document changes again, every change of the dock's height shows the kept area
 * above it the same way, and collapsing the version strip puts back the view its opening moved. */
import { intersectRects, type Rect } from '../../shared/geometry';
import { maskBounds } from '../../shared/mask';
import { revealRegion, type View } from '../model/reveal-region';
import { selectedCandidate } from '../model/staging-logic';
import { getMask, hasMask } from './blob-store';
import { visibleHeight } from './store/viewport-slice';
import { useEditor } from './store/store';

type Store = ReturnType<typeof useEditor.getState>;

/** The last kept result's area (document px); `view` once the strip closed: the view it left; `before`: the view before the version strip's reveal moved it. */
interface KeptArea {
  area: Rect;
  docId: string;
  view: View | null;
  before: (View & { fitted: boolean }) | null;
}

const viewOf = (s: Store) => ({ scale: s.scale, offsetX: s.offsetX, offsetY: s.offsetY });
const same = (a: View, b: View) => a.scale === b.scale && a.offsetX === b.offsetX && a.offsetY === b.offsetY;

/**
 * What the candidate changes: the mask's bounds within its region (a model's request region holds
 * context around the mask, which need not be in view), or the region when no mask is there.
 */
function editedArea(maskId: string, region: Rect): Rect {
  const b = hasMask(maskId) ? maskBounds(getMask(maskId)) : null;
  return (b && intersectRects(b, region)) ?? region;
}

export function installRevealStaged(): () => void {
  /** The view before the first reveal of this staging, and the one the last reveal set. */
  let moved: { before: View & { fitted: boolean }; after: View; docId: string } | null = null;
  let kept: KeptArea | null = null;
  return useEditor.subscribe((s, prev) => {
    if (s.doc && prev.doc?.id === s.doc.id && s.doc.versions.length > prev.doc.versions.length) {
      // A Keep: its mask is still the previous state's (Keep clears it in the same step).
      kept = { area: editedArea(prev.doc.maskId, s.doc.versions.at(-1)!.region), docId: s.doc.id, view: null, before: null };
    } else if (kept?.view && s.doc !== prev.doc) {
      kept = null; // the document moved on (a stroke, an undo): the Keep is no longer the last edit
    }
    if (!s.staging.items.length) {
      if (moved && prev.staging.items.length) {
        const m = moved;
        moved = null;
        if (s.doc?.id === m.docId && same(viewOf(s), m.after)) s.setView(m.before);
      }
      if (kept && prev.staging.items.length) kept.view = viewOf(useEditor.getState());
      if (kept?.view && s.dockHeight !== prev.dockHeight) revealKept(s, kept, prev.dockHeight);
      return;
    }
    if (!prev.staging.items.length) kept = null;
    const c = selectedCandidate(s.staging);
    if (!c || !s.doc || c.docId !== s.doc.id) return;
    const picked = c.key !== selectedCandidate(prev.staging)?.key;
    if (!picked && !(s.dockHeight > prev.dockHeight)) return;
    // A candidate is staged before the strip that shows it has been laid out, so its reveal meets
    // the dock as it was (its head, or a job's bar); when the dock then grows and the view is still
    // the one that reveal set, it is worked out again from the view before it, for the room there
    // is now — not from a pan made for a room the strip never left.
    const base = !picked && moved?.docId === s.doc.id && same(viewOf(s), moved.after) ? moved.before : null;
    const v = revealRegion(base ?? viewOf(s), editedArea(s.doc.maskId, c.region), { width: s.stageWidth, height: visibleHeight(s) });
    if (!v) return;
    const before = moved && same(viewOf(s), moved.after) ? moved.before : { ...viewOf(s), fitted: s.fitted };
    s.setView(v);
    moved = { before, after: viewOf(useEditor.getState()), docId: s.doc.id };
  });
}

/**
 * The dock changed height after a Keep closed the strip (the version strip opening): when the kept
 * area would sit under it and nobody moved the view since, the view moves to show it. When the dock
 * shrinks again (the version strip collapsed) and the view is still the one it moved to, it goes
 * back — the photo is not left cut at the top over an empty band where the strip was.
 */
function revealKept(s: Store, kept: KeptArea, prevDock: number): void {
  if (!s.doc || s.doc.id !== kept.docId || !kept.view || !same(viewOf(s), kept.view)) return;
  const room = { width: s.stageWidth, height: visibleHeight(s) };
  const v = revealRegion(viewOf(s), kept.area, room);
  if (v) {
    kept.before ??= { ...viewOf(s), fitted: s.fitted };
    s.setView(v);
  } else if (kept.before && s.dockHeight < prevDock && !revealRegion(kept.before, kept.area, room)) {
    // Back only once the view before the reveal shows the kept area above the dock again (the strip
    // collapsed), not when it settles a pixel or two smaller: the reveal's own `prevDock` was often
    // the staging strip's, taller than the version strip, so "smaller than then" held for any settle.
    s.setView(kept.before);
    kept.before = null;
  } else return;
  kept.view = viewOf(useEditor.getState());
}
