/**
 * Where each stage of an edit or outpaint job sits on its progress bar (fractions 0..1). An edit
 * request fills its own share of the bar with the EDIT_* steps; outpaint tiles fill OUTPAINT_TILES.
 */

/** Shown at once, before main has resolved the model and planned the request. */
export const PROGRESS_PREPARING = 0.01;

/** Within one edit request's share: the request is out. */
export const EDIT_REQUEST_SENT = 0.08;
/** Within one edit request's share: the provider's own progress fills [EDIT_REQUEST_SENT, + this). */
export const EDIT_GENERATING_SPAN = 0.8;
/** Within one edit request's share: a partial image arrived (streaming providers). */
export const EDIT_PARTIAL_IMAGE = 0.5;
/** Within one edit request's share: compositing the candidates fills [this, 1). */
export const EDIT_COMPOSITING = 0.9;

/** Outpaint: the tiles (all candidates) fill [start, start + span). */
export const OUTPAINT_TILES = { start: 0.02, span: 0.93 } as const;
/** Outpaint: the candidate is composited and stored. */
export const OUTPAINT_COMPOSITING = 0.96;
