/**
 * The select worker is warmed ahead: pressing O (object select) hands the photo to the worker at
 * once, so the first rectangle's job sends only itself — no source bitmaps gathered and sent after
 * the mouse-up (they were: 1.7–4.2 s on a 24 MP photo under load). Read from the app's own spans.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { join } from 'node:path';
import { launchApp, PHOTOS, type AppHarness } from '../support/app-harness';
import { dragPath, settleView, summary } from '../support/page-helpers';

let app: AppHarness;

beforeAll(async () => {
  app = await launchApp();
  app.dialogs.opens.push(join(PHOTOS, 'desk-stuff.jpg'));
  await app.page.keyboard.press('Control+o');
  await app.page.waitForFunction(() => (window as any).__maskworkTest.summary().hasDoc);
  await settleView(app.page);
});
afterAll(async () => {
  await app?.close();
});

it('O warms the worker: the first object select after it sends no source, and lands as one step', async () => {
  const page = app.page;
  await page.keyboard.press('o');
  expect((await summary(page)).tool).toBe('object');
  const steps = (await summary(page)).historyLabels.length;
  await dragPath(page, [
    [120, 90],
    [520, 400],
  ]);
  await page.waitForFunction(() => (window as any).__maskworkTest.selectTimings().length === 1, null, { timeout: 60_000 });
  const names: string[] = await page.evaluate(() =>
    (window as any).__maskworkTest.selectTimings()[0].spans.map((s: { name: string }) => s.name),
  );
  expect(names).toContain('transfer → worker (job)');
  expect(names.filter((n) => n.startsWith('renderer: gather') || n.includes('source)'))).toEqual([]);
  expect(names).toContain('worker: engine: graph cut');
  const s = await summary(page);
  const found = s.historyLabels.length === steps + 1 && s.label === 'Object select';
  const nothing = s.toasts.some((t: { message: string }) => /found nothing/.test(t.message));
  expect(found || nothing).toBe(true);
});
