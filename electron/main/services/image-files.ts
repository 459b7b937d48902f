/**
 * File-level operations behind the open/export channels: reading a chosen file (regular files of
 * bounded size only), writing an export to a new file, and refusing to overwrite any original main
 * opened (by its identity, held in main) unless explicitly allowed.
 */
import { writeFile, rename, rm, link, lstat } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { resolve, dirname, basename, extname, join } from 'node:path';
import { AppError } from '../../../shared/errors';
import type { ExportResult, OpenedImage } from '../../../shared/ipc/contract-types';
import type { AssetStore } from './asset-store';
import { importImage } from './image-import';
import { renderExport, type ExportFormat, type ExportRequest } from './image-export';
import { MAX_FILE_BYTES } from './image-limits';
import { findSameFile, readRegularFile } from './file-identity';

/** The image files Ctrl+O and a batch's Add images… offer and the OS may open with Maskwork (shared/files/image-formats.ts). */
export { OPENABLE_IMAGE_EXTENSIONS } from '../../../shared/files/image-formats';

/** `checkLater`, `openCutShort` as for importImage; the file's identity is recorded when the asset is stored. */
export async function openImageFile(
  store: AssetStore,
  path: string,
  opts: { checkLater?: boolean; openCutShort?: boolean } = {},
): Promise<OpenedImage> {
  const { bytes, identity } = await readRegularFile(path, MAX_FILE_BYTES);
  const onStored = (assetId: string) => store.addSource(assetId, identity);
  return importImage(store, bytes, basename(path), resolve(path), {
    checkLater: opts.checkLater,
    openCutShort: opts.openCutShort,
    onStored,
  });
}

/**
 * A file name the renderer suggested, reduced to a plain name: no folders (`../../x` → `x`), no
 * control characters; undefined when nothing usable is left.
 */
export function safeFileName(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const printable = [...name].filter((c) => c.charCodeAt(0) >= 32 && c.charCodeAt(0) !== 127).join('');
  const base = basename(printable.replace(/\\/g, '/')).trim();
  return base && base !== '.' && base !== '..' ? base : undefined;
}

export interface WriteOptions {
  /**
   * Replace a file that already exists at the target (default true: the app's save dialog has asked).
   * The CLI (without --overwrite) and the dev host pass false: an existing file is refused.
   */
  replaceExisting?: boolean;
}

export function suggestedExportName(sourceName: string | undefined, format: ExportFormat): string {
  const stem = sourceName ? basename(sourceName, extname(sourceName)) : 'untitled';
  return `${stem}-edited.${format === 'jpeg' ? 'jpg' : format === 'tiff' ? 'tif' : format}`;
}

export async function exportToFile(
  store: AssetStore,
  req: ExportRequest & { allowOverwriteSource?: boolean },
  path: string,
  opts: WriteOptions = {},
): Promise<ExportResult> {
  const target = resolve(path);
  await guardOriginals(store, req, target);
  const replace = opts.replaceExisting ?? true;
  if (!replace && (await exists(target))) throw alreadyExists(target);
  const out = await renderExport(store, req);
  // Write next to the target and rename, so a crash never leaves a half-written file under the real name.
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, out.bytes);
    if (replace) await rename(tmp, target);
    else await placeWithoutReplacing(tmp, target);
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => {});
    if (e instanceof AppError) throw e;
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
    keptXmp: out.keptXmp,
    editRecord: out.editRecord,
    depth: out.depth,
    ...(out.notes.length ? { notes: out.notes } : {}),
  };
}

/**
 * Refuses a target that is any original main opened — of the exported layers (also from an earlier
 * session, via the store's sidecar) or of this session — unless `allowOverwriteSource` is set.
 * The identities come from main's own reads, never from a path the renderer sent.
 */
async function guardOriginals(store: AssetStore, req: ExportRequest & { allowOverwriteSource?: boolean }, target: string): Promise<void> {
  if (req.allowOverwriteSource) return;
  const layerSources = await Promise.all(req.layers.map((l) => store.sourcesOf(l.assetId)));
  const hit = await findSameFile(target, [...layerSources.flat(), ...store.knownSources()]);
  if (hit) {
    throw new AppError({
      kind: 'io',
      // The app has no way to allow it (only the CLI's --overwrite): the message said "or allow
      // overwriting the original explicitly", and a retoucher looked for that option in vain.
      message: `Refusing to overwrite the original “${basename(hit.realPath)}”: Maskwork keeps the photo it opened as it was. Choose another name, such as “${suggestedExportName(basename(hit.realPath), req.format)}”.`,
      rule: 'original',
    });
  }
}

function alreadyExists(target: string): AppError {
  return new AppError({
    kind: 'io',
    message: `“${basename(target)}” already exists and was not replaced. Choose another name.`,
    rule: 'exists',
  });
}

async function exists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    () => false,
  );
}

/** Moves the finished temp file to `target` only if nothing is there (a hard link fails on EEXIST, atomically). */
async function placeWithoutReplacing(tmp: string, target: string): Promise<void> {
  try {
    await link(tmp, target);
    await rm(tmp, { force: true });
    return;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw alreadyExists(target);
    // A file system without hard links: check, then rename (a narrow race, but never a half-written file).
    if (await exists(target)) throw alreadyExists(target);
    await rename(tmp, target);
  }
}
