/**
 * The folder a save dialog starts in: where the open photo was read from, as Photoshop's Save As and
 * Export As start beside the document. Without it the native dialog opened wherever the OS chose (the
 * last folder any file was saved to, the home or working folder), and an export of a photo from
 * `~/Shoots/Wedding` landed beside another shoot's files.
 */
import { stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { AssetStore } from './asset-store';

/**
 * The folder of the file main read asset `assetId` from, if main knows one and it is still there;
 * else the folder a reopened project recorded for its photo (`doc.original.sourcePath`), if it is
 * still there. After a restart the dialogs of a reopened project started wherever the OS chose.
 */
export async function folderOfSource(store: AssetStore, assetId: string): Promise<string | undefined> {
  const path = store.info(assetId)?.sourcePath ?? (await store.sourcesOf(assetId))[0]?.realPath;
  const read = path ? await existingFolder(dirname(path)) : undefined;
  if (read) return read;
  const recorded = store.recordedFolder(assetId);
  return recorded ? existingFolder(recorded) : undefined;
}

/** `folder` when it is a folder that exists (a card or drive taken out since: the OS chooses). */
export async function existingFolder(folder: string): Promise<string | undefined> {
  const s = await stat(folder).catch(() => null);
  return s?.isDirectory() ? folder : undefined;
}
