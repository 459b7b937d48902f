/**
 * Writing a file so that, at every instant, the path holds either the previous complete file or the
 * new complete file: write a temp file in the same folder, flush it to disk (fsync), rename it over
 * the target, then flush the folder so the rename itself survives a power cut. A failure removes the
 * temp file and leaves the previous file untouched.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface AtomicWriteHooks {
  /** Test seam: runs after the temp file is written and flushed, before it replaces the target. */
  beforeRename?: (tempPath: string) => Promise<void>;
}

/** The temp name used next to `path` (starts with a dot and ends in .tmp, so it is recognisable). */
export function tempNameFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

export async function writeFileAtomic(path: string, bytes: Uint8Array, hooks: AtomicWriteHooks = {}): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const temp = tempNameFor(path);
  try {
    const fh = await open(temp, 'wx');
    try {
      await fh.writeFile(bytes);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await hooks.beforeRename?.(temp);
    await rename(temp, path);
  } catch (e) {
    await rm(temp, { force: true }).catch(() => {});
    throw e;
  }
  // The rename is durable only once the folder is flushed (not possible on Windows: ignored there).
  const dh = await open(dir, 'r').catch(() => null);
  if (dh)
    await dh
      .sync()
      .catch(() => {})
      .finally(() => dh.close());
}
