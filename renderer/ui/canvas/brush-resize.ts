/**
 * Photoshop's brush HUD drag: with the brush or the eraser, Alt+right-drag (Windows) or Ctrl+Alt-drag
 * (macOS's ⌃⌥ drag; either works everywhere) sizes the brush by the horizontal move — the circle's
 * edge follows the pointer — and sets its hardness by the vertical one (down harder, up softer, as in
 * Photoshop). The circle stays where the drag began; nothing is painted and no step is made. It did
 * nothing (the right button) or painted a stroke (Ctrl+Alt with the left one).
 */
import { useEditor } from '../../commands/store/store';

/** Screen px of vertical move from soft (0) to hard (1). */
const HARDNESS_SPAN = 200;

export interface BrushResizeDrag {
  x: number;
  y: number;
  size: number;
  hardness: number;
}

interface PointerLike {
  button: number;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  clientX: number;
  clientY: number;
}

/** The press starts a brush resize drag (the brush or the eraser in hand), or null. */
export function beginBrushResize(e: PointerLike): BrushResizeDrag | null {
  const s = useEditor.getState();
  if (s.tool !== 'brush' && s.tool !== 'eraser') return null;
  const chord = (e.button === 2 && e.altKey) || (e.button === 0 && e.altKey && e.ctrlKey && !e.metaKey);
  return chord ? { x: e.clientX, y: e.clientY, size: s.brush.size, hardness: s.brush.hardness } : null;
}

/** The brush as the drag has it now (setBrush clamps and rounds the size). */
export function dragBrushResize(d: BrushResizeDrag, e: { clientX: number; clientY: number }): void {
  const s = useEditor.getState();
  const size = d.size + (2 * (e.clientX - d.x)) / s.scale;
  const hardness = Math.round(Math.min(1, Math.max(0, d.hardness + (e.clientY - d.y) / HARDNESS_SPAN)) * 100) / 100;
  s.setBrush({ size, hardness });
}

/**
 * A pointer the browser takes away mid-drag (pointercancel: the window lost it) ends the resize with
 * the brush as it was at the last move. No pointerup follows a cancel: every later move went on
 * sizing the brush, the circle held where the drag began. The circle hides until the next move shows
 * it at the pointer.
 */
export function cancelBrushResize(drag: { current: BrushResizeDrag | null }, hide: () => void): void {
  if (!drag.current) return;
  drag.current = null;
  hide();
}
