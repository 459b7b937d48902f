/**
 * Where the view must move so an edited region clears the dock floating over the stage's bottom
 * (progress, staged candidates, versions). A region already in view needs nothing; one under the
 * dock is panned up just enough, and the zoom changes only when the region is taller than the room
 * above the dock (then it zooms out to fit it, about the region's centre). Pure: view in, view out.
 */
import type { Rect } from '../../shared/geometry';

export interface View {
  scale: number;
  offsetX: number;
  offsetY: number;
}

/** Space kept between the region and the dock (and the stage's top), screen px. */
export const REVEAL_PAD = 12;

/**
 * The view that shows `r` (document px) above the dock, or null when the region's bottom is already
 * above it. `room` is the stage's width and the height it shows above the dock, screen px.
 */
export function revealRegion(view: View, r: Rect, room: { width: number; height: number }, pad = REVEAL_PAD): View | null {
  if (!(r.width > 0 && r.height > 0) || room.height <= 0) return null;
  const bottom = (r.y + r.height) * view.scale + view.offsetY;
  if (bottom <= room.height) return null;
  // Zoom out only when the region cannot stand between the stage's top and the dock at this zoom.
  const scale = r.height * view.scale + 2 * pad <= room.height ? view.scale : Math.max(room.height - 2 * pad, 1) / r.height;
  // Keep the region's centre where it is across the screen when the zoom changes.
  const cx = (r.x + r.width / 2) * view.scale + view.offsetX;
  const offsetX = scale === view.scale ? view.offsetX : cx - (r.x + r.width / 2) * scale;
  // Its bottom just above the dock: the least pan that clears it (its top stays on the stage, as it fits).
  return { scale, offsetX, offsetY: room.height - pad - (r.y + r.height) * scale };
}
