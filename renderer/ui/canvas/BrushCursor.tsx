/**
 * The brush outline that follows the pointer. Its position is set imperatively (no React render per
 * pointer move); only size/hardness changes re-render it.
 */
import type { Ref } from 'react';
import { useEditor } from '../../commands/store/store';

export function BrushCursor({ ref }: { ref: Ref<HTMLDivElement> }) {
  const size = useEditor((s) => s.brush.size * s.scale);
  const hardness = useEditor((s) => s.brush.hardness);
  const d = Math.max(4, size);
  return (
    <div ref={ref} className="brush-cursor" style={{ width: d, height: d, marginLeft: -d / 2, marginTop: -d / 2, display: 'none' }}>
      {hardness < 0.95 && d > 12 && <div className="brush-cursor-inner" style={{ inset: `${((1 - hardness) * d) / 2}px` }} />}
    </div>
  );
}

export function moveBrushCursor(el: HTMLDivElement | null, at: { x: number; y: number } | null): void {
  if (!el) return;
  if (!at) {
    el.style.display = 'none';
    return;
  }
  el.style.display = 'block';
  el.style.transform = `translate(${at.x}px, ${at.y}px)`;
}
