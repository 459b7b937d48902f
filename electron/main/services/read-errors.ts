/**
 * What main says when a file or folder it was asked to read is not there or not readable, by the
 * error's code: a path that does not exist says "No such file" (it said "could not be read (it may
 * have been moved or deleted, or is not readable)" for every cause, and a mistyped path read like a
 * permissions problem), one it may not read says "permission denied", anything else keeps the
 * general words.
 */
import { AppError } from '../../../shared/errors';

function codeOf(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The error for a file named `name` (as messages show it: “name”) that could not be opened. */
export function unreadableFile(name: string, e: unknown): AppError {
  const code = codeOf(e);
  const message =
    code === 'ENOENT' || code === 'ENOTDIR'
      ? `No such file: “${name}” (it may have been moved, renamed or deleted).`
      : code === 'EACCES' || code === 'EPERM'
        ? `“${name}” could not be read: permission denied.`
        : `“${name}” could not be read (it may have been moved or deleted, or is not readable).`;
  return new AppError({ kind: 'io', message }, { cause: e });
}

/** The error for a folder (named as the caller shows it) whose list of files could not be read. */
export function unreadableFolder(folder: string, e: unknown): AppError {
  const code = codeOf(e);
  const message =
    code === 'ENOENT'
      ? `No such folder: ${folder}.`
      : code === 'ENOTDIR'
        ? `${folder} is not a folder.`
        : code === 'EACCES' || code === 'EPERM'
          ? `Cannot read the folder ${folder}: permission denied.`
          : `Cannot read the folder ${folder}.`;
  return new AppError({ kind: 'io', message }, { cause: e });
}
