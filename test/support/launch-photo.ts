/** The app with a photo opened the way a user opens one (Ctrl+O, the file chosen), settled. */
import { join } from 'node:path';
import { launchApp, PHOTOS, type AppHarness } from './app-harness';
import { waitIdle } from './page-helpers';

/** Launches the app at `viewport` and opens `file` from the test photos with Ctrl+O; resolves once it is shown and idle. */
export async function launchWithPhoto(file: string, viewport = { width: 1280, height: 800 }): Promise<AppHarness> {
  const app = await launchApp({ viewport });
  app.dialogs.opens.push(join(PHOTOS, file));
  await app.page.keyboard.press('Control+o');
  await app.page.waitForFunction(() => (window as any).__maskworkTest.summary().hasDoc);
  await waitIdle(app.page);
  return app;
}
