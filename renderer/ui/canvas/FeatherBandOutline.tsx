/**
 * Where Generate will change pixels: a dashed line at the outer edge of the band around the mask
 * (the mask grown by "Grow mask" when on, plus the edge feather), so a 12-px spill is never a surprise.
 */
import { useMemo } from 'react';
import { Shape } from 'react-konva';
import { getMask } from '../../commands/blob-store';
import { useEditor } from '../../commands/store/store';
import { bandOutline } from '../../../shared/mask';
import { effectiveGrowPx } from '../../model/edit-request';
import { currentOption } from '../../commands/current-estimate';

/** Document px beyond the painted mask that an edit may touch with the current settings. */
export function bandRadius(s: Parameters<typeof currentOption>[0]): number {
  return Math.max(0, s.gen.featherPx) + effectiveGrowPx(s.gen, currentOption(s).spec);
}

export function FeatherBandOutline({ scale }: { scale: number }) {
  const maskId = useEditor((s) => s.doc?.maskId ?? null);
  const radius = useEditor(bandRadius);
  const outline = useMemo(() => (maskId ? bandOutline(getMask(maskId), radius) : null), [maskId, radius]);
  if (!outline) return null;
  const seg = outline.segments;
  return (
    <Shape
      name="feather-band"
      listening={false}
      sceneFunc={(ctx) => {
        const c = ctx._context;
        c.save();
        c.lineWidth = 1 / scale;
        c.beginPath();
        for (let i = 0; i < seg.length; i += 4) {
          c.moveTo(seg[i], seg[i + 1]);
          c.lineTo(seg[i + 2], seg[i + 3]);
        }
        // Dark and light dashes in turn: visible on any photo.
        c.setLineDash([4 / scale, 4 / scale]);
        c.strokeStyle = 'rgba(0,0,0,0.9)';
        c.stroke();
        c.lineDashOffset = 4 / scale;
        c.strokeStyle = 'rgba(255,255,255,0.9)';
        c.stroke();
        c.restore();
      }}
    />
  );
}
