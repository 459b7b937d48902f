/** Settings → Diagnostics: log where each edit's time goes (renderer, transport, main) to the console. */
import { useState } from 'react';
import { logEditTimingsOn, setLogEditTimings } from '../../commands/edit-trace';

export function DiagnosticsSection() {
  const [on, setOn] = useState(logEditTimingsOn);
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
        Log edit timings to the console (keypress → candidate on screen, step by step)
      </label>
    </section>
  );
}
