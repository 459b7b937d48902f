/**
 * Turning the last autosave back into something the renderer can open: the saved records, the mask
 * PNG, and the bytes of every asset the records reference. The original goes through the same import
 * step as opening a file (display bytes with EXIF orientation applied, and its metadata registered
 * again so export works after a restart); patches and references are sent as stored. The original's
 * file identity comes from main's own record in the asset store, not from the saved records.
 */
import type { RecoveredSession } from '../../../shared/ipc/contract-types';
import type { AssetStore } from './asset-store';
import type { AutosaveStore } from './autosave-store';
import { importImage } from './image-import';
import { documentAssetIds, parseDocument } from '../../../shared/document/schema';

/**
 * The last complete autosave with its assets, or null when there is none, it is unreadable, or its
 * original image is no longer on disk (nothing could be drawn). Missing patches are left out of
 * `assets`; the renderer drops the layers that point at them.
 */
export async function recoverSession(store: AssetStore, autosave: AutosaveStore): Promise<RecoveredSession | null> {
  const saved = await autosave.load();
  if (!saved) return null;
  // Validated with the shared schema, depth-limited and without recursion: a damaged or hostile
  // autosave is "nothing to restore".
  const doc = parseDocument(saved.document);
  const original = doc?.original;
  if (!doc || !original || !(await store.assetExists(original.assetId))) return null;

  const assets: RecoveredSession['assets'] = {};
  try {
    const name = original.name || 'Recovered image';
    // The path the export guard protects is the one main recorded when it opened the file (kept beside
    // the asset), never `original.sourcePath` from the renderer-written autosave.
    const sourcePath = (await store.sourcesOf(original.assetId))[0]?.realPath;
    const opened = await importImage(store, await store.get(original.assetId), name, sourcePath);
    assets[original.assetId] = { bytes: opened.display, mime: opened.displayMime };
  } catch {
    return null;
  }
  for (const id of documentAssetIds(doc)) {
    if (id in assets || !(await store.assetExists(id))) continue;
    assets[id] = { bytes: await store.get(id), mime: 'image/png' };
  }
  return { savedAt: saved.savedAt, document: saved.document, ...(saved.mask ? { mask: saved.mask } : {}), assets };
}
