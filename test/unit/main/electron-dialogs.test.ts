/**
 * The native save dialogs start where main says (test/e2e/save-dialog-folder.e2e.test.ts: the photo's
 * folder, the project's): the folder becomes the dialog's `defaultPath` with the offered name. A bare
 * name opened the dialog wherever the OS chose. `electron` is a stand-in that records the options.
 */
import { describe, expect, it, vi } from 'vitest';
import { join } from 'node:path';
import { electronDialogs } from '../../../electron/main/electron-dialogs';

const shown = vi.hoisted(() => [] as { defaultPath?: string }[]);
vi.mock('electron', () => ({
  dialog: {
    showSaveDialog: (opts: { defaultPath?: string }) => {
      shown.push(opts);
      return Promise.resolve({ canceled: true, filePath: '' });
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
});
