/**
 * Closing the window with unsaved changes: the renderer's `beforeunload` handler (renderer/commands/
 * project-commands.ts) objects while the document has changes no project file holds, and Electron
 * then emits `will-prevent-unload`. Main asks with a native dialog; "Close without saving" lets the
 * window close (the autosave can still restore the work on the next start), "Cancel" keeps it open.
 */
import { dialog, type BrowserWindow } from 'electron';

export function confirmCloseWithUnsavedChanges(win: BrowserWindow): void {
  win.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(win, {
      type: 'question',
      buttons: ['Close without saving', 'Cancel'],
      defaultId: 1,
      cancelId: 1,
      title: 'Unsaved changes',
      message: 'This document has changes that are not saved in a project.',
      detail: 'Cancel, then save with Ctrl+S (⌘S), or close now: the autosave can still restore the work the next time Maskwork starts.',
    });
    // preventDefault() on will-prevent-unload ignores the page's objection: the window closes.
    if (choice === 0) event.preventDefault();
  });
}
