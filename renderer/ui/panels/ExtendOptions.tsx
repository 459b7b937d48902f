/**
 * The extend tool's options bar: preset aspects with an anchor, exact pixels per side, the overlap
 * band, the proposed size, Apply (Enter) and Cancel extension (Esc). Every change is a preview until Apply.
 */
import { ASPECT_PRESETS, JPEG_BLOCK_GRID } from '../../../shared/geometry';
import { useEditor } from '../../commands/store/store';
import {
  applyExtendDraft,
  cancelExtendDraft,
  activePreset,
  chooseFreeAspect,
  choosePreset,
  draftSides,
  extendBlocker,
  setBand,
  sayNoCrop,
  setExtendSide,
} from '../../commands/canvas-commands';
import { gridSplitNote, isZeroSides, proposalFor, SIDES, type Side } from '../../model/extend-logic';
import { NumberField } from '../NumberField';
import { AnchorGroup } from './AnchorGroup';

const SIDE_LABEL: Record<Side, string> = { left: 'L', right: 'R', top: 'T', bottom: 'B' };

/** Buttons give the keyboard back after a click, so Enter applies and Esc cancels. */
const release = (e: React.MouseEvent<HTMLElement>) => e.currentTarget.blur();

export function ExtendOptions() {
  const doc = useEditor((s) => s.doc);
  const extend = useEditor((s) => s.extend);
  const sides = useEditor((s) => draftSides(s));
  const blocker = useEditor((s) => extendBlocker(s));
  const empty = isZeroSides(sides);
  const preset = useEditor((s) => activePreset(s));
  const proposal = doc && !empty ? proposalFor(doc.canvas, doc.original, sides) : null;
  const gridNote = doc ? gridSplitNote(sides, extend.anchor, /\.jpe?g$/i.test(doc.original.name), JPEG_BLOCK_GRID) : null;
  const inputKeys = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      e.currentTarget.blur();
      applyExtendDraft();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.currentTarget.blur();
      cancelExtendDraft();
    }
  };
  return (
    <span className="tool-options extend-options" data-testid="extend-options">
      <span className="extend-presets" role="group" aria-label="Aspect presets">
        {ASPECT_PRESETS.map((p) => (
          <button
            type="button"
            key={p}
            data-testid="extend-preset"
            data-preset={p}
            aria-label={`Aspect ${p}`}
            title={
              !empty && preset === p
                ? `${p} is kept while you drag the handles. Click to drag them freely (the proposal stays)`
                : `Extend the canvas to ${p} around the anchor (Enter applies); dragging a handle keeps ${p}`
            }
            aria-pressed={!empty && preset === p}
            className={!empty && preset === p ? 'active' : ''}
            disabled={!doc}
            onClick={(e) => {
              release(e);
              // The pressed preset clicked again is let go: the proposal stays, drags are free.
              if (!empty && preset === p) chooseFreeAspect();
              else choosePreset(p);
            }}
          >
            {p}
          </button>
        ))}
      </span>
      <AnchorGroup anchor={extend.anchor} />
      <span className="sep" />
      {/* A side typed below 0 (a crop, as Photoshop's crop tool would) says cropping is not available, then shows 0. */}
      {SIDES.map((side) => (
        <label key={side} title={gridNote ? `Pixels to add on the ${side}. ${gridNote}` : `Pixels to add on the ${side}`}>
          {SIDE_LABEL[side]}
          <NumberField
            className="num"
            data-testid={`extend-side-${side}`}
            aria-label={`Extend ${side} (px)`}
            min={0}
            onBelowMin={sayNoCrop}
            step={1}
            disabled={!doc}
            value={sides[side]}
            onValue={(v) => v !== null && setExtendSide(side, v)}
            onKeyDown={inputKeys}
          />
        </label>
      ))}
      <label title="Overlap band into the original: masked and blended when the extension is filled">
        Band
        <NumberField
          className="num"
          data-testid="extend-band"
          aria-label="Overlap band (px)"
          min={0}
          max={256}
          value={extend.bandPx}
          onValue={(v) => v !== null && setBand(v)}
          onKeyDown={inputKeys}
        />
        px
      </label>
      {/* Always there, with a fixed width, so a drag never re-wraps the bar (and re-fits the view); the
          proposed size goes under the current one, so the bar stays one row at 1280 px. */}
      <span className="muted extend-size" data-testid="extend-size">
        <span>{doc && `${doc.canvas.width}×${doc.canvas.height}`}</span>
        {proposal && <span>{` → ${proposal.canvas.width}×${proposal.canvas.height}`}</span>}
      </span>
      <button
        type="button"
        className="primary"
        data-testid="extend-apply"
        disabled={empty || !!blocker}
        onClick={() => applyExtendDraft()}
        title={blocker ?? 'Extend the canvas (Enter)'}
      >
        Apply
      </button>
      {/* Named for what it cancels: the job's Cancel can be on screen with it. "Cancel" shown, to keep the bar on one line. */}
      <button
        type="button"
        data-testid="extend-cancel"
        aria-label="Cancel extension"
        disabled={empty}
        onClick={() => cancelExtendDraft()}
        title="Drop the preview (Esc)"
      >
        Cancel
      </button>
      {!empty && blocker && (
        <span className="blocker" data-testid="extend-blocker" title={blocker}>
          {blocker}
        </span>
      )}
    </span>
  );
}
