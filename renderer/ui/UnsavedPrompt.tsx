/**
 * "Save changes?": asked before another file replaces a project with unsaved changes, or a project
 * replaces a photo with unsaved changes (Save / Don't save / Cancel).
 */
import { useEffect, useRef } from 'react';
import { answerUnsavedAsk } from '../commands/project-commands';
import { useEditor } from '../commands/store/store';
import { keepTabInside, useFocusReturn, useKeysOutside } from './keyboard/modal-tab';

export function UnsavedPrompt() {
  const ask = useEditor((s) => s.unsavedAsk);
  const open = ask !== null;
  const first = useRef<HTMLButtonElement>(null);
  useFocusReturn(open);
  // A dialog takes the keyboard focus, so Esc and Tab answer it.
  useEffect(() => {
    if (open) first.current?.focus();
  }, [open]);
  const box = useRef<HTMLDivElement>(null);
  useKeysOutside(box, () => answerUnsavedAsk('cancel'), open);
  if (!open) return null;
  return (
    <div className="modal-backdrop">
      <div
        ref={box}
        className="modal job-open-prompt"
        role="alertdialog"
        aria-modal="true"
        aria-label="Unsaved changes"
        onKeyDown={(e) => {
          // Keys answer this question only (Esc = cancel), never the editor's shortcuts; Tab stays on its buttons.
          e.stopPropagation();
          if (e.key === 'Escape') answerUnsavedAsk('cancel');
          else keepTabInside(e, e.currentTarget);
        }}
      >
        <h3>Unsaved changes</h3>
        <p>
          {ask.name} has changes that are not saved{ask.byProject ? ', and the project you open replaces its undo history' : ''}. Save them
          before opening another file?
        </p>
        <div className="row">
          <button type="button" className="primary" ref={first} onClick={() => answerUnsavedAsk('save')} title="Save, then open">
            Save
          </button>
          <button
            type="button"
            onClick={() => answerUnsavedAsk('discard')}
            title={
              ask.byProject
                ? 'Open the project without saving: these changes are lost'
                : 'Open without saving (after opening a photo, Ctrl+Z brings this document back)'
            }
          >
            Don't save
          </button>
          <button type="button" onClick={() => answerUnsavedAsk('cancel')} title="Keep this document open (Esc)">
            Cancel
          </button>
        </div>
      </div>
    </div>
  );
}
