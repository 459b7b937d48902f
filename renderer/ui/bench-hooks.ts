/** Measurement hooks used by `npm run bench` (read-only: they never change the document). */
import { maskToArray } from '../../shared/mask';
import { bitmapMemory, getMask, maskMemory } from '../commands/blob-store';
import { patchBytesMemory } from '../commands/candidate-assets';
import { overlayTileCanvases } from './canvas/mask-overlay';
import { useEditor } from '../commands/store/store';
import { getStage } from './canvas/stage-access';
import { encodeMaskPng } from '../commands/mask-encode';

/** Konva layer draws by layer name since the first `drawStats()` call (count, ms spent recording them). */
const draws = new Map<string, { draws: number; ms: number }>();
const watched = new WeakSet<object>();

function watchLayerDraws(): void {
  for (const layer of getStage()?.getLayers() ?? []) {
    if (watched.has(layer)) continue;
    watched.add(layer);
    const name = layer.name() || `layer ${layer.index}`;
    let t0 = 0;
    layer.on('beforeDraw', () => {
      t0 = performance.now();
    });
    layer.on('draw', () => {
      const d = draws.get(name) ?? { draws: 0, ms: 0 };
      d.draws++;
      d.ms += performance.now() - t0;
      draws.set(name, d);
    });
  }
}

export function installBenchHooks(): void {
  const hooks = {
    /** What the renderer holds outside the JS heap, by owner (bytes; the history bench prints it). */
    memory() {
      const m = maskMemory();
      const b = bitmapMemory();
      const p = patchBytesMemory();
      const overlay = overlayTileCanvases();
      return {
        masks: m.masks,
        maskTileBytes: m.tileBytes,
        bitmaps: b.bitmaps,
        bitmapBytes: b.pixelBytes,
        largestBitmaps: b.largest,
        patchPngs: p.patches,
        patchPngBytes: p.bytes,
        overlayTileCanvases: overlay,
        overlayBytes: overlay * 256 * 256 * 4,
      };
    },
    /** Konva layer redraws by layer name since the first call (listeners are added by it; read-only otherwise). */
    drawStats() {
      watchLayerDraws();
      return Object.fromEntries([...draws].map(([k, v]) => [k, { ...v }]));
    },
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
