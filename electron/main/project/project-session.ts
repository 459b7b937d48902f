/**
 * Which project file the open document belongs to, and the recent projects. Save writes to the
 * document's file without asking; Save As (or a document that has no file yet) asks the save dialog.
 * The recent list is kept in `recent-projects.json` beside the settings (in memory without a settings
 * folder) and is the only way the renderer can name a file to open: by picking one of these paths.
 */
import { stat } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import * as v from 'valibot';
import { AppError } from '../../../shared/errors';
import type { OpenedProject, ProjectSaved, RecentProject } from '../../../shared/ipc/contract-types';
import type { AssetStore } from '../services/asset-store';
import type { Dialogs } from '../services/dialogs';
import { writeFileAtomic, type AtomicWriteHooks } from './atomic-write';
import { parsePayload, projectBytes, readProjectFile, withProjectExtension } from './project-files';
import { readRecentList, writeRecentList } from '../services/recent-list';
import { existingFolder, folderOfSource } from '../services/dialog-folder';

/** Recent projects remembered. */
export const RECENT_MAX = 10;

const RecentSchema = v.array(v.object({ path: v.pipe(v.string(), v.maxLength(4096)), name: v.string(), savedAt: v.number() }));

export class ProjectSession {
  /** The file the open document was last saved to or opened from. */
  private current: { path: string; docId: string } | null = null;
  private list: RecentProject[] | null = null;

  constructor(
    private readonly recentFile: string | null,
    private readonly hooks: AtomicWriteHooks = {},
  ) {}

  /** The file the document `docId` belongs to, if any. */
  fileOf(docId: string): string | null {
    return this.current?.docId === docId ? this.current.path : null;
  }

  /** Makes `path` the file of document `docId` again (a recovered autosave of a saved project). */
  link(path: string, docId: string): void {
    this.current = { path: resolve(path), docId };
  }

  async recent(): Promise<RecentProject[]> {
    this.list ??= await readRecentList(this.recentFile, RecentSchema, RECENT_MAX);
    return this.list;
  }

  private async remember(path: string, docId: string, savedAt: number): Promise<void> {
    this.current = { path, docId };
    await this.addRecent(path, savedAt);
  }

  /** Puts a file at the top of the recent projects without making it the open document's file. */
  async addRecent(path: string, savedAt: number): Promise<void> {
    const list = (await this.recent()).filter((r) => r.path !== path);
    this.list = [{ path, name: basename(path), savedAt }, ...list].slice(0, RECENT_MAX);
    await writeRecentList(this.recentFile, this.list);
  }

  /**
   * Saves the project the renderer sent: to the document's own file, or (Save As, or no file yet) to
   * the path the save dialog returns. Returns null when the user cancelled the dialog.
   */
  async save(
    deps: { store: AssetStore; dialogs: Dialogs; app: string },
    req: { project: string; tiles: Uint8Array; saveAs?: boolean },
  ): Promise<ProjectSaved | null> {
    const payload = parsePayload(req.project);
    const docId = payload.current.doc.id;
    const own = this.fileOf(docId);
    let path = req.saveAs ? null : own;
    if (!path) {
      if (!deps.dialogs.chooseProjectPath)
        throw new AppError({ kind: 'invalid-request', message: 'Saving projects is not available here.' });
      // Save As of a project offers its own name in its own folder; a first save, the photo's name
      // beside the photo (it offered the photo's name in whatever folder the OS chose).
      const base = payload.current.doc.original.name.replace(/\.[^.]*$/, '') || 'Untitled';
      const folder = own ? await existingFolder(dirname(own)) : await folderOfSource(deps.store, payload.current.doc.original.assetId);
      const chosen = await deps.dialogs.chooseProjectPath(own ? basename(own) : `${base}.maskwork`, folder);
      if (!chosen) return null;
      path = resolve(withProjectExtension(chosen));
    }
    const savedAt = Date.now();
    const bytes = await projectBytes(deps.store, payload, req.tiles, { embed: true, app: deps.app, savedAt });
    try {
      await writeFileAtomic(path, bytes, this.hooks);
    } catch (e) {
      throw new AppError(
        {
          kind: 'io',
          message: `The project could not be saved to “${basename(path)}” (${e instanceof Error ? e.message : String(e)}). The previous file is unchanged.`,
        },
        { cause: e },
      );
    }
    await this.remember(path, docId, savedAt);
    return { path, name: basename(path), bytes: bytes.byteLength, savedAt };
  }

  /** Opens a project file and makes it the open document's file. */
  async open(store: AssetStore, path: string): Promise<OpenedProject> {
    const opened = await readProjectFile(store, path);
    const doc = JSON.parse(opened.project) as { current: { doc: { id: string } } };
    await this.remember(resolve(path), doc.current.doc.id, opened.savedAt);
    return opened;
  }

  /**
   * Opens one of the recent projects (the renderer can name no other path). One that is gone since
   * (moved, renamed, deleted) leaves the list, as a recent photo does, and the message says so; it
   * stayed listed, failing each time it was picked. A file still there that fails (damaged, from a
   * newer version) stays.
   */
  async openRecent(store: AssetStore, path: string): Promise<OpenedProject> {
    if (!(await this.recent()).some((r) => r.path === path))
      throw new AppError({ kind: 'invalid-request', message: 'Only a file from the recent projects list can be opened this way.' });
    try {
      return await this.open(store, path);
    } catch (e) {
      if (
        !(await stat(path).then(
          () => false,
          () => true,
        ))
      )
        throw e;
      await this.forget(path);
      if (!(e instanceof AppError)) throw e;
      throw new AppError({ ...e.info, message: `${e.info.message} It was taken off the recent projects.` }, { cause: e });
    }
  }

  /**
   * File › Revert: the project file of document `docId` (saved to or opened from), read again. Refused
   * when the document has none (never saved as a project here).
   */
  async revert(store: AssetStore, docId: string): Promise<OpenedProject> {
    const path = this.fileOf(docId);
    if (!path)
      throw new AppError({ kind: 'invalid-request', message: 'This document has no project file to revert to: save it first (Ctrl+S).' });
    return this.open(store, path);
  }

  /** `path` leaves the recent projects. */
  private async forget(path: string): Promise<void> {
    this.list = (await this.recent()).filter((r) => r.path !== path);
    await writeRecentList(this.recentFile, this.list);
  }
}
