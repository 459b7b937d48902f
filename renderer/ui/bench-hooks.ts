/** Measurement hooks used by `npm run bench` (read-only: they never change the document). */
import { maskToArray } from '../../shared/mask';
import { getMask } from '../commands/blob-store';
import { useEditor } from '../commands/store/store';
import { encodeMaskPng } from '../commands/mask-encode';

export function installBenchHooks(): void {
  const hooks = {
    /** Rasterises the current mask to one full-resolution array (what an export/edit of the whole mask needs). */
    fullResMask() {
      const doc = useEditor.getState().doc!;
      const mask = getMask(doc.maskId);
      const arr = maskToArray(mask);
      return { w: mask.width, h: mask.height, bytes: arr.byteLength };
    },
    async fullResMaskPng() {
      const doc = useEditor.getState().doc!;
      const mask = getMask(doc.maskId);
      const png = await encodeMaskPng(mask, { x: 0, y: 0, width: mask.width, height: mask.height });
      return png.byteLength;
    },
  };
  Object.defineProperty(window, '__maskworkBench', { value: Object.freeze(hooks) });
}
