/**
 * "Revert to the saved file?": asked before File › Revert (F12) reloads the document from its file,
 * since its changes go (Revert / Cancel; Esc cancels). The focus starts on Cancel: a stray F12 and
 * Enter lose nothing.
 */
import { useRef } from 'react';
import { answerRevertAsk } from '../commands/revert';
import { useEditor } from '../commands/store/store';
import { AlertDialog } from './AlertDialog';

export function RevertPrompt() {
  const ask = useEditor((s) => s.revertAsk);
  const cancel = useRef<HTMLButtonElement>(null);
  return (
    <AlertDialog open={ask !== null} label="Revert" focus={cancel} onCancel={() => void answerRevertAsk(false)}>
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
              className="primary"
              onClick={() => void answerRevertAsk(true)}
              title={`Reload ${ask.name} (F12 asks this again)`}
            >
              Revert
            </button>
            <button type="button" ref={cancel} onClick={() => void answerRevertAsk(false)} title="Keep the document as it is (Esc)">
              Cancel
            </button>
          </div>
        </>
      )}
    </AlertDialog>
  );
}
