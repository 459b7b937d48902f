/**
 * A batch folder: test photos copied into `dir`, each with its blob mask beside it, named as the
 * batch's mask pattern expects (`{stem}.mask-blob.png` or `{stem}-mask.png`).
 */
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PHOTOS } from './app-harness';
import type { Dialogs } from '../../electron/main/services/dialogs';

export async function copyPhotosWithMasks(dir: string, names: readonly string[], maskName: 'dotted' | 'dashed' = 'dotted'): Promise<void> {
  for (const n of names) {
    await copyFile(join(PHOTOS, n), join(dir, n));
    const stem = n.replace(/\.\w+$/, '');
    await copyFile(join(PHOTOS, `${stem}.mask-blob.png`), join(dir, maskName === 'dotted' ? `${stem}.mask-blob.png` : `${stem}-mask.png`));
  }
}

/** The folder `photos` in the app's temporary folder, made and filled with `names` and their blob masks. */
export async function photosFolder(app: { tmp: string }, names: readonly string[]): Promise<string> {
  const folder = join(app.tmp, 'photos');
  await mkdir(folder);
  await copyPhotosWithMasks(folder, names);
  return folder;
}

/** Main's dialogs answering every folder question with `folder` and cancelling the rest. */
export const folderOnce = (folder: string): Dialogs => ({
  chooseImageToOpen: async () => null,
  chooseExportPath: async () => null,
  chooseFolder: async () => folder,
});
