/**
 * Saving and opening `.maskwork` projects in main. The renderer sends the document, its history and
 * its packed masks (validated here with the shared schema); main adds the bytes of every asset from
 * its asset store, writes the container atomically, and remembers which file the open document
 * belongs to (so Ctrl+S saves there without asking) and the recent files. The renderer never names a
 * path to write: paths come from the save dialog or from main's own records.
 */
import { basename, dirname, extname, isAbsolute, resolve } from 'node:path';
import * as v from 'valibot';
import { AppError } from '../../../shared/errors';
import type { OpenedProject } from '../../../shared/ipc/contract-types';
import { jsonDepth } from '../../../shared/document/schema';
import {
  firstIssue,
  payloadProblem,
  MAX_MANIFEST_DEPTH,
  PROJECT_EXTENSION,
  PROJECT_FORMAT,
  PROJECT_VERSION,
  ProjectPayloadSchema,
  projectAssetIds,
  type ProjectAsset,
  type ProjectManifest,
  type ProjectPayload,
} from '../../../shared/project/project-schema';
import type { AssetStore } from '../services/asset-store';
import { safeFileName } from '../services/image-files';
import { importImage } from '../services/image-import';
import { identityOf, readRegularFile } from '../services/file-identity';
import { sniffImageFormat } from '../services/image-sniff';
import { decodeProject, encodeProject, MAX_PROJECT_BYTES } from './project-container';

/** Parses the renderer's project JSON with the shared schema; `validation` error when it is not one. */
export function parsePayload(text: string): ProjectPayload {
  if (jsonDepth(text) > MAX_MANIFEST_DEPTH) throw new AppError({ kind: 'validation', message: 'The project is nested too deeply.' });
  const r = v.safeParse(ProjectPayloadSchema, JSON.parse(text));
  if (!r.success)
    throw new AppError({ kind: 'validation', message: `The project data is not valid (${firstIssue(r.issues)}).`, rule: 'project' });
  const problem = payloadProblem(r.output);
  if (problem) throw new AppError({ kind: 'validation', message: `The project data is not valid (${problem}).`, rule: 'project' });
  return r.output;
}

const EXT: Record<string, string> = { jpeg: 'jpg', png: 'png', webp: 'webp', tiff: 'tif', gif: 'gif', avif: 'avif' };

/**
 * The manifest and asset bytes for a payload. `embed`: the assets go into the file (a saved project);
 * otherwise they are listed only and stay in the session's asset folder (the autosave).
 */
export async function buildProject(
  store: AssetStore,
  payload: ProjectPayload,
  opts: { embed: boolean; app: string; savedAt: number },
): Promise<{ manifest: ProjectManifest; assets: Map<string, Uint8Array> }> {
  const assets = new Map<string, Uint8Array>();
  const list: ProjectAsset[] = [];
  const originalId = payload.current.doc.original.assetId;
  for (const { id, kind } of projectAssetIds(payload)) {
    if (!opts.embed) {
      list.push({ id, kind });
      continue;
    }
    const bytes = await store.get(id); // not-found: "The image data … is missing from this session."
    const ext = EXT[sniffImageFormat(bytes) ?? ''] ?? 'bin';
    const entry = id === originalId ? `original/${originalEntryName(payload.current.doc.original.name, ext)}` : `assets/${id}.${ext}`;
    list.push({ id, kind, entry });
    assets.set(id, bytes);
  }
  const manifest: ProjectManifest = {
    format: PROJECT_FORMAT,
    version: PROJECT_VERSION,
    app: opts.app,
    savedAt: opts.savedAt,
    embedded: opts.embed,
    project: payload,
    assets: list,
  };
  return { manifest, assets };
}

/**
 * The original's file name in the project: its own name, except that a PSD's — whose original is its
 * merged image as a PNG (services/psd-import.ts) — gets the PNG's extension added (`x.psd.png`).
 */
function originalEntryName(name: string, ext: string): string {
  const safe = safeFileName(name)?.replace(/[/\\:*?"<>|]/g, '_');
  if (!safe) return `original.${ext}`;
  return /\.psd$/i.test(safe) && ext !== 'bin' ? `${safe}.${ext}` : safe;
}

/** Encodes a project for writing (see project-container.ts for the layout). */
export async function projectBytes(
  store: AssetStore,
  payload: ProjectPayload,
  tiles: Uint8Array,
  opts: { embed: boolean; app: string; savedAt: number },
): Promise<Uint8Array> {
  const { manifest, assets } = await buildProject(store, payload, opts);
  return encodeProject({ manifest, assets, tiles });
}

/** A project name with the `.maskwork` extension. */
export function withProjectExtension(path: string): string {
  return extname(path).toLowerCase() === `.${PROJECT_EXTENSION}` ? path : `${path}.${PROJECT_EXTENSION}`;
}

/** True for a path the open dialog returned that names a project (by extension). */
export function isProjectPath(path: string): boolean {
  return extname(path).toLowerCase() === `.${PROJECT_EXTENSION}`;
}

/**
 * Reads a project (file bytes already checked by decodeProject), puts its assets back into the asset
 * store, and returns what the renderer needs to show it: the payload, the tiles, and displayable
 * bytes per asset (originals through the same import step as opening a photo).
 */
export async function loadProject(store: AssetStore, bytes: Uint8Array, name: string, path: string | undefined): Promise<OpenedProject> {
  const label = `“${basename(name)}”`;
  let parts: ReturnType<typeof decodeProject>;
  try {
    parts = decodeProject(bytes, (b, kind) => store.idOf(b, kind));
  } catch (e) {
    if (e instanceof AppError && e.kind === 'bad-project') {
      throw new AppError({ kind: 'bad-project', message: `${label} cannot be opened: ${e.message}. Nothing was changed.` }, { cause: e });
    }
    throw e;
  }
  const { manifest } = parts;
  const out: OpenedProject['assets'] = {};
  for (const a of manifest.assets) {
    let data = parts.assets.get(a.id);
    if (!data) {
      if (!(await store.assetExists(a.id))) continue; // an autosave whose patch was lost: the renderer drops that layer
      data = await store.get(a.id);
    } else {
      await store.put(data, a.kind);
    }
    if (a.kind === 'img') {
      const doc = [manifest.project.current, ...manifest.project.past, ...manifest.project.future].find(
        (s) => s.doc.original.assetId === a.id,
      )?.doc;
      // The photo the project was made from, where it still is: exports never replace it, also when
      // this asset folder has no record of main opening it (swept since, another computer) — an
      // export over it was written, and the photo was gone.
      const madeFrom = doc?.original.sourcePath ? await identityOf(doc.original.sourcePath) : null;
      if (madeFrom) store.protect(madeFrom);
      // …and where the save dialogs start (Export, a first Save), when that folder is still there.
      const recorded = doc?.original.sourcePath;
      if (recorded && isAbsolute(recorded)) store.recordFolder(a.id, dirname(recorded));
      // Same import as opening a photo: display bytes with EXIF orientation applied, metadata registered for export.
      const sourcePath = (await store.sourcesOf(a.id))[0]?.realPath;
      const opened = await importImage(store, data, doc?.original.name ?? 'original', sourcePath);
      out[a.id] = { bytes: opened.display, mime: opened.displayMime };
    } else {
      const f = sniffImageFormat(data);
      out[a.id] = { bytes: data, mime: f === 'jpeg' ? 'image/jpeg' : f === 'webp' ? 'image/webp' : 'image/png' };
    }
  }
  if (!out[manifest.project.current.doc.original.assetId]) {
    throw new AppError({ kind: 'bad-project', message: `${label} cannot be opened: its original image is missing. Nothing was changed.` });
  }
  return {
    ...(path ? { path } : {}),
    name: basename(name),
    savedAt: manifest.savedAt,
    project: JSON.stringify(manifest.project),
    tiles: parts.tiles,
    assets: out,
  };
}

/** Reads a project file from disk (regular files up to MAX_PROJECT_BYTES). */
export async function readProjectFile(store: AssetStore, path: string): Promise<OpenedProject> {
  const { bytes } = await readRegularFile(path, MAX_PROJECT_BYTES);
  return loadProject(store, bytes, basename(path), resolve(path));
}
