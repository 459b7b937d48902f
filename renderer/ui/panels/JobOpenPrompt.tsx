/** "A job is running": asked before another photo opens (keep it running / cancel it / don't open). */
import { useEffect, useRef } from 'react';
import { useEditor } from '../../commands/store/store';
import { answerOpenAsk } from '../../commands/open-guard';

export function JobOpenPrompt() {
  const open = useEditor((s) => s.openAsk);
  const job = useEditor((s) => s.job);
  const name = useEditor((s) => s.doc?.original.name);
  const first = useRef<HTMLButtonElement>(null);
  // A dialog takes the keyboard focus, so Esc and Tab answer it.
  useEffect(() => {
    if (open) first.current?.focus();
  }, [open]);
  if (!open) return null;
  return (
    <div className="modal-backdrop">
      <div
        className="modal job-open-prompt"
        role="alertdialog"
        aria-modal="true"
        aria-label="A job is running"
        data-testid="job-open-prompt"
        onKeyDown={(e) => {
          // Keys answer this question only (Esc = don't open), never the editor's shortcuts.
          e.stopPropagation();
          if (e.key === 'Escape') answerOpenAsk('dont-open');
        }}
      >
        <h3>A job is running</h3>
        <p>
          {job?.modelName ?? 'A model'} is still working on {name ?? 'this photo'}. If it keeps running, its results wait for this photo:
          undo (Ctrl/⌘ Z) back to it to see them.
        </p>
        <div className="row">
          <button
            type="button"
            className="primary"
            ref={first}
            onClick={() => answerOpenAsk('keep')}
            title="Open the other photo; the job goes on"
          >
            Keep it running
          </button>
          <button type="button" onClick={() => answerOpenAsk('cancel')} title="Stop the job, then open the other photo">
            Cancel the job
          </button>
          <button type="button" onClick={() => answerOpenAsk('dont-open')} title="Stay on this photo (Esc)">
            Don't open
          </button>
        </div>
      </div>
    </div>
  );
}
