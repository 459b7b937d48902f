/**
 * The selected staged candidate on the stage: its patch at its region, above the document's
 * patches (the mask overlay is hidden while staging). Compare: hidden while `Y` is held or the
 * Compare toggle is on; the reveal slider clips it to the left part of its region.
 */
import { useEffect, useState } from 'react';
import { Group, Image as KonvaImage, Line, Rect } from 'react-konva';
import { getBitmap, placeBitmap } from '../../commands/blob-store';
import { useEditor } from '../../commands/store/store';
import { ensureBitmap } from '../../commands/candidate-assets';
import { selectedCandidate } from '../../model/staging-logic';

export function StagedCandidateNode({ scale }: { scale: number }) {
  const c = useEditor((s) => selectedCandidate(s.staging));
  const compare = useEditor((s) => s.compare);
  const [, redraw] = useState(0);
  const bmp = c ? getBitmap(c.assetId) : undefined;
  useEffect(() => {
    if (c && !bmp) void ensureBitmap(c.assetId).then((b) => b && redraw((x) => x + 1));
  }, [c, bmp]);
  if (!c) return null;
  const r = c.region;
  const at = placeBitmap(c.assetId, r);
  const hidden = compare.held || compare.toggled;
  const w = (r.width * compare.reveal) / 100;
  return (
    <>
      {bmp && !hidden && w > 0 && (
        <Group name="staged" clipX={r.x} clipY={r.y} clipWidth={w} clipHeight={r.height}>
          <KonvaImage name="staged-candidate" image={bmp} x={at!.x} y={at!.y} width={at!.width} height={at!.height} />
        </Group>
      )}
      {!hidden && compare.reveal < 100 && (
        <Line name="compare-divider" points={[r.x + w, r.y, r.x + w, r.y + r.height]} stroke="#fff" strokeWidth={1.5 / scale} />
      )}
      <Rect
        name="staged-region"
        x={r.x}
        y={r.y}
        width={r.width}
        height={r.height}
        stroke="rgba(61,139,253,0.9)"
        strokeWidth={1 / scale}
        dash={[6 / scale, 4 / scale]}
      />
    </>
  );
}
