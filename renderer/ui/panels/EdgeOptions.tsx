/**
 * Generate's Edge group: the edge feather, colour match and growing the mask before sending. As a
 * section of a Photoshop panel it folds to one line that still says its values ("12 px · grow 6 px ·
 * colour match"), folded by default and remembered: at 1280×800 its rows (and the text check below
 * them) were under the Generate panel's fold.
 */
import { useId, useRef, useState } from 'react';
import type { ModelSpec } from '../../../shared/models';
import { useEditor } from '../../commands/store/store';
import { NumberField } from '../NumberField';
import { edgeGroupOpen, rememberEdgeGroupOpen } from './panel-fold';

/** The folded line's values: what the rows would show ("feather 12 · grow 6 · colour match"; px in the tooltip). */
export function edgeSummary(featherPx: number, growOn: boolean, growPx: number, colorMatch: boolean): string {
  return [`feather ${featherPx}`, growOn ? `grow ${growPx}` : 'no grow', colorMatch ? 'colour match' : 'no colour match'].join(' · ');
}

export function EdgeOptions({ spec, growOn }: { spec: ModelSpec; growOn: boolean }) {
  const gen = useEditor((s) => s.gen);
  const setGen = useEditor((s) => s.setGen);
  const [open, setOpen] = useState(edgeGroupOpen);
  const bodyId = useId();
  const summaryId = useId();
  const boxRef = useRef<HTMLDivElement>(null);
  const summary = edgeSummary(gen.featherPx, growOn, gen.growPx, gen.colorMatch);
  const toggle = () => {
    setOpen(!open);
    rememberEdgeGroupOpen(!open);
    // Unfolded near the panel's bottom, its rows come into view (the panel scrolls them up).
    if (!open) requestAnimationFrame(() => boxRef.current?.scrollIntoView({ block: 'nearest' }));
  };
  return (
    <div className="edge-group" ref={boxRef}>
      <button
        type="button"
        className="group-fold"
        aria-expanded={open}
        aria-controls={bodyId}
        aria-label="Edge"
        aria-describedby={open ? undefined : summaryId}
        title={open ? 'Fold the edge options to one line' : `Show the edge options (${summary}, in px)`}
        onClick={toggle}
      >
        <span aria-hidden="true">{open ? '▾' : '▸'}</span> Edge
        {!open && (
          <span id={summaryId} className="muted group-summary">
            {summary}
          </span>
        )}
      </button>
      <div id={bodyId} hidden={!open}>
        <div className="row">
          <label
            className="inline"
            title={
              spec.provider === 'local'
                ? 'Soft edge where the result meets the photo. The offline engine fills the mask alone and blends its own edge: the photo around the mask stays as it is, and the dashed line on the canvas marks the mask it fills (grown when Grow is on)'
                : 'Soft edge where the result meets the photo'
            }
          >
            Feather
            <NumberField
              className="num"
              data-testid="feather"
              aria-label="Edge feather (px)"
              min={0}
              max={256}
              value={gen.featherPx}
              onValue={(v) => v !== null && setGen({ featherPx: v })}
            />
            px
          </label>
          <label className="inline" title="Match the colours of the generated pixels to their surroundings">
            <input
              type="checkbox"
              data-testid="color-match"
              checked={gen.colorMatch}
              onChange={(e) => setGen({ colorMatch: e.target.checked })}
            />
            Colour match
          </label>
        </div>
        <div className="row">
          <label
            className="inline"
            title="For removing things: grow the mask before sending, so a tight mask around an object leaves no halo (on by default for the offline engine)"
          >
            <input
              type="checkbox"
              data-testid="grow-mask"
              aria-label="Grow the mask before generating"
              checked={growOn}
              onChange={(e) => setGen({ grow: e.target.checked })}
            />
            Grow mask by
            <NumberField
              className="num"
              data-testid="grow-px"
              aria-label="Grow by (px)"
              min={0}
              max={64}
              value={gen.growPx}
              onValue={(v) => v !== null && setGen({ growPx: v })}
            />
            px
          </label>
        </div>
      </div>
    </div>
  );
}
