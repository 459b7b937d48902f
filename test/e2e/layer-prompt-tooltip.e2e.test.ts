/**
 * Two results kept from prompts that start alike ("change the text from V1.0 to V2.0" / "…to V3.0"):
 * their Layers rows show names that differ where the prompts do (at ~24 characters both were
 * "Change the text from… · GPT Image 2", told apart only by a " 2"), and each row's tooltip — the
 * name button's accessible description — has its version's whole prompt and the model. 1280×800,
 * gpt-image-2 against the local OpenAI server; keys and mouse.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppHarness } from '../support/app-harness';
import { axControls } from '../support/a11y';
import { dragPath, waitIdle } from '../support/page-helpers';
import { chooseOption, retype, sliderTo } from '../support/user-input';
import type { OpenAIServer } from '../servers';
import { launchOpenAIWithPhoto } from '../support/stroke-app';

let app: AppHarness;
let openai: OpenAIServer;
type Page = AppHarness['page'];

const V2 = 'change the text from V1.0 to V2.0';
const V3 = 'change the text from V1.0 to V3.0';
const LONG = 'change the text on the bottle label from version 1.0 to version 2.0, keep the same font and colour';

beforeAll(async () => {
  ({ app, openai } = await launchOpenAIWithPhoto('coffee.png', { width: 1280, height: 800 })); // 600×400
  const page = app.page;
  await page.keyboard.press('b');
  await retype(page.getByRole('spinbutton', { name: 'Brush size' }), '40');
  await sliderTo(page.getByRole('slider', { name: 'Hardness' }), 'max');
  await chooseOption(page, page.getByRole('combobox', { name: 'Model', exact: true }), 'gpt-image-2');
}, 120_000);
afterAll(async () => {
  await app?.close();
  await openai?.close();
});

/** Paints a stroke across `y`, types `prompt`, Generate (mouse), Keep (mouse). */
async function keepFrom(page: Page, prompt: string, y: number, layers: number): Promise<void> {
  await page.keyboard.press('b');
  await dragPath(page, [
    [150, y],
    [350, y],
  ]);
  await retype(page.getByRole('textbox', { name: 'Prompt', exact: true }), prompt);
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  const keep = page.getByRole('button', { name: 'Keep', exact: true });
  await keep.waitFor({ timeout: 60_000 });
  await keep.click();
  await page.waitForFunction((n) => (window as any).__maskworkTest.summary().layers === n, layers);
  await waitIdle(page);
}

/** The part of each patch row's name the user sees (the two clamped lines), top row first. */
function visibleNames(page: Page): Promise<string[]> {
  return page
    .getByRole('region', { name: 'Layers' })
    .locator('li[data-patch] .layer-name-text')
    .evaluateAll((els) =>
      els.map((t) => {
        const clip = t.getBoundingClientRect();
        const node = t.firstChild as Text | null;
        const range = document.createRange();
        let n = 0;
        for (let i = 0; i < (node?.length ?? 0); i++) {
          range.setStart(node!, i);
          range.setEnd(node!, i + 1);
          const r = range.getBoundingClientRect();
          if (r.bottom <= clip.bottom + 0.5 && r.right <= clip.right + 0.5) n = i + 1;
          else break;
        }
        return (node?.data ?? '').slice(0, n);
      }),
    );
}

describe("a layer row's name and tooltip", () => {
  it('prompts that start alike give rows that read differently; the tooltip has the whole prompt and the model', async () => {
    const page = app.page;
    await keepFrom(page, V2, 120, 1);
    await keepFrom(page, V3, 260, 2);
    await keepFrom(page, LONG, 330, 3);

    // What the rows show: the second and third (top first: LONG, V3, V2) differ where the prompts do.
    const [long, v3, v2] = await visibleNames(page);
    expect(v2).toContain('V2.0');
    expect(v3).toContain('V3.0');
    expect(v3.replace('V3.0', 'V2.0')).toBe(v2);
    expect(long.length).toBeGreaterThan(30);

    // The tooltip is the name button's accessible description: the whole prompt and the model.
    const controls = await axControls(app.context, page);
    const rows = controls.filter((c) => c.role === 'button' && c.name.startsWith('Select layer '));
    expect(rows).toHaveLength(3);
    for (const prompt of [V2, V3, LONG]) {
      const row = rows.find((c) => c.description.includes(`Prompt: ${prompt}`));
      expect(row, `${prompt} in ${JSON.stringify(rows)}`).toBeDefined();
      expect(row!.description).toContain('Model: GPT Image 2');
    }
    // The long prompt is cut in the name, not in the tooltip.
    const longRow = rows.find((c) => c.description.includes(LONG))!;
    expect(longRow.name.length).toBeLessThan(`Select layer ${LONG}`.length);
    expect(app.errors).toEqual([]);
  });
});
