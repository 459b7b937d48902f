/** The options bar: file actions, then the active tool's options, then undo/redo and Settings (zoom is in the status bar). */
import { canUndoStep, undoStep } from '../../commands/staging-history';
import { useEditor } from '../../commands/store/store';
import { openWithDialog } from '../../commands/document-io';
import { ExtendOptions } from './ExtendOptions';
import { ZoomOptions } from './ZoomOptions';
import { ColorRangeOptions, ObjectOptions, PressureOption, SelectingNotice, WandOptions } from '../SelectOptions';
import { PaintTarget } from './PaintTarget';
import { ProjectButtons } from '../ProjectButtons';
import { NumberField } from '../NumberField';
import { SelectionModes } from './SelectionModes';

export function OptionsBar() {
  const tool = useEditor((s) => s.tool);
  const brush = useEditor((s) => s.brush);
  const setBrush = useEditor((s) => s.setBrush);
  const hasDoc = useEditor((s) => !!s.doc);
  const canUndo = useEditor(canUndoStep);
  const canRedo = useEditor((s) => s.future.length > 0);
  return (
    <header className="options-bar">
      <button type="button" onClick={() => void openWithDialog()} title="Open a photo or a .maskwork project (Ctrl+O)">
        Open…
      </button>
      <ProjectButtons />
      <button
        type="button"
        disabled={!hasDoc}
        onClick={() => useEditor.getState().setExportOpen(true)}
        title="Export the full-resolution image as PNG, JPEG, WebP, TIFF or a layered PSD (Ctrl+Alt+Shift+W; Ctrl+Shift+Alt+S exports again with the last choice)"
      >
        Export…
      </button>
      <span className="sep" />
      {(tool === 'brush' || tool === 'eraser') && (
        <span className="tool-options" data-testid="brush-options">
          <PaintTarget />
          <label>
            Size
            <input
              type="range"
              aria-label="Brush size"
              min={1}
              max={1000}
              value={Math.min(1000, brush.size)}
              onChange={(e) => setBrush({ size: Number(e.target.value) })}
            />
            <NumberField
              className="num"
              min={1}
              max={2500}
              value={brush.size}
              onValue={(v) => v !== null && setBrush({ size: v })}
              aria-label="Brush size"
              title="Brush size in px, 1–2500 (Enter applies and gives the keys back to the canvas; Esc puts the size back)"
            />
            px
          </label>
          <label>
            Hardness
            <input
              type="range"
              min={0}
              max={100}
              value={Math.round(brush.hardness * 100)}
              onChange={(e) => setBrush({ hardness: Number(e.target.value) / 100 })}
              aria-label="Hardness"
            />
            {Math.round(brush.hardness * 100)}%
          </label>
          <label>
            Opacity
            <input
              type="range"
              min={1}
              max={100}
              value={Math.round(brush.opacity * 100)}
              onChange={(e) => setBrush({ opacity: Number(e.target.value) / 100 })}
              aria-label="Opacity"
            />
            {Math.round(brush.opacity * 100)}%
          </label>
          <PressureOption />
        </span>
      )}
      {(tool === 'rect' || tool === 'ellipse' || tool === 'lasso' || tool === 'wand' || tool === 'object' || tool === 'colorRange') && (
        <SelectionModes />
      )}
      {tool === 'wand' && <WandOptions />}
      {tool === 'object' && <ObjectOptions />}
      {tool === 'colorRange' && <ColorRangeOptions />}
      <SelectingNotice />
      {tool === 'extend' && <ExtendOptions />}
      {tool === 'zoom' && <ZoomOptions />}
      <span className="spacer" />
      <button type="button" disabled={!canUndo} onClick={undoStep} aria-label="Undo" title="Undo (Ctrl+Z)">
        ↶
      </button>
      <button type="button" disabled={!canRedo} onClick={() => useEditor.getState().redo()} aria-label="Redo" title="Redo (Ctrl+Shift+Z)">
        ↷
      </button>
      <button
        type="button"
        className="gear"
        data-testid="open-settings"
        aria-label="Settings"
        title="Settings: keys, gateways, Auto's rules, diagnostics (Ctrl+K)"
        onClick={() => useEditor.getState().setSettingsOpen(true)}
      >
        ⚙
      </button>
    </header>
  );
}
