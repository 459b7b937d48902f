/**
 * Text that is spelled right, in the real UI: a rectangle over "V1.0" on a label, the prompt asks
 * for 'V2.0', the local OpenAI server returns one wrong ("V2.O") and one right ("V2.0") candidate;
 * the right one is ranked first with its ✓ badge. "Retry until the text is right" shows its worst
 * case before starting and stops within its budget (the server counts the requests).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenAIServer } from '../servers';
import { launchOpenAIWithPhoto } from '../support/stroke-app';
import { REPO, type AppHarness } from '../support/app-harness';
import { dragPath, toastTexts, waitIdle } from '../support/page-helpers';
import { chooseOption, leaveField, retype } from '../support/user-input';

const FIX = join(REPO, 'test/fixtures/text');
let app: AppHarness;
let openai: OpenAIServer;
let right: Buffer;
let wrong: Buffer;
let wrong3: Buffer;

const staged = (page: AppHarness['page']) => page.evaluate(() => (window as any).__maskworkTest.staging().items.length as number);

beforeAll(async () => {
  [right, wrong, wrong3] = await Promise.all(['v2-right.png', 'v2-wrong.png', 'v3-wrong.png'].map((f) => readFile(join(FIX, f))));
  ({ app, openai } = await launchOpenAIWithPhoto({ photo: join(FIX, 'label-v1.png'), env: { OPENAI_API_KEY: 'sk-e2e-text-key-0003' } }));
  const page = app.page;
  // A rectangle selection over the text.
  await page.keyboard.press('m');
  await dragPath(page, [
    [170, 120],
    [470, 240],
  ]);
  await chooseOption(page, page.getByRole('combobox', { name: 'Model', exact: true }), 'gpt-image-2');
  await retype(page.getByRole('textbox', { name: 'Prompt', exact: true }), "change the text from 'V1.0' to 'V2.0', keep the font");
}, 180_000);
afterAll(async () => {
  await app?.close();
  await openai?.close();
});

describe('text check in the editor', () => {
  it('ranks the spelled-right candidate first with its badge', async () => {
    const page = app.page;
    await expect.poll(() => page.getByTestId('text-check-summary').textContent()).toContain('checked for “V2.0” (replacing “V1.0”)');
    await retype(page.getByRole('spinbutton', { name: 'Candidates' }), '2');
    openai.clearScript();
    openai.script({ fillImages: [wrong, right] });
    const sent = openai.requests.length;
    await leaveField(page);
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(() => (window as any).__maskworkTest.staging().items.length === 2, null, { timeout: 90_000 });
    expect(openai.requests.length - sent).toBe(1);
    const cands = page.getByTestId('candidate');
    await expect.poll(() => cands.nth(0).getByTestId('text-badge').textContent()).toBe('V2.0 ✓');
    expect(await cands.nth(1).getByTestId('text-badge').textContent()).toBe('V2.O ✗ 1 character');
    expect(await cands.nth(0).getByTestId('text-badge').getAttribute('data-status')).toBe('right');
    // The terse badge is said in words: in the candidate's accessible name and the badge's tooltip.
    const strip = page.getByRole('region', { name: 'Candidates' });
    expect(await strip.getByRole('button', { name: 'Candidate 1: GPT Image 2 · Spelled right: V2.0', exact: true }).count()).toBe(1);
    expect(
      await strip.getByRole('button', { name: /^Candidate 2: GPT Image 2 · 1 character wrong: read V2\.O, asked for V2\.0/ }).count(),
    ).toBe(1);
    expect(await cands.nth(1).getByTestId('text-badge').getAttribute('title')).toMatch(/^1 character wrong: read V2\.O, asked for V2\.0/);
    // The server's second image is the right one: ranking moved it to the front and selected it.
    const items = await page.evaluate(() => (window as any).__maskworkTest.staging());
    expect(items.items.map((c: { index: number }) => c.index)).toEqual([1, 0]);
    expect(await cands.nth(0).getAttribute('aria-pressed')).toBe('true');
    // The compare view shows the same badges, each under its own pane.
    await page.getByRole('button', { name: 'Compare…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Compare candidates' });
    await expect.poll(() => dialog.getByTestId('text-badge').allTextContents()).toEqual(['V2.0 ✓', 'V2.O ✗ 1 character']);
    await page.keyboard.press('Escape'); // closes the view, the candidates stay
    await expect.poll(() => dialog.count()).toBe(0);
    await leaveField(page);
    await page.keyboard.press('Escape'); // discard all
    await expect.poll(() => staged(page)).toBe(0);
  });

  it('"No candidate reads … right" goes when Esc discards the candidates it is about', async () => {
    const page = app.page;
    await retype(page.getByRole('spinbutton', { name: 'Candidates' }), '1');
    openai.clearScript();
    openai.script({ fillImages: [wrong] });
    await leaveField(page);
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(() => (window as any).__maskworkTest.staging().items.length === 1, null, { timeout: 90_000 });
    await waitIdle(page);
    const none = page.getByTestId('toasts').getByText(/^No candidate reads “V2\.0” right/);
    await none.waitFor();
    await page.keyboard.press('Escape'); // discard all
    await expect.poll(() => staged(page)).toBe(0);
    // Gone with the candidate (it stayed over the empty strip for the rest of its 5 s).
    await expect.poll(() => none.count(), { timeout: 1000 }).toBe(0);
  });

  it('checks the text of a refined candidate too, and ranks it among the others', async () => {
    const page = app.page;
    await retype(page.getByRole('spinbutton', { name: 'Candidates' }), '1');
    openai.clearScript();
    openai.script({ fillImages: [wrong] }, { fillImages: [right] });
    await leaveField(page);
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(() => (window as any).__maskworkTest.staging().items.length === 1, null, { timeout: 90_000 });
    await waitIdle(page);
    const cands = page.getByTestId('candidate');
    await expect.poll(() => cands.nth(0).getByTestId('text-badge').textContent()).toBe('V2.O ✗ 1 character');
    // The wrong one refined with GPT Image 2 (the server answers right this time): a badge, first place.
    await chooseOption(page, page.getByRole('combobox', { name: 'Refine with' }), 'gpt-image-2');
    await page.getByRole('button', { name: 'Refine', exact: true }).click();
    await page.waitForFunction(() => (window as any).__maskworkTest.staging().items.length === 2, null, { timeout: 90_000 });
    expect(await page.getByTestId('text-badge').allTextContents()).toEqual(['V2.0 ✓', 'V2.O ✗ 1 character']);
    expect(await cands.nth(0).getAttribute('aria-pressed')).toBe('true');
    expect(await cands.nth(0).textContent()).toContain('Refined from GPT Image 2');
    await leaveField(page);
    await page.keyboard.press('Escape');
    await expect.poll(() => staged(page)).toBe(0);
    // With several models at once the panel says so: checked, not retried.
    await page.getByRole('checkbox', { name: 'Ask several models at once' }).click();
    expect(await page.getByTestId('text-check-multi').textContent()).toMatch(/every candidate is checked.*nothing is retried/);
    expect(await page.getByRole('checkbox', { name: 'Retry until the text is right' }).count()).toBe(0);
    await page.getByRole('checkbox', { name: 'Ask several models at once' }).click();
  });

  it('retries until right within its budget, with the worst case shown before starting', async () => {
    const page = app.page;
    await retype(page.getByRole('spinbutton', { name: 'Candidates' }), '1');
    // Unticked, the count shows (greyed) what ticking will use, not "up to 0 more requests".
    const more = page.getByRole('spinbutton', { name: 'More requests' });
    const faded = () => more.evaluate((el) => Number(getComputedStyle(el).opacity) < 1);
    expect([await more.inputValue(), await more.isDisabled(), await faded()]).toEqual(['2', true, true]);
    await page.getByRole('checkbox', { name: 'Retry until the text is right' }).click();
    expect([await more.inputValue(), await more.isDisabled(), await faded()]).toEqual(['2', false, false]);
    await retype(more, '2');
    // Readable in the panel's width: no piece of text wraps (it went one word per line), the pieces of a
    // label share a line, and the budget's "no cap" placeholder is not cut.
    const row = await page.getByRole('group', { name: 'Text check' }).evaluate((el) => {
      const range = document.createRange();
      const wrapped: string[] = [];
      const spread: number[] = [];
      for (const label of Array.from(el.querySelectorAll('label'))) {
        const centres: number[] = [];
        const walker = document.createTreeWalker(label, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          if (!n.textContent?.trim()) continue;
          range.selectNodeContents(n);
          const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0);
          if (rects.length > 1) wrapped.push(n.textContent.trim());
          centres.push(rects[0].top + rects[0].height / 2);
        }
        spread.push(Math.max(...centres) - Math.min(...centres));
      }
      const usd = el.querySelector('input[aria-label="Retry budget in dollars"]') as HTMLInputElement;
      const cs = getComputedStyle(usd);
      const ctx = document.createElement('canvas').getContext('2d')!;
      ctx.font = cs.font;
      // Room for the text: the content box less Chromium's number spinner (about 15 px).
      const room = usd.clientWidth - Number.parseFloat(cs.paddingLeft) - Number.parseFloat(cs.paddingRight) - 16;
      return { wrapped, spread: Math.max(...spread), placeholder: ctx.measureText(usd.placeholder).width, room };
    });
    expect(row.wrapped).toEqual([]);
    expect(row.spread).toBeLessThanOrEqual(4);
    expect(row.placeholder).toBeLessThanOrEqual(row.room);
    const est = await page.evaluate(() => (window as any).__maskworkTest.estimate());
    const worst = await page.getByTestId('text-check-worst').textContent();
    const per = `$${est.usd.toFixed(3)}`;
    expect(worst).toBe(`Up to $${(3 * est.usd).toFixed(3)}: this request ${per} + up to 2 retries × ${per}`);
    // The line next to the Generate button says it too (the option may be scrolled out of view above).
    expect(await page.getByTestId('cost-worst').textContent()).toBe(` · up to $${(3 * est.usd).toFixed(3)} with 2 text retries`);

    // Every answer is wrong: one request plus exactly two retries, all staged with their badges.
    openai.clearScript();
    openai.script({ fillImages: [wrong3], times: Infinity });
    let sent = openai.requests.length;
    await leaveField(page);
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(() => (window as any).__maskworkTest.staging().items.length === 3, null, { timeout: 120_000 });
    await waitIdle(page);
    expect(openai.requests.length - sent).toBe(3);
    const badges = await page.getByTestId('text-badge').allTextContents();
    expect(badges).toEqual(['V3.0 ✗ 1 character', 'V3.0 ✗ 1 character', 'V3.0 ✗ 1 character']);
    await page.keyboard.press('Escape');
    await expect.poll(() => staged(page)).toBe(0);

    // A dollar cap that fits one retry: two requests; the second answer is right and ranked first.
    await retype(page.getByRole('spinbutton', { name: 'Retry budget in dollars' }), (est.usd * 1.5).toFixed(3));
    expect(await page.getByTestId('text-check-worst').textContent()).toContain('up to 1 retry ×');
    expect(await page.getByTestId('cost-worst').textContent()).toContain('with 1 text retry');
    openai.clearScript();
    openai.script({ fillImages: [wrong] }, { fillImages: [right] }, { fillImages: [wrong3], times: Infinity });
    sent = openai.requests.length;
    await leaveField(page);
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(() => (window as any).__maskworkTest.staging().items.length === 2, null, { timeout: 120_000 });
    await waitIdle(page);
    expect(openai.requests.length - sent).toBe(2);
    expect(await page.getByTestId('text-badge').allTextContents()).toEqual(['V2.0 ✓', 'V2.O ✗ 1 character']);
  });

  it('Esc Esc during a retry keeps the candidate the first request made (it was thrown away, paid for)', async () => {
    const page = app.page;
    await page.keyboard.press('Escape');
    await expect.poll(() => staged(page)).toBe(0);
    const layers = await page.evaluate(() => (window as any).__maskworkTest.summary().layers);
    let release: () => void = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    openai.clearScript();
    openai.script({ fillImages: [wrong] }, { fillImages: [wrong], until: held });
    const sent = openai.requests.length;
    const session = async () => ((await page.evaluate(() => (window as any).__maskworkTest.costs())) as { sessionUsd: number }).sessionUsd;
    const ledgerBefore = app.services.ledger.summary().today.usd;
    const sessionBefore = await session();
    try {
      await leaveField(page);
      await page.keyboard.press('Control+Enter');
      // The retry is out (held by the server): the first answer was read wrong.
      await expect
        .poll(() => openai.requests.slice(sent).map((q) => q.outcome ?? 'success'), { timeout: 60_000 })
        .toEqual(['success', 'pending']);
      await page.keyboard.press('Escape');
      await page.locator('[data-testid="toast"]', { hasText: 'Press Esc again' }).waitFor();
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => (window as any).__maskworkTest.staging().items.length === 1, null, { timeout: 30_000 });
      await waitIdle(page);
      expect(await page.getByTestId('text-badge').allTextContents()).toEqual(['V2.O ✗ 1 character']);
      expect(await page.evaluate(() => (window as any).__maskworkTest.summary().layers)).toBe(layers);
      expect(openai.requests.length - sent).toBe(2);
      // The session spend counts the cancelled retry's own request too, as main's ledger does (it
      // counted only the kept candidate's).
      const ledgerAdded = app.services.ledger.summary().today.usd - ledgerBefore;
      expect(app.services.ledger.summary().today.requests).toBeGreaterThanOrEqual(2);
      expect(ledgerAdded).toBeGreaterThan(0);
      expect((await session()) - sessionBefore).toBeCloseTo(ledgerAdded, 6);
      // The message says the cancel and what was kept (it said "No candidate reads “V2.0” right", as if
      // the retries had run out), and that the retry's request, out when Esc came, may be charged — at
      // what the ledger counted beyond the kept candidate (it said nothing of it).
      const keptUsd = ((await page.evaluate(() => (window as any).__maskworkTest.staging().items)) as { costUsd: number }[])[0].costUsd;
      const retryUsd = `$${(ledgerAdded - keptUsd).toFixed(3)}`;
      expect(ledgerAdded - keptUsd).toBeGreaterThan(0);
      await expect
        .poll(() => toastTexts(page))
        .toContainEqual(
          'Cancelled during the text retries: the candidate already made is kept, and it does not read “V2.0” right. Keep it by eye, or generate again. ' +
            `The cancelled retry's request was sent and may be charged by OpenAI (≈ ${retryUsd}, counted in today's spend).`,
        );
    } finally {
      release();
      openai.clearScript();
    }
  });
});
