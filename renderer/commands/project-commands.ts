/**
 * Projects in the renderer: Save (Ctrl+S), Save As (Ctrl+Shift+S), opening a project (Ctrl+O, the
 * recent list, the autosave), and "unsaved changes". The document, its undo history and its masks go
 * to main as a project payload (renderer/model/project-payload.ts); main adds the image bytes and
 * writes the file. The document is unchanged since its last save while `doc` is the very record that
 * was saved (records are immutable), so undoing back to the saved state counts as saved.
 */
import type { OpenedProject, RecentProject } from '../../shared/ipc/contract-types';
import { PROJECT_HISTORY_MAX } from '../../shared/project/project-schema';
import { api, errorInfo, unwrap } from './bridge';
import { decodeToBitmap, maskReader, putBitmap, putMask, putPatchBitmap } from './blob-store';
import { rememberPatch } from './candidate-assets';
import { buildProjectPayload, projectSteps, readProjectPayload } from '../model/project-payload';
import type { Snapshot } from '../model/document-types';
import { projectStagedNote, unkeptStaged } from '../model/export-message';
import { withLayerMaskAssets } from './layer-mask-assets';
import type { ReferenceImage } from './store/jobs-slice';
import { useEditor } from './store/store';
import { reselectableMask } from './mask-commands';
import { markPromptAtRest, promptChanged, promptWords } from './prompt-mark';
import { OPEN_MAX_ZOOM } from './store/viewport-slice';

const HISTORY_KEY = 'maskwork.projectHistorySteps';

/** Undo steps kept in project files and the autosave (Settings → Projects), 0…100, default 100. */
export function loadHistoryLimit(): number {
  try {
    const n = Number(localStorage.getItem(HISTORY_KEY) ?? PROJECT_HISTORY_MAX);
    return Number.isInteger(n) && n >= 0 && n <= PROJECT_HISTORY_MAX ? n : PROJECT_HISTORY_MAX;
  } catch {
    return PROJECT_HISTORY_MAX;
  }
}

export function saveHistoryLimit(n: number): number {
  const v = Math.max(0, Math.min(PROJECT_HISTORY_MAX, Math.round(Number.isFinite(n) ? n : PROJECT_HISTORY_MAX)));
  try {
    localStorage.setItem(HISTORY_KEY, String(v));
  } catch {
    // no local storage: the default stays
  }
  return v;
}

/**
 * The open document as a project payload, or null when nothing is open. Every record's layer masks
 * get their PNG assets first (`withLayerMaskAssets`, each mask uploaded once), as for any document
 * leaving the renderer; the masks themselves travel as tiles in the payload.
 */
export async function currentProjectPayload(): Promise<{ project: string; tiles: Uint8Array } | null> {
  const s = useEditor.getState();
  if (!s.doc) return null;
  // Everything is read from the state as it is now: a project opened while the layer masks upload
  // replaces the history and frees its masks, and this save still writes the state it started on.
  const read = maskReader();
  const limit = loadHistoryLimit();
  const reselect = reselectableMask(s);
  const steps = projectSteps({ doc: s.doc, label: s.label, past: s.past, future: s.future }, limit);
  const out = async (x: Snapshot): Promise<Snapshot> => ({ doc: await withLayerMaskAssets(x.doc, read), label: x.label });
  const state = {
    doc: await withLayerMaskAssets(s.doc, read),
    label: s.label,
    past: await Promise.all(steps.past.map(out)),
    future: await Promise.all(steps.future.map(out)),
  };
  const { project, tiles } = buildProjectPayload(state, read, {
    historyLimit: limit,
    references: s.gen.references,
    prompt: { prompt: s.gen.prompt, text: s.gen.textCheck.text },
    selection: { ...(s.selectedLayer ? { layer: s.selectedLayer } : {}), ...(reselect ? { reselectMaskId: reselect } : {}) },
  });
  return { project, tiles };
}

/**
 * True when the open document has changes no project file holds (its own file, or none yet after an
 * edit): in the document, or in the prompt box (prompt-mark.ts).
 */
export function hasUnsavedChanges(): boolean {
  return hasUnsavedDocChanges() || promptChanged();
}

/** The document's own part of hasUnsavedChanges: its layers, mask, versions (what Revert brings back). */
export function hasUnsavedDocChanges(): boolean {
  const { doc, past, project } = useEditor.getState();
  if (!doc) return false;
  if (project && project.docId === doc.id) return doc !== project.savedDoc;
  return past.some((p) => p.doc.id === doc.id);
}

/**
 * The open document's name as the window title and the status bar show it: its project file's
 * ("building.maskwork") once it belongs to one, else the photo's. Null without a document.
 */
export function documentName(s: Pick<ReturnType<typeof useEditor.getState>, 'doc' | 'project'> = useEditor.getState()): string | null {
  const { doc, project } = s;
  if (!doc) return null;
  return project && project.docId === doc.id ? project.name : doc.original.name;
}

/** Saves the open document (Save As: always asks where). Resolves true when it was written. */
export async function saveProject(saveAs: boolean): Promise<boolean> {
  const s = useEditor.getState();
  const doc = s.doc;
  if (!doc) return false;
  s.setBusy('Saving…');
  try {
    const words = promptWords(s.gen); // what the payload holds (it reads the store as it is now)
    const payload = await currentProjectPayload();
    if (!payload) return false;
    const r = await unwrap(api().project.save({ ...payload, ...(saveAs ? { saveAs: true } : {}) }));
    if ('canceled' in r) return false;
    useEditor.getState().setProject({ name: r.name, path: r.path, docId: doc.id, savedDoc: doc });
    if (useEditor.getState().doc?.id === doc.id) markPromptAtRest(words);
    useEditor.getState().succeeded('save', r.path);
    const items = useEditor.getState().staging.items;
    const staged = projectStagedNote(unkeptStaged(items, doc), items.length);
    useEditor.getState().notify('success', `Saved ${r.name} (${(r.bytes / 2 ** 20).toFixed(1)} MB).${staged ? ` ${staged}` : ''}`);
    return true;
  } catch (e) {
    const info = errorInfo(e);
    useEditor.getState().notify('error', info.message, info.kind, 'save');
    return false;
  } finally {
    useEditor.getState().setBusy(null);
  }
}

/**
 * Shows a project main opened: decodes its images, rebuilds its masks and history, and makes it the
 * open document. `file`: opened from a path, which becomes the document's file (Ctrl+S saves there);
 * `copy`: a dropped project, which has no file yet (Ctrl+S asks where); `recovered`: a restored
 * autosave, whose file (when main still links it to one: `opened.path`) holds an earlier state —
 * Ctrl+S saves back to it, and until then it has unsaved changes; `revert`: the open project's own
 * file read again (File › Revert), whose saved state becomes one undo step on this session's history
 * (Ctrl/⌘ Z brings the changes back, as a photo's revert does) — it replaced the whole history with
 * the file's, and the unsaved steps were gone.
 * Throws when the project cannot be shown; the open document is then unchanged.
 */
export async function adoptProject(opened: OpenedProject, from: 'file' | 'copy' | 'recovered' | 'revert'): Promise<void> {
  const bitmaps: [string, ImageBitmap][] = [];
  const have = (id: string) => id in opened.assets;
  try {
    for (const [id, a] of Object.entries(opened.assets)) {
      if (id.startsWith('mask-')) continue; // layer-mask PNGs are main's copy; the renderer has the tiles
      bitmaps.push([id, await decodeToBitmap(a.bytes, a.mime)]);
    }
  } catch (e) {
    for (const [, b] of bitmaps) b.close();
    throw e;
  }
  let loaded: ReturnType<typeof readProjectPayload>;
  try {
    loaded = readProjectPayload(opened.project, opened.tiles, putMask, have);
  } catch (e) {
    for (const [, b] of bitmaps) b.close();
    throw new Error(`“${opened.name}” cannot be opened: ${e instanceof Error ? e.message : String(e)}. Nothing was changed.`);
  }
  // Layer patches get reduced copies for zoomed-out views (and can be decoded again from their bytes).
  const patchIds = new Set<string>();
  for (const d of [loaded.current, ...loaded.past, ...loaded.future]) for (const l of d.doc.layers) patchIds.add(l.assetId);
  for (const [id, b] of bitmaps) {
    if (!patchIds.has(id)) {
      putBitmap(id, b);
      continue;
    }
    rememberPatch(id, opened.assets[id].bytes);
    putPatchBitmap(id, b);
  }
  const s = useEditor.getState();
  // A revert replaces the document's own references; another document's stay with it for Ctrl/⌘ Z back.
  if (from === 'revert') for (const r of s.gen.references) URL.revokeObjectURL(r.thumbUrl);
  const references: ReferenceImage[] = loaded.references.map((r) => {
    const a = opened.assets[r.assetId];
    return { ...r, thumbUrl: URL.createObjectURL(new Blob([a.bytes as BlobPart], { type: a.mime })) };
  });
  if (from === 'revert') s.openDocument(loaded.current.doc, `Revert to ${opened.name}`, { undoable: true });
  else s.loadHistory({ doc: loaded.current.doc, label: loaded.current.label, past: loaded.past, future: loaded.future });
  // After the document changed: another document's prompt box starts empty (prompt-per-photo.ts), and
  // what the project saved goes into it. A revert keeps the words typed since (the revert is undoable;
  // they would not be); a project saved with an empty box leaves what was typed before the first photo.
  const saved = loaded.prompt;
  const words = from !== 'revert' && saved && (saved.prompt || saved.text) ? saved : null;
  const gen = useEditor.getState().gen;
  s.setGen({ references, ...(words ? { prompt: words.prompt, textCheck: { ...gen.textCheck, text: words.text } } : {}) });
  // The box as the file has it is at rest; a Revert keeps the words typed since, still unsaved.
  if (from !== 'revert') markPromptAtRest();
  else if (saved) markPromptAtRest({ ...promptWords(useEditor.getState().gen), prompt: saved.prompt, text: saved.text });
  // What was selected at the save: the layer (the panel selects it when its rows show) and what
  // Reselect brings back. A revert keeps the session's own.
  const sel = from !== 'revert' ? loaded.selection : undefined;
  if (sel?.layer) s.setLayerToSelect(sel.layer);
  if (sel?.reselectMaskId) s.setDroppedMask({ docId: loaded.current.doc.id, maskId: sel.reselectMaskId });
  const fromFile = from === 'file' || from === 'revert';
  s.setProject(
    from !== 'copy' && opened.path
      ? { name: opened.name, path: opened.path, docId: loaded.current.doc.id, savedDoc: fromFile ? loaded.current.doc : null }
      : null,
  );
  s.fitToScreen(OPEN_MAX_ZOOM); // never above 100 %, as a photo opens
}

/** The recent projects (empty when main cannot be asked). */
export async function recentProjects(): Promise<RecentProject[]> {
  try {
    return await unwrap(api().project.recent({}));
  } catch {
    return [];
  }
}

/** True when the open document is a project whose file does not hold its changes. */
export function projectHasUnsavedChanges(): boolean {
  const { doc, project } = useEditor.getState();
  return !!doc && !!project && project.docId === doc.id && hasUnsavedChanges();
}

export type UnsavedChoice = 'save' | 'discard' | 'cancel';
let pending: ((c: UnsavedChoice) => void) | null = null;

/**
 * Before another file replaces the open document: when that document is a project with unsaved
 * changes, asks Save / Don't save / Cancel. Resolves true when the open may go ahead. (A photo that
 * was never saved as a project is not asked about here: opening a photo is an undo step, and the
 * autosave keeps it; see mayLeaveUnsavedPhoto for a project replacing it.)
 */
export function mayLeaveUnsavedProject(): Promise<boolean> {
  if (!projectHasUnsavedChanges()) return Promise.resolve(true);
  return askUnsaved(useEditor.getState().project!.name, false);
}

/** True when the open document is a photo never saved as a project, with changes since it opened. */
export function photoHasUnsavedChanges(): boolean {
  const { doc, project } = useEditor.getState();
  return !!doc && !(project && project.docId === doc.id) && hasUnsavedChanges();
}

/**
 * Before a project replaces a photo never saved as a project that has changes: asks Save (as a
 * project) / Don't save / Cancel. A project brings its own undo history, so the photo's work — a kept
 * result, perhaps paid for — was gone with no question and no way back. (A project is asked about by
 * mayLeaveUnsavedProject.)
 */
export function mayLeaveUnsavedPhoto(): Promise<boolean> {
  if (!photoHasUnsavedChanges()) return Promise.resolve(true);
  return askUnsaved(useEditor.getState().doc!.original.name, true);
}

async function askUnsaved(name: string, byProject: boolean): Promise<boolean> {
  pending?.('cancel');
  const choice = await new Promise<UnsavedChoice>((resolve) => {
    pending = resolve;
    useEditor.getState().setUnsavedAsk({ name, byProject });
  });
  if (choice === 'cancel') return false;
  if (choice === 'save') return saveProject(false);
  return true;
}

/** The prompt's buttons. */
export function answerUnsavedAsk(choice: UnsavedChoice): void {
  const resolve = pending;
  pending = null;
  useEditor.getState().setUnsavedAsk(null);
  resolve?.(choice);
}

/** Asks the browser/Electron to confirm closing the window while there are unsaved changes. */
export function installUnsavedCloseGuard(): () => void {
  const onBeforeUnload = (e: BeforeUnloadEvent) => {
    if (!hasUnsavedChanges()) return;
    e.preventDefault();
    e.returnValue = '';
  };
  window.addEventListener('beforeunload', onBeforeUnload);
  return () => window.removeEventListener('beforeunload', onBeforeUnload);
}
