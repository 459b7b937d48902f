/**
 * One Maskwork at a time, as Photoshop is: a second launch (a double-click on a photo, "Open with
 * Maskwork", `Maskwork photo.jpg`) hands its files to the running app, which comes to the front and
 * opens them; it does not start a second app that would share — and overwrite — the first one's
 * autosave, settings and spend ledger. macOS sends files as `open-file` events instead (also before
 * the app is ready). The Electron `app` is passed in, so this runs under test with a stand-in.
 */
import { launchPaths, type LaunchFiles } from './services/launch-files';

/** The part of Electron's `app` used here. */
export interface LaunchApp {
  requestSingleInstanceLock(): boolean;
  quit(): void;
  on(event: 'second-instance', listener: (event: unknown, argv: string[], workingDirectory: string) => void): unknown;
  on(event: 'open-file', listener: (event: { preventDefault(): void }, path: string) => void): unknown;
}

/**
 * Takes the single-instance lock: false when another Maskwork holds it (this one then quits, its
 * files handed over by Electron). Otherwise queues this launch's own files and every later one's,
 * calling `toFront` when another launch asks.
 * `skip`: arguments before the files (2 when Electron runs the app unpackaged: `electron .`, else 1).
 */
export function wireLaunchFiles(
  app: LaunchApp,
  files: LaunchFiles,
  launch: { argv: readonly string[]; cwd: string; skip: number },
  toFront: () => void,
): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  files.add(launchPaths(launch.argv, launch.cwd, launch.skip));
  app.on('second-instance', (_event, argv, workingDirectory) => {
    // A second instance's argv starts with its executable (and the app folder when unpackaged), as ours does.
    files.add(launchPaths(argv, workingDirectory, launch.skip));
    toFront();
  });
  app.on('open-file', (event, path) => {
    event.preventDefault();
    files.add([path]);
    toFront();
  });
  return true;
}
