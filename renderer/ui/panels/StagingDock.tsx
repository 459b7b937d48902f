/**
 * The strip under the canvas: job progress, staged candidates, then the version strip. It floats
 * over the stage's bottom; its height goes to the viewport so that Fit keeps the picture above it.
 */
import { useEffect, useRef } from 'react';
import { useEditor } from '../../commands/store/store';
import { JobProgressBar } from './JobProgressBar';
import { StagingStrip } from './StagingStrip';
import { VersionStrip } from './VersionStrip';

export function StagingDock() {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current!;
    const report = () => useEditor.getState().setDockHeight(Math.ceil(el.getBoundingClientRect().height));
    const ro = new ResizeObserver(report);
    ro.observe(el);
    report();
    return () => {
      ro.disconnect();
      useEditor.getState().setDockHeight(0);
    };
  }, []);
  return (
    <div className="staging-dock" data-testid="staging-dock" ref={ref}>
      <JobProgressBar />
      <StagingStrip />
      <VersionStrip />
    </div>
  );
}
