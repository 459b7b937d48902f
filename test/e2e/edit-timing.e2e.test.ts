/**
 * Edit timings (issue 16): Settings → Diagnostics → "Log edit timings" prints, for each edit, the spans
 * from the keypress to the candidate on screen (renderer, transport both ways, main), and the
 * candidate shows within the time budget plus the server's time. Real keys and mouse; a 4 MP photo.
 * The budget here has a wide margin for a loaded CI machine: the real target (≤ 300 ms of Maskwork's
 * own time on 24 MP) is carried by `npm run bench -- --only edit-time`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppHarness } from '../support/app-harness';
import { dragPath } from '../support/page-helpers';
import { chooseOption, leaveField, retype } from '../support/user-input';
import type { OpenAIServer } from '../servers';
import { launchOpenAIWithPhoto } from '../support/stroke-app';

let app: AppHarness;
let openai: OpenAIServer;
const logged: string[] = [];

/** Maskwork's own time may be this many times the 300 ms target before this test fails: the first edit of a session
 * on a 2-core machine at load 16–20 measured up to 4.9 s (cold SDK and JIT), so the margin is wide. */
const MARGIN = 25;

beforeAll(async () => {
  ({ app, openai } = await launchOpenAIWithPhoto({
    photo: 'colorful-cups.jpg', // 2560×1600
    viewport: { width: 1600, height: 1000 },
    env: { OPENAI_API_KEY: 'sk-e2e-timing-key-0001' },
  }));
  // Edits log their timing when a candidate is on screen; opening the photo logs none.
  app.page.on('console', (m) => {
    if (m.type() === 'info' && m.text().startsWith('Maskwork edit')) logged.push(m.text());
  });
});
afterAll(async () => {
  await app?.close();
  await openai?.close();
});

describe('edit timings', () => {
  it('logs the spans of an edit when switched on, and the candidate shows within budget + server time', async () => {
    const page = app.page;
    await page.getByRole('button', { name: 'Settings' }).click();
    const box = page.getByRole('checkbox', { name: /Log edit timings/ });
    expect(await box.isChecked()).toBe(false);
    await box.click();
    expect(await box.isChecked()).toBe(true);
    await page.keyboard.press('Escape');
    await chooseOption(page, page.getByRole('combobox', { name: 'Model' }), 'gpt-image-2');
    await retype(page.getByRole('textbox', { name: 'Prompt' }), 'a red cup');
    await leaveField(page);
    await page.keyboard.press('m');
    await dragPath(page, [
      [900, 600],
      [1300, 900],
    ]);
    const sent = openai.requests.length;
    const t0 = performance.timeOrigin + performance.now();
    await page.keyboard.press('Control+Enter');
    await page.getByRole('button', { name: 'Keep', exact: true }).waitFor({ state: 'visible', timeout: 90_000 });
    await expect.poll(() => logged.length, { timeout: 10_000 }).toBe(1);

    const text = logged[0];
    for (const span of [
      'renderer: mask encode',
      'transport → main (edit:start)',
      'main: mask decode',
      'main: request encode',
      'main: provider round trip',
      'main: decode + scale #0',
      'main: patch build #0',
      'main: patch encode #0',
      'transport ← main (pixels #0)',
      'transport ← main (job:result)',
      'renderer: bitmap #0',
      'renderer: first paint',
    ])
      expect(text).toContain(span);

    const trace = await page.evaluate(() => (window as any).__maskworkTest.editTimings().at(-1));
    const spans = trace.spans as { name: string; start: number; end: number }[];
    const at = (name: string) => spans.find((s) => s.name === name)!;
    // In order on one clock: the renderer's mask before main's prep, main's round trip before its patch, the paint last.
    expect(trace.t0).toBeGreaterThanOrEqual(t0);
    expect(at('renderer: mask encode').end).toBeLessThanOrEqual(at('main: mask decode').start + 5);
    // A plain photo: the request is encoded from the decoded original, the region's copy made after it left.
    expect(spans.some((s) => s.name === 'main: region pixels')).toBe(false);
    expect(at('main: provider round trip').end).toBeLessThanOrEqual(at('main: patch build #0').start + 1);
    // The candidate's pixels are painted as soon as they arrive (ahead of the PNG encode and the
    // result) — unless the result wins that race, as it sometimes does in this harness, where the
    // pixels cross as a fetch: the trace ends at whichever paint came first.
    const early = spans.find((s) => s.name === 'renderer: early paint');
    if (early) {
      expect(early.start).toBeGreaterThanOrEqual(at('transport ← main (pixels #0)').end);
      expect(early.end).toBe(trace.shownAt);
      expect(trace.shownAt).toBeLessThanOrEqual(at('renderer: first paint').end);
    } else expect(at('renderer: first paint').end).toBe(trace.shownAt);

    const req = openai.requests[sent];
    expect(openai.requests.length - sent).toBe(1);
    const serverMs = req.answeredAt! - req.receivedAt;
    expect(serverMs).toBeGreaterThan(0);
    const own = trace.shownAt - t0 - serverMs;
    expect(own).toBeGreaterThan(0);
    expect(own, `own time ${own.toFixed(0)} ms, server ${serverMs.toFixed(0)} ms:\n${text}`).toBeLessThan(300 * MARGIN);
    expect(app.errors).toEqual([]);
  });

  it("Settings → Diagnostics shows the last edit's timings to copy, and says where the log goes (the installed app has no console)", async () => {
    const page = app.page;
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    const diag = page.getByRole('region', { name: 'Diagnostics' });
    await expect.poll(() => diag.innerText()).toMatch(/developer console \(not shown in the installed app\)/);
    const field = diag.getByRole('textbox', { name: 'Last edit timings' });
    expect(await field.inputValue()).toBe(logged[0]);
    expect(await field.getAttribute('readonly')).not.toBeNull();
    await page.keyboard.press('Escape');
  });
});
