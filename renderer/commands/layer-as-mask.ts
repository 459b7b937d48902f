/**
 * Ctrl/⌘+click on a layer's thumbnail, as Photoshop's "load the layer's transparency as a selection":
 * the document mask becomes the layer's alpha (times its layer mask), one undo step. Ctrl+Shift+click
 * adds it to the mask, Ctrl+Alt+click subtracts it, Ctrl+Shift+Alt+click keeps only where both are.
 * The layer's opacity is not applied (Photoshop loads the pixels' own transparency).
 */
import { maskToArray, type Coverage } from '../../shared/mask';
import type { PatchLayer } from '../../shared/document/schema';
import { getMask, placeBitmap } from './blob-store';
import { ensureBitmap } from './candidate-assets';
import { commitSelection } from './mask-commands';
import { useEditor } from './store/store';
import type { SelectionMode } from './store/tools-slice';

/** The combination a modified click asks for, as Photoshop's selection keys (null: not a Ctrl/⌘ click). */
export function loadModeOf(e: { ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }): SelectionMode | null {
  if (!e.ctrlKey && !e.metaKey) return null;
  if (e.shiftKey && e.altKey) return 'intersect';
  return e.shiftKey ? 'add' : e.altKey ? 'subtract' : 'replace';
}

const LABELS: Record<SelectionMode, string> = {
  replace: 'Load layer as mask',
  add: 'Add layer to mask',
  subtract: 'Subtract layer from mask',
  intersect: 'Intersect layer with mask',
};

/** The layer's alpha times its layer mask, clipped to the canvas, as a coverage in document px (null: none of it on the canvas). */
export async function layerCoverage(layer: PatchLayer, canvas: { width: number; height: number }): Promise<Coverage | null> {
  await ensureBitmap(layer.assetId);
  const at = placeBitmap(layer.assetId, { x: 0, y: 0, width: layer.width, height: layer.height });
  if (!at) return null;
  const c = new OffscreenCanvas(layer.width, layer.height);
  const ctx = c.getContext('2d', { willReadFrequently: true })!;
  ctx.drawImage(at.image, at.x, at.y, at.width, at.height);
  const px = ctx.getImageData(0, 0, layer.width, layer.height).data;
  const own = layer.maskId ? maskToArray(getMask(layer.maskId)) : null;
  const x0 = Math.max(0, layer.x);
  const y0 = Math.max(0, layer.y);
  const x1 = Math.min(canvas.width, layer.x + layer.width);
  const y1 = Math.min(canvas.height, layer.y + layer.height);
  if (x1 <= x0 || y1 <= y0) return null;
  const rect = { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
  const data = new Uint8Array(rect.width * rect.height);
  for (let y = 0; y < rect.height; y++)
    for (let x = 0; x < rect.width; x++) {
      const i = (y + y0 - layer.y) * layer.width + (x + x0 - layer.x);
      const a = px[i * 4 + 3];
      data[y * rect.width + x] = own ? Math.round((a * own[i]) / 255) : a;
    }
  return { rect, data };
}

/** Ctrl/⌘+click on layer `id`'s thumbnail: its pixels into the document mask by `mode`, one undo step. */
export async function loadLayerAsMaskCmd(id: string, mode: SelectionMode): Promise<void> {
  const doc = useEditor.getState().doc;
  const layer = doc?.layers.find((l) => l.id === id);
  if (!doc || !layer) return;
  const cov = await layerCoverage(layer, doc.canvas);
  // The document changed while the pixels were read (another photo, an undo): nothing is applied.
  if (!cov || useEditor.getState().doc !== doc) return;
  commitSelection(LABELS[mode], mode, cov);
}

/**
 * Ctrl/⌘+click on the original's thumbnail: the original's area (opaque everywhere, as Photoshop's
 * Background) into the mask by `mode`; on a canvas extended past it, the new area stays out.
 */
export function loadOriginalAsMaskCmd(mode: SelectionMode): void {
  const o = useEditor.getState().doc?.original;
  if (!o) return;
  const rect = { x: o.x, y: o.y, width: o.width, height: o.height };
  commitSelection(LABELS[mode].replace('layer', 'original'), mode, { rect, data: new Uint8Array(o.width * o.height).fill(255) });
}
