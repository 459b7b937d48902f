/** Magic wand (W): a click selects the pixels like the one clicked (options bar: tolerance, contiguous, sample, anti-alias). */
import { magicWandAt } from '../../commands/select-commands';
import { useEditor } from '../../commands/store/store';
import { effectiveMode } from './selection-mode';
import { selectionModeOver } from '../../commands/kept-mask';
import type { Tool } from './tool-types';

export function createWandTool(): Tool {
  return {
    id: 'wand',
    state: () => 'idle',
    down(p) {
      if (p.button !== 0) return;
      void magicWandAt(p.doc, selectionModeOver(effectiveMode(useEditor.getState().selectionMode, p.shift, p.alt), p.shift));
    },
    move() {},
    up() {},
    cancel() {},
  };
}
