/**
 * "A job is running": asked before another file opens (keep it running / cancel it / don't open).
 * When the open project also has unsaved changes, the same dialog asks about both at once:
 * Save / Don't save / Don't open, with "Cancel the job" to tick.
 */
import { useEffect, useRef, useState } from 'react';
import { useEditor } from '../../commands/store/store';
import { answerOpenAsk } from '../../commands/open-guard';
import { AlertDialog } from '../AlertDialog';

export function JobOpenPrompt() {
  const ask = useEditor((s) => s.openAsk);
  const job = useEditor((s) => s.job);
  const name = useEditor((s) => s.doc?.original.name);
  const projectName = useEditor((s) => s.project?.name);
  const [cancelToo, setCancelToo] = useState(false);
  const first = useRef<HTMLButtonElement>(null);
  // Each question starts with "Cancel the job" unticked.
  useEffect(() => {
    if (ask) setCancelToo(false);
  }, [ask]);
  if (!ask) return null;
  const model = job?.modelName ?? 'A model';
  const wait = ask.project
    ? 'If it keeps running, its results cannot be shown on the project you open (a message says what they cost).'
    : `If it keeps running, its results wait for ${ask.unsaved ? 'this document' : (name ?? 'this photo')}: undo (Ctrl/⌘ Z) back to it to see them.`;
  const title = ask.unsaved ? 'Unsaved changes, and a job is running' : 'A job is running';
  return (
    <AlertDialog open label={title} focus={first} onCancel={() => answerOpenAsk('dont-open')} testId="job-open-prompt">
      <h3>{title}</h3>
      {ask.unsaved ? (
        <>
          <p>
            {projectName ?? 'This project'} has changes that are not saved, and {model} is still working on it. Save them before opening the
            other file? {wait}
          </p>
          <label className="row">
            <input type="checkbox" checked={cancelToo} onChange={(e) => setCancelToo(e.target.checked)} />
            Cancel the job
          </label>
          <div className="row">
            <button
              type="button"
              className="primary"
              ref={first}
              onClick={() => answerOpenAsk({ save: true, cancelJob: cancelToo })}
              title="Save, then open"
            >
              Save
            </button>
            <button
              type="button"
              onClick={() => answerOpenAsk({ save: false, cancelJob: cancelToo })}
              title="Open without saving (Ctrl+Z still brings this document back)"
            >
              Don't save
            </button>
            <button type="button" onClick={() => answerOpenAsk('dont-open')} title="Stay on this project; the job goes on (Esc)">
              Don't open
            </button>
          </div>
        </>
      ) : (
        <>
          <p>
            {model} is still working on {name ?? 'this photo'}. {wait}
          </p>
          <div className="row">
            <button
              type="button"
              className="primary"
              ref={first}
              onClick={() => answerOpenAsk('keep')}
              title="Open the other file; the job goes on"
            >
              Keep it running
            </button>
            <button type="button" onClick={() => answerOpenAsk('cancel')} title="Stop the job, then open the other file">
              Cancel the job
            </button>
            <button type="button" onClick={() => answerOpenAsk('dont-open')} title="Stay on this photo (Esc)">
              Don't open
            </button>
          </div>
        </>
      )}
    </AlertDialog>
  );
}
