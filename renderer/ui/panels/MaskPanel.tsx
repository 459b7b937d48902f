/** Mask operations and the overlay's look. */
import { useState } from 'react';
import { useEditor } from '../../commands/store/store';
import { clearCurrentMask, featherCurrentMask, growCurrentMask, invertCurrentMask } from '../../commands/mask-commands';
import { refineEdge, selectSubject, zoomToMask } from '../../commands/select-commands';

export function MaskPanel() {
  const [grow, setGrow] = useState(8);
  const [feather, setFeather] = useState(8);
  const visible = useEditor((s) => s.maskVisible);
  const color = useEditor((s) => s.maskColor);
  const opacity = useEditor((s) => s.maskOpacity);
  const hasDoc = useEditor((s) => !!s.doc);
  const refineRadius = useEditor((s) => s.select.refineRadius);
  const selecting = useEditor((s) => !!s.selecting);
  const hex = `#${color.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
  return (
    <section className="panel" aria-label="Mask">
      <h3>Mask</h3>
      <div className="row">
        <button type="button" disabled={!hasDoc} onClick={invertCurrentMask} title="Swap masked and unmasked (Ctrl+Shift+I)">
          Invert
        </button>
        <button type="button" disabled={!hasDoc} onClick={clearCurrentMask} title="Remove the whole mask (Ctrl+D)">
          Clear
        </button>
      </div>
      <div className="row">
        <input
          type="number"
          className="num"
          min={1}
          max={500}
          value={grow}
          onChange={(e) => setGrow(Math.max(1, Number(e.target.value)))}
          aria-label="Grow or shrink by px"
        />
        px
        <button
          type="button"
          disabled={!hasDoc}
          onClick={() => void growCurrentMask(grow)}
          title="Grow the mask outwards by this many pixels"
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
      </div>
      <div className="row">
        <input
          type="number"
          className="num"
          min={1}
          max={500}
          value={feather}
          onChange={(e) => setFeather(Math.max(1, Number(e.target.value)))}
          aria-label="Feather px"
        />
        px
        <button
          type="button"
          disabled={!hasDoc}
          onClick={() => void featherCurrentMask(feather)}
          title="Soften the mask edge over this many pixels"
        >
          Feather
        </button>
      </div>
      <div className="row">
        <input
          type="number"
          className="num"
          min={1}
          max={64}
          value={refineRadius}
          onChange={(e) => useEditor.getState().setSelect({ refineRadius: Number(e.target.value) })}
          aria-label="Refine edge radius px"
        />
        px
        <button
          type="button"
          disabled={!hasDoc || selecting}
          onClick={() => void refineEdge()}
          title="Move the mask edge onto the object's edge in the photo, within this radius (Ctrl+Alt+R)"
        >
          Refine edge
        </button>
      </div>
      <div className="row">
        <button
          type="button"
          disabled={!hasDoc || selecting}
          onClick={() => void selectSubject()}
          title="Select the photo's subject (Shift+O)"
        >
          Select subject
        </button>
        <button type="button" disabled={!hasDoc} onClick={() => zoomToMask()} title="Zoom the view to the mask (Z)">
          Zoom to mask
        </button>
      </div>
      <div className="row">
        <label>
          <input type="checkbox" checked={visible} onChange={(e) => useEditor.getState().setMaskVisible(e.target.checked)} /> Show overlay{' '}
          <kbd>\</kbd>
        </label>
      </div>
      <div className="row">
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
    </section>
  );
}

function hexToRgb(h: string): [number, number, number] {
  const n = parseInt(h.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}
