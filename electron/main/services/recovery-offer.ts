/**
 * The last session, offered at startup ("Restore your last session?") and not yet restored or
 * discarded. Opening another photo withdrew the offer, and that photo's first autosave replaced the
 * session: every kept result of it — paid for — was gone, after one reflexive Ctrl+O. Now, before
 * another document's first autosave replaces it, the session is written out as a project of its own
 * (its images embedded) in the `Recovered` folder beside the autosave, and put at the top of the
 * recent projects; the autosave's answer names the file, and the renderer says where it went.
 */
import { mkdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { AssetStore } from './asset-store';
import type { AutosaveStore } from './autosave-store';
import { decodeProject } from '../project/project-container';
import { projectBytes } from '../project/project-files';
import { writeFileAtomic } from '../project/atomic-write';
import { safeFileName } from './image-files';

/** Where the offered session went when another document replaced it, or why it could not go. */
export type KeptAside = { path: string; name: string } | { failed: string };

export interface RecoveryOfferDeps {
  store: AssetStore;
  autosave: AutosaveStore;
  /** The folder the session is written to (created when needed). */
  dir: string;
  app: string;
  /** Lists the written file in the recent projects. */
  addRecent?: (path: string, savedAt: number) => Promise<void>;
}

/** "2026-12-05 22-57" in local time, for a file name. */
function stamp(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}-${two(d.getMinutes())}`;
}

/** The session's original name without its extension, safe as a file name. */
function stem(name: string): string {
  const safe = safeFileName(name) ?? '';
  const base = basename(safe, extname(safe)).replace(/[:*?"<>|]/g, '_');
  return base.slice(0, 80) || 'session';
}

async function exists(path: string): Promise<boolean> {
  return !!(await stat(path).catch(() => null));
}

export class RecoveryOffer {
  private docId: string | null = null;

  constructor(private readonly deps: RecoveryOfferDeps) {}

  /** The startup offer: the session of document `docId` (null: nothing was offered). */
  offer(docId: string | null): void {
    this.docId = docId;
  }

  /** Restored (the same document saves again) or discarded: nothing to keep aside any more. */
  settle(): void {
    this.docId = null;
  }

  /**
   * Called before an autosave of document `docId`: when it would replace the session still on
   * offer, the session is written out first. Returns where, or null (nothing on offer, the same
   * document, or nothing left to keep). A session that cannot be written out (an image missing from
   * the asset folder, the disk refusing) is replaced by the autosave, as before, and the answer says why.
   */
  async beforeAutosave(docId: string): Promise<KeptAside | null> {
    if (this.docId === null) return null;
    const same = docId === this.docId;
    this.settle();
    if (same) return null;
    try {
      return await this.keepAside();
    } catch (e) {
      return { failed: e instanceof Error ? e.message : String(e) };
    }
  }

  private async keepAside(): Promise<{ path: string; name: string } | null> {
    const { store, autosave, dir, app, addRecent } = this.deps;
    const bytes = await autosave.load();
    if (!bytes) return null;
    const parts = decodeProject(bytes, (b, kind) => store.idOf(b, kind));
    const payload = parts.manifest.project;
    const savedAt = parts.manifest.savedAt;
    const out = await projectBytes(store, payload, parts.tiles, { embed: true, app, savedAt });
    await mkdir(dir, { recursive: true });
    const base = `${stem(payload.current.doc.original.name)} (recovered ${stamp(savedAt)})`;
    let name = `${base}.maskwork`;
    for (let n = 2; await exists(join(dir, name)); n++) name = `${base} ${n}.maskwork`;
    const path = join(dir, name);
    await writeFileAtomic(path, out);
    await addRecent?.(path, savedAt);
    return { path, name };
  }
}
