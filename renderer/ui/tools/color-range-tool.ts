/**
 * Select colour range (I): the tool is an eyedropper. A click samples a colour (Shift+click adds one,
 * Alt+click removes the nearest); the selection it would make shows live over the photo, and the
 * options bar's fuzziness slider reshapes it. Apply (or Enter) makes it the selection by the mode.
 */
import { pickRangeColor } from '../../commands/select-commands';
import type { Tool } from './tool-types';

export function createColorRangeTool(): Tool {
  return {
    id: 'colorRange',
    state: () => 'idle',
    down(p) {
      if (p.button !== 0) return;
      void pickRangeColor(p.doc, p.alt ? 'remove' : p.shift ? 'add' : 'set');
    },
    move() {},
    up() {},
    cancel() {},
  };
}
