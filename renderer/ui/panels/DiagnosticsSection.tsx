/**
 * Settings → Diagnostics: log where each edit's time goes (renderer, transport, main). The lines go
 * to the developer console, which the packaged app does not show, so the last edits' lines are also
 * here, in a read-only field to select and copy (Ctrl/⌘ A, Ctrl/⌘ C).
 */
import { useState } from 'react';
import { describeTrace, editTracer, logEditTimingsOn, setLogEditTimings } from '../../commands/edit-trace';

/** How many of the last edits the field shows. */
const SHOWN = 5;

export function DiagnosticsSection() {
  const [on, setOn] = useState(logEditTimingsOn);
  const last = on ? editTracer.traces().slice(-SHOWN).map(describeTrace).join('\n\n') : '';
  return (
    <section className="settings-section" aria-label="Diagnostics">
      <h4>Diagnostics</h4>
      <label>
        <input
          type="checkbox"
          checked={on}
          onChange={(e) => {
            setLogEditTimings(e.currentTarget.checked);
            setOn(e.currentTarget.checked);
          }}
        />{' '}
        Log edit timings (keypress → candidate on screen, step by step)
      </label>
      {on && (
        <p className="muted">
          Each edit's timings go to the developer console (not shown in the installed app) and, for the last {SHOWN} edits, to the field
          below{last ? ': select and copy them from there' : ' once an edit has shown its candidate'}.
        </p>
      )}
      {last && <textarea className="diagnostics-log" aria-label="Last edit timings" readOnly rows={8} value={last} />}
    </section>
  );
}
