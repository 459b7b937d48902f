/**
 * While "Refine with…" works on a staged candidate: "Refine with GPT Image 2: Working…" and Cancel
 * refine, in the Generate panel — for an edit and for an outpaint alike (the outpaint's panel has no
 * "Several models" section, and the line used to live there, so a refine of an outpaint showed
 * nothing and could not be cancelled). A refine that starts brings the line into view (useReveal.ts, as
 * the several-models lines do): with the panel scrolled down on a short window it stayed above the
 * fold, and the footer's "A job is running" was all one saw.
 */
import { useRef } from 'react';
import { cancelMulti, dismissMultiFailures } from '../commands/multi-generate';
import { useEditor } from '../commands/store/store';
import { entryStatus } from '../model/multi-plan';
import { useRunLines } from './run-lines';
import { Countdown } from './Countdown';
import { useRevealOnStart } from './useReveal';

export function RefineStatus() {
  const { shown, refining } = useRunLines();
  return refining && shown.length > 0 ? <RefineLines /> : null;
}

/** The line itself, mounted while it shows (so useRevealOnStart watches its element from the start). */
function RefineLines() {
  const { shown, active, failedShown } = useRunLines();
  const runId = useEditor((s) => s.multiRun?.id ?? null);
  const ref = useRef<HTMLDivElement>(null);
  useRevealOnStart(ref, active ? runId : null);
  return (
    <div className="multi-run" role="status" aria-label="Refine" ref={ref}>
      {shown.map((e) => (
        <div key={e.model} className={`multi-entry ${e.state}`} data-testid="refine-entry" data-model={e.model}>
          <span className="multi-name">Refine with {e.modelName}:</span>{' '}
          {/* A rate limit's "try again in 12 s" counts down, as its message does. */}
          <span>{e.state === 'failed' && e.retryAt ? <Countdown message={entryStatus(e)} at={e.retryAt} /> : entryStatus(e)}</span>
        </div>
      ))}
      {active && (
        <button type="button" title="Stop the refine; the candidate it started from stays in the strip" onClick={() => void cancelMulti()}>
          Cancel refine
        </button>
      )}
      {failedShown && (
        <button type="button" aria-label="Dismiss the failed refine" onClick={() => dismissMultiFailures()} title="Hide this line">
          Dismiss
        </button>
      )}
    </div>
  );
}
