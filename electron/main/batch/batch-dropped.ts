/**
 * An image dropped on the Batch dialog. In the app the preload finds the path it was dragged from:
 * taken (as a picked file is, its mask found by name beside it) only when the file there still holds
 * the dropped bytes (dropped-file.ts). Without one (the dev host, a file changed since the drop) the
 * bytes are kept as a copy in the app's data folder: listed and sent like any other, its mask is
 * the one for all (no mask can be found by name beside a copy).
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, sep } from 'node:path';
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import type { BatchFile } from '../../../shared/ipc/batch-contract';
import { verifiedDropPath } from '../services/dropped-file';
import { MAX_FILE_BYTES } from '../services/image-limits';
import { safeFileName } from '../services/image-files';
import { IMAGE_EXT, isMaskName, type BatchFiles } from './batch-files';
import type { BatchRecord } from '../../../shared/batch/batch-types';
import { OPENABLE_IMAGE_NAMES } from '../../../shared/files/image-formats';

export async function addDropped(
  files: BatchFiles,
  assetDir: string,
  r: { bytes: Uint8Array; name: string; path?: string },
): Promise<{ files: BatchFile[] }> {
  const name = safeFileName(r.name) ?? 'dropped.png';
  if (isMaskName(name))
    throw new AppError({
      kind: 'invalid-request',
      message: `${name} is named like a mask: choose it under One mask for all.`,
      rule: 'mask',
    });
  if (!IMAGE_EXT.has(extname(name).toLowerCase()))
    throw new AppError({ kind: 'invalid-request', message: `${name} is not an image a batch takes (${OPENABLE_IMAGE_NAMES}).` });
  const from = await verifiedDropPath(r.path, r.bytes, MAX_FILE_BYTES);
  if (from) return { files: files.add([from]) };
  const dir = join(assetDir, 'batch-dropped', randomUUID());
  await mkdir(dir, { recursive: true });
  const path = join(dir, basename(name));
  await writeFile(path, r.bytes);
  const added = files.add([path]);
  for (const f of added) files.copies.add(f.fileId);
  return { files: added };
}

/** The folder of one dropped copy (`batch-dropped/<uuid>`) when `image` is one, else null. */
function copyFolder(assetDir: string, image: string): string | null {
  const rel = relative(join(assetDir, 'batch-dropped'), image);
  const parts = rel.split(sep);
  return parts.length === 2 && parts[0] && parts[0] !== '..' && !rel.startsWith('..') ? dirname(image) : null;
}

/**
 * Clear finished: the copies of dropped images that only the cleared batches used go with them (they
 * stayed in the data folder for good). A copy a batch left in the queue or the new batch's list still
 * uses stays. Returns how many were deleted.
 */
export async function removeDroppedCopies(
  assetDir: string,
  cleared: readonly BatchRecord[],
  left: readonly BatchRecord[],
  inDraft: ReadonlySet<string>,
): Promise<number> {
  const used = new Set([...inDraft, ...left.flatMap((b) => b.items.map((i) => i.image))]);
  const folders = new Set<string>();
  for (const b of cleared)
    for (const i of b.items) {
      const folder = copyFolder(assetDir, i.image);
      if (folder && !used.has(i.image)) folders.add(folder);
    }
  for (const f of folders) await rm(f, { recursive: true, force: true });
  return folders.size;
}
