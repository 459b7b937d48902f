/**
 * Crash recovery in the renderer: ask main for the last autosave at startup, describe it for the
 * banner, and open it. The autosave is a project (the same format as a saved `.maskwork`), so
 * restoring is opening a project: the document comes back with its undo history, masks and layers.
 */
import type { RecoveredSession } from '../../shared/ipc/contract-types';
import { ProjectPayloadSchema } from '../../shared/project/project-schema';
import * as v from 'valibot';
import { api, errorInfo, unwrap } from './bridge';
import { adoptProject } from './project-commands';

/** The last autosave, or null when there is none (or main could not be asked: a warning, no error). */
export async function checkForSession(): Promise<RecoveredSession | null> {
  try {
    return await unwrap(api().project.recover({}));
  } catch (e) {
    console.warn(`Session recovery unavailable: ${errorInfo(e).message}`);
    return null;
  }
}

/** "<name>, <local time>" for the banner, or null when the save is not a document this app can open. */
export function describeSession(rec: RecoveredSession): { name: string; time: string } | null {
  let doc: v.InferOutput<typeof ProjectPayloadSchema>['current']['doc'];
  try {
    // The same schema main checked the autosave with (shared/project/project-schema.ts on shared/document/schema.ts).
    const r = v.safeParse(ProjectPayloadSchema, JSON.parse(rec.project));
    if (!r.success) return null;
    doc = r.output.current.doc;
  } catch {
    return null;
  }
  if (!rec.assets[doc.original.assetId]) return null;
  const at = new Date(rec.savedAt);
  return {
    name: doc.original.name,
    time: `${at.toLocaleDateString()} ${at.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}`,
  };
}

/**
 * Opens the saved document with its history, fitted to the window. A session of a saved project comes
 * back linked to that file (main says which, `rec.path`), with unsaved changes: Ctrl+S saves there.
 */
export async function restoreSession(rec: RecoveredSession): Promise<void> {
  if (!describeSession(rec)) throw new Error('The saved session cannot be opened: its image is missing.');
  await adoptProject(rec, 'recovered');
}

/** Deletes the autosave (the user chose Discard). Failures are a warning only. */
export async function discardSession(): Promise<void> {
  try {
    await unwrap(api().project.discard({}));
  } catch (e) {
    console.warn(`Could not discard the saved session: ${errorInfo(e).message}`);
  }
}
