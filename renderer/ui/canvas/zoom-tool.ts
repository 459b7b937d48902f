/**
 * Photoshop's Zoom tool (Z): a click zooms in a step at the clicked point, Alt+click (Option) out, and
 * a drag sideways zooms smoothly about the point where it began (Photoshop's scrubby zoom: right in,
 * left out). `Z` used to zoom to the mask, so a retoucher's Z-then-click painted a dab instead; the
 * tool changes nothing but the view.
 */

/** Pixels of sideways drag before a press is a scrub rather than a click. */
export const SCRUB_START_PX = 4;
/** Pixels of sideways drag that double (or halve) the zoom. */
export const SCRUB_DOUBLING_PX = 150;

export interface ZoomPress {
  /** Where it went down, in the stage's own pixels (the zoom's anchor). */
  anchor: { x: number; y: number };
  clientX: number;
  scale: number;
  out: boolean;
  scrubbing: boolean;
}

export function beginZoomPress(anchor: { x: number; y: number }, clientX: number, scale: number, alt: boolean): ZoomPress {
  return { anchor, clientX, scale, out: alt, scrubbing: false };
}

/** The scale a scrub at `clientX` asks for, or null while it is still a click. */
export function scrubScale(press: ZoomPress, clientX: number): number | null {
  const dx = clientX - press.clientX;
  if (!press.scrubbing && Math.abs(dx) < SCRUB_START_PX) return null;
  press.scrubbing = true;
  return press.scale * 2 ** (dx / SCRUB_DOUBLING_PX);
}

/** A release: the step a click zooms by (1 in, −1 out), or 0 after a scrub. */
export function releaseStep(press: ZoomPress): 1 | -1 | 0 {
  return press.scrubbing ? 0 : press.out ? -1 : 1;
}

/** The canvas cursor for the Zoom tool: a magnifier with a minus while Alt is held. */
export function zoomToolCursor(altDown: boolean): string {
  return altDown ? 'zoom-out' : 'zoom-in';
}
