import type { SelectionMode } from '../../commands/store/tools-slice';

/** Photoshop modifiers: Shift adds, Alt subtracts; otherwise the options-bar mode applies. */
export function effectiveMode(base: SelectionMode, shift: boolean, alt: boolean): SelectionMode {
  if (alt) return 'subtract';
  if (shift) return 'add';
  return base;
}
