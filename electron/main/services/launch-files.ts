/**
 * Files the operating system asks Maskwork to open — "Open with Maskwork", a double-click on an
 * associated file, `Maskwork photo.jpg` on a command line, or any of those while Maskwork already
 * runs (a second launch hands its files to the first: electron/main/launch-wiring.ts). They wait in
 * main until the renderer takes them (`launch:take`), after asking what the open would replace; the
 * renderer never names a path.
 */
import { basename, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** More than this many waiting files are not kept (a stray glob on a command line). */
const MAX_WAITING = 64;

/** The next file to open, and the names of the others that arrived with it (not opened: one photo at a time). */
export interface TakenLaunchFile {
  path: string;
  skipped: string[];
}

export class LaunchFiles {
  /** Batches of paths, in the order they arrived (one batch per launch or per "Open with"). */
  private readonly batches: string[][] = [];
  private notify: ((name: string) => void) | null = null;

  /** Queues the files of one launch (in order); the watching renderer is told of the first. */
  add(paths: readonly string[]): void {
    const batch = paths.slice(0, MAX_WAITING);
    if (!batch.length) return;
    this.batches.push(batch);
    while (this.batches.length > MAX_WAITING) this.batches.shift();
    this.notify?.(basename(batch[0]));
  }

  /** The renderer that is told of files that arrive from now on; how many launches are waiting already. */
  watch(notify: (name: string) => void): number {
    this.notify = notify;
    return this.batches.length;
  }

  /** The oldest launch's first file, with the names of the rest of that launch; null when none waits. */
  take(): TakenLaunchFile | null {
    const batch = this.batches.shift();
    if (!batch) return null;
    return { path: batch[0], skipped: batch.slice(1).map((p) => basename(p)) };
  }
}

/**
 * The files named on a command line: the arguments after the first `skip` (the executable, and the
 * app's folder when Electron runs it unpackaged), minus switches (Chromium adds its own, e.g.
 * `--allow-file-access-from-files` to a second instance's argv), resolved against the launch's
 * working folder. `file://` URLs (a Linux desktop entry's `%U`) become paths; other URLs are ignored.
 */
export function launchPaths(argv: readonly string[], cwd: string, skip: number): string[] {
  const out: string[] = [];
  for (const arg of argv.slice(skip)) {
    if (!arg || arg.startsWith('-')) continue;
    if (/^file:\/\//i.test(arg)) {
      try {
        out.push(fileURLToPath(arg));
      } catch {
        // not a local file URL (another host): nothing to open
      }
      continue;
    }
    if (/^[a-z][a-z0-9+.-]+:\/\//i.test(arg)) continue; // http:// and the like: not a file
    out.push(isAbsolute(arg) ? arg : resolve(cwd, arg));
  }
  return out;
}
