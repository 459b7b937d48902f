/**
 * The compare view with real mouse and keys: four GPT Image 2 candidates 2-up and 4-up at full size,
 * one shared zoom and pan (wheel on one pane, drag on another: every pane shows the same document
 * point at the same place), Before on one pane only, and the keeper picked there. The local OpenAI
 * server paints candidate i's masked area a known colour, so each pane's pixels say what it shows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import sharp from 'sharp';
import { PHOTOS, type AppHarness } from '../support/app-harness';
import { dragPath } from '../support/page-helpers';
import { chooseOption, retype, sliderTo, openEdgeGroup } from '../support/user-input';
import { paletteColour, type OpenAIServer } from '../servers';
import { launchOpenAIWithPhoto } from '../support/stroke-app';

let app: AppHarness;
let openai: OpenAIServer;
const photo = join(PHOTOS, 'coffee.png');
const P = { x: 250, y: 160 }; // inside the mask, document px

beforeAll(async () => {
  ({ app, openai } = await launchOpenAIWithPhoto({ photo }));
  await app.page.keyboard.press('b');
  await retype(app.page.getByRole('spinbutton', { name: 'Brush size' }), '60');
  await sliderTo(app.page.getByRole('slider', { name: 'Hardness' }), 'max');
  await dragPath(app.page, [
    [180, 160],
    [320, 160],
  ]);
});
afterAll(async () => {
  await app?.close();
  await openai?.close();
});

/** The shared view (read-only data attributes of the dialog). */
async function view() {
  const d = app.page.getByRole('dialog', { name: 'Compare candidates' });
  return {
    scale: Number(await d.getAttribute('data-scale')),
    x: Number(await d.getAttribute('data-x')),
    y: Number(await d.getAttribute('data-y')),
  };
}

/** The pixel each pane canvas shows at the pane position of document point `p` (read-only). */
async function paneColours(p: { x: number; y: number }): Promise<number[][]> {
  const v = await view();
  const at = { x: Math.round(p.x * v.scale + v.x), y: Math.round(p.y * v.scale + v.y) };
  return app.page.evaluate(
    (q) =>
      [...document.querySelectorAll<HTMLCanvasElement>('[data-testid="compare-canvas"]')].map((c) => [
        ...c.getContext('2d')!.getImageData(q.x, q.y, 1, 1).data.slice(0, 3),
      ]),
    at,
  );
}

const close = (a: number[], b: readonly number[], tol = 8) => a.every((v, i) => Math.abs(v - b[i]) <= tol);

/**
 * Whether pane i shows `want[i]` at document point `p` (a null entry is not checked). The panes draw
 * once their images have decoded, so callers poll this rather than read the pixels once.
 */
async function panesShow(p: { x: number; y: number }, want: (readonly number[] | null)[], tol = 8): Promise<boolean> {
  const got = await paneColours(p);
  return want.every((w, i) => w === null || (got[i] !== undefined && close(got[i], w, tol)));
}

describe('compare view', () => {
  it('2-up and 4-up at full size, synchronised zoom and pan, before/after per pane, keep from there', async () => {
    const page = app.page;
    await openEdgeGroup(page);
    await page.getByRole('checkbox', { name: 'Colour match' }).click(); // the candidates keep the server's exact colours
    await chooseOption(page, page.getByRole('combobox', { name: 'Model', exact: true }), 'gpt-image-2');
    await retype(page.getByRole('spinbutton', { name: 'Candidates' }), '4');
    await retype(page.getByRole('textbox', { name: 'Prompt', exact: true }), 'a glass vase');
    await page.getByRole('button', { name: 'Generate', exact: true }).click();
    await page.waitForFunction(() => (window as any).__maskworkTest.staging().items.length === 4, null, { timeout: 60_000 });
    const items = await page.evaluate(() => (window as any).__maskworkTest.staging().items as { assetId: string; index: number }[]);

    await page.getByRole('button', { name: 'Compare…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Compare candidates' });
    await expect.poll(() => dialog.getByTestId('compare-canvas').count()).toBe(4);
    await dialog.getByRole('button', { name: '2-up' }).click();
    await expect.poll(() => dialog.getByTestId('compare-canvas').count()).toBe(2);
    await dialog.getByRole('button', { name: '4-up' }).click();
    await expect.poll(() => dialog.getByTestId('compare-canvas').count()).toBe(4);
    // The keys 2 and 4 do the same.
    await page.keyboard.press('2');
    await expect.poll(() => dialog.getByTestId('compare-canvas').count()).toBe(2);
    await page.keyboard.press('4');
    await expect.poll(() => dialog.getByTestId('compare-canvas').count()).toBe(4);
    // Full size: each pane is a quarter of the window, not a thumbnail.
    const box = await dialog.getByTestId('compare-canvas').first().boundingBox();
    expect(box!.width).toBeGreaterThan(500);
    expect(box!.height).toBeGreaterThan(300);

    // Every pane shows its own candidate at the same document point.
    const candidates = () => items.map((it) => paletteColour(it.index));
    await expect.poll(() => panesShow(P, candidates())).toBe(true);
    // …and the photo outside the painted stroke: a patch is held only where it is not transparent,
    // and each pane places that part where it belongs (not stretched over the whole region).
    const { data, info } = await sharp(photo).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const photoAt = (p: { x: number; y: number }) => {
      const o = (p.y * info.width + p.x) * 3;
      return [data[o], data[o + 1], data[o + 2]];
    };
    const Q = { x: 250, y: 280 }; // 120 px below the stroke, inside the region sent to the model
    await expect
      .poll(() =>
        panesShow(
          Q,
          items.map(() => photoAt(Q)),
          24,
        ),
      )
      .toBe(true);

    // Wheel over pane 1 zooms every pane about the cursor.
    const v0 = await view();
    const c1 = await dialog.getByTestId('compare-canvas').nth(0).boundingBox();
    await page.mouse.move(c1!.x + P.x * v0.scale + v0.x, c1!.y + P.y * v0.scale + v0.y);
    await page.mouse.wheel(0, -400);
    await expect.poll(async () => (await view()).scale).toBeGreaterThan(v0.scale * 1.5);
    await expect.poll(() => panesShow(P, candidates())).toBe(true);
    // Drag on pane 3 pans every pane.
    const v1 = await view();
    const c3 = await dialog.getByTestId('compare-canvas').nth(2).boundingBox();
    await page.mouse.move(c3!.x + 100, c3!.y + 100);
    await page.mouse.down();
    await page.mouse.move(c3!.x + 140, c3!.y + 130, { steps: 5 });
    await page.mouse.up();
    const v2 = await view();
    expect(v2.x - v1.x).toBeCloseTo(40, 0);
    expect(v2.y - v1.y).toBeCloseTo(30, 0);
    await expect.poll(() => panesShow(P, candidates())).toBe(true);

    // 2-up and back keeps the zoom and what was at the panes' centre (it used to fit the photo again).
    const size = async () => (await dialog.getByTestId('compare-canvas').first().boundingBox())!;
    const centreDoc = async () => {
      const [v, b] = [await view(), await size()];
      return { x: (b.width / 2 - v.x) / v.scale, y: (b.height / 2 - v.y) / v.scale };
    };
    const before4 = await centreDoc();
    await dialog.getByRole('button', { name: '2-up' }).click();
    await expect.poll(() => dialog.getByTestId('compare-canvas').count()).toBe(2);
    await expect.poll(async () => (await size()).height).toBeGreaterThan(1.5 * box!.height);
    expect((await view()).scale).toBe(v2.scale);
    const at2 = await centreDoc();
    expect(Math.abs(at2.x - before4.x)).toBeLessThan(2);
    expect(Math.abs(at2.y - before4.y)).toBeLessThan(2);
    await dialog.getByRole('button', { name: '4-up' }).click();
    await expect.poll(() => dialog.getByTestId('compare-canvas').count()).toBe(4);
    expect((await view()).scale).toBe(v2.scale);
    const back = await centreDoc();
    expect(Math.abs(back.x - before4.x)).toBeLessThan(2);
    expect(Math.abs(back.y - before4.y)).toBeLessThan(2);
    await expect.poll(() => panesShow(P, candidates())).toBe(true);

    // Before on pane 2 only: the photo there, the candidates elsewhere — and its button looks pressed.
    const fill = (name: string) => dialog.getByRole('button', { name }).evaluate((b) => getComputedStyle(b).backgroundColor);
    const unpressed = await fill('Before: candidate 2');
    await dialog.getByRole('button', { name: 'Before: candidate 2' }).click();
    expect(await fill('Before: candidate 2')).not.toBe(unpressed);
    expect(await fill('Before: candidate 1')).toBe(unpressed);
    await expect.poll(() => panesShow(P, [null, photoAt(P), null, null], 24)).toBe(true);
    await expect.poll(() => panesShow(P, [candidates()[0], null, candidates()[2], null])).toBe(true);

    // Keep candidate 3 from the compare view.
    await dialog.getByRole('button', { name: 'Keep candidate 3' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    const layers = await page.evaluate(() => (window as any).__maskworkTest.layerList());
    expect(layers).toHaveLength(1);
    expect(layers[0].assetId).toBe(items[2].assetId);
  });

  it('Esc closes the view without discarding the candidates', async () => {
    const page = app.page;
    // "Keep this" cleared the mask: the Mask panel's Reselect brings it back for another round.
    await page.getByRole('region', { name: 'Mask' }).getByRole('button', { name: 'Reselect' }).click();
    await page.getByRole('button', { name: 'Generate', exact: true }).click();
    await page.waitForFunction(() => (window as any).__maskworkTest.staging().items.length === 4, null, { timeout: 60_000 });
    const opener = page.getByRole('button', { name: 'Compare…' });
    await opener.click();
    await expect.poll(() => page.getByRole('dialog', { name: 'Compare candidates' }).count()).toBe(1);
    // Tab and Shift+Tab stay among the view's controls (they walked on to the editor's, hidden behind it).
    const inView = () => page.evaluate(() => !!document.activeElement?.closest('[aria-label="Compare candidates"]'));
    for (const key of ['Tab', 'Shift+Tab', 'Shift+Tab', 'Tab', 'Tab']) {
      await page.keyboard.press(key);
      expect(await inView(), key).toBe(true);
    }
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog', { name: 'Compare candidates' }).count()).toBe(0);
    expect(await page.evaluate(() => (window as any).__maskworkTest.staging().items.length)).toBe(4);
    // The focus is back on Compare…, not on the page.
    expect(await opener.evaluate((b) => b === document.activeElement)).toBe(true);
  });

  it('any two candidates side by side: a chooser on each pane, and the zoom in figures', async () => {
    const page = app.page;
    // The four candidates the Esc test left staged.
    const items = await page.evaluate(() => (window as any).__maskworkTest.staging().items as { assetId: string; index: number }[]);
    expect(items).toHaveLength(4);
    await page.getByRole('button', { name: 'Compare…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Compare candidates' });
    await dialog.getByRole('button', { name: '2-up' }).click();
    await expect.poll(() => dialog.getByTestId('compare-canvas').count()).toBe(2);
    const shows = (a: number, b: number) => panesShow(P, [paletteColour(items[a].index), paletteColour(items[b].index)]);
    await expect.poll(() => shows(0, 1)).toBe(true);
    // Candidate 4 beside candidate 1, chosen with the keys on pane 2's chooser.
    await chooseOption(page, dialog.getByRole('combobox', { name: 'Candidate in pane 2' }), '3');
    await expect.poll(() => shows(0, 3)).toBe(true);
    expect(await dialog.getByRole('figure', { name: /^Candidate 4:/ }).count()).toBe(1);
    // Choosing candidate 4 for pane 1 swaps the two panes.
    await chooseOption(page, dialog.getByRole('combobox', { name: 'Candidate in pane 1' }), '3');
    await expect.poll(() => shows(3, 0)).toBe(true);
    // 4-up keeps the two picks in the first panes and fills the others.
    await dialog.getByRole('button', { name: '4-up' }).click();
    await expect.poll(() => dialog.getByTestId('compare-canvas').count()).toBe(4);
    await expect.poll(() => shows(3, 0)).toBe(true);

    // The shared zoom in figures: fitted, then 100 % after the button.
    const zoom = dialog.getByRole('status', { name: 'Compare zoom' });
    const fitted = Number((await zoom.textContent())!.replace(' %', ''));
    expect(fitted).toBeCloseTo((await view()).scale * 100, 0);
    await dialog.getByRole('button', { name: '100 %' }).click();
    await expect.poll(() => zoom.textContent()).toBe('100 %');

    // The zoom keys zoom the panes as they zoom the canvas (they did nothing here), and leave the
    // canvas's own view alone.
    const canvasScale = await page.evaluate(() => (window as any).__maskworkTest.summary().scale);
    await page.keyboard.press('Control+Minus');
    await expect.poll(() => zoom.textContent()).toBe('66.7 %');
    await page.keyboard.press('Control+Equal');
    await expect.poll(() => zoom.textContent()).toBe('100 %');
    await page.keyboard.press('Control+Equal');
    await expect.poll(() => zoom.textContent()).toBe('150 %');
    await page.keyboard.press('Control+0');
    await expect.poll(async () => (await view()).scale * 100).toBeCloseTo(fitted, 0);
    await page.keyboard.press('Control+1');
    await expect.poll(() => zoom.textContent()).toBe('100 %');
    expect(await page.evaluate(() => (window as any).__maskworkTest.summary().scale)).toBe(canvasScale);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
  });

  it('a Keep that is refused leaves the view open, its reason on top; Keep again keeps and closes', async () => {
    const page = app.page;
    expect(await page.evaluate(() => (window as any).__maskworkTest.staging().items.length)).toBe(4);
    // A stroke painted over the candidates and undone: Keep would drop that redo step, so the first Keep asks.
    await dragPath(page, [
      [200, 230],
      [300, 230],
    ]);
    await page.keyboard.press('Control+z');
    await expect
      .poll(async () => (await page.evaluate(() => (window as any).__maskworkTest.summary())).futureLabels)
      .toEqual(['Brush stroke']);
    const layers = (await page.evaluate(() => (window as any).__maskworkTest.layerList())).length;
    await page.getByRole('button', { name: 'Compare…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Compare candidates' });
    await expect.poll(() => dialog.getByTestId('compare-canvas').count()).toBe(4);
    await dialog.getByRole('button', { name: 'Keep candidate 2' }).click();
    // In the view's words: its keys are its own, so redo is reached by closing it.
    const said = page.locator('[data-testid="toast"]', {
      hasText:
        'Keeping now would drop the redo step “Brush stroke”. Close the view and redo (Ctrl/⌘ Shift Z) first to keep the result on top of it, or press Keep this again to drop it.',
    });
    await said.waitFor({ state: 'visible' });
    // The view stays (it closed, as if kept), and the reason is on top of it, not hidden under it.
    expect(await dialog.count()).toBe(1);
    const box = (await said.boundingBox())!;
    const onTop = await page.evaluate((p) => !!document.elementFromPoint(p.x, p.y)?.closest('[data-testid="toast"]'), {
      x: box.x + box.width / 2,
      y: box.y + box.height / 2,
    });
    expect(onTop).toBe(true);
    expect((await page.evaluate(() => (window as any).__maskworkTest.layerList())).length).toBe(layers);
    // Keep again: kept (dropping the redo step, as the message said), and the view closes.
    await dialog.getByRole('button', { name: 'Keep candidate 2' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    expect((await page.evaluate(() => (window as any).__maskworkTest.layerList())).length).toBe(layers + 1);
  });
  it('the arrow keys ring a pane (its name said), and Enter keeps the ringed pane, as its Keep this', async () => {
    const page = app.page;
    // The Keep above cleared the mask: Reselect brings it back for another round of four.
    await page.getByRole('region', { name: 'Mask' }).getByRole('button', { name: 'Reselect' }).click();
    await page.getByRole('button', { name: 'Generate', exact: true }).click();
    await page.waitForFunction(() => (window as any).__maskworkTest.staging().items.length === 4, null, { timeout: 60_000 });
    const items = await page.evaluate(() => (window as any).__maskworkTest.staging().items as { assetId: string }[]);
    const layers = (await page.evaluate(() => (window as any).__maskworkTest.layerList())).length;
    await page.getByRole('button', { name: 'Compare…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Compare candidates' });
    // Clicked with the mouse: Enter is then the view's, not this button's again.
    await dialog.getByRole('button', { name: '4-up' }).click();
    await expect.poll(() => dialog.getByTestId('compare-canvas').count()).toBe(4);
    /** The ringed pane's name, and whether it shows a ring. */
    const ringed = () =>
      dialog.locator('figure[aria-current="true"]').evaluate((f) => ({
        name: f.getAttribute('aria-label'),
        ring: getComputedStyle(f).outlineStyle !== 'none',
      }));
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    const said = dialog.getByRole('status', { name: 'Focused pane' });
    expect(await ringed()).toEqual({ name: expect.stringMatching(/^Candidate 1:/), ring: true });
    await page.keyboard.press('ArrowRight');
    expect(await ringed()).toEqual({ name: expect.stringMatching(/^Candidate 2:/), ring: true });
    expect(await focused()).toMatch(/^Candidate 2:/);
    await expect.poll(() => said.textContent()).toMatch(/^Pane 2 of 4: candidate 2, .*Enter keeps it\.$/);
    await page.keyboard.press('ArrowDown');
    expect((await ringed()).name).toMatch(/^Candidate 4:/);
    await page.keyboard.press('ArrowRight'); // the edge: stays
    expect((await ringed()).name).toMatch(/^Candidate 4:/);
    await page.keyboard.press('ArrowLeft');
    expect((await ringed()).name).toMatch(/^Candidate 3:/);
    expect(await focused()).toMatch(/^Candidate 3:/);
    await expect.poll(() => said.textContent()).toMatch(/^Pane 3 of 4: candidate 3,/);
    // 2 and Esc still do what they did with a pane ringed.
    await page.keyboard.press('2');
    await expect.poll(() => dialog.getByTestId('compare-canvas').count()).toBe(2);
    await page.keyboard.press('4');
    await expect.poll(() => dialog.getByTestId('compare-canvas').count()).toBe(4);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowDown');
    expect((await ringed()).name).toMatch(/^Candidate 3:/);
    // Enter keeps the ringed candidate (4: the tests above kept 3 and 2, and the server paints the
    // same pixels again) as one step and closes the view, as its Keep this does.
    await page.keyboard.press('ArrowRight');
    expect((await ringed()).name).toMatch(/^Candidate 4:/);
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.count()).toBe(0);
    const now = await page.evaluate(() => (window as any).__maskworkTest.layerList());
    expect(now).toHaveLength(layers + 1);
    expect(now.map((l: { assetId: string }) => l.assetId)).toContain(items[3].assetId);
    expect(await page.evaluate(() => (window as any).__maskworkTest.staging().items.length)).toBe(0);
  });
});
