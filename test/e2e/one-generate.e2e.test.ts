/**
 * One Generate: after the canvas is extended the Generate panel has one prompt box and one Generate
 * button; Generate on the extension runs the tiled plan, and the panel shows that plan's request
 * count and price beforehand — in plain words (no "tiles", no aspect rules). Real keys and mouse.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppHarness } from '../support/app-harness';
import { summary, waitIdle } from '../support/page-helpers';
import { chooseWithKeys, typeInto } from '../support/real-input';
import type { OpenAIServer } from '../servers';
import { launchOpenAIWithPhoto } from '../support/stroke-app';

let app: AppHarness;
let openai: OpenAIServer;

beforeAll(async () => {
  ({ app, openai } = await launchOpenAIWithPhoto('coffee.png', { width: 1600, height: 1000 })); // 600×400
});
afterAll(async () => {
  await app?.close();
  await openai?.close();
});

describe('one Generate after extending the canvas', () => {
  it('one prompt, one button, the plan’s requests and price; Generate sends exactly those requests', async () => {
    const page = app.page;
    await page.keyboard.press('c');
    await page.getByRole('button', { name: 'Aspect 8:1' }).click();
    await page.getByRole('button', { name: 'Apply', exact: true }).click();
    await expect.poll(async () => (await summary(page)).canvas.width).toBe(3200);
    await waitIdle(page);
    await chooseWithKeys(page, page.getByRole('combobox', { name: 'Model' }), 'gpt-image-2');
    const panel = page.getByRole('region', { name: 'Generate' });
    await typeInto(page, panel.getByRole('textbox', { name: 'Prompt' }), 'sky');

    expect(await panel.getByRole('textbox').count()).toBe(1);
    expect(await page.getByRole('button', { name: /Generate|Fill/ }).count()).toBe(1);
    const estimate = page.getByTestId('outpaint-estimate');
    const requests = Number(await estimate.getAttribute('data-requests'));
    expect(requests).toBeGreaterThan(1);
    expect(await estimate.textContent()).toMatch(new RegExp(`^${requests} requests · ≈? ?\\$\\d+\\.\\d{3} \\(GPT Image 2`));
    const text = (await panel.innerText()).toLowerCase();
    expect(text).not.toMatch(/tiles|in tiles|aspect|\d:\d/);

    const sent = openai.requests.length;
    await panel.getByRole('button', { name: 'Generate', exact: true }).click();
    await page.getByRole('button', { name: 'Keep', exact: true }).waitFor({ state: 'visible', timeout: 90_000 });
    expect(openai.requests.length - sent).toBe(requests);
    expect(openai.requests.slice(sent).every((r) => r.fields.prompt === 'sky')).toBe(true);
    const staged = await page.evaluate(() => (window as any).__maskworkTest.staging().items[0].region);
    expect(staged).toEqual({ x: 0, y: 0, width: 3200, height: 400 });
    expect(app.errors).toEqual([]);
  });
});
