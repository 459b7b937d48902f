/**
 * "Add reference…" with several models at once: its count showed the hidden single model's limit
 * ("0/15" from GPT Image 2 with Offline fill, which takes none, in the list). It shows the smallest
 * limit among the models counted and names the model that sets it; with Offline fill counted, Add
 * reference is off and says why. Real keys and mouse.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppHarness } from '../support/app-harness';
import { type CloudApp, launchWithCloudServers, openAndPaint } from '../support/cloud-app';
import { chooseOption, retype } from '../support/user-input';

const NB2 = 'Nano Banana 2 (Gemini 3.1 Flash Image)';
let app: AppHarness;
let cloud: CloudApp | undefined;

beforeAll(async () => {
  cloud = await launchWithCloudServers({ width: 1500, height: 950 });
  ({ app } = cloud);
  await openAndPaint(app, 'coffee.png', 30, [
    [200, 150],
    [300, 150],
  ]);
});
afterAll(() => cloud?.close());

describe('references with several models at once', () => {
  it('the count is the smallest limit among the models counted, named', async () => {
    const page = app.page;
    const panel = page.getByRole('region', { name: 'Generate' });
    await chooseOption(page, panel.getByRole('combobox', { name: 'Model', exact: true }), 'gpt-image-2');
    const count = panel.getByTestId('reference-count');
    const add = panel.getByRole('button', { name: 'Add reference…' });
    expect(await count.textContent()).toBe('0/15');
    await panel.getByRole('checkbox', { name: 'Ask several models at once' }).click();
    // GPT Image 2 alone is counted: its own limit, no model named.
    expect(await count.textContent()).toBe('0/15');
    await retype(panel.getByRole('spinbutton', { name: `${NB2} candidates` }), '1');
    await expect.poll(() => count.textContent()).toBe("0/12 · Nano Banana 2's limit");
    expect(await add.isEnabled()).toBe(true);
    expect(await add.getAttribute('title')).toMatch(/Up to 12 \(Nano Banana 2 \(Gemini 3\.1 Flash Image\)'s limit/);
    await retype(panel.getByRole('spinbutton', { name: 'Offline fill candidates' }), '1');
    await expect.poll(() => count.textContent()).toBe("0/0 · Offline fill's limit");
    expect(await add.isDisabled()).toBe(true);
    expect(await add.getAttribute('title')).toMatch(/^Offline fill takes no reference images: set its count to 0/);
    // Offline fill out again, then the box unticked: the single model's limit is back.
    await retype(panel.getByRole('spinbutton', { name: 'Offline fill candidates' }), '0');
    await expect.poll(() => count.textContent()).toBe("0/12 · Nano Banana 2's limit");
    await panel.getByRole('checkbox', { name: 'Ask several models at once' }).click();
    await expect.poll(() => count.textContent()).toBe('0/15');
  });
});
