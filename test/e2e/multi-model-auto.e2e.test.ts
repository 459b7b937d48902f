/**
 * "Several models at once" turned on while the Model list says Auto: the list starts from the model
 * Auto picks, with the Candidates count (it used to start with every count at 0 and Generate off,
 * since "auto" is no row of the list). Real keys and mouse; the SDKs talk to the local servers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppHarness } from '../support/app-harness';
import { type CloudApp, launchWithCloudServers, openAndPaint } from '../support/cloud-app';
import { chooseOption, retype } from '../support/user-input';

let app: AppHarness;
let cloud: CloudApp | undefined;

beforeAll(async () => {
  cloud = await launchWithCloudServers();
  ({ app } = cloud);
  await openAndPaint(app, 'coffee.png', 30, [
    [200, 150],
    [300, 150],
  ]);
});
afterAll(() => cloud?.close());

describe('several models at once from Auto', () => {
  it("starts from Auto's pick with the Candidates count", async () => {
    const page = app.page;
    await chooseOption(page, page.getByRole('combobox', { name: 'Model' }), 'auto');
    await retype(page.getByRole('textbox', { name: 'Prompt', exact: true }), 'a glass vase');
    await retype(page.getByRole('spinbutton', { name: 'Candidates' }), '2');
    const pick = (await page.getByTestId('auto-pick').textContent()) ?? '';
    const picked = /^Auto picked (.+?) — /.exec(pick)?.[1];
    expect(picked, pick).toBeTruthy();
    await page.getByRole('checkbox', { name: 'Ask several models at once' }).click();
    await expect.poll(() => page.getByRole('spinbutton', { name: `${picked} candidates` }).inputValue()).toBe('2');
    expect(await page.getByTestId('multi-total').textContent()).toMatch(/^1 model · 2 candidates · /);
    expect(await page.getByRole('button', { name: 'Generate', exact: true }).isEnabled()).toBe(true);
  });
});
