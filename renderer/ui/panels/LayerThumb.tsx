/**
 * A layer's thumbnail in its Layers row, as Photoshop's: the document's frame fitted into a small
 * square, the layer's pixels where they lie, over a checkerboard where it is transparent. Drawn from
 * the bitmap the canvas already holds (its reduced copy serves), once per change of the layer's pixels
 * or place, never per frame; the layer's opacity and mask are not drawn (the row says the opacity).
 */
import { useEffect, useRef } from 'react';
import { placeBitmap } from '../../commands/blob-store';
import { ensureBitmap } from '../../commands/candidate-assets';
import type { PatchLayer } from '../../../shared/document/schema';

/** The thumbnail's side in CSS pixels. */
export const LAYER_THUMB_PX = 24;

interface Props {
  layer: Pick<PatchLayer, 'assetId' | 'x' | 'y' | 'width' | 'height'>;
  canvas: { width: number; height: number };
}

export function LayerThumb({ layer, canvas }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  const dpr = Math.min(2, Math.max(1, Math.round(window.devicePixelRatio || 1)));
  const side = LAYER_THUMB_PX * dpr;
  const { assetId, x, y, width, height } = layer;
  useEffect(() => {
    let live = true;
    const draw = (): boolean => {
      const c = ref.current;
      if (!live || !c) return true;
      const fit = Math.min(side / canvas.width, side / canvas.height);
      const fw = Math.max(1, Math.round(canvas.width * fit));
      const fh = Math.max(1, Math.round(canvas.height * fit));
      const ox = Math.floor((side - fw) / 2);
      const oy = Math.floor((side - fh) / 2);
      const ctx = c.getContext('2d')!;
      ctx.clearRect(0, 0, side, side);
      // The checkerboard over the document's frame only (the square's rest stays the panel's colour).
      const cell = 4 * dpr;
      for (let j = 0; j * cell < fh; j++)
        for (let i = 0; i * cell < fw; i++) {
          ctx.fillStyle = (i + j) % 2 ? '#8a8a8a' : '#c8c8c8';
          ctx.fillRect(ox + i * cell, oy + j * cell, Math.min(cell, fw - i * cell), Math.min(cell, fh - j * cell));
        }
      const rect = { x: ox + x * fit, y: oy + y * fit, width: width * fit, height: height * fit };
      const at = placeBitmap(assetId, rect, fit);
      if (!at) return false;
      ctx.save();
      ctx.beginPath();
      ctx.rect(ox, oy, fw, fh);
      ctx.clip();
      ctx.drawImage(at.image, at.x, at.y, at.width, at.height);
      ctx.restore();
      c.dataset.drawn = assetId;
      // How often it was drawn (a read-only probe for tests: once per change, not per render).
      c.dataset.draws = String(Number(c.dataset.draws ?? 0) + 1);
      return true;
    };
    if (!draw()) void ensureBitmap(assetId).then(() => draw());
    return () => {
      live = false;
    };
  }, [assetId, x, y, width, height, canvas.width, canvas.height, side, dpr]);
  return <canvas ref={ref} className="layer-thumb" width={side} height={side} style={{ width: LAYER_THUMB_PX, height: LAYER_THUMB_PX }} />;
}
