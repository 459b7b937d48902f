/**
 * Photoshop's zoom with the hand held: with Space down, Ctrl+click (⌘ on macOS; either works
 * everywhere, as for every Ctrl key here) zooms in at the clicked point and Alt+click (Option) zooms
 * out, one step of the zoom keys each. Space alone stays the hand. Read from the click's own
 * modifiers, so the order the keys went down in does not matter, and an Alt+click made this way never
 * reaches the selection tools (where Alt subtracts).
 */
export function spaceClickZoom(e: { ctrlKey: boolean; metaKey: boolean; altKey: boolean }): 1 | -1 | 0 {
  if (e.altKey) return -1; // Ctrl+Alt+Space too, as in Photoshop on Windows
  return e.ctrlKey || e.metaKey ? 1 : 0;
}

/** The canvas cursor while Space is held: a magnifier with Ctrl/⌘ or Alt, else the hand. */
export function spaceCursor(zoom: 1 | -1 | 0): string {
  return zoom > 0 ? 'zoom-in' : zoom < 0 ? 'zoom-out' : 'grab';
}
