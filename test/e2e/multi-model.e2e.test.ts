/**
 * One Generate asking several models at once (GPT Image 2 ×2 + Nano Banana 2 ×2 + the offline
 * engine ×1), driven with real mouse and keys: one price for all before sending (the same figure the
 * spend ledger counts), candidates staged as each model answers (the slow model's arrive last),
 * labelled with model, cost and time; a model that fails leaves the others' candidates in place.
 * The SDKs talk to the local protocol servers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppHarness } from '../support/app-harness';
import { type CloudApp, launchWithCloudServers, openAndPaint } from '../support/cloud-app';
import { leaveField, retype } from '../support/user-input';
import type { GeminiServer } from '../servers';

let app: AppHarness;
let gemini: GeminiServer;
let cloud: CloudApp | undefined;
const GPT = 'GPT Image 2';
const NB2 = 'Nano Banana 2 (Gemini 3.1 Flash Image)';
const LOCAL = 'Offline fill';

beforeAll(async () => {
  cloud = await launchWithCloudServers();
  ({ app, gemini } = cloud);
  await openAndPaint(app, 'coffee.png', 30, [
    [200, 150],
    [300, 150],
  ]);
});
afterAll(() => cloud?.close());

const staged = () =>
  app.page.evaluate(() => (window as any).__maskworkTest.staging().items as { model: string; costUsd: number; seconds: number }[]);
const entry = (model: string) => app.page.locator(`[data-testid="multi-entry"][data-model="${model}"]`);

describe('several models at once', () => {
  it('one price for all, candidates as each model answers, grouped and labelled', async () => {
    const page = app.page;
    await page.getByRole('checkbox', { name: 'Ask several models at once' }).click();
    // Turned on, the list starts from the model chosen above (the offline engine here), one candidate.
    expect(await page.getByTestId('multi-total').textContent()).toMatch(/^1 model · 1 candidate · /);
    await expect.poll(() => page.getByRole('spinbutton', { name: `${LOCAL} candidates` }).inputValue()).toBe('1');
    await retype(page.getByRole('spinbutton', { name: `${GPT} candidates` }), '2');
    await retype(page.getByRole('spinbutton', { name: `${NB2} candidates` }), '2');
    await retype(page.getByRole('spinbutton', { name: `${LOCAL} candidates` }), '1');
    await retype(page.getByRole('textbox', { name: 'Prompt', exact: true }), 'a glass vase');
    const total = (await page.getByTestId('multi-total').textContent()) ?? '';
    expect(total).toMatch(/^3 models · 5 candidates · ≈ \$\d+\.\d{3}/);
    const shownUsd = Number(/\$(\d+\.\d{3})/.exec(total)?.[1]);
    // Nano Banana 2 is held until GPT Image 2's candidates are staged: they must not wait for it.
    let releaseGemini: () => void = () => {};
    const held = new Promise<void>((r) => {
      releaseGemini = r;
    });
    gemini.script({ until: held, times: 2 });
    const ledgerBefore = app.services.ledger.summary().today.usd;
    await page.getByRole('button', { name: 'Generate', exact: true }).click();
    await expect.poll(async () => (await staged()).filter((c) => c.model === 'gpt-image-2').length, { timeout: 30_000 }).toBe(2);
    expect((await staged()).some((c) => c.model === 'gemini-3.1-flash-image')).toBe(false);
    expect(await entry('gemini-3.1-flash-image').textContent()).toMatch(/Waiting…|Working…/);
    expect(await entry('gpt-image-2').textContent()).toMatch(/^GPT Image 2 ×2 Done in \d+\.\d s · 2 candidates · \$\d\.\d{3}$/);
    // The line's time is its cards' (it was the run's, after staging: 10.2 s beside cards of 8.5 s).
    const cardSeconds = (await staged()).filter((c) => c.model === 'gpt-image-2').map((c) => c.seconds);
    expect(await entry('gpt-image-2').textContent()).toContain(`Done in ${Math.max(...cardSeconds).toFixed(1)} s`);
    // The candidate being looked at stays on screen as the slower model answers (it switched to the
    // last model's candidate, and an Enter then kept another one than the one judged).
    const selectedKey = () =>
      page.evaluate(() => {
        const st = (window as any).__maskworkTest.staging();
        return st.items[st.selected]?.key as string;
      });
    await leaveField(page);
    await page.keyboard.press('ArrowRight');
    const judged = await selectedKey();
    expect(judged).toBeTruthy();
    releaseGemini();
    await expect.poll(async () => (await staged()).length, { timeout: 60_000 }).toBe(5);
    expect(await selectedKey()).toBe(judged);
    const items = await staged();
    // Grouped: each model's candidates side by side, in the order the models answered.
    const order = items.map((c) => c.model);
    const runs = order.filter((m, i) => i === 0 || order[i - 1] !== m);
    expect(runs.sort()).toEqual(['gemini-3.1-flash-image', 'gpt-image-2', 'local']);
    expect(order.filter((m) => m === 'gemini-3.1-flash-image')).toHaveLength(2);
    expect(order.filter((m) => m === 'local')).toHaveLength(1);
    expect(order.indexOf('gemini-3.1-flash-image')).toBeGreaterThan(order.lastIndexOf('gpt-image-2'));
    // Labels: model, cost and time on every candidate.
    const labels = await page.getByTestId('candidate').allTextContents();
    expect(labels.filter((l) => l.startsWith(GPT))).toHaveLength(2);
    // The tiles show the short name ("Nano Banana 2"); the accessible name keeps the whole.
    expect(labels.filter((l) => l.startsWith('Nano Banana 2$'))).toHaveLength(2);
    expect(await page.getByRole('button', { name: new RegExp(`^Candidate \\d: ${NB2.replace(/[()]/g, '\\$&')}`) }).count()).toBe(2);
    for (const l of labels) expect(l).toMatch(/\$\d\.\d{3} · \d+\.\ds/);
    // The one price shown before sending is what the ledger counted for the requests.
    await app.services.ledger.flushed();
    expect(app.services.ledger.summary().today.usd - ledgerBefore).toBeCloseTo(shownUsd, 3);
    await page.getByRole('button', { name: 'Discard all' }).click();
  });

  it('a model that fails never loses the others’ candidates', async () => {
    const page = app.page;
    gemini.script({ status: 500, times: Infinity });
    await page.getByRole('button', { name: 'Generate', exact: true }).click();
    await expect.poll(async () => (await entry('gemini-3.1-flash-image').textContent()) ?? '', { timeout: 60_000 }).toMatch(/Failed: /);
    // A server error after the requests reached Google: counted in the ledger, so said as maybe billed (it said nothing).
    expect(await entry('gemini-3.1-flash-image').textContent()).toMatch(
      /may be charged by Google \(≈ \$0\.\d+, counted in today's spend\)\.$/,
    );
    await expect.poll(async () => (await staged()).length, { timeout: 60_000 }).toBe(3);
    const models = (await staged()).map((c) => c.model).sort();
    expect(models).toEqual(['gpt-image-2', 'gpt-image-2', 'local']);
    gemini.clearScript();
    // Keep one: the document changes only now, by one layer.
    const before = await page.evaluate(() => (window as any).__maskworkTest.summary().layers);
    await page.getByRole('button', { name: 'Keep', exact: true }).click();
    // Keep commits once the candidate's bitmap is there (a decode when it was let go): polled.
    await expect.poll(() => page.evaluate(() => (window as any).__maskworkTest.summary().layers)).toBe(before + 1);
    // The answered models' lines went with their candidates; the failure stays until dismissed.
    expect(await entry('gpt-image-2').count()).toBe(0);
    expect(await entry('local').count()).toBe(0);
    expect(await entry('gemini-3.1-flash-image').textContent()).toMatch(/Failed: /);
    await page.getByRole('button', { name: 'Dismiss failed models' }).click();
    expect(await page.getByRole('status', { name: 'Models asked' }).count()).toBe(0);
  });

  it('Cancel all models stops the models still working; the candidates already back stay, the document is unchanged', async () => {
    const page = app.page;
    // Nano Banana 2 is held: the others answer, it is still working when the button is pressed.
    let releaseGemini: () => void = () => {};
    const held = new Promise<void>((r) => {
      releaseGemini = r;
    });
    gemini.script({ until: held, times: 2 });
    try {
      const layers = await page.evaluate(() => (window as any).__maskworkTest.summary().layers);
      // The Keep above cleared the mask: Reselect brings it back for this round.
      await page.getByRole('region', { name: 'Mask' }).getByRole('button', { name: 'Reselect' }).click();
      await page.getByRole('button', { name: 'Generate', exact: true }).click();
      await expect.poll(async () => (await staged()).length, { timeout: 60_000 }).toBe(3);
      expect(await entry('gemini-3.1-flash-image').textContent()).toMatch(/Waiting…|Working…/);
      const cancel = page.getByRole('button', { name: 'Cancel all models' });
      expect(await cancel.getAttribute('title')).toMatch(/already back stay/);
      // Both of its requests are out (held by the server): cancelled now, they are charged, and its line says so.
      await expect.poll(() => gemini.requests.filter((q) => q.outcome === 'pending').length, { timeout: 30_000 }).toBe(2);
      await cancel.click();
      await expect
        .poll(async () => (await entry('gemini-3.1-flash-image').textContent()) ?? '', { timeout: 30_000 })
        .toMatch(/Cancelled\. 2 requests were sent and may be charged by Google \(≈ \$0\.\d+, counted in today's spend\)\.$/);
      expect(await cancel.count()).toBe(0);
      expect((await staged()).map((c) => c.model).sort()).toEqual(['gpt-image-2', 'gpt-image-2', 'local']);
      expect(await page.evaluate(() => (window as any).__maskworkTest.summary().layers)).toBe(layers);
    } finally {
      releaseGemini();
      gemini.clearScript();
    }
    await page.getByRole('button', { name: 'Discard all' }).click();
    expect(await page.evaluate(() => (window as any).__maskworkTest.staging().items.length)).toBe(0);
  });

  it('Esc with models still working keeps what is back and asks first; the second Esc cancels the rest; a third discards, and says Ctrl+Z brings them back', async () => {
    const page = app.page;
    let releaseGemini: () => void = () => {};
    const held = new Promise<void>((r) => {
      releaseGemini = r;
    });
    gemini.script({ until: held, times: 2 });
    try {
      await page.getByRole('button', { name: 'Generate', exact: true }).click();
      await expect.poll(async () => (await staged()).length, { timeout: 60_000 }).toBe(3);
      await expect.poll(() => gemini.requests.filter((q) => q.outcome === 'pending').length, { timeout: 30_000 }).toBe(2);
      await leaveField(page);
      // The first Esc threw the three candidates away without a word while Nano Banana 2 ran on.
      await page.keyboard.press('Escape');
      await expect
        .poll(() => page.locator('.toast.info').last().textContent())
        .toMatch(/^Press Esc again within 3 s to cancel Nano Banana 2 \(Gemini 3\.1 Flash Image\): its request is sent/);
      expect((await staged()).length).toBe(3);
      expect(await entry('gemini-3.1-flash-image').textContent()).toMatch(/Waiting…|Working…/);
      await page.keyboard.press('Escape');
      await expect
        .poll(async () => (await entry('gemini-3.1-flash-image').textContent()) ?? '', { timeout: 30_000 })
        .toMatch(/Cancelled\. 2 requests were sent and may be charged by Google/);
      expect((await staged()).map((c) => c.model).sort()).toEqual(['gpt-image-2', 'gpt-image-2', 'local']);
      // Nothing runs now: Esc discards them all, and says how to get them back.
      await page.keyboard.press('Escape');
      await expect.poll(async () => (await staged()).length).toBe(0);
      expect(await page.locator('.toast.info').last().textContent()).toMatch(/^Discarded 3 candidates: Ctrl\/⌘ Z brings them back\./);
      await page.keyboard.press('Control+z');
      await expect.poll(async () => (await staged()).length).toBe(3);
    } finally {
      releaseGemini();
      gemini.clearScript();
    }
    await page.getByRole('button', { name: 'Discard all' }).click();
    expect(await page.evaluate(() => (window as any).__maskworkTest.staging().items.length)).toBe(0);
  });

  it('Cancel all models before any model answered says so and what the sent requests may cost; a new run clears the last one’s failure', async () => {
    const page = app.page;
    const openai = cloud!.openai;
    await retype(page.getByRole('spinbutton', { name: `${LOCAL} candidates` }), '0');
    // A run whose Nano Banana 2 failed: its error message is up.
    gemini.script({ status: 500, times: Infinity });
    await page.getByRole('button', { name: 'Generate', exact: true }).click();
    const failure = page.locator('[data-testid="toast"][data-tone="error"]', { hasText: 'Nano Banana 2' });
    await failure.waitFor({ timeout: 60_000 });
    await expect.poll(async () => (await staged()).length, { timeout: 60_000 }).toBe(2);
    gemini.clearScript();
    await page.getByRole('button', { name: 'Discard all' }).click();
    let release: () => void = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    gemini.script({ until: held, times: Infinity });
    openai.script({ until: held, times: Infinity });
    try {
      const layers = await page.evaluate(() => (window as any).__maskworkTest.summary().layers);
      await page.getByRole('button', { name: 'Generate', exact: true }).click();
      // The new run began: the last run's failure is stale (it stayed over the models now working).
      await expect.poll(() => failure.count()).toBe(0);
      await expect.poll(() => gemini.requests.filter((q) => q.outcome === 'pending').length, { timeout: 30_000 }).toBe(2);
      await expect.poll(() => openai.requests.filter((q) => q.outcome === 'pending').length, { timeout: 30_000 }).toBeGreaterThan(0);
      await page.getByRole('button', { name: 'Cancel all models' }).click();
      // Every line went with the cancel; a message says what a single job's cancel says (it said nothing).
      await expect
        .poll(() => page.locator('[data-testid="toast"][data-tone="info"]').last().textContent(), { timeout: 30_000 })
        .toMatch(
          /^Cancelled — the document is unchanged\. 1 request was sent and may be charged by OpenAI \(≈ \$0\.\d+, counted in today's spend\); 2 requests were sent and may be charged by Google \(≈ \$0\.\d+, counted in today's spend\)\./,
        );
      expect(await page.getByRole('status', { name: 'Models asked' }).count()).toBe(0);
      expect((await staged()).length).toBe(0);
      expect(await page.evaluate(() => (window as any).__maskworkTest.summary().layers)).toBe(layers);
    } finally {
      release();
      gemini.clearScript();
      openai.clearScript();
    }
    await retype(page.getByRole('spinbutton', { name: `${LOCAL} candidates` }), '1');
  });

  it('with no mask, "Paint a mask or select an area first" is said once (in the footer beside Generate), and every row keeps its name on a line', async () => {
    const page = app.page;
    await leaveField(page);
    await page.keyboard.press('Control+d');
    await expect.poll(() => page.evaluate(() => (window as any).__maskworkTest.maskPixels())).toBe(0);
    await retype(page.getByRole('spinbutton', { name: `${NB2} candidates` }), '1');
    await leaveField(page);
    const list = page.getByRole('group', { name: 'Models to ask' });
    const look = await list.evaluate((el) =>
      Array.from(el.querySelectorAll('.multi-row')).map((row) => {
        const name = row.querySelector('.multi-name') as HTMLElement;
        const cs = getComputedStyle(name);
        const line = cs.lineHeight === 'normal' ? 1.25 * Number.parseFloat(cs.fontSize) : Number.parseFloat(cs.lineHeight);
        return { text: row.textContent ?? '', name: name.textContent, lines: Math.round(name.getBoundingClientRect().height / line) };
      }),
    );
    expect(look.length).toBeGreaterThan(2);
    for (const r of look) {
      // The message in the Nano Banana 2 row squeezed its name to one word per line.
      expect(r.text, r.name ?? '').not.toMatch(/Paint a mask or select an area first/);
      expect(r.lines, `${r.name} wraps`).toBeLessThanOrEqual(2);
    }
    // Said once, in the footer beside Generate (it was said under the list too, and read twice).
    const said = page.getByText('Paint a mask or select an area first');
    expect(await said.count()).toBe(1);
    expect(await page.getByTestId('generate-blocker').textContent()).toBe('Paint a mask or select an area first');
    expect(await page.getByRole('note').filter({ hasText: 'Paint a mask' }).count()).toBe(1);
    // No price without a mask: the total says what is counted, not "$0.000".
    expect(await page.getByTestId('multi-total').textContent()).not.toMatch(/\$/);
    expect(app.errors).toEqual([]);
  });
});
