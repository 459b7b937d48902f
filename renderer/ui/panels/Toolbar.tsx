/**
 * Left tool strip, Photoshop order. A double-click on the Hand fits on screen, on the Zoom tool shows
 * 100 %, as in Photoshop.
 */
import { useEditor } from '../../commands/store/store';
import { fitOnScreen } from '../../commands/canvas-commands';
import { ToolIcon } from './ToolIcon';
import type { ToolId } from '../../commands/store/tools-slice';

const TOOLS: { id: ToolId; key: string; label: string; glyph: string; tip?: string }[] = [
  { id: 'brush', key: 'B', label: 'Brush', glyph: '✎' },
  { id: 'eraser', key: 'E', label: 'Eraser', glyph: '⌫' },
  { id: 'rect', key: 'M', label: 'Rectangle marquee', glyph: '▭' },
  { id: 'ellipse', key: 'Shift+M', label: 'Ellipse marquee', glyph: '◯' },
  { id: 'lasso', key: 'L', label: 'Lasso / polygon (click points, Enter closes)', glyph: '➰' },
  { id: 'wand', key: 'W', label: 'Magic wand', glyph: '✦' },
  {
    id: 'object',
    key: 'O',
    label: 'Object select (drag a rectangle; Shift-drag adds, Alt-drag subtracts; Shift- and Alt-clicks refine)',
    glyph: '⬚',
  },
  { id: 'colorRange', key: 'I', label: 'Select colour range (eyedropper)', glyph: '◐' },
  { id: 'extend', key: 'C', label: 'Extend canvas (outpaint crop)', glyph: '⛶' },
  { id: 'pan', key: 'H', label: 'Hand (or hold Space)', glyph: '✋', tip: ' · double-click: fit on screen' },
  { id: 'zoom', key: 'Z', label: 'Zoom (click: in, Alt+click: out, drag sideways)', glyph: '🔍', tip: ' · double-click: 100 %' },
];

export function Toolbar() {
  const tool = useEditor((s) => s.tool);
  const setTool = useEditor((s) => s.setTool);
  return (
    <nav className="toolbar" aria-label="Tools">
      {TOOLS.map((t) => (
        <button
          type="button"
          key={t.id}
          data-tool={t.id}
          className={tool === t.id ? 'tool active' : 'tool'}
          title={`${t.label} (${t.key})${t.tip ?? ''}`}
          aria-label={`${t.label} (${t.key})`}
          aria-pressed={tool === t.id}
          onClick={() => setTool(t.id)}
          onDoubleClick={t.id === 'pan' ? () => fitOnScreen() : t.id === 'zoom' ? () => useEditor.getState().zoomTo(1) : undefined}
        >
          <ToolIcon tool={t.id} />
        </button>
      ))}
    </nav>
  );
}
