/**
 * "Revert to the saved file?": asked before File › Revert (F12) reloads the document from its file,
 * since its changes are set aside (Revert / Cancel; Esc cancels). A revert is an undo step, a
 * project's as a photo's (Ctrl/⌘ Z brings the edits back), so the focus starts on Revert and F12,
 * Enter reverts, as F12 does at once in Photoshop. A project's revert dropped its unsaved undo steps,
 * and the focus started on Cancel there; it is an undo step now too.
 */
import { useRef } from 'react';
import { answerRevertAsk } from '../commands/revert';
import { useEditor } from '../commands/store/store';
import { AlertDialog } from './AlertDialog';

export function RevertPrompt() {
  const ask = useEditor((s) => s.revertAsk);
  const revert = useRef<HTMLButtonElement>(null);
  return (
    <AlertDialog open={ask !== null} label="Revert" focus={revert} onCancel={() => void answerRevertAsk(false)}>
      {ask && (
        <>
          <h3>Revert to the saved file?</h3>
          <p>
            {ask.from === 'project'
              ? `${ask.name} comes back as it was last saved. Your changes since are set aside: Ctrl/⌘ Z brings them back.`
              : `${ask.name} opens again as it is on disk. Your edits since it was opened are set aside: Ctrl/⌘ Z brings them back.`}
          </p>
          <div className="row">
            <button
              type="button"
              ref={revert}
              className="primary"
              onClick={() => void answerRevertAsk(true)}
              title={`Reload ${ask.name} (F12 asks this again)`}
            >
              Revert
            </button>
            <button type="button" onClick={() => void answerRevertAsk(false)} title="Keep the document as it is (Esc)">
              Cancel
            </button>
          </div>
        </>
      )}
    </AlertDialog>
  );
}
