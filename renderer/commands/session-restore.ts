/**
 * Crash recovery in the renderer: ask main for the last autosave at startup, describe it for the
 * banner, and rebuild the document from it (bitmaps of the original and the patches, the mask from
 * its PNG) as a fresh document whose history starts at "Restored session".
 */
import type { RecoveredSession } from '../../shared/ipc/contract-types';
import { applyCoverage, createEmptyMask } from '../../shared/mask';
import { api, errorInfo, unwrap } from './bridge';
import { decodeToBitmap, putBitmap, putMask } from './blob-store';
import { decodeMaskPng } from './mask-encode';
import type { DocState } from '../model/document-types';
import { parseDocument } from '../../shared/document/schema';
import { useEditor } from './store/store';
import { adoptLayerMasks } from '../commands/layer-mask-assets';

/** History label of a restored document. */
export const RESTORED_LABEL = 'Restored session';

/** The last autosave, or null when there is none (or main could not be asked: a warning, no error). */
export async function checkForSession(): Promise<RecoveredSession | null> {
  try {
    return await unwrap(api().project.recover({}));
  } catch (e) {
    console.warn(`Session recovery unavailable: ${errorInfo(e).message}`);
    return null;
  }
}

function parseDoc(rec: RecoveredSession): DocState | null {
  // The same schema main validated the autosave with (shared/document/schema.ts).
  return parseDocument(rec.document);
}

/** "<name>, <local time>" for the banner, or null when the save is not a document this app can open. */
export function describeSession(rec: RecoveredSession): { name: string; time: string } | null {
  const doc = parseDoc(rec);
  if (!doc || !rec.assets[doc.original.assetId]) return null;
  const at = new Date(rec.savedAt);
  return {
    name: doc.original.name,
    time: `${at.toLocaleDateString()} ${at.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}`,
  };
}

/** Rebuilds the saved document and opens it (history starts fresh), fitted to the window. */
export async function restoreSession(rec: RecoveredSession): Promise<void> {
  const doc = parseDoc(rec);
  if (!doc || !rec.assets[doc.original.assetId]) throw new Error('The saved session cannot be opened: its image is missing.');
  for (const [id, a] of Object.entries(rec.assets)) {
    if (id.startsWith('mask-')) continue; // layer masks are read as masks below, never drawn
    putBitmap(id, await decodeToBitmap(a.bytes, a.mime));
  }
  const have = (l: { assetId: string }) => l.assetId in rec.assets;
  let mask = createEmptyMask(doc.canvas.width, doc.canvas.height);
  if (rec.mask) {
    const { rect } = rec.mask;
    mask = applyCoverage(mask, { rect, data: await decodeMaskPng(rec.mask.png, rect.width, rect.height) }, 'replace');
  }
  const withMasks = await adoptLayerMasks(doc, (id) => rec.assets[id]?.bytes);
  const s = useEditor.getState();
  s.openDocument(
    {
      ...withMasks,
      maskId: putMask(mask),
      layers: withMasks.layers.filter(have),
      versions: withMasks.versions.map((v) => (v.layersAfter ? { ...v, layersAfter: v.layersAfter.filter(have) } : v)),
    },
    RESTORED_LABEL,
  );
  s.fitToScreen();
}

/** Deletes the autosave (the user chose Discard). Failures are a warning only. */
export async function discardSession(): Promise<void> {
  try {
    await unwrap(api().project.discard({}));
  } catch (e) {
    console.warn(`Could not discard the saved session: ${errorInfo(e).message}`);
  }
}
