/**
 * The selected staged candidate on the stage: its patch at its region, above the document's
 * patches (the mask overlay is hidden while staging). While an edit's first candidate is shown ahead
 * of its result, that one instead; before that, a streaming edit's latest partial image. Compare: hidden while `Y` is held or the
 * Compare toggle is on; the reveal slider clips it to the left part of its region.
 */
import { useEffect, useState } from 'react';
import { Group, Image as KonvaImage, Line, Rect } from 'react-konva';
import { getBitmap, placeBitmap } from '../../commands/blob-store';
import { useEditor } from '../../commands/store/store';
import { ensureBitmap } from '../../commands/candidate-assets';
import { selectedCandidate } from '../../model/staging-logic';
import { earlyView, type EarlyView } from '../../commands/early-show';
import { partialViews, type PartialView } from '../../commands/partial-show';

export function StagedCandidateNode({ scale }: { scale: number }) {
  const earlyJob = useEditor((s) => (s.job?.early ? s.job.jobId : null));
  // Re-rendered for each partial image drawn (its count), and when the job goes.
  const partialJob = useEditor((s) => (s.job?.partialShown ? `${s.job.jobId}#${s.job.partialShown}` : null));
  const view = earlyJob ? earlyView() : null;
  if (view && view.jobId === earlyJob) return <EarlyCandidate view={view} scale={scale} />;
  const partials = partialJob ? partialViews().filter((p) => partialJob.startsWith(`${p.jobId}#`)) : [];
  if (partials.length)
    return (
      <>
        {partials.map((p) => (
          <PartialCandidate key={p.area ?? -1} view={p} scale={scale} />
        ))}
      </>
    );
  return <SelectedCandidate scale={scale} />;
}

/** A streaming edit's latest partial image over its region (or one area's), cut out by the mask (renderer/commands/partial-show.ts). */
function PartialCandidate({ view, scale }: { view: PartialView; scale: number }) {
  const r = view.region;
  return (
    <>
      <KonvaImage name="partial-candidate" image={view.bmp} x={r.x} y={r.y} />
      <RegionOutline r={r} scale={scale} />
    </>
  );
}

/** An edit's first candidate, its pixels on screen while main finishes the job (renderer/commands/early-show.ts). */
function EarlyCandidate({ view, scale }: { view: EarlyView; scale: number }) {
  const r = view.region;
  return (
    <>
      <Group name="staged" clipX={r.x} clipY={r.y} clipWidth={r.width} clipHeight={r.height}>
        <KonvaImage name="early-candidate" image={view.bmp} x={r.x + view.at.x} y={r.y + view.at.y} />
      </Group>
      <RegionOutline r={r} scale={scale} />
    </>
  );
}

function RegionOutline({ r, scale }: { r: EarlyView['region']; scale: number }) {
  return (
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
  );
}

function SelectedCandidate({ scale }: { scale: number }) {
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
      <RegionOutline r={r} scale={scale} />
    </>
  );
}
