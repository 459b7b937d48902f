/**
 * The Layers panel keeps the keyboard focus and the selection on the same row: a row that takes the
 * focus becomes the selected layer (LayerRow), and while the focus is on a row's button it follows
 * the selection (LayersPanel). After a delete from the panel the deleted row's button is gone, so the
 * panel is asked here to put the focus on the row that is selected next (the one now in its place).
 */

/** The button classes of a layer row, in the row's order; the focus moves to the same kind of button. */
export const ROW_BUTTONS = ['layer-handle', 'eye', 'layer-name', 'layer-mask-target', 'layer-delete'] as const;

let pending: string | null = null;

/** The next selected row takes the focus (on the kind of button that had it; the name by default). */
export function requestLayerRowFocus(from?: unknown): void {
  const cls = (from as { classList?: { contains(c: string): boolean } } | null)?.classList;
  pending = ROW_BUTTONS.find((c) => cls?.contains(c)) ?? 'layer-name';
}

/** The pending request's button class, once (null when none). */
export function takeLayerRowFocus(): string | null {
  const p = pending;
  pending = null;
  return p;
}
