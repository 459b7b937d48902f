/**
 * A thumbnail of a candidate or version: the original under the region, the kept layers it lies on
 * (`under`: an extension filled around a kept one is transparent over it), and the patch on top,
 * drawn into a small canvas (the patch alone is transparent outside its mask band).
 */
import { useEffect, useRef } from 'react';
import { getBitmap, placeBitmap } from '../../commands/blob-store';
import { ensureBitmap } from '../../commands/candidate-assets';
import { useEditor } from '../../commands/store/store';
import { layerOpacity, layerVisible, type PatchLayer } from '../../../shared/document/schema';

interface Props {
  assetId: string;
  region: { x: number; y: number; width: number; height: number };
  /** Kept layers under the patch, bottom first (hidden ones are skipped; layer masks are not drawn). */
  under?: readonly PatchLayer[];
  maxWidth?: number;
  maxHeight?: number;
}

export function PatchThumb({ assetId, region, under, maxWidth = 112, maxHeight = 72 }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  const original = useEditor((s) => s.doc?.original);
  const { x, y, width, height } = region;
  const fit = Math.min(maxWidth / width, maxHeight / height);
  const w = Math.max(1, Math.round(width * fit));
  const h = Math.max(1, Math.round(height * fit));
  useEffect(() => {
    let live = true;
    /** Draws the thumbnail from what is held; false when the patch has no bitmap at all yet. */
    const draw = (): boolean => {
      const c = ref.current;
      if (!live || !c) return true;
      // A thumbnail needs w/width of the patch's pixels: its quarter-size copy serves (never a decode
      // of the full resolution for a 96-px picture, for every version in the strip).
      const at = placeBitmap(assetId, { x: 0, y: 0, width: w, height: h }, w / width);
      if (!at) return false;
      const ctx = c.getContext('2d')!;
      ctx.fillStyle = '#333';
      ctx.fillRect(0, 0, w, h);
      const orig = original ? getBitmap(original.assetId) : undefined;
      if (orig && original) {
        // The bitmap may still be a reduced preview of the original: source coordinates scale with it.
        const k = orig.width / original.width;
        ctx.drawImage(orig, (x - original.x) * k, (y - original.y) * k, width * k, height * k, 0, 0, w, h);
      }
      for (const l of under ?? []) {
        if (!layerVisible(l) || l.assetId === assetId) continue;
        if (l.x >= x + width || l.y >= y + height || l.x + l.width <= x || l.y + l.height <= y) continue;
        const rect = { x: (l.x - x) * fit, y: (l.y - y) * fit, width: l.width * fit, height: l.height * fit };
        const lay = placeBitmap(l.assetId, rect, fit);
        if (!lay) {
          void ensureBitmap(l.assetId).then(() => draw());
          continue;
        }
        ctx.globalAlpha = layerOpacity(l);
        ctx.drawImage(lay.image, lay.x, lay.y, lay.width, lay.height);
        ctx.globalAlpha = 1;
      }
      ctx.drawImage(at.image, at.x, at.y, at.width, at.height);
      return true;
    };
    if (!draw()) void ensureBitmap(assetId).then(() => draw());
    return () => {
      live = false;
    };
  }, [assetId, original, under, x, y, width, height, w, h, fit]);
  return <canvas ref={ref} className="patch-thumb" width={w} height={h} />;
}
