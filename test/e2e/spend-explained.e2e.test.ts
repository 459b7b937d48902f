/**
 * "Spent today $… · this month $…" in the status bar explained itself only in a hover tooltip (what it
 * counts, the last days and months): the keyboard could not reach it, and a screen reader heard the
 * figures alone. It is a button now: Tab reaches it, its description is the explanation, and Enter
 * shows the explanation on screen (Esc or Enter again puts it away). Keys only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, type AppHarness } from '../support/app-harness';

let app: AppHarness;

beforeAll(async () => {
  app = await launchApp({ viewport: { width: 1280, height: 800 } });
});
afterAll(async () => {
  await app?.close();
});

/** The focused element's accessible name and description (aria-describedby's text), read only. */
const focused = () =>
  app.page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const ids = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    return {
      text: el.textContent,
      description: ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' '),
      expanded: el.getAttribute('aria-expanded'),
    };
  });

describe('what was spent, explained to the keyboard', () => {
  it('Tab reaches the figure, which is described; Enter shows the explanation, Esc puts it away', async () => {
    const page = app.page;
    const figure = page.getByRole('button', { name: /^Spent today \$\d+\.\d{3} · this month \$\d+\.\d{3}/ });
    await figure.waitFor();
    // From the button before it in the status bar (Batch…), one Tab.
    await page.getByRole('button', { name: 'Zoom to 100 %' }).click();
    let reached = false;
    for (let i = 0; i < 4 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await figure.evaluate((e) => e === document.activeElement);
    }
    expect(reached).toBe(true);
    const f = await focused();
    expect(f.text).toMatch(/^Spent today \$\d+\.\d{3} · this month \$\d+\.\d{3}$/);
    expect(f.description).toMatch(/^Estimated cost of every request sent from this computer, across documents/);
    expect(f.expanded).toBe('false');
    const details = page.getByRole('note', { name: 'What was spent' });
    expect(await details.isVisible()).toBe(false);
    await page.keyboard.press('Enter');
    await details.waitFor({ state: 'visible' });
    expect(await details.textContent()).toMatch(/Days:.*Months:/s);
    expect((await focused()).expanded).toBe('true');
    // Whole inside the window.
    const b = (await details.boundingBox())!;
    expect(b.y).toBeGreaterThanOrEqual(0);
    expect(b.x + b.width).toBeLessThanOrEqual(1280);
    await page.keyboard.press('Escape');
    await details.waitFor({ state: 'hidden' });
    expect(await figure.evaluate((e) => e === document.activeElement)).toBe(true);
    expect(app.errors).toEqual([]);
  });
});
