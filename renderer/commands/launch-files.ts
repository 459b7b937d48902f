/**
 * Files the OS asks the app to open — "Open with Maskwork", a double-click on a photo or a project,
 * a second launch — open one after the other as Ctrl+O's would (document-io.ts `openLaunchFile`):
 * those waiting when the window loads first, then each one main announces (`launch:file`).
 */
import { api, errorInfo, unwrap } from './bridge';
import { openLaunchFile } from './document-io';

export function installLaunchFiles(): () => void {
  let running = false;
  let again = false;
  const drain = async () => {
    if (running) {
      again = true; // taken by the loop below once the open under way is done
      return;
    }
    running = true;
    try {
      do {
        again = false;
        while (await openLaunchFile()) {}
      } while (again);
    } finally {
      running = false;
    }
  };
  const off = api().events.onLaunchFile(() => void drain());
  void unwrap(api().launch.watch({})).then(
    (r) => {
      if (r.waiting) void drain();
    },
    (e: unknown) => console.warn(`Files to open at launch unavailable: ${errorInfo(e).message}`),
  );
  return off;
}
