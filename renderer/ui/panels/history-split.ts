/**
 * The border between Layers and History in the right-hand column: the height the user gave History,
 * remembered across sessions (localStorage, as the column's other split and the Mask panel's fold).
 * None remembered is the default (History keeps about four steps, styles.css and HistoryPanel).
 */
const KEY = 'maskwork.historyHeight';

/** One ArrowUp / ArrowDown on the focused separator: one History step. */
export const HISTORY_STEP_PX = 20;

/** History's height as remembered, or null for the default. */
export function loadHistoryHeight(): number | null {
  try {
    const raw = localStorage.getItem(KEY);
    const v = Number(raw);
    return raw !== null && Number.isFinite(v) && v > 0 ? Math.round(v) : null;
  } catch {
    return null;
  }
}

/** Remembers History's height; null forgets it (the default again). */
export function saveHistoryHeight(h: number | null): void {
  try {
    if (h === null) localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, String(Math.round(h)));
  } catch {
    // Storage unavailable: the height holds for this session only.
  }
}

/** History's least and most height: its heading and two steps; at most all the room above it leaves. */
export interface HistoryRoom {
  min: number;
  max: number;
}

/** `h` within the room (whole pixels); a room too small for both keeps History's floor. */
export function clampHistory(h: number, r: HistoryRoom): number {
  return Math.round(Math.max(r.min, Math.min(Math.max(r.min, r.max), h)));
}

/** History's height after a key on the focused separator, from `h`; null: not the separator's key. */
export function historyForKey(key: string, h: number, r: HistoryRoom): number | null {
  // The separator moves with the key: up gives History room, down gives it back to the panels above.
  if (key === 'ArrowUp') return clampHistory(h + HISTORY_STEP_PX, r);
  if (key === 'ArrowDown') return clampHistory(h - HISTORY_STEP_PX, r);
  if (key === 'Home') return clampHistory(r.max, r);
  if (key === 'End') return r.min;
  return null;
}
