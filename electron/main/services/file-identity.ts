/**
 * Files as main knows them: reading only regular files of bounded size (a device such as /dev/zero,
 * a pipe or a folder is refused before any read), and the identity of a file main opened — its real
 * path plus device and inode — so the export guard can recognise the original however the target is
 * spelled (another path, a symlink, a hard link, different case on a case-insensitive disk).
 */
import { constants } from 'node:fs';
import { open, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { AppError } from '../../../shared/errors';
import { unreadableFile } from './read-errors';

export interface FileIdentity {
  /** Real path (symlinks resolved) when main opened it. */
  realPath: string;
  /** Device and inode as decimal strings (64-bit values do not fit a JSON number). */
  dev: string;
  ino: string;
}

export function isFileIdentity(x: unknown): x is FileIdentity {
  const o = x as Record<string, unknown> | null;
  return (
    !!o &&
    typeof o === 'object' &&
    typeof o.realPath === 'string' &&
    typeof o.dev === 'string' &&
    /^\d+$/.test(o.dev) &&
    typeof o.ino === 'string' &&
    /^\d+$/.test(o.ino)
  );
}

function notRegular(path: string): AppError {
  return new AppError({
    kind: 'io',
    message: `“${basename(path)}” is not a regular file (it is a folder, a device or a pipe), so it was not read. Choose an image file.`,
  });
}

function tooBig(path: string, maxBytes: number): AppError {
  return new AppError({ kind: 'too-large', message: `“${basename(path)}” is larger than ${Math.round(maxBytes / 2 ** 20)} MB.` });
}

/**
 * Reads a whole regular file of at most `maxBytes`, and returns its identity. Refuses anything
 * else before reading a byte (the file is opened non-blocking so a FIFO cannot hang the open).
 */
export async function readRegularFile(path: string, maxBytes: number): Promise<{ bytes: Uint8Array; identity: FileIdentity }> {
  const abs = resolve(path);
  let failed: unknown;
  const before = await stat(abs).catch((e) => {
    failed = e;
    return null;
  });
  if (!before) throw unreadableFile(basename(abs), failed);
  if (!before.isFile()) throw notRegular(abs);
  if (before.size > maxBytes) throw tooBig(abs, maxBytes);
  const fh = await open(abs, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0)).catch((e) => {
    failed = e;
    return null;
  });
  if (!fh) throw unreadableFile(basename(abs), failed);
  try {
    const st = await fh.stat({ bigint: true });
    if (!st.isFile()) throw notRegular(abs);
    if (st.size > BigInt(maxBytes)) throw tooBig(abs, maxBytes);
    const size = Number(st.size);
    // One byte of room: a file that grew while being read is noticed instead of silently cut.
    const buf = Buffer.allocUnsafe(size + 1);
    let total = 0;
    for (;;) {
      const { bytesRead } = await fh.read(buf, total, buf.length - total, total);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > size) throw new AppError({ kind: 'io', message: `“${basename(abs)}” changed while it was being read. Try again.` });
    }
    const identity: FileIdentity = { realPath: await realpath(abs), dev: st.dev.toString(), ino: st.ino.toString() };
    return { bytes: new Uint8Array(buf.buffer, buf.byteOffset, total), identity };
  } finally {
    await fh.close();
  }
}

/** The identity of an existing file (following links), or null when there is none. */
export async function identityOf(path: string): Promise<FileIdentity | null> {
  try {
    const abs = resolve(path);
    const st = await stat(abs, { bigint: true });
    return { realPath: await realpath(abs), dev: st.dev.toString(), ino: st.ino.toString() };
  } catch {
    return null;
  }
}

/**
 * The known file that writing to `target` would replace, if any: same real path (also when the
 * target does not exist yet: its folder's real path + name), or same device and inode.
 */
export async function findSameFile(target: string, known: readonly FileIdentity[]): Promise<FileIdentity | undefined> {
  if (!known.length) return undefined;
  const abs = resolve(target);
  const existing = await identityOf(abs);
  let real = existing?.realPath;
  if (!real)
    real = await realpath(dirname(abs)).then(
      (d) => join(d, basename(abs)),
      () => abs,
    );
  return known.find((k) => k.realPath === real || (!!existing && existing.ino !== '0' && existing.dev === k.dev && existing.ino === k.ino));
}
