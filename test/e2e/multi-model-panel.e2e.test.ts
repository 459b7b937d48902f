/**
 * "Several models at once" on a 1280×800 window: the single Model list and Candidates field went on
 * showing while the list below chose the models and their counts (they meant nothing), and Nano
 * Banana 2's price in that list was cut to "$…". With the box ticked the panel shows only what
 * applies, says where the two went, and every price reads whole. Real keys and mouse.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppHarness } from '../support/app-harness';
import { type CloudApp, launchCloudWithShortStroke } from '../support/cloud-app';
import { chooseOption, retype } from '../support/user-input';

const NB2 = 'Nano Banana 2 (Gemini 3.1 Flash Image)';
let app: AppHarness;
let cloud: CloudApp | undefined;

beforeAll(async () => {
  cloud = await launchCloudWithShortStroke();
  ({ app } = cloud);
});
afterAll(() => cloud?.close());

describe('several models at once at 1280×800', () => {
  it('hides the Model list and Candidates, and shows each price whole', async () => {
    const page = app.page;
    const panel = page.getByRole('region', { name: 'Generate' });
    const model = panel.getByRole('combobox', { name: 'Model', exact: true });
    const candidates = panel.getByRole('spinbutton', { name: 'Candidates', exact: true });
    await chooseOption(page, model, 'gpt-image-2');
    await retype(panel.getByRole('textbox', { name: 'Prompt', exact: true }), 'a glass vase');
    const box = panel.getByRole('checkbox', { name: 'Ask several models at once' });
    await box.click();
    await model.waitFor({ state: 'detached' });
    expect(await candidates.count()).toBe(0);
    expect(await panel.getByTestId('multi-note').textContent()).toMatch(/replaces the Model list and Candidates/);
    // GPT Image 2 is counted (it started from the chosen model): its Quality still applies.
    expect(await panel.getByRole('combobox', { name: 'Quality' }).isVisible()).toBe(true);
    await retype(panel.getByRole('spinbutton', { name: `${NB2} candidates` }), '2');
    const prices = panel.locator('.multi-price');
    await expect.poll(() => prices.allTextContents()).toContainEqual(expect.stringMatching(/^\$0\.\d+$/));
    await expect.poll(() => panel.getByTestId('multi-total').textContent()).toMatch(/^2 models · 3 candidates · /);
    // Every price reads whole: nothing cut with an ellipsis, nothing past the list's edge.
    const read = await prices.evaluateAll((els) =>
      els
        .filter((e) => e.textContent)
        .map((e) => {
          const r = e.getBoundingClientRect();
          const list = (e.closest('.multi-list') as Element).getBoundingClientRect();
          return { text: e.textContent, cut: e.scrollWidth > e.clientWidth, inside: r.right <= list.right + 0.5 };
        }),
    );
    expect(read).toHaveLength(2);
    for (const p of read) expect(p, JSON.stringify(p)).toMatchObject({ cut: false, inside: true });
    // The total of every model asked stands beside Generate (the list's own total scrolls out of sight
    // in a short column): the same sum, in view with the button.
    const sum = (await panel.getByTestId('multi-total').textContent())!.match(/\$\d+\.\d+/)![0];
    const footer = panel.getByTestId('multi-cost');
    expect(await footer.textContent()).toMatch(new RegExp(`^(≈ )?\\${sum} · 2 models$`));
    const [f, g] = [await footer.boundingBox(), await panel.getByRole('button', { name: 'Generate', exact: true }).boundingBox()];
    expect(g!.y - (f!.y + f!.height)).toBeLessThan(40);
    expect(await footer.isVisible()).toBe(true);
    // Untick: the single model and its count are back as they were.
    await box.click();
    await model.waitFor({ state: 'visible' });
    expect(await model.inputValue()).toBe('gpt-image-2');
    expect(await candidates.isVisible()).toBe(true);
  });
});
