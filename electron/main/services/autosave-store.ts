/**
 * Crash-safe autosave of the open document, in the project format: one file, `session.maskwork`,
 * written like a saved project (electron/main/project/) except that its images are not embedded —
 * they are already in the session's asset folder, and copying a 24 MP original every second would
 * cost more than the rest of the save. The document, its undo history and the masks are all in it.
 * A save is written atomically (temp + fsync + rename), so at every instant the folder holds the
 * previous complete save or the new one; a damaged or truncated file reads as "no save".
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import * as v from 'valibot';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors';
import type { ProjectParts } from '../project/project-container';
import { decodeProject } from '../project/project-container';
import { writeFileAtomic, type AtomicWriteHooks } from '../project/atomic-write';

const FILE_NAME = 'session.maskwork';
/** Which project file the autosaved document belonged to (main's own record, never the renderer's word). */
const LINK_FILE = 'session.link.json';

/** The project file an autosave's document belonged to when it was written. */
export interface AutosaveLink {
  path: string;
  docId: string;
  /** When the autosave was written (ms since the epoch). */
  savedAt: number;
}

const LinkSchema = v.object({
  path: v.pipe(v.string(), v.minLength(1), v.maxLength(4096)),
  docId: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  savedAt: v.number(),
});
/** The pre-project autosave format; removed by `clear`, never read. */
const LEGACY_FILE = 'session.bin';

export type AutosaveHooks = AtomicWriteHooks;

/** The autosave folder: `save` replaces atomically, `load` returns the last complete save or null, `clear` deletes it. */
export class AutosaveStore {
  private chain: Promise<unknown> = Promise.resolve();

  constructor(
    readonly dir: string,
    private readonly hooks: AutosaveHooks = {},
  ) {}

  /** Path of the current save (it may not exist). */
  get path(): string {
    return join(this.dir, FILE_NAME);
  }

  /**
   * Writes a save (the bytes of a project file) and which project file its document belongs to
   * (`link`, or null: none). Saves are serialised: the last call wins. Throws `io` when the disk refuses.
   */
  save(bytes: Uint8Array, link: AutosaveLink | null = null): Promise<void> {
    const run = this.chain.then(async () => {
      try {
        await writeFileAtomic(this.path, bytes, this.hooks);
        // After the save: a link left from an earlier save names another document id and is ignored.
        if (link) await writeFileAtomic(join(this.dir, LINK_FILE), Buffer.from(JSON.stringify(link)));
        else await rm(join(this.dir, LINK_FILE), { force: true });
      } catch (e) {
        throw new AppError(
          { kind: 'io', message: `The session could not be autosaved (${e instanceof Error ? e.message : String(e)}).` },
          { cause: e },
        );
      }
    });
    this.chain = run.catch(() => {});
    return run;
  }

  /** The bytes of the last complete save, or null when there is none. */
  async load(): Promise<Uint8Array | null> {
    await this.chain;
    try {
      return new Uint8Array(await readFile(this.path));
    } catch {
      return null;
    }
  }

  /** The project file the last save's document belonged to, or null (none, or an unreadable record). */
  async loadLink(): Promise<AutosaveLink | null> {
    await this.chain;
    try {
      const r = v.safeParse(LinkSchema, JSON.parse(await readFile(join(this.dir, LINK_FILE), 'utf8')));
      return r.success ? r.output : null;
    } catch {
      return null;
    }
  }

  /** The last save, checked like a project file; null when there is none or it is damaged. */
  async loadParts(idOf: (bytes: Uint8Array, kind: 'img' | 'patch' | 'reference' | 'mask') => string): Promise<ProjectParts | null> {
    const bytes = await this.load();
    if (!bytes) return null;
    try {
      return decodeProject(bytes, idOf);
    } catch {
      return null;
    }
  }

  /** Deletes the save, a save of the earlier format, and any leftover temp files. */
  clear(): Promise<boolean> {
    const run = this.chain.then(async () => {
      let existed = true;
      await rm(this.path).catch(() => {
        existed = false;
      });
      await rm(join(this.dir, LEGACY_FILE), { force: true }).catch(() => {});
      await rm(join(this.dir, LINK_FILE), { force: true }).catch(() => {});
      const names = await readdir(this.dir).catch(() => [] as string[]);
      await Promise.all(
        names
          .filter((n) => n.startsWith(`.${FILE_NAME}.`) && n.endsWith('.tmp'))
          .map((n) => rm(join(this.dir, n), { force: true }).catch(() => {})),
      );
      return existed;
    });
    this.chain = run.catch(() => {});
    return run;
  }
}
