/** The strip under the canvas: job progress, staged candidates, then the version strip. */
import { JobProgressBar } from './JobProgressBar';
import { StagingStrip } from './StagingStrip';
import { VersionStrip } from './VersionStrip';

export function StagingDock() {
  return (
    <div className="staging-dock" data-testid="staging-dock">
      <JobProgressBar />
      <StagingStrip />
      <VersionStrip />
    </div>
  );
}
