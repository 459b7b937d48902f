/**
 * Honest progress and a canvas that keeps its room, at 1600×1000, driven by real keys and mouse:
 * a job says "Preparing…" (never "Queued 0 %", never for a preparation under 300 ms) while main plans and encodes; while a request that
 * does not stream is out, the bar shows the elapsed seconds and the usual time for that model and
 * size and moves with time; the progress bar, staging strip and version strip take at most a
 * quarter of the height, and their appearing never moves the view the user zoomed to (a fitted view
 * fits again above them).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { PHOTOS, type AppHarness } from '../support/app-harness';
import { dragPath, settleView, summary } from '../support/page-helpers';
import { chooseWithKeys, typeInto } from '../support/real-input';
import type { OpenAIServer } from '../servers';
import { launchOpenAIWithPhoto } from '../support/stroke-app';
import { PREPARING_QUIET_MS } from '../../renderer/model/progress-display';

let app: AppHarness;
let openai: OpenAIServer;

beforeAll(async () => {
  ({ app, openai } = await launchOpenAIWithPhoto('coffee.png', { width: 1600, height: 1000 })); // 600×400
  await app.page.keyboard.press('b');
  await dragPath(app.page, [
    [200, 200],
    [320, 210],
  ]);
});
afterAll(async () => {
  await app?.close();
  await openai?.close();
});

async function view(page: Page) {
  await settleView(page);
  const s = await summary(page);
  return { scale: s.scale, x: s.offset.x, y: s.offset.y };
}

describe('a cloud job that does not stream', () => {
  it('says Preparing… (never in its first 300 ms), then elapsed and usual time; the dock never moves the zoomed view', async () => {
    const page = app.page;
    // Zoom in about a point with the wheel, as a user does.
    const stage = (await page.getByTestId('stage').boundingBox())!;
    await page.mouse.move(stage.x + stage.width / 2, stage.y + stage.height / 2);
    await page.mouse.wheel(0, -300);
    const zoomed = await view(page);
    expect(zoomed.scale).toBeGreaterThan(1);

    await chooseWithKeys(page, page.getByRole('combobox', { name: 'Model' }), 'gpt-image-2');
    await typeInto(page, page.getByRole('textbox', { name: 'Prompt' }), 'vase');
    openai.script({ delayMs: 6000 });

    // Read-only probe: every text the stage label shows, in order, with the ms since the job started.
    await page.evaluate(() => {
      const seen: [number, string][] = [];
      (window as any).__stagesSeen = seen;
      new MutationObserver(() => {
        const t = document.querySelector('[data-testid="job-stage"]')?.textContent ?? '';
        const startedAt = (window as any).__maskworkTest.job()?.startedAt ?? Date.now();
        if (t && seen[seen.length - 1]?.[1] !== t) seen.push([Date.now() - startedAt, t]);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.keyboard.press('Control+Enter');

    const detail = page.getByTestId('job-detail');
    await expect.poll(() => detail.textContent(), { timeout: 15_000 }).toMatch(/^\d+ s · usually 4–6 s$/);
    expect(await page.getByTestId('job-stage').textContent()).toBe('Waiting for GPT Image 2');
    const fill = page.locator('[data-testid="job-progress"] .fill');
    // The bar's share, in percent, from its scale (read-only probe).
    const share = () =>
      fill.evaluate((e) => 100 * Number(/scaleX\(([\d.]+)\)/.exec((e as HTMLElement).style.transform)?.[1] ?? Number.NaN));
    const w1 = await share();
    await page.waitForTimeout(1500);
    const w2 = await share();
    expect(w2).toBeGreaterThan(w1);
    expect(w1).toBeGreaterThanOrEqual(8);
    // Everything that moves while the job waits runs on the compositor (transform, opacity): an animated
    // width or colour would make the renderer's main thread paint and commit a frame 60 times a second.
    // Read-only probe, sampled for a second: the bar moves every 250 ms for 0.2 s.
    const animated = await page.evaluate(async () => {
      const props = new Set<string>();
      for (let i = 0; i < 40; i++) {
        for (const a of document.getAnimations()) {
          if (a.playState !== 'running') continue;
          for (const k of (a.effect as KeyframeEffect).getKeyframes())
            for (const p of Object.keys(k)) if (!['offset', 'computedOffset', 'easing', 'composite'].includes(p)) props.add(p);
        }
        await new Promise((r) => setTimeout(r, 25));
      }
      return [...props];
    });
    expect(animated.length).toBeGreaterThan(0); // the bar's moves are seen while they run
    expect(animated.filter((p) => p !== 'transform' && p !== 'opacity')).toEqual([]);

    // The progress bar appeared: same view, and the dock fits in a quarter of the window height.
    expect(await view(page)).toEqual(zoomed);
    const dock = (await page.getByTestId('staging-dock').boundingBox())!;
    expect(dock.height).toBeLessThanOrEqual(250);

    await page.getByRole('button', { name: 'Keep', exact: true }).waitFor({ state: 'visible', timeout: 30_000 });
    const seen: [number, string][] = await page.evaluate(() => (window as any).__stagesSeen);
    const stages = seen.map(([, t]) => t);
    // "Preparing…" first if anything is said before the request is out, and only once the
    // preparation has lasted 300 ms (PREPARING_QUIET_MS): a short one never flashes the word.
    expect(stages[0]).toMatch(/^(Preparing…|Waiting for GPT Image 2)$/);
    for (const [at, t] of seen) if (t === 'Preparing…') expect(at, JSON.stringify(seen)).toBeGreaterThanOrEqual(PREPARING_QUIET_MS);
    expect(stages.join('|')).not.toMatch(/Queued/);

    // Staging appeared: same view; the strip still fits.
    expect(await view(page)).toEqual(zoomed);
    const dock2 = (await page.getByTestId('staging-dock').boundingBox())!;
    expect(dock2.height).toBeLessThanOrEqual(250);
    const keep = (await page.getByRole('button', { name: 'Keep', exact: true }).boundingBox())!;
    expect(keep.y + keep.height).toBeLessThanOrEqual(dock2.y + dock2.height);
    expect(keep.y).toBeGreaterThanOrEqual(dock2.y);

    await page.getByRole('button', { name: 'Keep', exact: true }).click();
    await expect.poll(async () => (await summary(page)).layers).toBe(1);
    expect(await view(page)).toEqual(zoomed);
    expect(app.errors).toEqual([]);
  });

  it('a fitted view (Ctrl+0) fits again as the progress bar and staging strip appear and go: the whole picture above them', async () => {
    const page = app.page;
    // The Keep above cleared the mask: Reselect (Ctrl+Shift+D) brings it back for the requests below.
    await page.keyboard.press('Control+Shift+d');
    expect((await summary(page)).label).toBe('Reselect');
    await page.keyboard.press('Control+0');
    const fitted = await view(page);
    // The picture's bottom edge above the dock's top edge (client px), once the view has settled.
    const clear = async () => {
      const s = await summary(page);
      const stage = (await page.getByTestId('stage').boundingBox())!;
      const dock = (await page.getByTestId('staging-dock').boundingBox())!;
      await settleView(page);
      return stage.y + s.offset.y + s.canvas.height * s.scale <= dock.y + 0.5;
    };
    await chooseWithKeys(page, page.getByRole('combobox', { name: 'Model' }), 'gpt-image-2');
    openai.script({ delayMs: 2500 });
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('job-progress').waitFor({ state: 'visible' });
    await expect.poll(clear).toBe(true);
    await page.getByRole('button', { name: 'Discard all' }).waitFor({ state: 'visible', timeout: 30_000 });
    await expect.poll(clear).toBe(true);
    // The strip of candidates is taller than the room the fit left: the view fitted again, smaller.
    expect((await view(page)).scale).toBeLessThan(fitted.scale);
    expect((await summary(page)).fitted).toBe(true);
    await page.getByRole('button', { name: 'Discard all' }).click();
    await page.getByTestId('staging-strip').waitFor({ state: 'detached' });
    await expect.poll(() => view(page)).toEqual(fitted);
  });

  it('Ctrl+0 with candidates staged keeps the whole picture above the dock', async () => {
    const page = app.page;
    await chooseWithKeys(page, page.getByRole('combobox', { name: 'Model' }), 'gpt-image-2');
    await page.keyboard.press('Control+Enter');
    await page.getByRole('button', { name: 'Discard all' }).waitFor({ state: 'visible', timeout: 30_000 });
    await page.keyboard.press('Control+0');
    await settleView(page);
    const s = await summary(page);
    const stage = (await page.getByTestId('stage').boundingBox())!;
    const dock = (await page.getByTestId('staging-dock').boundingBox())!;
    expect(dock.height).toBeGreaterThan(100); // the strip of candidates is in it
    // The picture's bottom edge, on the page, is above the dock's top edge; and it is as large as that allows.
    const bottom = stage.y + s.offset.y + s.canvas.height * s.scale;
    expect(bottom).toBeLessThanOrEqual(dock.y + 0.5);
    expect(s.offset.y).toBeGreaterThanOrEqual(0);
    expect(s.offset.x).toBeGreaterThanOrEqual(0);
    const room = Math.min(s.offset.x, dock.y - bottom); // the fit's padding on its tighter side
    expect(room).toBeGreaterThanOrEqual(23.5);
    expect(room).toBeLessThanOrEqual(25.5);
    await page.getByRole('button', { name: 'Discard all' }).click();
    await page.getByTestId('staging-strip').waitFor({ state: 'detached' });
  });

  it('the status bar shows what was spent today across documents, a request cancelled after sending included', async () => {
    const page = app.page;
    const spend = page.getByTestId('spend');
    const today = async () => Number(await spend.getAttribute('data-today'));
    await expect.poll(today).toBeGreaterThan(0);
    const before = await today();
    expect(before).toBeCloseTo(app.services.ledger.summary().today.usd, 6);
    // Three gpt-image-2 requests so far (kept, discarded twice), all alike: the status bar counts them all.
    expect(app.services.ledger.summary().today.requests).toBe(3);
    const one = before / 3;
    const session = async () => ((await page.evaluate(() => (window as any).__maskworkTest.costs())) as { sessionUsd: number }).sessionUsd;
    const sessionBefore = await session();
    expect(sessionBefore).toBeCloseTo(before, 6); // every request was for this document

    openai.script({ delayMs: 8000 });
    const sent = openai.requests.length;
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => openai.requests.length, { timeout: 15_000 }).toBe(sent + 1);
    await page.keyboard.press('Escape');
    await page.getByTestId('job-progress').waitFor({ state: 'detached', timeout: 15_000 });
    await expect.poll(today).toBeCloseTo(before + one, 6);
    expect(await spend.textContent()).toMatch(/^Spent today \$\d+\.\d{3} · this month \$\d+\.\d{3}$/);
    // The document's session spend (version strip) counts the cancelled request too, as the ledger does.
    expect(await session()).toBeCloseTo(sessionBefore + one, 6);
    expect(await page.getByTestId('versions-total').textContent()).toContain(`session spend $${(sessionBefore + one).toFixed(3)}`);

    // Another document: the app-wide figure stays.
    app.dialogs.opens.push(join(PHOTOS, 'building.jpg'));
    await page.keyboard.press('Control+o');
    await expect.poll(async () => (await summary(page)).original?.name).toBe('building.jpg');
    expect(await today()).toBeCloseTo(before + one, 6);
  });
});
