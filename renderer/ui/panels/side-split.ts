/**
 * The split of the right-hand column between Generate (with the Mask panel under it) and Layers with
 * History, as the border between stacked panels in Photoshop's docks: the height the user gave the
 * lower part, remembered across sessions (localStorage, as the Mask panel's fold is). None remembered
 * is the default split (styles.css: Layers and History take their own height, up to 45 % of the column).
 */
const KEY = 'maskwork.sideSplit';

/** One ArrowUp / ArrowDown on the focused separator: about one History step. */
export const SPLIT_STEP_PX = 20;

/** The height remembered for Layers and History, or null for the default split. */
export function loadSideSplit(): number | null {
  try {
    const v = Number(localStorage.getItem(KEY));
    return localStorage.getItem(KEY) !== null && Number.isFinite(v) && v > 0 ? Math.round(v) : null;
  } catch {
    return null;
  }
}

/** Remembers the lower part's height; null forgets it (the default split again). */
export function saveSideSplit(bottom: number | null): void {
  try {
    if (bottom === null) localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, String(Math.round(bottom)));
  } catch {
    // Storage unavailable: the split holds for this session only.
  }
}

/** What the column's layout allows, measured from it (SideSplitter). */
export interface SplitRoom {
  /** The column's height. */
  column: number;
  /** Everything in it that is neither part (the Mask panel). */
  fixed: number;
  /** Generate's least: its heading, prompt and the Generate button's footer. */
  minTop: number;
  /** Layers and History's least: the Layers heading, three whole rows and its buttons. */
  minBottom: number;
}

/** The lower part's least and most height; when the column is too short for both floors, Generate's gives way. */
export function bottomLimits(r: SplitRoom): { min: number; max: number } {
  const min = Math.max(0, r.minBottom);
  return { min, max: Math.max(min, r.column - r.fixed - r.minTop) };
}

/** `bottom` held within the limits (whole pixels). */
export function clampBottom(bottom: number, r: SplitRoom): number {
  const { min, max } = bottomLimits(r);
  return Math.round(Math.min(max, Math.max(min, bottom)));
}

/** The height the lower part goes to on a key press, from `bottom` (its height now); null: not the separator's key. */
export function bottomForKey(key: string, bottom: number, r: SplitRoom): number | null {
  const { min, max } = bottomLimits(r);
  // The separator moves with the key: down gives Generate room, up gives it to Layers.
  if (key === 'ArrowDown') return clampBottom(bottom - SPLIT_STEP_PX, r);
  if (key === 'ArrowUp') return clampBottom(bottom + SPLIT_STEP_PX, r);
  if (key === 'Home') return max;
  if (key === 'End') return min;
  return null;
}
