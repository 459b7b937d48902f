/**
 * While "Refine with…" works on a staged candidate: "Refine with GPT Image 2: Working…" and Cancel
 * refine, in the Generate panel — for an edit and for an outpaint alike (the outpaint's panel has no
 * "Several models" section, and the line used to live there, so a refine of an outpaint showed
 * nothing and could not be cancelled).
 */
import { cancelMulti, dismissMultiFailures } from '../commands/multi-generate';
import { entryStatus } from '../model/multi-plan';
import { useRunLines } from './run-lines';
import { Countdown } from './Countdown';

export function RefineStatus() {
  const { shown, active, failedShown, refining } = useRunLines();
  if (!refining || !shown.length) return null;
  return (
    <div className="multi-run" role="status" aria-label="Refine">
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
