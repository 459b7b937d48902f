/**
 * "Refine with…" in the real UI: a Nano Banana 2 draft, then one click sends that candidate,
 * composited over the photo, to GPT Image 2 with the same mask and the (edited) prompt; the refined
 * candidate is labelled with its lineage, and the kept version records it. Checked on the wire: the
 * image GPT Image 2 receives shows the draft's pixels (the local Gemini server paints the masked
 * area a known solid colour).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import type { AppHarness } from '../support/app-harness';
import { type CloudApp, launchWithCloudServers, openAndPaint } from '../support/cloud-app';
import { chooseOption, retype, openEdgeGroup } from '../support/user-input';
import { type GeminiServer, type OpenAIServer, PALETTE } from '../servers';

let app: AppHarness;
let openai: OpenAIServer;
let gemini: GeminiServer;
let cloud: CloudApp | undefined;

beforeAll(async () => {
  cloud = await launchWithCloudServers();
  ({ app, openai, gemini } = cloud);
  await openAndPaint(app, 'coffee.png', 60, [
    [180, 160],
    [320, 160],
  ]);
});
afterAll(() => cloud?.close());

const staged = () =>
  app.page.evaluate(() => (window as any).__maskworkTest.staging().items as { model: string; key: string; costUsd: number }[]);

/** Pixels of an encoded image within `tol` of `rgb` on every channel. */
async function countNear(bytes: Buffer, [r, g, b]: [number, number, number], tol = 6): Promise<number> {
  const { data, info } = await sharp(bytes).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  let n = 0;
  for (let i = 0; i < info.width * info.height * 3; i += 3) {
    if (Math.abs(data[i] - r) <= tol && Math.abs(data[i + 1] - g) <= tol && Math.abs(data[i + 2] - b) <= tol) n++;
  }
  return n;
}

describe('Refine with…', () => {
  it('sends a Nano Banana 2 draft to GPT Image 2 in one click and records the lineage', async () => {
    const page = app.page;
    // Colour match off, so the draft's masked area keeps the server's exact colour (checked on the wire below).
    await openEdgeGroup(page);
    await page.getByRole('checkbox', { name: 'Colour match' }).click();
    await chooseOption(page, page.getByRole('combobox', { name: 'Model', exact: true }), 'gemini-3.1-flash-image');
    await retype(page.getByRole('textbox', { name: 'Prompt', exact: true }), 'a glass vase');
    await page.getByRole('button', { name: 'Generate', exact: true }).click();
    await expect.poll(async () => (await staged()).length, { timeout: 60_000 }).toBe(1);
    const draftColour = gemini.requests.at(-1)!.colour!;
    expect(draftColour).toBeDefined();

    // The usual polish is preselected: GPT Image 2.
    const refineWith = page.getByRole('combobox', { name: 'Refine with' });
    expect(await refineWith.inputValue()).toBe('gpt-image-2');
    await retype(page.getByRole('textbox', { name: 'Prompt', exact: true }), 'a glass vase, sharper reflections');
    const before = openai.requests.length;
    const layersBefore = await page.evaluate(() => (window as any).__maskworkTest.summary().layers);
    // Its price is next to the button before the click, and is what the refined candidate cost.
    const price = (await page.getByTestId('refine-price').textContent()) ?? '';
    expect(price).toMatch(/^≈ \$\d\.\d{3}$/);
    await page.getByRole('button', { name: 'Refine', exact: true }).click();
    await expect.poll(async () => (await staged()).length, { timeout: 60_000 }).toBe(2);
    expect((await staged())[1].costUsd.toFixed(3)).toBe(price.slice(3));
    // Refining changes nothing in the document until a result is kept.
    expect(await page.evaluate(() => (window as any).__maskworkTest.summary().layers)).toBe(layersBefore);

    const sent = openai.requests.slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0].fields.model).toBe('gpt-image-2');
    expect(sent[0].fields.prompt).toBe('a glass vase, sharper reflections');
    const image = sent[0].files.find((f) => f.field === 'image')!;
    const mask = sent[0].files.find((f) => f.field === 'mask')!;
    // The draft is the new source: its solid colour fills the masked area of the image GPT Image 2 gets.
    const near = await countNear(image.data!, draftColour);
    const { data: m, info } = await sharp(mask.data!).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    let editable = 0;
    for (let i = 3; i < m.length; i += info.channels) if (m[i] === 0) editable++;
    expect(editable).toBeGreaterThan(1000);
    // About a third of the editable area here (its inner part; the rest is the feather band and the grown edge).
    expect(near).toBeGreaterThan(editable * 0.2);
    // Control: another of the server's colours is nowhere in it.
    const other = PALETTE.find((c) => c.some((v, i) => Math.abs(v - draftColour[i]) > 30))!;
    expect(await countNear(image.data!, other)).toBeLessThan(50);

    const tags = await page.getByTestId('candidate').allTextContents();
    // Tiles use the short name (the Gemini name in brackets was cut to "Nano Banana 2 (Gem…");
    // the tooltip keeps the whole.
    expect(tags[0]).toContain('Nano Banana 2');
    expect(tags[1]).toContain('Refined from Nano Banana 2');
    expect(tags.join(' ')).not.toContain('(Gemini');
    expect(await page.getByTestId('candidate').nth(1).getAttribute('title')).toContain(
      'Refined from Nano Banana 2 (Gemini 3.1 Flash Image)',
    );
    const cut = await page
      .locator('[data-testid="candidate"] .tag-model')
      .evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth).map((e) => e.textContent));
    expect(cut).toEqual([]);
    // The lineage is one line, cut with … when long (the whole in its tooltip): it wrapped and widened
    // the refined card, so the cards of one strip had different widths.
    const cards = await page.getByTestId('candidate').evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().width)));
    expect(cards[1]).toBe(cards[0]);
    const lineage = page.getByTestId('candidate').nth(1).locator('.lineage');
    const line = await lineage.evaluate((e) => ({
      lines: Math.round(e.getBoundingClientRect().height / (Number.parseFloat(getComputedStyle(e).lineHeight) || 12)),
      ellipsis: getComputedStyle(e).textOverflow,
    }));
    expect(line).toEqual({ lines: 1, ellipsis: 'ellipsis' });
    expect(await lineage.getAttribute('title')).toBe('Refined from Nano Banana 2 (Gemini 3.1 Flash Image)');
    // The refined candidate is selected: keep it.
    const readVersions = () => page.evaluate(() => (window as any).__maskworkTest.versions() as { model: string }[]);
    const versionsBefore = (await readVersions()).length;
    await page.getByRole('button', { name: 'Keep', exact: true }).click();
    // Keep commits once the candidate's bitmap is there (a decode when it was let go): polled.
    await expect.poll(async () => (await readVersions()).length).toBe(versionsBefore + 1);
    const versions = await readVersions();
    expect(versions.at(-1)!.model).toBe('gpt-image-2');
    expect(await page.getByTestId('version-lineage').last().textContent()).toBe('Nano Banana 2 → GPT Image 2');
    // The card stays short: size · cost · time on one line (it wrapped), the lineage on at most two (it took three).
    const lines = await page
      .getByTestId('version')
      .last()
      .evaluate((card) => {
        const lineHeight = (el: Element) => Number.parseFloat(getComputedStyle(el).lineHeight) || 12;
        const size = card.querySelector('.tag > span:nth-child(2)')!;
        const lineage = card.querySelector('[data-testid="version-lineage"]')!;
        return {
          size: Math.round(size.getBoundingClientRect().height / lineHeight(size)),
          lineage: Math.round(lineage.getBoundingClientRect().height / lineHeight(lineage)),
        };
      });
    expect(lines.size).toBe(1);
    expect(lines.lineage).toBeLessThanOrEqual(2);
    const doc = await page.evaluate(() => (window as any).__maskworkTest.summary().layers);
    expect(doc).toBe(layersBefore + 1);
    // Its candidates are kept or gone: the refinement's status line goes with them.
    expect(await page.getByRole('status', { name: 'Models asked' }).count()).toBe(0);
  });

  it('the Refine model stays as chosen (refined with, or picked) after a refine and the strip closing; its line shows only while it works', async () => {
    const page = app.page;
    // The Keep above cleared the mask: Reselect brings it back for another round on the same area.
    await page.getByRole('region', { name: 'Mask' }).getByRole('button', { name: 'Reselect' }).click();
    await page.getByRole('button', { name: 'Generate', exact: true }).click();
    await expect.poll(async () => (await staged()).length, { timeout: 60_000 }).toBe(1);
    const refineWith = page.getByRole('combobox', { name: 'Refine with' });
    expect(await refineWith.inputValue()).toBe('gpt-image-2');
    let release = () => {};
    openai.script({ until: new Promise<void>((r) => (release = r)) });
    await page.getByRole('button', { name: 'Refine', exact: true }).click();
    // While it works: a line of its own that says it is a refine — not a line of "Several models" (off).
    const line = page.getByRole('status', { name: 'Refine' });
    await expect.poll(() => line.textContent(), { timeout: 30_000 }).toMatch(/^Refine with GPT Image 2: (Starting|Waiting|Working)…/);
    expect(await page.getByRole('checkbox', { name: 'Ask several models at once' }).isChecked()).toBe(false);
    expect(await page.getByRole('status', { name: 'Models asked' }).count()).toBe(0);
    release();
    await expect.poll(async () => (await staged()).length, { timeout: 60_000 }).toBe(2);
    // Done: the refined candidate in the strip says where it came from; no "Done" line stays behind.
    await expect.poll(() => line.count()).toBe(0);
    expect(await page.getByRole('status', { name: 'Models asked' }).count()).toBe(0);
    expect(await page.getByTestId('candidate').nth(1).textContent()).toContain('Refined from ');
    // The refined (GPT Image 2) candidate is selected, and the list still says GPT Image 2, the model
    // just refined with: it went to Nano Banana Pro (the strongest other), and the next Refine with it.
    expect(await refineWith.inputValue()).toBe('gpt-image-2');
    const gptPrice = await page.getByTestId('refine-price').textContent();

    // A model picked stays picked after the strip closes: the next draft's list shows it, not the default.
    await chooseOption(page, refineWith, 'gemini-3-pro-image');
    expect(await page.getByTestId('refine-price').textContent()).not.toBe(gptPrice);
    await page.getByRole('button', { name: 'Discard all' }).click();
    await expect.poll(async () => (await staged()).length).toBe(0);
    await page.getByRole('button', { name: 'Generate', exact: true }).click();
    await expect.poll(async () => (await staged()).length, { timeout: 60_000 }).toBe(1);
    expect((await staged())[0].model).toBe('gemini-3.1-flash-image');
    expect(await refineWith.inputValue()).toBe('gemini-3-pro-image');
  });

  it('a rate limit the refine hits counts its wait down on its line and in its message', async () => {
    const page = app.page;
    await chooseOption(page, page.getByRole('combobox', { name: 'Refine with' }), 'gpt-image-2');
    openai.script({ status: 429, retryAfter: '3' });
    await page.getByRole('button', { name: 'Refine', exact: true }).click();
    const line = page.getByRole('status', { name: 'Refine' });
    await expect
      .poll(() => line.textContent(), { timeout: 30_000 })
      .toMatch(/^Refine with GPT Image 2: Failed: OpenAI is limiting requests to GPT Image 2; try again in [1-3] s\./);
    // It said "try again in 3 s" for as long as it stayed; the message counts down with it.
    await expect
      .poll(() => line.textContent(), { timeout: 10_000, interval: 100 })
      .toMatch(/^Refine with GPT Image 2: Failed: OpenAI is limiting requests to GPT Image 2; you can try again now\./);
    const toast = page.locator('[data-testid="toast"][data-kind="rate-limit"]');
    expect(await toast.textContent()).toMatch(/^OpenAI is limiting requests to GPT Image 2; you can try again now\./);
    expect(app.errors).toEqual([]);
  });
});
