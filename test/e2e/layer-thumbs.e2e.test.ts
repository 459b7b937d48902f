/**
 * Layers rows show a thumbnail (the layer's pixels where they lie in the document, over a
 * checkerboard), drawn once per change of the layer, not on every render; and a kept result's model
 * is on a second, smaller line, so the prompt's words are not cut for it: two layers from one prompt
 * both read "A bright yellow paper cup · Na…" (1500×950, found by hand). The whole name stays in the
 * row's tooltip and accessible name. gpt-image-2 against the local OpenAI server; keys and mouse; the
 * canvases' pixels and draw counts are read-only probes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppHarness } from '../support/app-harness';
import { dragPath, waitIdle } from '../support/page-helpers';
import { chooseOption, retype } from '../support/user-input';
import type { OpenAIServer } from '../servers';
import { launchOpenAIWithPhoto } from '../support/stroke-app';

let app: AppHarness;
let openai: OpenAIServer;

const PROMPT = 'a bright yellow paper cup';
const NAME = 'A bright yellow paper cup · GPT Image 2';

beforeAll(async () => {
  ({ app, openai } = await launchOpenAIWithPhoto('coffee.png', { width: 1500, height: 950 })); // 600×400
  const page = app.page;
  await chooseOption(page, page.getByRole('combobox', { name: 'Model', exact: true }), 'gpt-image-2');
  await page.keyboard.press('b');
  await retype(page.getByRole('spinbutton', { name: 'Brush size' }), '120');
  await dragPath(page, [
    [500, 350],
    [800, 450],
  ]);
  await retype(page.getByRole('textbox', { name: 'Prompt', exact: true }), PROMPT);
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  const keep = page.getByRole('button', { name: 'Keep', exact: true });
  await keep.waitFor({ timeout: 60_000 });
  await keep.click();
  await page.waitForFunction(() => (window as any).__maskworkTest.summary().layers === 1);
  await waitIdle(page);
  await page.keyboard.press('Control+j');
  await page.waitForFunction(() => (window as any).__maskworkTest.summary().layers === 2);
  await waitIdle(page);
}, 180_000);
afterAll(async () => {
  await app?.close();
  await openai?.close();
});

const layers = () => app.page.getByRole('region', { name: 'Layers' });

/** Each layer row's thumbnail: its CSS size, draw count, and pixels neither checkerboard nor empty. */
function thumbs() {
  return layers()
    .locator('li[data-patch] canvas.layer-thumb')
    .evaluateAll((cs) =>
      (cs as HTMLCanvasElement[]).map((c) => {
        const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        let layer = 0;
        for (let i = 0; i < d.length; i += 4) {
          const grey = d[i] === d[i + 1] && d[i + 1] === d[i + 2] && (d[i] === 0x8a || d[i] === 0xc8);
          if (d[i + 3] > 0 && !grey) layer++;
        }
        const r = c.getBoundingClientRect();
        return { w: r.width, h: r.height, draws: Number(c.dataset.draws ?? 0), layer };
      }),
    );
}

describe('Layers rows', () => {
  it('show a small thumbnail of the layer’s pixels', async () => {
    await expect.poll(async () => (await thumbs()).filter((t) => t.layer > 0).length, { timeout: 10_000 }).toBe(2);
    for (const t of await thumbs()) {
      expect(t.w).toBeLessThanOrEqual(40);
      expect(t.h).toBeLessThanOrEqual(40);
      expect(t.w).toBeGreaterThanOrEqual(24);
    }
  });

  it('eye, thumbnail, name in every row as in Photoshop: the eyes in one column, the original with its thumbnail', async () => {
    const rows = await layers()
      .locator('ul.layers > li')
      .evaluateAll((lis) =>
        lis.map((li) => {
          const eye = li.querySelector('button.eye')?.getBoundingClientRect();
          const thumb = li.querySelector('canvas.layer-thumb')?.getBoundingClientRect();
          return { id: li.getAttribute('data-layer'), eye: eye?.x ?? null, thumb: thumb?.x ?? null };
        }),
      );
    const withThumbs = rows.filter((r) => r.thumb !== null);
    expect(withThumbs.length).toBe(3); // two kept layers and the original
    expect(rows.at(-1)!.thumb).not.toBeNull(); // the original's row is the last
    for (const r of withThumbs) {
      expect(r.eye).not.toBeNull();
      expect(r.eye!).toBeLessThan(r.thumb!);
      expect(Math.abs(r.eye! - withThumbs[0].eye!)).toBeLessThan(0.5);
      expect(Math.abs(r.thumb! - withThumbs[0].thumb!)).toBeLessThan(0.5);
    }
  });

  it('draw it once per change of the layer, not on every render', async () => {
    const page = app.page;
    const before = (await thumbs()).map((t) => t.draws);
    expect(before).toHaveLength(2);
    for (const n of before) expect(n).toBeGreaterThanOrEqual(1);
    // Renders of the panel that do not touch the layers' pixels: a brush stroke on the mask, an opacity.
    await dragPath(page, [
      [300, 300],
      [400, 320],
    ]);
    await waitIdle(page);
    await page.getByRole('button', { name: `Hide layer ${NAME}`, exact: true }).click();
    await page.getByRole('button', { name: `Show layer ${NAME}`, exact: true }).click();
    await waitIdle(page);
    expect((await thumbs()).map((t) => t.draws)).toEqual(before);
  });

  it("the status bar's Last: says the current step as History does (a brush stroke again: Brush stroke (n))", async () => {
    await dragPath(app.page, [
      [200, 200],
      [260, 230],
    ]);
    await waitIdle(app.page);
    const current = (await app.page.getByTestId('history').locator('li.current').textContent())!.trim();
    expect(current).toMatch(/^Brush stroke \(\d+\)$/);
    expect((await app.page.locator('footer.status-bar .status-last').textContent())!.trim()).toBe(`Last: ${current}`);
  });

  it('show the prompt’s words whole and the model on its own line; the whole name in the tooltip', async () => {
    const page = app.page;
    for (const name of [NAME, `${NAME} copy`]) {
      const button = layers().getByRole('button', { name: `Select layer ${name}`, exact: true });
      expect(await button.getAttribute('title')).toContain(name);
      const shown = await button.evaluate((b) => {
        const whole = (el: Element | null) => !!el && el.scrollWidth <= el.clientWidth + 0.5 && el.scrollHeight <= el.clientHeight + 0.5;
        const head = b.querySelector('.layer-name-text');
        const model = b.querySelector('.layer-name-model');
        return { head: head?.textContent, headWhole: whole(head), model: model?.textContent, modelWhole: whole(model) };
      });
      expect(shown).toEqual({
        head: 'A bright yellow paper cup',
        headWhole: true,
        model: name.endsWith('copy') ? 'GPT Image 2 copy' : 'GPT Image 2',
        modelWhole: true,
      });
    }
    // At 1280×720 too.
    await page.setViewportSize({ width: 1280, height: 720 });
    const model = layers().locator('.layer-name-model').first();
    expect(await model.evaluate((el) => el.scrollWidth <= el.clientWidth + 0.5)).toBe(true);
    expect(app.errors).toEqual([]);
  });

  it('at 1280×720 with a third such layer (three-line rows): the layer buttons and the current History step stay whole', async () => {
    const page = app.page;
    await page.keyboard.press('Control+j');
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().layers === 3);
    await waitIdle(page);
    const within = async (inner: ReturnType<typeof page.locator>, outer: ReturnType<typeof page.locator>) => {
      const i = (await inner.boundingBox())!;
      const o = (await outer.boundingBox())!;
      return i.y >= o.y - 0.5 && i.y + i.height <= o.y + o.height + 0.5;
    };
    const panel = layers();
    // The panel scrolled its buttons half away: the list took its three rows' room from them.
    const buttons = panel.getByRole('group', { name: /^Selected layer: / }).getByRole('button');
    expect(await buttons.allTextContents()).toEqual(expect.arrayContaining(['Rename', 'Duplicate', 'Merge down']));
    for (const b of await buttons.all()) await expect.poll(() => within(b, panel)).toBe(true);
    // Three whole rows in the list (the mask and two layers) at least.
    const list = panel.locator('ul.layers');
    let whole = 0;
    for (const r of await list.locator(':scope > li').all()) if (await within(r, list)) whole++;
    expect(whole).toBeGreaterThanOrEqual(3);
    const history = page.getByTestId('history');
    await expect.poll(() => within(history.locator('li.current'), history)).toBe(true);
  });
});
