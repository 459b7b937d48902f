/** Mask operations and the overlay's look. */
import { type KeyboardEvent, type ReactNode, useId, useMemo, useState } from 'react';
import { useEditor } from '../../commands/store/store';
import { clampNumber, NumberField, readNumber } from '../NumberField';
import { maskOverlayShown, setMaskOverlay } from '../../commands/overlay-visibility';
import {
  clearCurrentMask,
  featherCurrentMask,
  growCurrentMask,
  invertCurrentMask,
  reselectMask,
  reselectableMask,
} from '../../commands/mask-commands';
import { refineEdge, selectSubject, zoomToMask } from '../../commands/select-commands';
import { maskPanelOpen, rememberMaskPanelOpen } from './panel-fold';
import { getMask } from '../../commands/blob-store';
import { isMaskEmpty } from '../../../shared/mask';

/**
 * A row: a number field in px (min 1) and the buttons that use it. With `onEnter`, Enter in the field
 * applies the typed number and then does what the row's (first) button does (Photoshop's Feather and
 * Expand dialogs: type, Enter); the field gives the keys back to the editor as any number field does on Enter. Esc keeps the
 * field's usual meaning: put back the number it had and do nothing.
 */
function PxRow(p: {
  value: number;
  max: number;
  label: string;
  onValue: (v: number) => void;
  onEnter?: (v: number) => void;
  children: ReactNode;
}) {
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter' || !p.onEnter) return;
    const el = e.currentTarget;
    const read = el.validity.badInput ? null : readNumber(el.value);
    const v = typeof read === 'number' ? clampNumber(read, 1, p.max) : p.value;
    e.preventDefault();
    el.blur(); // applies the typed number, as the field's own Enter does
    p.onEnter(v);
  };
  return (
    <div className="row">
      <NumberField
        className="num"
        min={1}
        max={p.max}
        value={p.value}
        onValue={(v) => v !== null && p.onValue(v)}
        onKeyDown={onKeyDown}
        aria-label={p.label}
      />
      px
      {p.children}
    </div>
  );
}

export function MaskPanel() {
  const [grow, setGrow] = useState(8);
  const [feather, setFeather] = useState(8);
  const visible = useEditor(maskOverlayShown);
  const color = useEditor((s) => s.maskColor);
  const opacity = useEditor((s) => s.maskOpacity);
  const hasDoc = useEditor((s) => !!s.doc);
  // Clear and Zoom to mask have nothing to act on with an empty mask (as Photoshop greys Deselect).
  const maskId = useEditor((s) => s.doc?.maskId);
  const noMask = useMemo(() => {
    const m = maskId ? getMask(maskId) : undefined;
    return !m || isMaskEmpty(m);
  }, [maskId]);
  const canReselect = useEditor((s) => !!reselectableMask(s));
  const refineRadius = useEditor((s) => s.select.refineRadius);
  const selecting = useEditor((s) => !!s.selecting);
  const hex = `#${color.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
  const headingId = useId();
  const bodyId = useId();
  const [open, setOpen] = useState(maskPanelOpen);
  const toggle = () => {
    setOpen(!open);
    rememberMaskPanelOpen(!open);
  };
  return (
    <section className="panel mask-panel" aria-labelledby={headingId}>
      {/*
       * The panel sits below Generate, outside its scrolling part, so its controls are in sight at every
       * window size (at 1280×800 with two kept layers only its name showed, at 1500×950 it was cut below
       * Grow/Shrink). As a Photoshop panel, it folds to its name: a click on the heading; remembered.
       */}
      <h3 id={headingId} className="panel-heading">
        <button
          type="button"
          className="panel-fold"
          aria-expanded={open}
          aria-controls={bodyId}
          onClick={toggle}
          title={open ? 'Fold the Mask panel to its name (more room for Generate)' : 'Show the Mask controls'}
        >
          <span aria-hidden="true">{open ? '▾' : '▸'}</span> Mask
        </button>
      </h3>
      <div id={bodyId} hidden={!open}>
        <div className="row">
          <button type="button" disabled={!hasDoc} onClick={invertCurrentMask} title="Swap masked and unmasked (Ctrl+Shift+I)">
            Invert
          </button>
          <button type="button" disabled={!hasDoc || noMask} onClick={clearCurrentMask} title="Remove the whole mask (Ctrl+D)">
            Clear
          </button>
          <button
            type="button"
            disabled={!canReselect}
            onClick={reselectMask}
            title="Bring back the mask that Keep or Clear took away (Ctrl+Shift+D)"
          >
            Reselect
          </button>
        </div>
        {/* Enter grows, as Photoshop's Select › Modify › Expand does on Enter (it did nothing here). */}
        <PxRow
          value={grow}
          max={500}
          label="Grow or shrink by px"
          onValue={(v) => setGrow(Math.max(1, v))}
          onEnter={hasDoc ? (v) => void growCurrentMask(v) : undefined}
        >
          <button
            type="button"
            disabled={!hasDoc}
            onClick={() => void growCurrentMask(grow)}
            title="Grow the mask outwards by this many pixels (or Enter in the field)"
          >
            Grow
          </button>
          <button
            type="button"
            disabled={!hasDoc}
            onClick={() => void growCurrentMask(-grow)}
            title="Shrink the mask inwards by this many pixels"
          >
            Shrink
          </button>
        </PxRow>
        <PxRow
          value={feather}
          max={500}
          label="Feather px"
          onValue={(v) => setFeather(Math.max(1, v))}
          onEnter={hasDoc ? (v) => void featherCurrentMask(v) : undefined}
        >
          <button
            type="button"
            disabled={!hasDoc}
            onClick={() => void featherCurrentMask(feather)}
            title="Soften the mask edge over this many pixels"
          >
            Feather
          </button>
        </PxRow>
        <PxRow
          value={refineRadius}
          max={64}
          label="Refine edge radius px"
          onValue={(v) => useEditor.getState().setSelect({ refineRadius: v })}
          onEnter={hasDoc && !selecting ? () => void refineEdge() : undefined}
        >
          <button
            type="button"
            disabled={!hasDoc || selecting}
            onClick={() => void refineEdge()}
            title="Move the mask edge onto the object's edge in the photo, within this radius (Ctrl+Alt+R)"
          >
            Refine edge
          </button>
        </PxRow>
        <div className="row">
          <button
            type="button"
            disabled={!hasDoc || selecting}
            onClick={() => void selectSubject()}
            title="Select the photo's subject (Shift+O)"
          >
            Select subject
          </button>
          <button type="button" disabled={!hasDoc || noMask} onClick={() => zoomToMask()} title="Zoom the view to the mask (Shift+Z)">
            Zoom to mask
          </button>
        </div>
        <div className="row overlay-row">
          <label title={'Show or hide the mask overlay (\\)'}>
            <input type="checkbox" checked={visible} onChange={(e) => setMaskOverlay(e.target.checked)} /> Show overlay <kbd>\</kbd>
          </label>
          <input
            type="color"
            value={hex}
            aria-label="Overlay colour"
            onChange={(e) => useEditor.getState().setMaskLook(hexToRgb(e.target.value), opacity)}
          />
          <input
            type="range"
            min={5}
            max={100}
            value={Math.round(opacity * 100)}
            aria-label="Overlay opacity"
            onChange={(e) => useEditor.getState().setMaskLook(color, Number(e.target.value) / 100)}
          />
          {Math.round(opacity * 100)}%
        </div>
      </div>
    </section>
  );
}

function hexToRgb(h: string): [number, number, number] {
  const n = parseInt(h.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}
