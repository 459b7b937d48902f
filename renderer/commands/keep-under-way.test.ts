/**
 * A Keep waits for its candidate's bitmap (a decode when a zoomed-out view let it go). Keys pressed in
 * that wait act after it, in order: a second Enter added the same layer twice, and an Esc discarded
 * the strip the Keep was closing (undoing the Keep then brought back an empty strip).
 */
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { putPatchBitmap } from './blob-store';

const waiting: (() => void)[] = [];
/** Ends every decode asked for so far. */
const release = () => {
  for (const done of waiting.splice(0)) done();
};
vi.mock('./candidate-assets', async (actual) => ({
  ...(await actual<typeof import('./candidate-assets')>()),
  // The decode the Keep waits for ends when the test says so.
  ensureBitmap: vi.fn(() => new Promise<undefined>((done) => waiting.push(() => done(undefined)))),
}));

const { keepStaged } = await import('./edit-commands');
const { escDiscardsAll } = await import('./esc-cancel');
const { installStagingHistory } = await import('./staging-history');
const { useEditor } = await import('./store/store');
const { openBlankDoc, stagedFixture } = await import('./job-state-fixture');

const st = () => useEditor.getState();
const uninstall = installStagingHistory();
afterAll(() => uninstall());
const tick = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => {
  st().setJob(null);
  st().clearStaging();
  st().setDiscarded(null);
  const docId = openBlankDoc(10);
  for (const i of [0, 1, 2]) putPatchBitmap(`patch-${i}`, { width: 10, height: 10, close() {} } as unknown as ImageBitmap);
  st().stageCandidates([0, 1, 2].map((i) => stagedFixture({ jobId: 'job-1', index: i, docId, assetId: `patch-${i}` })));
  st().selectStaged(1);
});

describe('keys pressed while a Keep waits for its bitmap', () => {
  it('a second Enter keeps nothing more: one layer', async () => {
    const first = keepStaged(true);
    const second = keepStaged(true);
    await tick();
    release();
    await tick();
    release();
    expect(await first).toBe(true);
    expect(await second).toBe(false);
    expect(st().doc!.layers.map((l) => l.assetId)).toEqual(['patch-1']);
  });

  it('Keep as layer twice on two candidates keeps both, in order', async () => {
    const a = keepStaged(false, 'job-1:0');
    const b = keepStaged(false, 'job-1:2');
    await tick();
    release();
    await tick();
    release();
    expect([await a, await b]).toEqual([true, true]);
    expect(st().doc!.layers.map((l) => l.assetId)).toEqual(['patch-0', 'patch-2']);
  });

  it('an Esc acts after the Keep: the kept candidate stays, and undoing the Keep brings back the strip', async () => {
    const kept = keepStaged(true);
    await tick();
    escDiscardsAll();
    release();
    expect(await kept).toBe(true);
    await tick();
    expect(st().doc!.layers.map((l) => l.assetId)).toEqual(['patch-1']);
    expect(st().toasts.at(-1)?.message ?? '').not.toMatch(/Discarded/);
    st().undo();
    expect(st().staging.items).toHaveLength(3);
  });
});
