/**
 * Where the last brush or eraser stroke ended, for Photoshop's Shift+click: a click, then a
 * Shift+click elsewhere, joins the two points with a straight stroke (how wires and power lines are
 * masked). The brush and the eraser share it, as Photoshop's painting tools do. It belongs to the
 * document and canvas it was painted on: another photo, or an extension that moved the photo within
 * the canvas, forgets it (its document pixels would name another place).
 */
import type { DocPoint } from '../../../shared/geometry/point';
import type { DocState } from '../../model/document-types';

let anchor: { docId: string; key: string; at: DocPoint } | null = null;

const keyOf = (doc: DocState) => `${doc.canvas.width}x${doc.canvas.height}@${doc.original.x},${doc.original.y}`;

/** Records the end of a stroke just painted on `doc`. */
export function noteStrokeEnd(doc: DocState | null, at: DocPoint): void {
  anchor = doc ? { docId: doc.id, key: keyOf(doc), at } : null;
}

/** The point a Shift+click on `doc` draws from, or null (no stroke yet on this canvas). */
export function strokeAnchor(doc: DocState | null): DocPoint | null {
  return doc && anchor && anchor.docId === doc.id && anchor.key === keyOf(doc) ? anchor.at : null;
}
