/**
 * Where the view must move so an edited region clears the dock floating over the stage's bottom
 * (progress, staged candidates, versions). The zoom is the user's and never changes here, as Photoshop
 * keeps the zoom when its panels come and go. A region in view above the dock needs nothing; one that
 * fits the room above the dock and reaches under it is panned up just enough to show it whole. One
 * taller than the room is left alone while it fills a third of the room or more — a retoucher zoomed
 * into a detail of a tall mask is looking at the edit, and the view used to pan and zoom out to show
 * all of it, losing that place — else it is panned up until its top shows. Pure: view in, view out.
 */
import type { Rect } from '../../shared/geometry';

export interface View {
  scale: number;
  offsetX: number;
  offsetY: number;
}

/** Space kept between the region and the dock (and the stage's top), screen px. */
export const REVEAL_PAD = 12;

/** A region taller than the room counts as in sight when at least this share of the room above the dock shows it. */
export const IN_SIGHT_ROOM = 1 / 3;

/**
 * The view that shows `r` (document px) above the dock, or null when it needs no move: the region's
 * bottom is above the dock, or it is taller than the room and in sight there (a detail of it zoomed
 * into). `room` is the stage's width and the height it shows above the dock, screen px.
 */
export function revealRegion(view: View, r: Rect, room: { width: number; height: number }, pad = REVEAL_PAD): View | null {
  if (!(r.width > 0 && r.height > 0) || room.height <= 0) return null;
  const top = r.y * view.scale + view.offsetY;
  const bottom = (r.y + r.height) * view.scale + view.offsetY;
  if (bottom <= room.height) return null;
  const fits = bottom - top + 2 * pad <= room.height;
  if (!fits && Math.min(bottom, room.height) - Math.max(top, 0) >= IN_SIGHT_ROOM * room.height) return null;
  // The least pan up: the whole region above the dock, or (taller than the room) its top at the stage's top.
  const offsetY = view.offsetY + Math.max(room.height - pad - bottom, pad - top);
  return offsetY < view.offsetY ? { scale: view.scale, offsetX: view.offsetX, offsetY } : null;
}
