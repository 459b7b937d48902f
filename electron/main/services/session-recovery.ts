/**
 * Turning the last autosave back into something the renderer can open. The autosave is a project
 * file whose images stay in the asset folder, so recovery is opening a project: the same checks
 * (checksums, format version, THE document schema, depth limits without recursion) and the same
 * import step for the original (display bytes with EXIF orientation applied, metadata registered
 * again so export works after a restart). The original's file identity comes from main's own record
 * in the asset store, never from the saved records.
 */
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { RecoveredSession } from '../../../shared/ipc/contract-types';
import type { AssetStore } from './asset-store';
import type { AutosaveStore } from './autosave-store';
import { loadProject } from '../project/project-files';

/**
 * The last complete autosave with its assets, or null when there is none, it is damaged, or its
 * original image is no longer on disk (nothing could be drawn). Missing patches are left out of
 * `assets`; the renderer drops the layers that point at them.
 */
export async function recoverSession(
  store: AssetStore,
  autosave: AutosaveStore,
  /** Makes `path` the file of document `docId` again (Ctrl+S saves there): ProjectSession.link. */
  relink?: (path: string, docId: string) => void,
): Promise<RecoveredSession | null> {
  const bytes = await autosave.load();
  if (!bytes) return null;
  let opened: RecoveredSession;
  try {
    opened = await loadProject(store, bytes, 'session.maskwork', undefined);
  } catch {
    return null;
  }
  const file = await linkedFile(autosave, opened);
  if (!file) return opened;
  relink?.(file.path, file.docId);
  return { ...opened, path: file.path, name: basename(file.path) };
}

/**
 * The project file the recovered document belonged to, when it is still the file that document was
 * saved to: it exists and was not written after the autosave (a later write — another window's save —
 * may hold work the autosave does not, and Ctrl+S must not replace it: the session then comes back
 * with no file, as a copy, and Save asks where).
 */
async function linkedFile(autosave: AutosaveStore, opened: RecoveredSession): Promise<{ path: string; docId: string } | null> {
  const link = await autosave.loadLink();
  if (!link) return null;
  let docId: string;
  try {
    docId = (JSON.parse(opened.project) as { current: { doc: { id: string } } }).current.doc.id;
  } catch {
    return null;
  }
  if (link.docId !== docId) return null;
  const st = await stat(link.path).catch(() => null);
  if (!st?.isFile() || st.mtimeMs > link.savedAt) return null;
  return { path: link.path, docId };
}
