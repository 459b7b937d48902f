/**
 * Where Generate will change pixels: a dashed line at the outer edge of what the chosen model will
 * change — for a cloud model the band around the mask (the mask grown by "Grow mask" when on, plus the
 * edge feather), so a 12-px spill is never a surprise; for the offline engine the grown mask alone,
 * which is all it changes (it fills the mask and its feather ramp outside mixes the photo with itself,
 * run-edit.ts), where the line sat a feather's width out over pixels that stay as they were.
 */
import { useMemo } from 'react';
import { Shape } from 'react-konva';
import { getMask } from '../../commands/blob-store';
import { useEditor } from '../../commands/store/store';
import { bandOutline } from '../../../shared/mask';
import { effectiveGrowPx } from '../../model/edit-request';
import { currentOption, fillsExtension, modelOptions } from '../../commands/current-estimate';

type State = Parameters<typeof currentOption>[0];

/** Document px past the painted mask one model changes: the grow, and a cloud model's feather band. */
function reach(gen: State['gen'], spec: { provider: string }): number {
  return effectiveGrowPx(gen, spec) + (spec.provider === 'local' ? 0 : Math.max(0, gen.featherPx));
}

/** Document px beyond the painted mask that an edit may touch with the current settings (with several models at once, the farthest any of them reaches). */
export function bandRadius(s: State): number {
  const several = s.gen.multiOn && !fillsExtension(s);
  const counted = several ? modelOptions(s).filter((o) => (s.gen.multi[o.value] ?? 0) > 0) : [];
  const specs = counted.length ? counted.map((o) => o.spec) : [currentOption(s).spec];
  return Math.max(...specs.map((spec) => reach(s.gen, spec)));
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
