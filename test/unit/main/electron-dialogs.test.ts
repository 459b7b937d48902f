/**
 * The native dialogs, with `electron` a stand-in that records their options. They start where main
 * says (test/e2e/save-dialog-folder.e2e.test.ts: the photo's folder, the project's): the folder
 * becomes the dialog's `defaultPath` with the offered name — a bare name opened the dialog wherever
 * the OS chose. And they say what they are for: an export's dialog was the OS's plain "Save File" with
 * a Save button, the same as the project's, and the file type read "JPEG".
 */
import { describe, expect, it, vi } from 'vitest';
import { join } from 'node:path';
import { electronDialogs } from '../../../electron/main/electron-dialogs';

interface Shown {
  defaultPath?: string;
  title?: string;
  buttonLabel?: string;
  filters?: { name: string; extensions: string[] }[];
}
const shown = vi.hoisted(() => [] as Shown[]);
vi.mock('electron', () => ({
  dialog: {
    showSaveDialog: (opts: Shown) => {
      shown.push(opts);
      return Promise.resolve({ canceled: true, filePath: '' });
    },
    showOpenDialog: (opts: Shown) => {
      shown.push(opts);
      return Promise.resolve({ canceled: true, filePaths: [] });
    },
  },
}));

describe('where the native save dialogs start', () => {
  it('an export starts in the folder main passes, with the offered name', async () => {
    shown.length = 0;
    const folder = join('/photos', 'Wedding 2026');
    expect(await electronDialogs(() => null).chooseExportPath('IMG_0412-edited.jpg', 'jpeg', folder)).toBeNull();
    expect(shown[0].defaultPath).toBe(join(folder, 'IMG_0412-edited.jpg'));
  });

  it('a project starts in the folder main passes; without one, the OS chooses', async () => {
    shown.length = 0;
    const dialogs = electronDialogs(() => null);
    await dialogs.chooseProjectPath!('IMG_0412.maskwork', join('/photos', 'Wedding 2026'));
    await dialogs.chooseProjectPath!('IMG_0412.maskwork');
    expect(shown.map((o) => o.defaultPath)).toEqual([join('/photos', 'Wedding 2026', 'IMG_0412.maskwork'), 'IMG_0412.maskwork']);
  });

  it('a name from the page cannot climb out of the folder', async () => {
    shown.length = 0;
    await electronDialogs(() => null).chooseExportPath('../../etc/x.png', 'png', '/photos');
    expect(shown[0].defaultPath).toBe(join('/photos', 'x.png'));
  });

  it('each dialog says what it is for: its title, its button, its file type', async () => {
    shown.length = 0;
    const dialogs = electronDialogs(() => null);
    await dialogs.chooseImageToOpen();
    await dialogs.chooseExportPath('a-edited.jpg', 'jpeg', '/photos');
    await dialogs.chooseExportPath('a-edited.tif', 'tiff');
    await dialogs.chooseProjectPath!('a.maskwork', '/photos');
    expect(shown.map((o) => [o.title, o.buttonLabel, o.filters?.[0].name])).toEqual([
      ['Open a photo or project', 'Open', 'Images and projects'],
      ['Export as JPEG', 'Export', 'JPEG image'],
      ['Export as TIFF', 'Export', 'TIFF image'],
      ['Save the project as', 'Save', 'Maskwork project'],
    ]);
  });
});
