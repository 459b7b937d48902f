/**
 * Which masks hold brush painting. A plain selection makes a new selection (it replaces the mask, as
 * in Photoshop); over a mask the brush painted, that replacement says so in a toast (Shift adds,
 * Ctrl+Z brings the painting back), so a retoucher's painted mask is never lost without a word.
 * Masks are immutable ids: a brush stroke marks its result; a change that keeps the old mask's pixels
 * (an eraser stroke, an added selection, grow, feather…) carries the mark; one that starts afresh
 * (a new selection, Clear, Select all) drops it.
 */
const painted = new Set<string>();

/** How a committed mask relates to the painting of the one before it. */
export type Painting = 'painted' | 'carry' | 'none';

/** Records `nextId`'s painting from how it was made and the mask it replaced (`prevId`). */
export function notePainting(nextId: string, prevId: string | undefined, how: Painting): void {
  if (how === 'painted' || (how === 'carry' && prevId !== undefined && painted.has(prevId))) painted.add(nextId);
}

/** The mask `id` holds strokes of the brush. */
export function holdsPainting(id: string | undefined): boolean {
  return id !== undefined && painted.has(id);
}

export const NEW_OVER_PAINTING =
  'New selection: it replaced the mask you painted, as a new selection does in Photoshop. Hold Shift to add to it instead; Ctrl+Z brings the painting back.';

/** Said by kept-mask.ts; here so the store's commit can take it away without importing the store's users. */
export const NEW_AFTER_KEEP_AS_LAYER =
  'New selection: the mask Keep as layer left was replaced, as a new selection replaces one in Photoshop. Hold Shift to add to it instead; Ctrl+Z brings it back.';
