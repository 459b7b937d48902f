/**
 * "Revert to the saved file?": asked before File › Revert (F12) reloads the document from its file,
 * since its changes go (Revert / Cancel; Esc cancels). The focus starts on Cancel: a stray F12 and
 * Enter lose nothing.
 */
import { useEffect, useRef } from 'react';
import { answerRevertAsk } from '../commands/revert';
import { useEditor } from '../commands/store/store';
import { keepTabInside, useFocusReturn, useKeysOutside } from './keyboard/modal-tab';

export function RevertPrompt() {
  const ask = useEditor((s) => s.revertAsk);
  const open = ask !== null;
  const cancel = useRef<HTMLButtonElement>(null);
  useFocusReturn(open);
  // A dialog takes the keyboard focus, so Esc and Tab answer it.
  useEffect(() => {
    if (open) cancel.current?.focus();
  }, [open]);
  const box = useRef<HTMLDivElement>(null);
  useKeysOutside(box, () => void answerRevertAsk(false), open);
  if (!ask) return null;
  return (
    <div className="modal-backdrop">
      <div
        ref={box}
        className="modal job-open-prompt"
        role="alertdialog"
        aria-modal="true"
        aria-label="Revert"
        onKeyDown={(e) => {
          // Keys answer this question only (Esc = cancel), never the editor's shortcuts; Tab stays on its buttons.
          e.stopPropagation();
          if (e.key === 'Escape') void answerRevertAsk(false);
          else keepTabInside(e, e.currentTarget);
        }}
      >
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
      </div>
    </div>
  );
}
