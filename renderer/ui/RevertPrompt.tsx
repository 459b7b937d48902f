/**
 * "Revert to the saved file?": asked before File › Revert (F12) reloads the document from its file,
 * since its changes go (Revert / Cancel; Esc cancels). A photo's revert is an undo step (Ctrl/⌘ Z
 * brings the edits back), so the focus starts on Revert and F12, Enter reverts, as F12 does at once in
 * Photoshop. A project's revert drops its unsaved undo steps, so there the focus starts on Cancel
 * (which is then the highlighted answer): a stray F12 and Enter lose nothing.
 */
import { useRef } from 'react';
import { answerRevertAsk } from '../commands/revert';
import { useEditor } from '../commands/store/store';
import { AlertDialog } from './AlertDialog';

export function RevertPrompt() {
  const ask = useEditor((s) => s.revertAsk);
  const cancel = useRef<HTMLButtonElement>(null);
  const revert = useRef<HTMLButtonElement>(null);
  const undoable = ask?.from === 'photo';
  return (
    <AlertDialog open={ask !== null} label="Revert" focus={undoable ? revert : cancel} onCancel={() => void answerRevertAsk(false)}>
      {ask && (
        <>
          <h3>Revert to the saved file?</h3>
          <p>
            {ask.from === 'project'
              ? `Your changes since ${ask.name} was last saved are lost, with their undo steps: the project's own history comes back from the file.`
              : `${ask.name} opens again as it is on disk. Your edits since it was opened are set aside: Ctrl/⌘ Z brings them back.`}
          </p>
          <div className="row">
            <button
              type="button"
              ref={revert}
              className={undoable ? 'primary' : undefined}
              onClick={() => void answerRevertAsk(true)}
              title={`Reload ${ask.name} (F12 asks this again)`}
            >
              Revert
            </button>
            <button
              type="button"
              ref={cancel}
              className={undoable ? undefined : 'primary'}
              onClick={() => void answerRevertAsk(false)}
              title="Keep the document as it is (Esc)"
            >
              Cancel
            </button>
          </div>
        </>
      )}
    </AlertDialog>
  );
}
