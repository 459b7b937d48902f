/**
 * The extend tool's live preview on the stage: the new area as a (tinted) checkerboard, the
 * proposed canvas outline, and a handle in the middle of each side. Drawn in document px above
 * everything; strokes and handles keep a constant screen size. Nothing here is interactive: the
 * tool hit-tests the same geometry (model/extend-logic.ts).
 */
import { Rect } from 'react-konva';
import { useEditor } from '../../commands/store/store';
import { draftSides } from '../../commands/canvas-commands';
import { frameRect, handleCentres, newAreaStrips, SIDES } from '../../model/extend-logic';
import { checker } from './checker';

const HANDLE_PX = 10;

export function ExtendPreview({ scale }: { scale: number }) {
  const active = useEditor((s) => s.tool === 'extend');
  const doc = useEditor((s) => s.doc);
  const sides = useEditor((s) => draftSides(s));
  if (!active || !doc) return null;
  const frame = frameRect(doc.canvas, sides);
  const handles = handleCentres(frame);
  const h = HANDLE_PX / scale;
  return (
    <>
      {newAreaStrips(doc.canvas, sides).map((r) => (
        <Rect
          key={`n-${r.side}`}
          name="extend-new-area"
          x={r.x}
          y={r.y}
          width={r.width}
          height={r.height}
          fillPatternImage={checker() as unknown as HTMLImageElement}
          fillPatternScaleX={1 / scale}
          fillPatternScaleY={1 / scale}
        />
      ))}
      {newAreaStrips(doc.canvas, sides).map((r) => (
        <Rect key={`t-${r.side}`} name="extend-new-tint" x={r.x} y={r.y} width={r.width} height={r.height} fill="rgba(61,139,253,0.14)" />
      ))}
      <Rect
        name="extend-frame"
        x={frame.x}
        y={frame.y}
        width={frame.width}
        height={frame.height}
        stroke="#fff"
        strokeWidth={1 / scale}
        dash={[6 / scale, 4 / scale]}
      />
      <Rect
        name="extend-frame-shadow"
        x={frame.x}
        y={frame.y}
        width={frame.width}
        height={frame.height}
        stroke="rgba(0,0,0,0.7)"
        strokeWidth={1 / scale}
        dash={[6 / scale, 4 / scale]}
        dashOffset={6 / scale}
      />
      {SIDES.map((side) => (
        <Rect
          key={side}
          name={`extend-handle-${side}`}
          x={handles[side].x - h / 2}
          y={handles[side].y - h / 2}
          width={h}
          height={h}
          fill="#fff"
          stroke="#1e1e1e"
          strokeWidth={1 / scale}
        />
      ))}
    </>
  );
}
