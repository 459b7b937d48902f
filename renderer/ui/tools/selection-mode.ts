import type { SelectionMode } from '../../commands/store/tools-slice';

/** Photoshop modifiers: Shift adds, Alt subtracts, both intersect; otherwise the options-bar mode applies. */
export function effectiveMode(base: SelectionMode, shift: boolean, alt: boolean): SelectionMode {
  if (alt && shift) return 'intersect';
  if (alt) return 'subtract';
  if (shift) return 'add';
  return base;
}
