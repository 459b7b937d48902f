/**
 * Nothing paid for is lost: opening another photo while a job runs asks first (keep it running /
 * cancel the job / don't open), and a job's results always land on the document they belong to —
 * never on the photo opened meanwhile; undo back to the job's photo stages them. Real keys and mouse.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import type { Page } from 'playwright-core';
import { PHOTOS, type AppHarness } from '../support/app-harness';
import { dragPath, summary, waitIdle } from '../support/page-helpers';
import type { OpenAIServer } from '../servers';
import { launchWithStroke } from '../support/stroke-app';

let app: AppHarness;
let openai: OpenAIServer;
const staged = (page: Page) => page.evaluate(() => (window as any).__maskworkTest.staging().items.length as number);

beforeAll(async () => {
  ({ app, openai } = await launchWithStroke({ width: 1600, height: 1000 }));
});
afterAll(async () => {
  await app?.close();
  await openai?.close();
});

/** Save as… (Ctrl+Shift+S) to `name` in a fresh temporary folder; resolves once the project is named. */
async function saveAsProject(page: Page, name: string): Promise<{ dir: string; path: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'maskwork-paid-'));
  const path = join(dir, name);
  app.dialogs.saves.push(path);
  await page.keyboard.press('Control+Shift+s');
  await page.waitForFunction((n) => (window as any).__maskworkTest.summary().project?.name === n, name);
  await waitIdle(page);
  return { dir, path };
}

async function startSlowJob(page: Page, ms: number) {
  openai.script({ delayMs: ms });
  const sent = openai.requests.length;
  await page.keyboard.press('Control+Enter');
  await expect.poll(() => openai.requests.length, { timeout: 15_000 }).toBe(sent + 1);
}

describe('opening another photo while a job runs', () => {
  it("asks; Don't open (or Esc) leaves everything as it was and the job running", async () => {
    const page = app.page;
    await startSlowJob(page, 6000);
    // The file is chosen first; the question follows.
    app.dialogs.opens.push(join(PHOTOS, 'building.jpg'), join(PHOTOS, 'building.jpg'));
    await page.keyboard.press('Control+o');
    const ask = page.getByRole('alertdialog', { name: 'A job is running' });
    await ask.waitFor({ state: 'visible' });
    await ask.getByRole('button', { name: "Don't open" }).click();
    await ask.waitFor({ state: 'detached' });
    expect((await summary(page)).original.name).toBe('coffee.png');
    expect(await page.evaluate(() => (window as any).__maskworkTest.job()?.cancelling)).toBe(false);

    await page.keyboard.press('Control+o');
    await ask.waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    await ask.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => (window as any).__maskworkTest.job()?.cancelling)).toBe(false);
    // The job finishes on its own photo.
    await expect.poll(() => staged(page), { timeout: 30_000 }).toBe(1);
    await page.getByRole('button', { name: 'Discard all' }).click();
  });

  it('the job ending while the question waits answers it: the other photo opens, the candidate waits for its photo', async () => {
    const page = app.page;
    await startSlowJob(page, 1500);
    app.dialogs.opens.push(join(PHOTOS, 'building.jpg'));
    await page.keyboard.press('Control+o');
    const ask = page.getByRole('alertdialog', { name: 'A job is running' });
    await ask.waitFor({ state: 'visible' });
    // No answer: the job ends, and the dialog that said a model was still working goes by itself.
    await ask.waitFor({ state: 'detached', timeout: 30_000 });
    await expect.poll(async () => (await summary(page)).original?.name).toBe('building.jpg');
    await waitIdle(page);
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await summary(page)).original?.name).toBe('coffee.png');
    await expect.poll(() => staged(page), { timeout: 15_000 }).toBe(1);
    await page.getByRole('button', { name: 'Discard all' }).click();
  });

  it('Keep it running: the other photo opens, the results wait for their photo and land on it after undo', async () => {
    const page = app.page;
    await startSlowJob(page, 4000);
    app.dialogs.opens.push(join(PHOTOS, 'building.jpg'));
    await page.keyboard.press('Control+o');
    await page.getByRole('button', { name: 'Keep it running' }).click();
    await expect.poll(async () => (await summary(page)).original?.name).toBe('building.jpg');
    await waitIdle(page);
    // The job ends while building.jpg is open: nothing is staged on it, nothing changes on it.
    await page.getByTestId('job-progress').waitFor({ state: 'detached', timeout: 30_000 });
    await page.locator('[data-testid="toast"]', { hasText: 'kept: undo' }).waitFor({ state: 'visible' });
    expect(await staged(page)).toBe(0);
    const onB = await summary(page);
    expect(onB.layers).toBe(0);

    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await summary(page)).original?.name).toBe('coffee.png');
    await expect.poll(() => staged(page)).toBe(1);
    await page.getByRole('button', { name: 'Keep', exact: true }).click();
    await expect.poll(async () => (await summary(page)).layers).toBe(1);
  });

  it('Cancel the job: the job stops (the document is unchanged) and the other photo opens', async () => {
    const page = app.page;
    const layers = (await summary(page)).layers;
    // The Keep above cleared the mask: Reselect (Ctrl+Shift+D) brings it back for this job.
    await page.keyboard.press('Control+Shift+d');
    expect((await summary(page)).label).toBe('Reselect');
    await startSlowJob(page, 8000);
    app.dialogs.opens.push(join(PHOTOS, 'building.jpg'));
    await page.keyboard.press('Control+o');
    await page.getByRole('button', { name: 'Cancel the job' }).click();
    await expect.poll(async () => (await summary(page)).original?.name).toBe('building.jpg');
    await page.getByTestId('job-progress').waitFor({ state: 'detached', timeout: 15_000 });
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await summary(page)).original?.name).toBe('coffee.png');
    expect((await summary(page)).layers).toBe(layers);
    expect(await staged(page)).toBe(0);
    expect(app.errors).toEqual([]);
  });
});

describe('candidates and undo', () => {
  it('Esc puts the candidates aside and Ctrl+Z brings them back; undoing the stroke under them puts them away, redo brings them back', async () => {
    const page = app.page;
    await page.keyboard.press('b');
    await dragPath(page, [
      [150, 120],
      [260, 130],
    ]);
    const stroked = await summary(page);
    const sent = openai.requests.length;
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => staged(page), { timeout: 30_000 }).toBe(1);
    expect(openai.requests.length).toBe(sent + 1);
    // Esc discards the strip — paid for: the next Ctrl+Z brings it back, not a document step.
    await page.keyboard.press('Escape');
    expect(await staged(page)).toBe(0);
    await page.keyboard.press('Control+z');
    await expect.poll(() => staged(page)).toBe(1);
    expect((await summary(page)).label).toBe(stroked.label);
    // Ctrl+Z again undoes the stroke the candidate was made on: the strip goes with it (no Keep
    // offered over a document it was not made for); redo brings both back.
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await summary(page)).label).not.toBe(stroked.label);
    expect(await staged(page)).toBe(0);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => staged(page)).toBe(1);
    expect((await summary(page)).label).toBe(stroked.label);
    expect(openai.requests.length).toBe(sent + 1);
    await page.getByRole('button', { name: 'Discard all' }).click();
    expect(app.errors).toEqual([]);
  });
});

describe('results staged only over the step they were made for', () => {
  const toast = (page: Page, text: string) => page.locator('[data-testid="toast"]', { hasText: text });

  it('a result that arrives after Ctrl+Z waits on its step: redo shows it, and Keep drops no redo step', async () => {
    const page = app.page;
    await page.keyboard.press('b');
    await dragPath(page, [
      [150, 260],
      [260, 270],
    ]);
    await dragPath(page, [
      [150, 300],
      [260, 310],
    ]);
    const made = await summary(page);
    const layers = made.layers;
    await startSlowJob(page, 4000);
    // Back one step while the job runs: the second stroke is the redo step now.
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await summary(page)).historyLabels.length).toBe(made.historyLabels.length - 1);
    await page.getByTestId('job-progress').waitFor({ state: 'detached', timeout: 30_000 });
    const said = `A candidate is waiting on the step “${made.label}”, one step ahead: redo (Ctrl/⌘ Shift Z) once to see it.`;
    await toast(page, said).waitFor({ state: 'visible' });
    expect(await staged(page)).toBe(0);
    // The message goes after 5 s, as any; the status bar keeps saying where the result waits (it was lost).
    await toast(page, said).waitFor({ state: 'detached', timeout: 10_000 });
    const note = page.getByRole('status', { name: 'Candidates waiting' });
    expect(await note.textContent()).toBe('1 candidate waiting: redo once');
    expect(await note.getAttribute('title')).toBe(said);
    // Redo to the step it was made for: there it is, and the note goes; Keep adds it on top of both strokes.
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => staged(page)).toBe(1);
    expect(await note.count()).toBe(0);
    expect((await summary(page)).historyLabels).toEqual(made.historyLabels);
    await page.getByRole('button', { name: 'Keep', exact: true }).click();
    await expect.poll(async () => (await summary(page)).layers).toBe(layers + 1);
    const after = await summary(page);
    expect(after.historyLabels.slice(0, -1)).toEqual(made.historyLabels);
    expect(after.label).toBe('Keep GPT Image 2 result');
    expect(after.futureLabels).toEqual([]);
    expect(app.errors).toEqual([]);
  });

  it('a result whose step a new stroke dropped (Ctrl+Z, then painting) is shown over the photo as it is now, not lost', async () => {
    const page = app.page;
    await page.keyboard.press('b');
    await dragPath(page, [
      [150, 340],
      [260, 350],
    ]);
    const before = await summary(page);
    await startSlowJob(page, 4000);
    // Back one step and paint again while the job runs: the step the job was made on is gone.
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await summary(page)).historyLabels.length).toBe(before.historyLabels.length - 1);
    await dragPath(page, [
      [300, 340],
      [360, 350],
    ]);
    await expect.poll(async () => (await summary(page)).futureLabels).toEqual([]);
    await page.getByTestId('job-progress').waitFor({ state: 'detached', timeout: 30_000 });
    await toast(
      page,
      'A candidate made before your latest changes is shown over the photo as it is now (the step it was made on is not in the history any more): look before you keep it.',
    ).waitFor({ state: 'visible' });
    expect(await staged(page)).toBe(1);
    const painted = await summary(page);
    await page.getByRole('button', { name: 'Keep', exact: true }).click();
    await expect.poll(async () => (await summary(page)).layers).toBe(painted.layers + 1);
    const after = await summary(page);
    expect(after.historyLabels.slice(0, -1)).toEqual(painted.historyLabels);
    expect(after.label).toBe('Keep GPT Image 2 result');
    expect(app.errors).toEqual([]);
  });

  it('Ctrl+Z after Delete and Esc brings back each discard in turn: nothing paid for is lost', async () => {
    const page = app.page;
    await page.keyboard.press('b');
    await dragPath(page, [
      [150, 120],
      [260, 130],
    ]);
    const stroked = await summary(page);
    // Three candidates: three Generates on the same state (their candidates side by side).
    for (const n of [1, 2, 3]) {
      openai.script({ delayMs: 0 });
      await page.keyboard.press('Control+Enter');
      await expect.poll(() => staged(page), { timeout: 30_000 }).toBe(n);
      await page.getByTestId('job-progress').waitFor({ state: 'detached', timeout: 30_000 });
    }
    await page.keyboard.press('Delete');
    await expect.poll(() => staged(page)).toBe(2);
    await page.keyboard.press('Escape');
    await expect.poll(() => staged(page)).toBe(0);
    await page.keyboard.press('Control+z');
    await expect.poll(() => staged(page)).toBe(2);
    await page.keyboard.press('Control+z');
    await expect.poll(() => staged(page)).toBe(3);
    expect((await summary(page)).label).toBe(stroked.label);
    expect((await summary(page)).historyLabels).toEqual(stroked.historyLabels);
    await page.getByRole('button', { name: 'Discard all' }).click();
    expect(app.errors).toEqual([]);
  });

  it('a result for a project opened again meanwhile is not staged on the new one (its cost is said)', async () => {
    const page = app.page;
    const dir = await mkdtemp(join(tmpdir(), 'maskwork-paid-'));
    const path = join(dir, 'paid.maskwork');
    app.dialogs.saves.push(path);
    await page.keyboard.press('Control+s');
    await page.waitForFunction(() => (window as any).__maskworkTest.summary().project?.name === 'paid.maskwork');
    await waitIdle(page);
    // Saved again as another file: the open document is that one's now (picking the file that is open
    // keeps it as it is, unsaved changes and all — nothing is opened again).
    await saveAsProject(page, 'paid-copy.maskwork');
    await page.keyboard.press('b');
    await dragPath(page, [
      [150, 340],
      [260, 350],
    ]);
    await startSlowJob(page, 4000);
    // The first file of the same document, with unsaved changes and a job running: one question,
    // "Don't save" (the job goes on); the document opened from it is a new history.
    app.dialogs.opens.push(path);
    await page.keyboard.press('Control+o');
    const ask = page.getByRole('alertdialog', { name: 'Unsaved changes, and a job is running' });
    await ask.waitFor();
    expect(await page.getByRole('alertdialog').count()).toBe(1);
    await ask.getByRole('button', { name: "Don't save" }).click();
    await ask.waitFor({ state: 'detached' });
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    await expect.poll(async () => (await summary(page)).unsaved).toBe(false);
    const reopened = await summary(page);
    await page.getByTestId('job-progress').waitFor({ state: 'detached', timeout: 30_000 });
    await toast(page, 'not open any more').waitFor({ state: 'visible' });
    expect(await staged(page)).toBe(0);
    // Undo in the reopened project: the candidate is not offered over a state it was not made for.
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await summary(page)).historyLabels.length).toBe(reopened.historyLabels.length - 1);
    expect(await staged(page)).toBe(0);
    await page.keyboard.press('Control+Shift+z');
    expect(await staged(page)).toBe(0);
    expect((await summary(page)).futureLabels).toEqual([]);
    expect(app.errors).toEqual([]);
    await rm(dir, { recursive: true, force: true });
  });

  it('unsaved changes and a job: one question — Save with "Cancel the job" ticked saves, stops the job and opens the photo', async () => {
    const page = app.page;
    await page.keyboard.press('b');
    await dragPath(page, [
      [150, 380],
      [260, 385],
    ]);
    const { dir, path } = await saveAsProject(page, 'both.maskwork');
    const savedAt = (await stat(path)).mtimeMs;
    await dragPath(page, [
      [150, 200],
      [260, 205],
    ]);
    expect((await summary(page)).unsaved).toBe(true);
    await startSlowJob(page, 8000);
    app.dialogs.opens.push(join(PHOTOS, 'building.jpg'));
    await page.keyboard.press('Control+o');
    const ask = page.getByRole('alertdialog', { name: 'Unsaved changes, and a job is running' });
    await ask.waitFor();
    expect(await page.getByRole('alertdialog').count()).toBe(1);
    await ask.getByRole('checkbox', { name: 'Cancel the job' }).click();
    await ask.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(async () => (await summary(page)).original?.name).toBe('building.jpg');
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    expect((await stat(path)).mtimeMs).toBeGreaterThan(savedAt);
    await page.getByTestId('job-progress').waitFor({ state: 'detached', timeout: 15_000 });
    expect(await staged(page)).toBe(0);
    expect(app.errors).toEqual([]);
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await summary(page)).original?.name).toBe('coffee.png');
    expect((await summary(page)).unsaved).toBe(false);
    // The job was cancelled: nothing waits on the project to be staged.
    expect(await staged(page)).toBe(0);
    await rm(dir, { recursive: true, force: true });
  });

  it('a recent project picked while a job runs asks about the job first, as Ctrl+O does', async () => {
    const page = app.page;
    const { dir } = await saveAsProject(page, 'recent.maskwork');
    // Another photo (no job yet, nothing unsaved): then a job on it.
    app.dialogs.opens.push(join(PHOTOS, 'building.jpg'));
    await page.keyboard.press('Control+o');
    await expect.poll(async () => (await summary(page)).original?.name).toBe('building.jpg');
    await waitIdle(page);
    await page.keyboard.press('b');
    await dragPath(page, [
      [300, 300],
      [420, 310],
    ]);
    await startSlowJob(page, 4000);
    await page.getByRole('button', { name: 'Project menu' }).click();
    await page.getByRole('menuitem', { name: 'recent.maskwork' }).click();
    const ask = page.getByRole('alertdialog', { name: 'A job is running' });
    await ask.waitFor();
    await ask.getByRole('button', { name: "Don't open" }).click();
    await ask.waitFor({ state: 'detached' });
    expect((await summary(page)).original?.name).toBe('building.jpg');
    // The job lands on its photo.
    await expect.poll(() => staged(page), { timeout: 30_000 }).toBe(1);
    await page.getByRole('button', { name: 'Discard all' }).click();
    expect(app.errors).toEqual([]);
    await rm(dir, { recursive: true, force: true });
  });

  it('the project already open, chosen again with nothing unsaved while a job runs: nothing is asked or changed, the job lands', async () => {
    const page = app.page;
    await page.keyboard.press('b');
    await dragPath(page, [
      [150, 360],
      [260, 370],
    ]);
    const { dir, path } = await saveAsProject(page, 'same.maskwork');
    expect((await summary(page)).unsaved).toBe(false);
    const before = await summary(page);
    await startSlowJob(page, 3000);
    app.dialogs.opens.push(path);
    await page.keyboard.press('Control+o');
    await toast(page, 'same.maskwork is already open').waitFor({ state: 'visible' });
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    expect(app.dialogs.opens.length).toBe(0);
    // The job was not touched and lands on its document.
    expect(await page.evaluate(() => (window as any).__maskworkTest.job()?.cancelling)).toBe(false);
    await expect.poll(() => staged(page), { timeout: 30_000 }).toBe(1);
    expect((await summary(page)).historyLabels).toEqual(before.historyLabels);
    await page.getByRole('button', { name: 'Discard all' }).click();
    expect(app.errors).toEqual([]);
    await rm(dir, { recursive: true, force: true });
  });
});
