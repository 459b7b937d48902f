/**
 * Content-addressed store of the bytes behind every document asset (original files, accepted
 * patches, masks). The renderer only ever holds asset ids; main keeps the bytes on disk so a crash
 * loses nothing and pixels never travel back and forth.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors';
import { isFileIdentity, type FileIdentity } from './file-identity';

export type AssetKind = 'img' | 'patch' | 'mask' | 'reference';

export interface AssetMeta {
  id: string;
  kind: AssetKind;
  name?: string;
  /** Path shown to the user (display only: the export guard uses {@link AssetStore.sourcesOf}). */
  sourcePath?: string;
}

export class AssetStore {
  private readonly meta = new Map<string, AssetMeta>();
  /** Identities of the files main read each asset from; only ever added to, never from the renderer. */
  private readonly sources = new Map<string, FileIdentity[]>();
  /** Writes started by {@link putInBackground} that have not finished: reads of these ids wait for them. */
  private readonly writing = new Map<string, Promise<void>>();
  /** Ids put, read or given a source in this session: {@link sweep} never removes them. */
  private readonly inUse = new Set<string>();
  /** How many times each id was put in this session: bytes put twice (the same patch from a batch and the editor) are shared. */
  private readonly puts = new Map<string, number>();
  /** Removals {@link sweep} has started: a put of the same bytes waits for its removal, then writes them again. */
  private readonly removing = new Map<string, Promise<void>>();
  constructor(readonly dir: string) {}

  /** The id `put` gives these bytes (content address). */
  idOf(bytes: Uint8Array, kind: AssetKind): string {
    return `${kind}-${createHash('sha256').update(bytes).digest('hex').slice(0, 32)}`;
  }

  async put(bytes: Uint8Array, kind: AssetKind, extra: Omit<AssetMeta, 'id' | 'kind'> = {}): Promise<string> {
    const id = this.idOf(bytes, kind);
    this.inUse.add(id); // before any await: a sweep that has not decided yet keeps it
    this.puts.set(id, (this.puts.get(id) ?? 0) + 1);
    await this.removing.get(id);
    await mkdir(this.dir, { recursive: true });
    const path = this.pathOf(id);
    const exists = await stat(path).then(
      () => true,
      () => false,
    );
    if (!exists) await writeFile(path, bytes);
    this.meta.set(id, { ...this.meta.get(id), ...extra, id, kind });
    return id;
  }

  /**
   * Like {@link put}, but answers with the id as soon as the bytes are hashed and writes them
   * meanwhile (an edit's patch: the renderer gets its candidate without waiting for the disk). Every
   * read of the id (`get`, `assetExists`) waits for the write; a failed write fails those reads.
   */
  putInBackground(bytes: Uint8Array, kind: AssetKind): string {
    const id = this.idOf(bytes, kind);
    if (this.writing.has(id)) return id;
    const write = this.put(bytes, kind).then(
      () => {
        this.writing.delete(id);
      },
      (e: unknown) => {
        this.writing.delete(id);
        throw e;
      },
    );
    write.catch(() => {}); // reported to whoever reads the id
    this.writing.set(id, write);
    return id;
  }

  /** Resolves when every background write has finished (tests, shutdown). */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.writing.values()]);
  }

  async get(id: string): Promise<Uint8Array> {
    this.inUse.add(id);
    await this.writing.get(id)?.catch(() => {}); // a failed write reads as missing, below
    try {
      return new Uint8Array(await readFile(this.pathOf(id)));
    } catch {
      throw new AppError({ kind: 'not-found', message: `The image data for ${id} is missing from this session.` });
    }
  }

  /** True when the bytes of `id` are on disk (false for ids that are not asset ids). */
  async assetExists(id: string): Promise<boolean> {
    if (!/^[a-z]+-[0-9a-f]{32}$/.test(id)) return false;
    this.inUse.add(id);
    await this.writing.get(id)?.catch(() => {});
    return stat(this.pathOf(id)).then(
      (st) => st.isFile(),
      () => false,
    );
  }

  info(id: string): AssetMeta | undefined {
    return this.meta.get(id);
  }

  /**
   * Records that main read asset `id` from the file `identity`. Kept in memory and beside the asset
   * (`<id>.sources.json`, written by main only) so the guard still knows the original after a restart.
   */
  async addSource(id: string, identity: FileIdentity): Promise<void> {
    this.inUse.add(this.checkId(id));
    const list = await this.sourcesOf(id);
    if (list.some((k) => k.realPath === identity.realPath && k.dev === identity.dev && k.ino === identity.ino)) return;
    list.push(identity);
    const file = join(this.dir, `${this.checkId(id)}.sources.json`);
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify(list));
    await rename(tmp, file);
  }

  /** Every file main opened asset `id` from (this session or, from the sidecar, an earlier one). */
  async sourcesOf(id: string): Promise<FileIdentity[]> {
    const known = this.sources.get(id);
    if (known) return known;
    let list: FileIdentity[] = [];
    try {
      const parsed: unknown = JSON.parse(await readFile(join(this.dir, `${this.checkId(id)}.sources.json`), 'utf8'));
      if (Array.isArray(parsed)) list = parsed.filter(isFileIdentity);
    } catch {
      // no sidecar: the asset did not come from a file main opened
    }
    this.sources.set(id, list);
    return list;
  }

  /**
   * Removes the assets of earlier sessions nothing refers to any more — an opened photo's copy, the
   * patches of candidates that were discarded, masks — when they are older than `olderThanMs`: their
   * `.bin` and `.sources.json`. Never one in `live`, nor one this session has put, read or is writing.
   * Files that are not assets are left alone. Answers what was removed.
   */
  async sweep(live: ReadonlySet<string>, olderThanMs: number, now = Date.now()): Promise<{ removed: number; bytes: number }> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return { removed: 0, bytes: 0 }; // no folder yet: nothing stored
    }
    const files = new Map<string, string[]>();
    for (const name of names) {
      const m = /^([a-z]+-[0-9a-f]{32})\.(bin|sources\.json)$/.exec(name);
      if (m) files.set(m[1], [...(files.get(m[1]) ?? []), name]);
    }
    let removed = 0;
    let bytes = 0;
    for (const [id, own] of files) {
      if (live.has(id) || this.inUse.has(id) || this.writing.has(id)) continue;
      const stats = await Promise.all(own.map((n) => stat(join(this.dir, n)).catch(() => null)));
      if (stats.some((st) => !st?.isFile() || now - st.mtimeMs < olderThanMs)) continue;
      // Checked again after the awaits, then committed in this same turn: a put from here on waits for it.
      if (this.inUse.has(id) || this.writing.has(id)) continue;
      if (
        await this.removeFiles(
          id,
          own.map((n) => join(this.dir, n)),
        )
      ) {
        removed++;
        for (const st of stats) bytes += st!.size;
      } // else left for the next sweep
    }
    return { removed, bytes };
  }

  /**
   * Deletes an asset's files; a put of the same id meanwhile waits for it (`removing`). False when
   * the removal failed (the files are left for a later sweep).
   */
  private async removeFiles(id: string, paths: readonly string[]): Promise<boolean> {
    const removal = Promise.all(paths.map((f) => rm(f, { force: true }))).then(() => {});
    this.removing.set(
      id,
      removal.catch(() => {}),
    );
    try {
      await removal;
      return true;
    } catch {
      return false;
    } finally {
      this.removing.delete(id);
    }
  }

  /**
   * Removes the assets `ids` now (their `.bin` and `.sources.json`), whatever their age: a cleared
   * batch's results. Never one in `live`, one being written, nor one put more than once in this
   * session (the same bytes came from somewhere else too). Only this folder's asset files are touched.
   * Answers what was removed and how many were kept.
   */
  async removeNow(ids: Iterable<string>, live: ReadonlySet<string>): Promise<{ removed: number; bytes: number; kept: number }> {
    let removed = 0;
    let bytes = 0;
    let kept = 0;
    for (const id of new Set(ids)) {
      if (!/^[a-z]+-[0-9a-f]{32}$/.test(id)) continue;
      if (live.has(id) || this.writing.has(id) || (this.puts.get(id) ?? 0) > 1) {
        kept++;
        continue;
      }
      const own = [`${id}.bin`, `${id}.sources.json`].map((n) => join(this.dir, n));
      const sizes = await Promise.all(
        own.map((f) =>
          stat(f).then(
            (st) => (st.isFile() ? st.size : 0),
            () => 0,
          ),
        ),
      );
      if (!sizes[0]) continue; // gone already
      if (await this.removeFiles(id, own)) {
        removed++;
        bytes += sizes[0] + sizes[1];
        this.inUse.delete(id);
        this.puts.delete(id);
        this.meta.delete(id);
      } // else left for the startup sweep
    }
    return { removed, bytes, kept };
  }

  /**
   * Files an export must not replace though main did not read them this time: the photo a reopened
   * project names as where its original came from (project-files.ts). Kept for the session only,
   * and only for the guard: it is no source of any asset (Revert; the dialogs' folder is recordFolder's).
   */
  private readonly protectedFiles: FileIdentity[] = [];

  /** Adds `identity` to the files the export guard refuses to replace (see {@link protectedFiles}). */
  protect(identity: FileIdentity): void {
    if (!this.protectedFiles.some((k) => k.realPath === identity.realPath && k.dev === identity.dev && k.ino === identity.ino))
      this.protectedFiles.push(identity);
  }

  /**
   * The folder a reopened project names as where its original came from (project-files.ts), for the
   * save dialogs to start in when main has no record of reading that photo (a restarted app, a new
   * asset folder). Kept for the session only; not a source of the asset (Revert, the export guard).
   */
  private readonly recordedFolders = new Map<string, string>();

  /** Notes where asset `id`'s photo was, by a project's record (see {@link recordedFolders}). */
  recordFolder(id: string, folder: string): void {
    this.recordedFolders.set(id, folder);
  }

  /** The folder a project recorded for asset `id`'s photo, if one was opened this session. */
  recordedFolder(id: string): string | undefined {
    return this.recordedFolders.get(id);
  }

  /** Every original identity main knows of in this session, and the files it protects. */
  knownSources(): FileIdentity[] {
    return [...[...this.sources.values()].flat(), ...this.protectedFiles];
  }

  private pathOf(id: string): string {
    return join(this.dir, `${this.checkId(id)}.bin`);
  }

  private checkId(id: string): string {
    if (!/^[a-z]+-[0-9a-f]{32}$/.test(id)) throw new AppError({ kind: 'validation', message: `Not an asset id: ${id}` });
    return id;
  }
}
