/** Options-bar groups of the selection tools: wand, object select, colour range; and the brush's pen pressure. */
import { applyColorRange, cancelSelectJob, clearRangePreview, selectSubject, updateRangePreview } from '../commands/select-commands';
import type { PressureUse } from '../commands/store/select-slice';
import { useEditor } from '../commands/store/store';
import { NumberField } from './NumberField';

function SampleChoice() {
  const sample = useEditor((s) => s.select.sample);
  return (
    <label title="Read the pixels of everything visible, or of the original photo only">
      Sample
      <select
        aria-label="Sample"
        value={sample}
        onChange={(e) => useEditor.getState().setSelect({ sample: e.target.value === 'original' ? 'original' : 'composite' })}
      >
        <option value="composite">Composite</option>
        <option value="original">Original</option>
      </select>
    </label>
  );
}

export function WandOptions() {
  const sel = useEditor((s) => s.select);
  const set = useEditor((s) => s.setSelect);
  return (
    <span className="tool-options" data-testid="wand-options">
      <label>
        Tolerance
        <NumberField
          className="num"
          min={0}
          max={255}
          value={sel.tolerance}
          aria-label="Tolerance"
          onValue={(v) => v !== null && set({ tolerance: v })}
        />
      </label>
      <label>
        <input type="checkbox" checked={sel.contiguous} onChange={(e) => set({ contiguous: e.target.checked })} /> Contiguous
      </label>
      <label>
        <input type="checkbox" checked={sel.antialias} onChange={(e) => set({ antialias: e.target.checked })} /> Anti-alias
      </label>
      <SampleChoice />
    </span>
  );
}

export function ObjectOptions() {
  const selecting = useEditor((s) => s.selecting);
  const hasDoc = useEditor((s) => !!s.doc);
  return (
    <span className="tool-options shrinks" data-testid="object-options">
      <button
        type="button"
        disabled={!hasDoc || !!selecting}
        onClick={() => void selectSubject()}
        title="Select the photo's subject (Shift+O)"
      >
        Select subject
      </button>
      <SampleChoice />
      <span
        className="hint"
        title="Drag a rectangle; Shift-drag another to add its object, Alt-drag one to take its object away (begun anywhere); then, inside the rectangle, Shift-click “object” or Alt-click “not object”"
      >
        Drag a rectangle; inside it Shift-click “object”, Alt-click “not object”
      </span>
    </span>
  );
}

export function ColorRangeOptions() {
  const sel = useEditor((s) => s.select);
  const mode = useEditor((s) => s.selectionMode);
  const set = useEditor((s) => s.setSelect);
  return (
    <span className="tool-options shrinks" data-testid="range-options">
      <label>
        Fuzziness
        <input
          type="range"
          min={1}
          max={200}
          value={sel.fuzziness}
          aria-label="Fuzziness"
          onChange={(e) => {
            // The preview follows the slider.
            set({ fuzziness: Number(e.target.value) });
            void updateRangePreview();
          }}
        />
        {sel.fuzziness}
      </label>
      <fieldset className="swatches" aria-label="Sampled colours" style={{ display: 'inline', border: 0, padding: 0, margin: 0 }}>
        {sel.colors.length === 0 && (
          <span className="hint" title="Click the photo to pick a colour (Shift adds, Alt removes)">
            Click the photo to pick a colour (Shift adds, Alt removes)
          </span>
        )}
        {sel.colors.map((c, i) => (
          <span
            // biome-ignore lint/suspicious/noArrayIndexKey: colours may repeat; their order is their identity
            key={i}
            className="swatch"
            title={`rgb(${c.join(', ')})`}
            style={{ background: `rgb(${c[0]},${c[1]},${c[2]})`, display: 'inline-block', width: 14, height: 14, border: '1px solid #888' }}
          />
        ))}
      </fieldset>
      <SampleChoice />
      <button type="button" disabled={!sel.colors.length} onClick={() => void applyColorRange(mode)} title="Make it the selection (Enter)">
        Apply
      </button>
      <button type="button" disabled={!sel.colors.length} onClick={() => clearRangePreview()} title="Forget the picked colours">
        Clear colours
      </button>
    </span>
  );
}

export function PressureOption() {
  const pressure = useEditor((s) => s.select.pressure);
  return (
    // The options say what they are ("Pen: size"), so the bar needs no separate label for it.
    <select
      aria-label="Pen pressure"
      title="Pen pressure: what a pen's pressure changes — size, opacity or both (a mouse has no pressure)"
      value={pressure}
      onChange={(e) => useEditor.getState().setSelect({ pressure: e.target.value as PressureUse })}
    >
      <option value="off">Pen: off</option>
      <option value="size">Pen: size</option>
      <option value="opacity">Pen: opacity</option>
      <option value="both">Pen: both</option>
    </select>
  );
}

export function SelectingNotice() {
  const selecting = useEditor((s) => s.selecting);
  if (!selecting) return null;
  return (
    // One line that does not give way: the bar keeps its height while a selection runs (it wrapped
    // "Object select…" onto two lines at 1280 px, and the photo moved down and back).
    <span className="tool-options selecting-notice" role="status">
      {selecting}…
      {/* Named for what it cancels (a job's Cancel can be on screen with it); "Cancel" shown, to keep the options bar short. */}
      <button type="button" aria-label="Cancel selecting" onClick={() => cancelSelectJob()} title="Stop; the mask stays as it was (Esc)">
        Cancel
      </button>
    </span>
  );
}
