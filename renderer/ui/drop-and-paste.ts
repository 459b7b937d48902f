/** Drag-and-drop and clipboard paste of image files: the bytes go to main, which decodes and validates them. */
import { importFile, notOpenedMessage } from '../commands/document-io';
import { useEditor } from '../commands/store/store';
import { dropOnBatch } from './batch-drop';
import { isEditableField } from './keyboard/field-focus';

/** The modal dialog open over the editor (Settings, Export, Batch, a question), if any. */
const openModal = () => document.querySelector<HTMLElement>('[role="dialog"][aria-modal="true"], [role="alertdialog"][aria-modal="true"]');

/** `dropped`: a file dragged from disk, whose path the bridge may find (main opens it from there, as Ctrl+O would). */
async function fromFile(file: File, dropped = false): Promise<void> {
  await importFile(new Uint8Array(await file.arrayBuffer()), file.name || 'pasted image.png', dropped ? file : undefined);
}

export function installDropAndPaste(): () => void {
  const over = (e: DragEvent) => {
    if (e.dataTransfer?.types.includes('Files')) {
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
    }
  };
  const drop = (e: DragEvent) => {
    e.preventDefault();
    const files = [...(e.dataTransfer?.files ?? [])];
    if (!files.length) return;
    const modal = openModal();
    if (modal) {
      // On the Batch dialog the files join the batch; over any other dialog nothing replaces the
      // document behind it (a drop there opened the first file in the editor, silently).
      if (modal.getAttribute('aria-label') === 'Batch' && dropOnBatch(files)) return;
      const name = modal.getAttribute('aria-label');
      useEditor
        .getState()
        .notify('info', `Nothing was opened: close ${name ? `the ${name} dialog` : 'the dialog'} first, then drop the file on the photo.`);
      return;
    }
    const skipped = files.slice(1).map((f) => f.name);
    if (skipped.length) useEditor.getState().notify('info', notOpenedMessage(skipped));
    void fromFile(files[0], true);
  };
  const paste = (e: ClipboardEvent) => {
    // Pasting into a text field pastes text there.
    if (isEditableField(e.target as HTMLElement | null)) return;
    const item = [...(e.clipboardData?.items ?? [])].find((i) => i.kind === 'file' && i.type.startsWith('image/'));
    const file = item?.getAsFile();
    if (file) {
      e.preventDefault();
      void fromFile(file);
    }
  };
  window.addEventListener('dragover', over);
  window.addEventListener('drop', drop);
  window.addEventListener('paste', paste);
  return () => {
    window.removeEventListener('dragover', over);
    window.removeEventListener('drop', drop);
    window.removeEventListener('paste', paste);
  };
}
