/**
 * Turning the last autosave back into something the renderer can open. The autosave is a project
 * file whose images stay in the asset folder, so recovery is opening a project: the same checks
 * (checksums, format version, THE document schema, depth limits without recursion) and the same
 * import step for the original (display bytes with EXIF orientation applied, metadata registered
 * again so export works after a restart). The original's file identity comes from main's own record
 * in the asset store, never from the saved records.
 */
import type { RecoveredSession } from '../../../shared/ipc/contract-types';
import type { AssetStore } from './asset-store';
import type { AutosaveStore } from './autosave-store';
import { loadProject } from '../project/project-files';

/**
 * The last complete autosave with its assets, or null when there is none, it is damaged, or its
 * original image is no longer on disk (nothing could be drawn). Missing patches are left out of
 * `assets`; the renderer drops the layers that point at them.
 */
export async function recoverSession(store: AssetStore, autosave: AutosaveStore): Promise<RecoveredSession | null> {
  const bytes = await autosave.load();
  if (!bytes) return null;
  try {
    return await loadProject(store, bytes, 'session.maskwork', undefined);
  } catch {
    return null;
  }
}
