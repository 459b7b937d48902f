/**
 * Autosave: after every document change (commit, undo, redo, open, restore) the document with its
 * undo history and masks goes to main (`project:autosave`) in the project format, at most
 * AUTOSAVE_DELAY_MS after the change (the first change starts the clock; later ones do not push it
 * back, so a crash loses at most the last second). A newly opened document is saved at once, so the
 * previous work can never be resurrected after it; a kept result is saved at once too. A save waits
 * while a stroke or selection is in progress (nothing changes then) and never blocks input: masks'
 * tiles are compressed once each and cached, so a save packs only the tiles that changed.
 * A save due while a job runs waits for it to end, at most AUTOSAVE_JOB_WAIT_MS (then it saves during
 * the provider's wait), so packing and writing the project never competes with the edit for the
 * renderer's or main's time.
 * Saves run one at a time; a failure is a console warning, never a dialog. A save reads the document,
 * its history and masks as they were when it started (`currentProjectPayload`): a project opened while
 * it runs replaces them, and the save still writes the state it started on; the new one is saved next.
 */
import { api } from './bridge';
import { currentProjectPayload } from './project-commands';
import { useEditor } from './store/store';
import { promptWords } from './prompt-mark';
import type { GenSettings } from './store/jobs-slice';

function promptDiffers(a: GenSettings, b: GenSettings): boolean {
  const x = promptWords(a);
  const y = promptWords(b);
  return x.prompt !== y.prompt || x.text !== y.text || x.references !== y.references;
}

/** Longest time from a change to the start of its save (ms). */
export const AUTOSAVE_DELAY_MS = 1000;

/** Longest a due save waits for a running edit's busy moments (ms); then it saves anyway. */
export const AUTOSAVE_JOB_WAIT_MS = 3000;
/** How often a waiting save looks again (ms). */
const RETRY_MS = 100;

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

async function send(docId: string): Promise<void> {
  const payload = await currentProjectPayload();
  if (!payload) return;
  const r = await api().project.autosave(payload);
  if (!r.ok) throw new Error(r.error.message);
  const aside = r.value.keptAside;
  if (aside) {
    // The session offered at startup was neither restored nor discarded: say where it went.
    if ('failed' in aside)
      useEditor.getState().notify('error', `Your last session could not be kept before this document replaced it: ${aside.failed}`);
    else
      useEditor
        .getState()
        .notify(
          'info',
          `Your last session was not restored, so it was saved as a project before this document replaced it: “${aside.name}” (${aside.path}). Open it from the ▾ menu beside Save, under Recent projects.`,
        );
  }
  status.saves++;
  status.lastSavedAt = r.value.savedAt;
  status.lastDocId = docId;
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
        await send(doc.id);
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

/** Whether a stroke or selection is in progress (injected by the UI, which owns the tools). */
let gestureActive: () => boolean = () => false;

/**
 * A job runs. Waiting for the provider counts too: a save started then (packing the project with its
 * layers' patches, in main) can still be running when the answer arrives and compete with composing
 * and showing the candidate; a model that takes longer than the bound gets the save during its wait.
 */
function jobBusy(): boolean {
  return useEditor.getState().job !== null;
}

function schedule(delayMs: number): void {
  if (timer) return; // the first change since the last save sets the deadline
  let jobWaitMs = 0;
  timer = setTimeout(function fire() {
    // A stroke or selection in progress: try again shortly (the document cannot change meanwhile).
    if (gestureActive()) {
      timer = setTimeout(fire, RETRY_MS);
      return;
    }
    // An edit being prepared or composited: let it finish first, within a bound.
    if (jobBusy() && jobWaitMs < AUTOSAVE_JOB_WAIT_MS) {
      jobWaitMs += RETRY_MS;
      timer = setTimeout(fire, RETRY_MS);
      return;
    }
    timer = null;
    void flushAutosave();
  }, delayMs);
}

/**
 * Starts watching the document; returns the unsubscribe function. `busy` tells whether a stroke or
 * selection is in progress: a save due then waits for it to end.
 */
export function installAutosave(delayMs = AUTOSAVE_DELAY_MS, busy: () => boolean = () => false): () => void {
  gestureActive = busy;
  const unsubscribe = useEditor.subscribe((s, prev) => {
    // The prompt box is saved too (prompt-mark.ts): typing in it is a change like any other, on the
    // same clock, so a long prompt typed letter by letter is one save a second at most.
    if (s.doc && s.doc === prev.doc && s.gen !== prev.gen && promptDiffers(s.gen, prev.gen)) schedule(delayMs);
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
