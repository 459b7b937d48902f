/** Settings → Projects: how many undo steps a saved project (and the autosave) keeps. */
import { useState } from 'react';
import { PROJECT_HISTORY_MAX } from '../../shared/project/project-schema';
import { loadHistoryLimit, saveHistoryLimit } from '../commands/project-commands';

export function ProjectSettingsSection() {
  const [steps, setSteps] = useState(() => String(loadHistoryLimit()));
  return (
    <section className="settings-section" aria-label="Projects">
      <h4>Projects</h4>
      <label>
        Undo steps kept in projects
        <input
          type="number"
          className="num"
          min={0}
          max={PROJECT_HISTORY_MAX}
          value={steps}
          aria-label="Undo steps kept in projects"
          onChange={(e) => setSteps(e.target.value)}
          onBlur={() => setSteps(String(saveHistoryLimit(Number(steps))))}
        />
      </label>
      <p className="muted">
        A saved .maskwork file and the autosave keep up to this many undo steps (0–{PROJECT_HISTORY_MAX}); fewer make smaller files.
      </p>
    </section>
  );
}
