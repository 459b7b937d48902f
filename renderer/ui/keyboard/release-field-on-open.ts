/**
 * A newly opened photo or project gets the keys, as a document does in Photoshop: when the open
 * document changes to another one, a focused text field (the prompt box, where Ctrl+O was pressed)
 * is left. The dialogs on the way (a running job, unsaved changes) gave the focus back to the prompt
 * box, so the retoucher's first Ctrl+Z on the new document undid the prompt's last typed letter
 * ("a small brass ke") instead of a document step.
 */
import { useEditor } from '../../commands/store/store';
import { isEditableField } from './field-focus';

/** Starts watching the open document; returns the stop function. */
export function installReleaseFieldOnOpen(): () => void {
  return useEditor.subscribe((s, prev) => {
    const id = s.doc?.id;
    if (!id || id === prev.doc?.id) return;
    const el = document.activeElement;
    if (el instanceof HTMLElement && isEditableField(el)) el.blur();
  });
}
