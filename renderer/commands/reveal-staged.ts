/**
 * Staged candidates float in the dock over the stage's bottom. When the area the selected candidate
 * changes (the mask within its region; the region itself without a mask) would sit under the dock
 * (an edit near the photo's bottom), the view pans up just enough — zooming
 * out only when the region is taller than the room above the dock — so the result shows. It acts when
 * a candidate gets selected (staged, flipped to, brought back by undo) or the dock grows while one is:
 * a pan or zoom of the user's afterwards stays. When the strip closes and the view is still the one it
 * moved to, the view goes back to where it was (a fitted photo is fitted again).
 */
import { intersectRects, type Rect } from '../../shared/geometry';
import { maskBounds } from '../../shared/mask';
import { revealRegion, type View } from '../model/reveal-region';
import { selectedCandidate } from '../model/staging-logic';
import { getMask, hasMask } from './blob-store';
import { visibleHeight } from './store/viewport-slice';
import { useEditor } from './store/store';

type Store = ReturnType<typeof useEditor.getState>;

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
  return useEditor.subscribe((s, prev) => {
    if (!s.staging.items.length) {
      if (moved && prev.staging.items.length) {
        const m = moved;
        moved = null;
        if (s.doc?.id === m.docId && same(viewOf(s), m.after)) s.setView(m.before);
      }
      return;
    }
    const c = selectedCandidate(s.staging);
    if (!c || !s.doc || c.docId !== s.doc.id) return;
    const picked = c.key !== selectedCandidate(prev.staging)?.key;
    if (!picked && !(s.dockHeight > prev.dockHeight)) return;
    const v = revealRegion(viewOf(s), editedArea(s.doc.maskId, c.region), { width: s.stageWidth, height: visibleHeight(s) });
    if (!v) return;
    const before = moved && same(viewOf(s), moved.after) ? moved.before : { ...viewOf(s), fitted: s.fitted };
    s.setView(v);
    moved = { before, after: viewOf(useEditor.getState()), docId: s.doc.id };
  });
}
