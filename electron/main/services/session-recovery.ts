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

const ASSET_ID = /^[a-z]+-[0-9a-f]{32}$/;

interface SavedOriginal {
  assetId: string;
  name?: unknown;
}

/** Every string under a key named `assetId`, anywhere in the saved records. */
export function referencedAssetIds(doc: unknown): string[] {
  const ids = new Set<string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'assetId' && typeof x === 'string' && ASSET_ID.test(x)) ids.add(x);
        else walk(x);
      }
    }
  };
  walk(doc);
  return [...ids];
}

function originalOf(doc: unknown): SavedOriginal | null {
  const o = (doc as { original?: { assetId?: unknown } } | null)?.original;
  return o && typeof o.assetId === 'string' && ASSET_ID.test(o.assetId) ? (o as SavedOriginal) : null;
}

/**
 * The last complete autosave with its assets, or null when there is none, it is unreadable, or its
 * original image is no longer on disk (nothing could be drawn). Missing patches are left out of
 * `assets`; the renderer drops the layers that point at them.
 */
export async function recoverSession(store: AssetStore, autosave: AutosaveStore): Promise<RecoveredSession | null> {
  const saved = await autosave.load();
  if (!saved) return null;
  const doc: unknown = JSON.parse(saved.document);
  const original = originalOf(doc);
  if (!original || !(await store.assetExists(original.assetId))) return null;

  const assets: RecoveredSession['assets'] = {};
  try {
    const name = typeof original.name === 'string' && original.name ? original.name : 'Recovered image';
    // The path the export guard protects is the one main recorded when it opened the file (kept beside
    // the asset), never `original.sourcePath` from the renderer-written autosave.
    const sourcePath = (await store.sourcesOf(original.assetId))[0]?.realPath;
    const opened = await importImage(store, await store.get(original.assetId), name, sourcePath);
    assets[original.assetId] = { bytes: opened.display, mime: opened.displayMime };
  } catch {
    return null;
  }
  for (const id of referencedAssetIds(doc)) {
    if (id in assets || !(await store.assetExists(id))) continue;
    assets[id] = { bytes: await store.get(id), mime: 'image/png' };
  }
  return { savedAt: saved.savedAt, document: saved.document, ...(saved.mask ? { mask: saved.mask } : {}), assets };
}
