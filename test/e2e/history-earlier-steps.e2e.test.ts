/**
 * History says when steps are scrolled out of sight above its list: with two kept layers at 1280×800
 * it shows its last two steps (Generate's Edge line takes the rest of the column), and the earlier
 * ones — the photo opened, the first stroke and keep — looked missing. "▴ 3 earlier steps" on the
 * heading's line says so, and a click scrolls up to the first. Every step is still its own: open,
 * stroke, keep, stroke, keep. Real keys and mouse; the offline engine.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppHarness } from '../support/app-harness';
import { launchWithPhoto } from '../support/launch-photo';
import { paintGenerateKeep, seen } from '../support/page-helpers';

let app: AppHarness;

beforeAll(async () => {
  app = await launchWithPhoto('desk-stuff.jpg', { width: 1280, height: 800 }); // 640×480
  await paintGenerateKeep(app.page, 200, 1);
  await paintGenerateKeep(app.page, 320, 2);
}, 240_000);
afterAll(() => app?.close());

const whole = { fraction: 1, onTop: true };

describe('History with two kept layers at 1280×800', () => {
  it('says how many steps are above its list, and a click shows the first', async () => {
    const page = app.page;
    const history = page.getByRole('region', { name: 'History' });
    const steps = history.getByRole('listitem');
    expect(await steps.allTextContents()).toEqual([
      'Open desk-stuff.jpg',
      'Brush stroke',
      'Keep Offline fill result',
      'Brush stroke (2)',
      'Keep Offline fill result (2)',
    ]);
    // Some are scrolled away above (the current one, the last, in view): the heading's line counts them.
    expect(await seen(steps.last())).toEqual(whole);
    expect(await seen(steps.first())).not.toEqual(whole);
    const hidden = (await Promise.all((await steps.all()).map((s) => seen(s)))).filter((s) => s.fraction < 1).length;
    const cue = history.getByRole('button', { name: /earlier step/ });
    await expect.poll(async () => (await cue.count()) && cue.textContent()).toBe(`▴ ${hidden} earlier ${hidden === 1 ? 'step' : 'steps'}`);
    expect(await seen(cue)).toEqual(whole);
    await cue.click();
    await expect.poll(() => seen(steps.first())).toEqual(whole);
    await expect.poll(() => cue.count()).toBe(0);
    // The wheel back down to the current step brings the count back.
    const box = (await steps.first().boundingBox())!;
    await page.mouse.move(box.x + 40, box.y + 5);
    await page.mouse.wheel(0, 200);
    await expect.poll(() => cue.count()).toBe(1);
    expect(app.errors).toEqual([]);
  });
});
