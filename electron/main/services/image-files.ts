/**
 * File-level operations behind the open/export channels: reading a chosen file, writing an export
 * to a new file, and refusing to overwrite the original unless explicitly allowed.
 */
import { readFile, writeFile, rename, stat, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { resolve, dirname, basename, extname, join } from 'node:path';
import { AppError } from '../../../shared/errors';
import type { ExportResult, OpenedImage } from '../../../shared/ipc/contract-types';
import type { AssetStore } from './asset-store';
import { importImage } from './image-import';
import { renderExport, type ExportRequest } from './image-export';
import { MAX_FILE_BYTES } from './image-limits';

export async function openImageFile(store: AssetStore, path: string): Promise<OpenedImage> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw new AppError({ kind: 'io', message: `“${basename(path)}” could not be read (it may have been moved or deleted).` });
  }
  if (size > MAX_FILE_BYTES)
    throw new AppError({ kind: 'too-large', message: `“${basename(path)}” is larger than ${MAX_FILE_BYTES / 2 ** 20} MB.` });
  const bytes = new Uint8Array(await readFile(path));
  return importImage(store, bytes, basename(path), resolve(path));
}

export function suggestedExportName(sourceName: string | undefined, format: 'png' | 'jpeg' | 'webp'): string {
  const stem = sourceName ? basename(sourceName, extname(sourceName)) : 'untitled';
  return `${stem}-edited.${format === 'jpeg' ? 'jpg' : format}`;
}

export async function exportToFile(
  store: AssetStore,
  req: ExportRequest & { allowOverwriteSource?: boolean },
  path: string,
): Promise<ExportResult> {
  const target = resolve(path);
  const source = store.info(req.layers[0].assetId)?.sourcePath;
  if (source && (await samePath(source, target)) && !req.allowOverwriteSource) {
    throw new AppError({
      kind: 'io',
      message: `Refusing to overwrite the original “${basename(source)}”. Choose another name, or allow overwriting the original explicitly.`,
    });
  }
  const out = await renderExport(store, req);
  // Write next to the target and rename, so a crash never leaves a half-written file under the real name.
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, out.bytes);
    await rename(tmp, target);
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => {});
    throw new AppError(
      { kind: 'io', message: `Could not write “${basename(target)}”: ${(e as NodeJS.ErrnoException).code ?? e}.` },
      { cause: e },
    );
  }
  return {
    path: target,
    width: out.width,
    height: out.height,
    format: req.format,
    bytes: out.bytes.byteLength,
    keptExif: out.keptExif,
    keptIcc: out.keptIcc,
  };
}

/** True when both paths name the same file (by device and inode when the target exists, so case-insensitive disks are covered). */
async function samePath(a: string, b: string): Promise<boolean> {
  if (resolve(a) === resolve(b)) return true;
  try {
    const [sa, sb] = await Promise.all([stat(a), stat(b)]);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}
