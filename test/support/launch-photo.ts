/** The app with a photo opened the way a user opens one (Ctrl+O, the file chosen), settled. */
import { join } from 'node:path';
import { launchApp, PHOTOS, type AppHarness } from './app-harness';
import { dragPath, waitIdle } from './page-helpers';
import { retype, sliderTo } from './user-input';

/** Launches the app at `viewport` and opens `file` from the test photos with Ctrl+O; resolves once it is shown and idle. */
export async function launchWithPhoto(file: string, viewport = { width: 1280, height: 800 }): Promise<AppHarness> {
  const app = await launchApp({ viewport });
  app.dialogs.opens.push(join(PHOTOS, file));
  await app.page.keyboard.press('Control+o');
  await app.page.waitForFunction(() => (window as any).__maskworkTest.summary().hasDoc);
  await waitIdle(app.page);
  return app;
}

/**
 * coffee.png at 1280×800 with a hard 40-px stroke across the cup, `n` offline candidates generated
 * (typed in Candidates, Generate clicked); resolves once all are in the strip and the job is over.
 */
export async function launchWithOfflineCandidates(n: number): Promise<AppHarness> {
  const app = await launchWithPhoto('coffee.png');
  const page = app.page;
  await page.keyboard.press('b');
  await retype(page.getByRole('spinbutton', { name: 'Brush size' }), '40');
  await sliderTo(page.getByRole('slider', { name: 'Hardness' }), 'max');
  await dragPath(page, [
    [180, 160],
    [300, 160],
  ]);
  await retype(page.getByRole('spinbutton', { name: 'Candidates' }), String(n));
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  await page.waitForFunction((k) => (window as any).__maskworkTest.staging().items.length === k, n, { timeout: 90_000 });
  await page.waitForFunction(() => (window as any).__maskworkTest.job() === null, null, { timeout: 60_000 });
  return app;
}

/** sign-sports-centre.jpg at 1440×900 with a marquee over the sign's lower line (the preset files' start). */
export async function launchWithSignMarquee(): Promise<AppHarness> {
  const app = await launchWithPhoto('sign-sports-centre.jpg', { width: 1440, height: 900 });
  await app.page.keyboard.press('m');
  await dragPath(app.page, [
    [440, 820],
    [860, 900],
  ]);
  return app;
}
