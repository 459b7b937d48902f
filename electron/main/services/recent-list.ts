/**
 * A short list of recent files kept as JSON beside the settings (the recent projects, the recent
 * photos): read once, replaced atomically; a damaged or missing file reads as an empty list (it is
 * replaced on the next write), and without a settings folder the list lives in memory only.
 */
import { readFile } from 'node:fs/promises';
import * as v from 'valibot';
import { writeFileAtomic } from '../project/atomic-write';

/** The list in `file` (at most `max`), or [] when there is none or it does not match `schema`. */
export async function readRecentList<T>(file: string | null, schema: v.GenericSchema<unknown, T[]>, max: number): Promise<T[]> {
  if (!file) return [];
  try {
    const r = v.safeParse(schema, JSON.parse(await readFile(file, 'utf8')));
    return r.success ? r.output.slice(0, max) : [];
  } catch {
    return [];
  }
}

/** Replaces the list in `file` (nothing without a file); a failed write only loses the list. */
export async function writeRecentList(file: string | null, list: readonly unknown[]): Promise<void> {
  if (file) await writeFileAtomic(file, Buffer.from(JSON.stringify(list))).catch(() => {});
}
