/** Opening (dialog, drop, paste) and exporting, through the bridge. Failures become toasts; the open document is untouched. */
import { exportedMessage, hiddenNote, stagedNote, unkeptStaged } from '../model/export-message';
import type { OpenedImage, OpenedProject, RecentPhoto } from '../../shared/ipc/contract-types';
import { createEmptyMask } from '../../shared/mask';
import { api, errorInfo, unwrap } from './bridge';
import { decodePreview, decodeToBitmap, getBitmap, getMask, putBitmap, putMask } from './blob-store';
import { maskBounds } from '../../shared/mask';
import { encodeMaskPng } from './mask-encode';
import type { DocState } from '../model/document-types';
import { cutShortNote, exportRequest, openNotes, type ExportFormat, type ExportOptions } from '../model/export-request';
import { useEditor } from './store/store';
import { OPEN_MAX_ZOOM } from './store/viewport-slice';
import type { ToastAction } from '../model/toast-logic';
import { mayReplaceDocument } from './open-guard';
import { withLayerMaskAssets } from '../commands/layer-mask-assets';
import { adoptProject, photoHasUnsavedChanges } from './project-commands';

/** Unique across sessions too: a project opened from another session keeps its id, and Save finds its file by it. */
const newDocId = () => `doc-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

/**
 * Shows an opened image. Main proves the file intact (a full decode) while this decodes the display
 * bytes; the document changes only when both succeed, so a damaged file never replaces it. A large
 * upright JPEG is shown from a reduced decode first (what the fitted view needs) and the full
 * resolution replaces it when decoded.
 */
async function adopt(img: OpenedImage, checking: boolean, sayKept = true): Promise<void> {
  const s0 = useEditor.getState();
  const dpr = globalThis.devicePixelRatio || 1;
  const screen = { width: Math.max(1, s0.stageWidth) * dpr, height: Math.max(1, s0.stageHeight) * dpr };
  const decodeShown = async (): Promise<{ bmp: ImageBitmap; preview: boolean }> => {
    const preview = img.orientation === 1 ? await decodePreview(img.display, img.displayMime, img, screen).catch(() => null) : null;
    return preview ? { bmp: preview, preview: true } : { bmp: await decodeToBitmap(img.display, img.displayMime), preview: false };
  };
  const [check, decode] = await Promise.allSettled([
    checking ? unwrap(api().image.check({ assetId: img.assetId })) : Promise.resolve(),
    decodeShown(),
  ]);
  if (check.status === 'rejected') {
    if (decode.status === 'fulfilled') decode.value.bmp.close();
    throw check.reason;
  }
  if (decode.status === 'rejected') throw decode.reason;
  const { bmp, preview } = decode.value;
  putBitmap(img.assetId, bmp);
  if (preview) {
    void decodeToBitmap(img.display, img.displayMime).then(
      (full) => {
        if (getBitmap(img.assetId) !== bmp) return full.close();
        putBitmap(img.assetId, full);
        bmp.close();
      },
      () => {}, // the preview stays; main has proved the file intact
    );
  }
  const maskId = putMask(createEmptyMask(img.width, img.height));
  const s = useEditor.getState();
  // A photo with work on it (a kept result, perhaps paid for) is replaced as an undo step: said, so a
  // drop or a paste over it is not a silent loss (it went without a word).
  const left = sayKept && photoHasUnsavedChanges() ? s.doc?.original.name : undefined;
  s.openDocument(
    {
      id: newDocId(),
      canvas: { width: img.width, height: img.height },
      original: {
        assetId: img.assetId,
        name: img.name,
        width: img.width,
        height: img.height,
        x: 0,
        y: 0,
        hasIcc: img.hasIcc,
        hasExif: img.hasExif,
        sourcePath: img.sourcePath,
        ...(img.depth === 16 ? { depth: 16 as const } : {}),
        ...(img.colourModel ? { colourModel: img.colourModel } : {}),
        ...(img.grey ? { grey: true as const } : {}),
        ...(img.cutShort ? { cutShort: true as const } : {}),
      },
      maskId,
      layers: [],
      versions: [],
    },
    undefined,
    { undoable: true },
  );
  s.fitToScreen(OPEN_MAX_ZOOM); // never above 100 %, as Photoshop opens a document
  if (left) s.notify('info', keptMessage(left));
  const cut = cutShortNote(img);
  if (cut) s.notify('error', cut, 'bad-image');
  for (const note of openNotes(img)) s.notify('info', note);
}

/** After another photo replaced one with work on it (Ctrl/⌘ O, a drop, a paste, a recent photo). */
export const keptMessage = (name: string) => `Your work on ${name} is kept: Ctrl/⌘ Z brings it back.`;

/**
 * Runs `work` with a busy label and resolves with its value; a failure is an error message about
 * `action` and resolves undefined (`work` calls `succeeded` when it did). `file`: the path the
 * error is about (a recent photo or project), so that saving or opening that file takes it away.
 */
async function guarded<T>(label: string, action: ToastAction, work: () => Promise<T>, file?: string): Promise<T | undefined> {
  const s = useEditor.getState();
  s.setBusy(label);
  try {
    return await work();
  } catch (e) {
    const info = errorInfo(e);
    s.notify('error', info.message, info.kind, action, file);
    return undefined;
  } finally {
    s.setBusy(null);
  }
}

/** Ctrl+O: a photo, or a `.maskwork` project (main tells which by the file chosen). */
export async function openWithDialog(): Promise<void> {
  // The file first, then at most one question: what it asks (or whether it asks) depends on what was chosen.
  const r = await guarded('Opening…', 'open', openChosen);
  if (r) await replaceWith(r);
}

/** Several files handed over at once (at launch, or dropped): the first opens, this names the others. */
export function notOpenedMessage(skipped: readonly string[]): string {
  const n = skipped.length;
  const named = n <= 3 ? skipped : [...skipped.slice(0, 2), `${n - 2} more files`];
  const list = named.length === 1 ? named[0] : `${named.slice(0, -1).join(', ')} and ${named.at(-1)}`;
  return `Maskwork edits one photo at a time: ${list} ${n === 1 ? 'was' : 'were'} not opened (Batch… edits many).`;
}

/**
 * The oldest file the OS asked the app to open ("Open with", a double-click, a second launch), read
 * by main and shown as a file chosen with Ctrl+O is — asked about first the same way. False when
 * none was waiting, or it could not be read (an error message; the document unchanged).
 */
export async function openLaunchFile(): Promise<boolean> {
  const r = await guarded('Opening…', 'open', () => unwrap(api().launch.take({ checkLater: true })));
  if (!r || 'none' in r) return false;
  const { skipped, ...opened } = r;
  if (skipped.length) useEditor.getState().notify('info', notOpenedMessage(skipped));
  await replaceWith(opened);
  return true;
}

/** A photo from the recent photos: read by main, then asked about as Ctrl+O's file is. A photo gone since is an error message (and leaves the list). */
export async function openRecentPhoto(path: string): Promise<void> {
  const r = await guarded('Opening…', 'open', () => unwrap(api().image.reopen({ recentPath: path, checkLater: true })), path);
  if (r) await replaceWith(r);
}

/**
 * File › Revert of a photo: its own file (`path`, the document's `original.sourcePath`) read again —
 * main reads it only if the photo `original` came from it, on the recent list or not.
 */
export async function reopenOwnPhoto(original: string, path: string): Promise<void> {
  const r = await guarded('Opening…', 'open', () => unwrap(api().image.revert({ original, path, checkLater: true })), path);
  if (r) await replaceWith(r, false); // Revert says it itself
}

/** The photos opened lately from a file, newest first (none when main cannot say). */
export async function recentPhotos(): Promise<RecentPhoto[]> {
  try {
    return await unwrap(api().image.recent({}));
  } catch {
    return [];
  }
}

/** A file main has read (a photo, or a project) replaces the document, once the question about what would be lost allows it. */
async function replaceWith(r: OpenedImage | { project: OpenedProject }, sayKept = true): Promise<void> {
  const isProject = 'project' in r;
  if (!(await mayReplaceDocument(isProject ? { projectPath: r.project.path, isProject } : {}))) return;
  await guarded('Opening…', 'open', async () => {
    if ('project' in r) await adoptProject(r.project, 'file');
    else await adopt(r, true, sayKept);
    useEditor.getState().succeeded('open');
  });
}

/** The open dialog's file, read by main (null: the dialog was cancelled). */
async function openChosen() {
  const r = await unwrap(api().image.open({ checkLater: true }));
  return 'canceled' in r ? null : r;
}

/**
 * Opens a project from the recent list: asked about first like Ctrl+O (a running job, unsaved
 * changes; the project already open asks nothing). Failures are an error message, the document unchanged.
 */
export async function openRecentProject(path: string): Promise<void> {
  if (!(await mayReplaceDocument({ projectPath: path, isProject: true }))) return;
  return guarded(
    'Opening…',
    'open',
    async () => {
      await adoptProject(await unwrap(api().project.open({ recentPath: path })), 'file');
      useEditor.getState().succeeded('open');
    },
    path,
  );
}

/**
 * Opens bytes dropped or pasted on the window (a photo, or a `.maskwork` project). `file`: the
 * dropped File, whose path the bridge looks up (never the page): main then opens it from that file —
 * an original the export guard protects, a recent photo, a project saved back to itself — when the
 * file still holds these bytes; else a copy.
 */
export async function importFile(bytes: Uint8Array, name: string, file?: File): Promise<void> {
  if (!(await mayReplaceDocument({ isProject: /\.maskwork$/i.test(name) }))) return;
  return guarded(`Opening ${name}…`, 'open', async () => {
    if (/\.maskwork$/i.test(name)) {
      const opened = await unwrap(api().project.import({ bytes, name, file }));
      await adoptProject(opened, opened.path ? 'file' : 'copy');
    } else await adopt(await unwrap(api().image.import({ bytes, name, checkLater: true, file })), true);
    useEditor.getState().succeeded('open');
  });
}

export function exportImage(format: ExportFormat, quality?: number, opts: ExportOptions = {}): Promise<void> {
  return guarded('Exporting…', 'export', async () => {
    const state = useEditor.getState();
    const doc = state.doc;
    if (!doc) return;
    const mask = format === 'psd' ? await maskAsset(doc) : undefined;
    // What the canvas shows: layers in order, each with its visibility, opacity and layer mask (uploaded first).
    const out = await withLayerMaskAssets(doc);
    const r = await unwrap(api().image.export({ ...exportRequest(out, state.hiddenLayers, format, opts), mask, quality }));
    if ('canceled' in r) return;
    const notify = useEditor.getState().notify;
    useEditor.getState().succeeded('export');
    notify('success', exportedMessage(r));
    for (const note of r.notes ?? []) notify('info', note);
    const hidden = format === 'psd' ? null : hiddenNote(format, doc, state.hiddenLayers);
    if (hidden) notify('info', hidden);
    const items = state.staging.items;
    const staged = stagedNote(unkeptStaged(items, doc), items.length);
    if (staged) notify('info', staged);
  });
}

/** The current mask as a grey PNG asset in main (what a PSD keeps as a hidden layer), or none when empty. */
async function maskAsset(doc: DocState): Promise<{ assetId: string; x: number; y: number } | undefined> {
  const mask = getMask(doc.maskId);
  const rect = maskBounds(mask);
  if (!rect) return undefined;
  const { assetId } = await unwrap(api().asset.put({ bytes: await encodeMaskPng(mask, rect), kind: 'mask' }));
  return { assetId, x: rect.x, y: rect.y };
}
