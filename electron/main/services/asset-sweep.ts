/**
 * The asset folder (`<userData>/assets`) holds a copy of every photo opened and every candidate's
 * patch, kept or not, so that a crash loses nothing — and it grew without end: a retoucher's month of
 * 24 MP edits is gigabytes nobody can see. Saved projects embed their images, so the folder needs to
 * keep only what the autosave (the document and its undo history) and the settings (the batch queue,
 * presets, recent prompts) refer to. At startup, assets of earlier sessions that none of them names
 * and that are older than {@link KEEP_UNREFERENCED_DAYS} are removed. When anything it reads cannot
 * be read — a damaged autosave, an unreadable settings file — nothing is removed.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { AssetStore } from './asset-store';
import type { AutosaveStore } from './autosave-store';
import { decodeProject } from '../project/project-container';

/** An asset nothing refers to stays this long after its last write (a safety margin, not a feature). */
export const KEEP_UNREFERENCED_DAYS = 3;

const ASSET_ID = /\b(?:img|patch|mask|reference)-[0-9a-f]{32}\b/g;

/** Every asset id named in `text`. */
function idsIn(text: string, into: Set<string>): void {
  for (const m of text.matchAll(ASSET_ID)) into.add(m[0]);
}

/**
 * The ids the autosave and the settings files name (any asset-id-shaped string in them counts: a
 * reference missed would be a photo lost, one too many only a file kept), or null when one of them
 * could not be read.
 */
export async function liveAssetIds(settingsDir: string, autosave: AutosaveStore, store: AssetStore): Promise<Set<string> | null> {
  const live = new Set<string>();
  try {
    for (const dir of [settingsDir, autosave.dir]) {
      const names = await readdir(dir).catch((e: NodeJS.ErrnoException) => {
        if (e.code === 'ENOENT') return [] as string[];
        throw e;
      });
      for (const name of names) if (name.endsWith('.json')) idsIn(await readFile(join(dir, name), 'utf8'), live);
    }
    // A save that exists but does not load (unreadable, damaged) must not read as "no save".
    const exists = await stat(autosave.path).then(
      () => true,
      (e: NodeJS.ErrnoException) => {
        if (e.code === 'ENOENT') return false;
        throw e;
      },
    );
    const saved = exists ? await autosave.load() : null;
    if (exists && !saved) return null;
    if (saved) {
      const parts = decodeProject(saved, (bytes, kind) => store.idOf(bytes, kind));
      idsIn(JSON.stringify(parts.manifest), live);
      for (const id of parts.assets.keys()) live.add(id);
    }
  } catch {
    return null;
  }
  return live;
}

/** Days an unreferenced asset is kept: `MASKWORK_ASSET_KEEP_DAYS` (tests use 0), else {@link KEEP_UNREFERENCED_DAYS}. */
export function assetKeepDays(env: Record<string, string | undefined>): number {
  const n = Number(env.MASKWORK_ASSET_KEEP_DAYS);
  return env.MASKWORK_ASSET_KEEP_DAYS !== undefined && Number.isFinite(n) && n >= 0 ? n : KEEP_UNREFERENCED_DAYS;
}

/** Removes the unreferenced assets of earlier sessions; null when nothing was removed because something could not be read. */
export async function sweepAssets(
  settingsDir: string,
  autosave: AutosaveStore,
  store: AssetStore,
  keepDays = KEEP_UNREFERENCED_DAYS,
): Promise<{ removed: number; bytes: number } | null> {
  const live = await liveAssetIds(settingsDir, autosave, store);
  return live ? store.sweep(live, keepDays * 24 * 3600 * 1000) : null;
}
