/** The running job: one progress bar with the stage, elapsed (and usual) time and Cancel (Esc). */
import { useEffect, useState } from 'react';
import { useEditor } from '../../commands/store/store';
import { cancelJob } from '../../commands/app-job-client';
import { PREPARING_QUIET_MS, progressDisplay } from '../../model/progress-display';

export function JobProgressBar() {
  const job = useEditor((s) => s.job);
  const [now, setNow] = useState(Date.now());
  const startedAt = job?.startedAt;
  useEffect(() => {
    if (startedAt === undefined) return;
    const t = setInterval(() => setNow(Date.now()), 250);
    // Once more when a preparation has lasted long enough to be named (progressDisplay).
    const named = setTimeout(() => setNow(Date.now()), Math.max(0, startedAt + PREPARING_QUIET_MS - Date.now()) + 5);
    return () => {
      clearInterval(t);
      clearTimeout(named);
    };
  }, [startedAt]);
  if (!job) return null;
  const d = progressDisplay(job, Math.max(now, job.startedAt));
  return (
    <div className="job-progress" data-testid="job-progress" data-job-id={job.jobId ?? ''} data-kind={job.kind} data-phase={job.phase}>
      <div className="job-head">
        <span className="job-model">
          {job.kind === 'outpaint' ? 'Outpaint · ' : ''}
          {job.modelName}
        </span>
        <span className="job-stage" data-testid="job-stage">
          {d.label}
        </span>
        <span className="muted" data-testid="job-detail" title={job.expected?.basis}>
          {d.detail}
        </span>
        <span className="spacer" />
        <button
          type="button"
          data-testid="cancel-job"
          disabled={job.cancelling}
          onClick={() => void cancelJob()}
          title="Cancel the job (Esc)"
        >
          Cancel job
        </button>
      </div>
      <div
        className={`bar${d.indeterminate ? ' indeterminate' : ''}`}
        role="progressbar"
        aria-label="Job progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={d.percent ?? undefined}
        aria-valuetext={`${d.label} ${d.detail}`}
      >
        {/* Scaled, not sized: a transform transition runs on the compositor, where a width transition
            would make the renderer's main thread lay out, paint and commit a frame 60 times a second
            for most of every wait (the bar moves every 250 ms) — time the canvas and the arriving
            candidate need. */}
        <div className="fill" style={{ transform: `scaleX(${(d.bar / 100).toFixed(4)})` }} />
      </div>
    </div>
  );
}
