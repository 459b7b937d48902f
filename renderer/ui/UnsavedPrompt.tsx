/**
 * "Save changes?": asked before another file replaces a project with unsaved changes, or a project
 * replaces a photo with unsaved changes (Save / Don't save / Cancel).
 */
import { useRef } from 'react';
import { answerUnsavedAsk } from '../commands/project-commands';
import { useEditor } from '../commands/store/store';
import { AlertDialog } from './AlertDialog';

export function UnsavedPrompt() {
  const ask = useEditor((s) => s.unsavedAsk);
  const first = useRef<HTMLButtonElement>(null);
  return (
    <AlertDialog open={ask !== null} label="Unsaved changes" focus={first} onCancel={() => answerUnsavedAsk('cancel')}>
      {ask && (
        <>
          <h3>Unsaved changes</h3>
          <p>
            {ask.name} has changes that are not saved{ask.byProject ? ', and the project you open replaces its undo history' : ''}. Save
            them before opening another file?
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
        </>
      )}
    </AlertDialog>
  );
}
