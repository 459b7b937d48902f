/**
 * Autosave: after every document change (commit, undo, redo, open, restore) the current records —
 * not the history — and the mask inside its bounds go to main (`project:autosave`), debounced. A
 * newly opened document is saved at once, so the previous work can never be resurrected after it;
 * a kept result is saved at once too.
 * Saves run one at a time off the input path; a failure is a console warning, never a dialog.
 */
import { maskBounds } from '../../shared/mask';
import { api } from './bridge';
import { getMask } from './blob-store';
import { encodeMaskPng } from './mask-encode';
import type { DocState } from '../model/document-types';
import { useEditor } from './store/store';
import { withLayerMaskAssets } from '../commands/layer-mask-assets';

/** Quiet period after the last change before a save is sent (ms). */
export const AUTOSAVE_DELAY_MS = 1000;

/** What the autosave has done so far (read by the e2e test hooks). */
export interface AutosaveStatus {
  /** Completed saves. */
  saves: number;
  /** main's timestamp of the last completed save. */
  lastSavedAt: number | null;
  /** Id of the document the last completed save holds. */
  lastDocId: string | null;
  /** A change is waiting for the debounce or a save is running. */
  pending: boolean;
  lastError: string | null;
}

const status: AutosaveStatus = { saves: 0, lastSavedAt: null, lastDocId: null, pending: false, lastError: null };
let timer: ReturnType<typeof setTimeout> | null = null;
let running: Promise<void> | null = null;
let again = false;

/** A copy of the autosave status. */
export function autosaveStatus(): AutosaveStatus {
  return { ...status, pending: status.pending || timer !== null || running !== null };
}

async function send(doc: DocState): Promise<void> {
  const mask = getMask(doc.maskId);
  const rect = maskBounds(mask);
  // Layer masks go as PNG assets (uploaded once each), named in the layer records.
  const request = {
    document: JSON.stringify(await withLayerMaskAssets(doc)),
    ...(rect ? { mask: { png: await encodeMaskPng(mask, rect), rect } } : {}),
  };
  const r = await api().project.autosave(request);
  if (!r.ok) throw new Error(r.error.message);
  status.saves++;
  status.lastSavedAt = r.value.savedAt;
  status.lastDocId = doc.id;
  status.lastError = null;
}

/** Saves the current document now (after any save in flight); resolves when written or failed. */
export function flushAutosave(): Promise<void> {
  if (timer) clearTimeout(timer);
  timer = null;
  if (running !== null) {
    again = true;
    return running;
  }
  running = (async () => {
    do {
      again = false;
      const doc = useEditor.getState().doc;
      if (!doc) break;
      try {
        await send(doc);
      } catch (e) {
        status.lastError = e instanceof Error ? e.message : String(e);
        console.warn(`Autosave failed: ${status.lastError}`);
      }
    } while (again);
  })().finally(() => {
    running = null;
  });
  return running;
}

function schedule(delayMs: number): void {
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => {
    timer = null;
    void flushAutosave();
  }, delayMs);
}

/** Starts watching the document; returns the unsubscribe function. */
export function installAutosave(delayMs = AUTOSAVE_DELAY_MS): () => void {
  const unsubscribe = useEditor.subscribe((s, prev) => {
    if (s.doc === prev.doc || !s.doc) return;
    const opened = !prev.doc || prev.doc.id !== s.doc.id || (s.past.length === 0 && s.future.length === 0);
    // A kept result (a new version) is paid-for work: it is saved at once, not after the quiet period,
    // so a crash right after Keep cannot lose it.
    const kept = !!prev.doc && s.doc.versions.length > prev.doc.versions.length;
    if (opened || kept) void flushAutosave();
    else schedule(delayMs);
  });
  return () => {
    unsubscribe();
    if (timer) clearTimeout(timer);
    timer = null;
  };
}
