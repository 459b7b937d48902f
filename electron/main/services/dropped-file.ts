/**
 * A file dropped on the window comes as its bytes, and — in the app — with the path the OS dragged it
 * from (the preload asks Electron's webUtils for it; the renderer never sees it). Main takes that
 * path only when the file there holds exactly the dropped bytes, read again here: so a page could
 * only ever name a file whose whole contents it already has, and a file changed since the drop is
 * opened as the copy that was dropped. With its path, a dropped photo is opened as Ctrl+O opens it:
 * the export guard knows it as an original (no export overwrites it), it joins the recent photos,
 * and a dropped project saves back to its own file.
 */
import { isAbsolute, resolve } from 'node:path';
import { stat } from 'node:fs/promises';
import { readRegularFile } from './file-identity';

/** The dropped file's absolute path when the file there still holds exactly `bytes`; else null (open the bytes as a copy). */
export async function verifiedDropPath(path: string | undefined, bytes: Uint8Array, maxBytes: number): Promise<string | null> {
  if (!path || !isAbsolute(path) || path.includes('\0')) return null;
  try {
    const st = await stat(path);
    if (!st.isFile() || st.size !== bytes.length || st.size > maxBytes) return null;
    const read = await readRegularFile(path, maxBytes);
    return Buffer.from(read.bytes.buffer, read.bytes.byteOffset, read.bytes.length).equals(bytes) ? resolve(path) : null;
  } catch {
    return null;
  }
}
