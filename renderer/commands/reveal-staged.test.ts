/**
 * The view around a Keep near the photo's bottom: the staging strip's reveal is undone when the strip
 * closes, the version strip's opening reveals the kept area again, and only collapsing the version
 * strip puts the view back — not the strip settling a pixel or two after it opened.
 */
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { putPatchBitmap } from './blob-store';
import { keepStaged } from './edit-commands';
import { installRevealStaged } from './reveal-staged';
import { useEditor } from './store/store';
import { openBlankDoc, stagedFixture } from './job-state-fixture';

const st = () => useEditor.getState();
const view = () => ({ scale: st().scale, offsetX: st().offsetX, offsetY: st().offsetY });
const uninstall = installRevealStaged();
afterAll(() => uninstall());

let start: ReturnType<typeof view>;

beforeEach(() => {
  st().setJob(null);
  st().clearStaging();
  const docId = openBlankDoc(100);
  putPatchBitmap('patch-0', { width: 100, height: 100, close() {} } as unknown as ImageBitmap);
  st().setStageSize(300, 300);
  st().setDockHeight(36);
  // The photo's bottom 40 px stand under a 184-px strip, clear of a 36-px head.
  st().setView({ scale: 1, offsetX: 100, offsetY: 120 });
  start = view();
  st().stageCandidates([stagedFixture({ jobId: 'job-1', index: 0, docId, assetId: 'patch-0', size: 100 })]);
  st().selectStaged(0);
  st().setDockHeight(184); // the staging strip opens
  expect(view()).not.toEqual(start);
});

describe('the version strip after the first Keep', () => {
  it('reveals the kept area when it opens taller than the head the fit left room for', async () => {
    expect(await keepStaged(true)).toBe(true);
    expect(view()).toEqual(start); // the staging strip's reveal is undone as it closes
    st().setDockHeight(134); // the version strip opens in its place
    const revealed = view();
    expect(revealed).not.toEqual(start);
    expect((100 + revealed.offsetY / revealed.scale) * revealed.scale).toBeLessThanOrEqual(300 - 134);
  });

  it('stays revealed while the strip settles a pixel or two smaller (the view jumped back under CI load)', async () => {
    await keepStaged(true);
    st().setDockHeight(134);
    const revealed = view();
    st().setDockHeight(132);
    expect(view()).toEqual(revealed);
  });

  it('goes back when the version strip collapses to its head', async () => {
    await keepStaged(true);
    st().setDockHeight(134);
    st().setDockHeight(36);
    expect(view()).toEqual(start);
  });
});

describe('the staging strip laid out after its candidate was staged', () => {
  it('reveals for the room the strip leaves, worked out from the view before the first reveal', () => {
    st().clearStaging();
    st().setDockHeight(36);
    // Zoomed to 200 %: the 200-px-tall region starts 240 px down, its bottom far under the dock.
    st().setView({ scale: 2, offsetX: 0, offsetY: 240 });
    const docId = st().doc!.id;
    st().stageCandidates([stagedFixture({ jobId: 'job-2', index: 0, docId, assetId: 'patch-0', size: 100 })]);
    st().selectStaged(0);
    // Staged over the 36-px head: panned until the whole region was above it.
    expect(view().offsetY).toBe(240 + (300 - 36 - 12 - 440));
    st().setDockHeight(184); // the strip is laid out
    // From the view before: taller than the 116 px left, out of sight there — its top at the stage's top
    // (from the first reveal's view it counted as a detail in sight, and stayed 40 px lower).
    expect(view()).toEqual({ scale: 2, offsetX: 0, offsetY: 12 });
  });
});
