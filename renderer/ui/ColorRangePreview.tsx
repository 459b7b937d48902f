/** The colour range tool's live preview: what would be selected, in the overlay colour, over the canvas area. */
import { Image as KonvaImage } from 'react-konva';
import { rangePreview } from '../commands/select-commands';
import { useEditor } from '../commands/store/store';

export function ColorRangePreview() {
  useEditor((s) => s.rangePreviewVersion);
  const tool = useEditor((s) => s.tool);
  const canvas = useEditor((s) => s.doc?.canvas);
  const p = rangePreview();
  if (tool !== 'colorRange' || !p || !canvas) return null;
  return <KonvaImage name="range-preview" image={p.canvas} x={0} y={0} width={canvas.width} height={canvas.height} listening={false} />;
}
