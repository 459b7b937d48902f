/**
 * The selection tools' New / Add / Subtract / Intersect (Photoshop's four; Intersect was only Shift+Alt).
 * New is the default, as in Photoshop. While Shift / Alt are held the mode they ask for shows as the one
 * in effect. With Add chosen, over the mask Keep as layer left a plain selection still starts a new mask
 * (commands/kept-mask.ts), so New shows as the mode in effect; a click on Add then means Add, over that mask too.
 */
import { useSyncExternalStore } from 'react';
import { forgetKeptAsLayer, keptMaskVersion, maskLeftByKeepAsLayer, watchKeptMask } from '../../commands/kept-mask';
import { useEditor } from '../../commands/store/store';
import type { SelectionMode } from '../../commands/store/tools-slice';
import { modeInEffect, useHeldModifiers } from '../tools/held-modifiers';
import { useRovingRadios } from '../roving-radio';

const MODES: SelectionMode[] = ['replace', 'add', 'subtract', 'intersect'];

const NAMES: Record<SelectionMode, string> = { replace: 'New', add: 'Add', subtract: 'Subtract', intersect: 'Intersect' };

export function SelectionModes() {
  const mode = useEditor((s) => s.selectionMode);
  const setMode = useEditor((s) => s.setSelectionMode);
  const doc = useEditor((s) => s.doc);
  useSyncExternalStore(watchKeptMask, keptMaskVersion);
  const overKept = mode === 'add' && maskLeftByKeepAsLayer(doc);
  // Shift / Alt held: the mode they ask for shows as the one in effect, as Photoshop's options bar does
  // (not with colour range: there they add or remove a picked colour, and Enter applies by the bar's mode).
  const held = useHeldModifiers();
  const keysAsk = useEditor((s) => s.tool !== 'colorRange') && (held.shift || held.alt);
  const chosen: SelectionMode = overKept ? 'replace' : mode;
  const shown: SelectionMode = keysAsk ? modeInEffect(mode, held) : chosen;
  const choose = (m: SelectionMode) => {
    if (m === 'add') forgetKeptAsLayer();
    setMode(m);
  };
  // One control, as Photoshop's four buttons: radios (they were toggle buttons inside a radio group,
  // four Tab stops), one Tab stop, the arrows move the mode. The checked radio and the Tab stop are the
  // mode chosen, not the one Shift / Alt show while held (Shift+Tab came back to Add).
  const { onKeyDown, radio } = useRovingRadios(MODES, chosen, choose);
  return (
    <span className="tool-options" role="radiogroup" aria-label="Selection mode" onKeyDown={onKeyDown}>
      {MODES.map((m) => (
        <button
          type="button"
          key={m}
          className={shown === m ? 'active' : ''}
          {...radio(m)}
          onClick={() => choose(m)}
          title={
            m === 'add'
              ? 'Add (hold Shift)'
              : m === 'subtract'
                ? 'Subtract (hold Alt)'
                : m === 'intersect'
                  ? 'Intersect: keep the mask only where the selection overlaps it (hold Shift+Alt)'
                  : overKept
                    ? 'New mask: the next selection replaces the mask Keep as layer left (click Add, or hold Shift, to add to it)'
                    : 'New selection: replaces the mask (hold Shift to add, Alt to subtract)'
          }
        >
          {NAMES[m]}
        </button>
      ))}
    </span>
  );
}
