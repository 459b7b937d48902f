/**
 * Arrow keys with a selection tool move the mask, as they move a selection in Photoshop: 1 px, or
 * 10 px with Shift, each press one step ("Nudge mask"). What is pushed off the canvas is gone, and the
 * side it leaves is empty, as in Photoshop.
 */
import { applyCoverage, clearMask, maskBounds, readMaskRegion } from '../../shared/mask';
import { getMask, putMask } from './blob-store';
import { showDocumentMask } from './mask-commands';
import { notePainting } from './painted-mask';
import { useEditor } from './store/store';

export function nudgeDocumentMask(dx: number, dy: number): boolean {
  const s = useEditor.getState();
  const doc = s.doc;
  const mask = doc ? getMask(doc.maskId) : null;
  const b = mask ? maskBounds(mask) : null;
  if (!mask || !b) return false;
  const data = readMaskRegion(mask, b);
  const next = applyCoverage(clearMask(mask), { rect: { x: b.x + dx, y: b.y + dy, width: b.width, height: b.height }, data }, 'replace', 1);
  const id = putMask(next);
  notePainting(id, doc?.maskId, 'carry'); // a nudged painting is still painting (a new selection over it says so)
  s.commit('Nudge mask', (d) => ({ ...d, maskId: id }));
  showDocumentMask();
  return true;
}
