/**
 * The selection tools' New / Add / Subtract / Intersect (Photoshop's four; Intersect was only Shift+Alt). While the mask is the one Keep as layer left, the
 * default Add starts a new mask (commands/kept-mask.ts), so New shows as the mode in effect; a click
 * on Add then means Add, over that mask too.
 */
import { useSyncExternalStore } from 'react';
import { forgetKeptAsLayer, keptMaskVersion, maskLeftByKeepAsLayer, watchKeptMask } from '../../commands/kept-mask';
import { useEditor } from '../../commands/store/store';
import type { SelectionMode } from '../../commands/store/tools-slice';

const MODES: SelectionMode[] = ['replace', 'add', 'subtract', 'intersect'];

const NAMES: Record<SelectionMode, string> = { replace: 'New', add: 'Add', subtract: 'Subtract', intersect: 'Intersect' };

export function SelectionModes() {
  const mode = useEditor((s) => s.selectionMode);
  const setMode = useEditor((s) => s.setSelectionMode);
  const doc = useEditor((s) => s.doc);
  useSyncExternalStore(watchKeptMask, keptMaskVersion);
  const overKept = mode === 'add' && maskLeftByKeepAsLayer(doc);
  const shown: SelectionMode = overKept ? 'replace' : mode;
  return (
    <span className="tool-options" role="radiogroup" aria-label="Selection mode">
      {MODES.map((m) => (
        <button
          type="button"
          key={m}
          className={shown === m ? 'active' : ''}
          aria-pressed={shown === m}
          onClick={() => {
            if (m === 'add') forgetKeptAsLayer();
            setMode(m);
          }}
          title={
            m === 'add'
              ? 'Add (hold Shift)'
              : m === 'subtract'
                ? 'Subtract (hold Alt)'
                : m === 'intersect'
                  ? 'Intersect: keep the mask only where the selection overlaps it (hold Shift+Alt)'
                  : overKept
                    ? 'New mask: the next selection replaces the mask Keep as layer left (click Add, or hold Shift, to add to it)'
                    : 'New mask'
          }
        >
          {NAMES[m]}
        </button>
      ))}
    </span>
  );
}
