/** Drag-and-drop and clipboard paste of image files: the bytes go to main, which decodes and validates them. */
import { importFile } from '../commands/document-io';
import { isEditableField } from './keyboard/field-focus';

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
    const file = e.dataTransfer?.files[0];
    if (file) void fromFile(file, true);
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
