/** Native dialogs for the Electron app. */
import { dialog, type BrowserWindow } from 'electron';
import type { Dialogs } from './services/dialogs';
import { join } from 'node:path';
import { OPENABLE_IMAGE_EXTENSIONS, safeFileName } from './services/image-files';
import { MASK_IMAGE_EXTENSIONS } from '../../shared/files/image-formats';

/**
 * A save dialog's `defaultPath`: the name in `folder` (main's own record of where the photo or project
 * is), so the dialog starts there. A bare name started wherever the OS chose.
 */
function inFolder(folder: string | undefined, name: string): string {
  return folder ? join(folder, name) : name;
}

/** The formats as the Export dialog names them. */
const FORMAT_NAMES = { png: 'PNG', jpeg: 'JPEG', webp: 'WebP', tiff: 'TIFF', psd: 'PSD' } as const;

export function electronDialogs(getWindow: () => BrowserWindow | null): Dialogs {
  return {
    async chooseImageToOpen() {
      const win = getWindow();
      // Titled and labelled for what they do: without, the OS showed its plain "Open File" / "Save File"
      // with a Save button, an export's dialog the same as a project's.
      const opts = {
        title: 'Open a photo or project',
        buttonLabel: 'Open',
        properties: ['openFile' as const],
        filters: [
          { name: 'Images and projects', extensions: [...OPENABLE_IMAGE_EXTENSIONS, 'maskwork'] },
          { name: 'Maskwork projects', extensions: ['maskwork'] },
        ],
      };
      const r = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts);
      return r.canceled || !r.filePaths[0] ? null : r.filePaths[0];
    },
    async chooseExportPath(suggestedName, format, folder) {
      const win = getWindow();
      const ext = format === 'jpeg' ? ['jpg', 'jpeg'] : format === 'tiff' ? ['tif', 'tiff'] : [format];
      const opts = {
        title: `Export as ${FORMAT_NAMES[format]}`,
        buttonLabel: 'Export',
        defaultPath: inFolder(folder, safeFileName(suggestedName) ?? 'untitled'),
        filters: [{ name: `${FORMAT_NAMES[format]} image`, extensions: ext }],
      };
      const r = win ? await dialog.showSaveDialog(win, opts) : await dialog.showSaveDialog(opts);
      return r.canceled || !r.filePath ? null : r.filePath;
    },
    async chooseProjectPath(suggestedName, folder) {
      const win = getWindow();
      const opts = {
        title: 'Save the project as',
        buttonLabel: 'Save',
        defaultPath: inFolder(folder, safeFileName(suggestedName) ?? 'Untitled.maskwork'),
        filters: [{ name: 'Maskwork project', extensions: ['maskwork'] }],
      };
      const r = win ? await dialog.showSaveDialog(win, opts) : await dialog.showSaveDialog(opts);
      return r.canceled || !r.filePath ? null : r.filePath;
    },
    async chooseMaskToOpen() {
      const win = getWindow();
      const opts = {
        title: 'Choose the mask for every image',
        buttonLabel: 'Choose',
        properties: ['openFile' as const],
        filters: [{ name: 'Mask images', extensions: [...MASK_IMAGE_EXTENSIONS] }],
      };
      const r = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts);
      return r.canceled || !r.filePaths[0] ? null : r.filePaths[0];
    },
    async chooseImagesToOpen() {
      const win = getWindow();
      const opts = {
        properties: ['openFile' as const, 'multiSelections' as const],
        // The same formats as Ctrl+O's (it listed no .gif or .avif, which Ctrl+O and the batch open).
        filters: [{ name: 'Images', extensions: [...OPENABLE_IMAGE_EXTENSIONS] }],
      };
      const r = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts);
      return r.canceled || !r.filePaths.length ? null : r.filePaths;
    },
    async chooseFolder(purpose) {
      const win = getWindow();
      const opts = {
        title: purpose === 'export' ? 'Export kept results to' : 'Add every image in',
        properties: ['openDirectory' as const, 'createDirectory' as const],
      };
      const r = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts);
      return r.canceled || !r.filePaths[0] ? null : r.filePaths[0];
    },
  };
}
