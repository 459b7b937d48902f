/** The running job: one progress bar with the stage, elapsed time and Cancel (Esc). */
import { useEffect, useState } from 'react';
import { useEditor } from '../store/store';
import { cancelJob } from '../generate/job-client';

export function JobProgressBar() {
  const job = useEditor((s) => s.job);
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (!job) return;
    const t = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(t);
  }, [job]);
  if (!job) return null;
  const pct = Math.round(job.fraction * 100);
  const secs = Math.max(0, Math.round((now - job.startedAt) / 1000));
  return (
    <div className="job-progress" data-testid="job-progress" data-job-id={job.jobId ?? ''} data-kind={job.kind}>
      <div className="job-head">
        <span className="job-model">
          {job.kind === 'outpaint' ? 'Outpaint · ' : ''}
          {job.modelName}
        </span>
        <span className="job-stage" data-testid="job-stage">
          {job.stage}
        </span>
        <span className="muted">
          {pct}% · {secs}s
        </span>
        <span className="spacer" />
        <button type="button" data-testid="cancel-job" disabled={job.cancelling} onClick={() => void cancelJob()} title="Cancel (Esc)">
          Cancel
        </button>
      </div>
      <div className="bar" role="progressbar" aria-label="Job progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct}>
        <div className="fill" style={{ width: `${pct}%` }} />
      </div>
    </div>
  );
}
