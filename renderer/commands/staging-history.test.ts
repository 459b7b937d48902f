/**
 * The staging strip follows the history: undoing a Keep (Enter) brings back the candidates the Keep
 * closed — the strip as it was, the kept one selected — so a retoucher can keep another instead of
 * paying for them again; undoing the step the strip was opened on puts it away with that step; a
 * discard is brought back by the next Ctrl/⌘ Z.
 */
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { StagedCandidate } from '../model/staging-logic';
import { createEmptyMask, createFullMask, isMaskEmpty } from '../../shared/mask';
import { getMask, putMask, putPatchBitmap } from './blob-store';
import { discardAllStaged, discardStaged, keepStaged } from './edit-commands';
import { canUndoStep, installStagingHistory, MAX_STASHES, offerResults, stashCount, undoStep, waitingCount } from './staging-history';
import { reselectMask } from './mask-commands';
import { useEditor } from './store/store';
import { openBlankDoc, stagedFixture } from './job-state-fixture';

const st = () => useEditor.getState();
let docId: string;
const uninstall = installStagingHistory();
afterAll(() => uninstall());

const candidate = (i: number): StagedCandidate =>
  stagedFixture({ jobId: 'job-1', index: i, docId, assetId: `patch-${i}`, prompt: 'a vase', costUsd: 0.04 });

const fakeBitmap = () => ({ width: 10, height: 10, close() {} }) as unknown as ImageBitmap;

beforeEach(() => {
  st().setJob(null);
  st().clearStaging();
  st().setDiscarded(null);
  docId = openBlankDoc(10);
  for (const i of [0, 1, 2]) putPatchBitmap(`patch-${i}`, fakeBitmap());
  st().stageCandidates([candidate(0), candidate(1), candidate(2)]);
  st().selectStaged(1);
});

describe('undoing a Keep', () => {
  it('brings the strip back as it was, the kept candidate selected; keeping another then works', async () => {
    await keepStaged(true);
    expect(st().staging.items).toEqual([]);
    expect(st().doc!.layers.map((l) => l.assetId)).toEqual(['patch-1']);
    st().undo();
    expect(st().doc!.layers).toEqual([]);
    expect(st().staging.items.map((c) => c.key)).toEqual(['job-1:0', 'job-1:1', 'job-1:2']);
    expect(st().staging.selected).toBe(1);
    st().selectStaged(2);
    await keepStaged(true);
    expect(st().doc!.layers.map((l) => l.assetId)).toEqual(['patch-2']);
  });

  it('also after later steps: undoing back through them to the Keep; not when other candidates are staged', async () => {
    await keepStaged(true);
    st().commit('Brush', (d) => ({ ...d, maskId: putMask(createEmptyMask(10, 10)) }));
    st().undo(); // the stroke
    expect(st().staging.items).toEqual([]);
    st().undo(); // the Keep
    expect(st().staging.items).toHaveLength(3);
    // Redo, keep again, then undo with a newer job's candidate in the strip: that strip stays.
    st().redo();
    st().clearStaging();
    await Promise.resolve();
    st().stageCandidates([{ ...candidate(0), key: 'job-2:0', jobId: 'job-2' }]);
    st().selectStaged(0);
    // The stroke is a redo step here: the first Keep says it would go, the second keeps anyway.
    const steps = st().past.length;
    await keepStaged(false);
    expect(st().past.length).toBe(steps);
    expect(st().toasts.at(-1)!.message).toBe(
      'Keeping now would drop the redo step “Brush”. Redo (Ctrl/⌘ Shift Z) first to keep the result on top of it, or press Keep again to drop it.',
    );
    await keepStaged(false);
    expect(st().past.length).toBe(steps + 1);
    st().undo();
    expect(st().staging.items.map((c) => c.key)).toEqual(['job-2:0']);
  });
});

describe('redoing a Keep', () => {
  it('closes the strip again, as the Keep did; undo brings it back again', async () => {
    await keepStaged(true);
    st().undo();
    expect(st().staging.items).toHaveLength(3);
    st().selectStaged(2);
    st().redo();
    expect(st().doc!.layers.map((l) => l.assetId)).toEqual(['patch-1']);
    expect(st().staging.items).toEqual([]);
    st().undo();
    expect(st().staging.items.map((c) => c.key)).toEqual(['job-1:0', 'job-1:1', 'job-1:2']);
    expect(st().staging.selected).toBe(2);
  });
});

describe('keeping a result that is a layer already', () => {
  it('adds nothing and no undo step, and says so', async () => {
    await keepStaged(false); // Keep as layer: the strip stays
    expect(st().doc!.layers.map((l) => l.assetId)).toEqual(['patch-1']);
    const steps = st().past.length;
    const toasts = st().toasts.length;
    await keepStaged(false);
    expect(st().doc!.layers.map((l) => l.assetId)).toEqual(['patch-1']);
    expect(st().past.length).toBe(steps);
    expect(st().toasts.length).toBe(toasts + 1);
    expect(st().toasts.at(-1)!.message).toBe(`Already kept: this result is the layer “${st().doc!.layers[0].name}”. Nothing was added.`);
  });
});

describe('Keep and the mask', () => {
  const paintAll = () => st().commit('Brush stroke', (d) => ({ ...d, maskId: putMask(createFullMask(10, 10)) }));
  const maskEmpty = () => isMaskEmpty(getMask(st().doc!.maskId));

  it('Keep on a result that is a layer already clears the mask in one step: undo brings it back with the strip, Reselect alone', async () => {
    paintAll();
    await keepStaged(false); // Keep as layer: the mask stays
    expect(maskEmpty()).toBe(false);
    const steps = st().past.length;
    await keepStaged(true); // Keep the same candidate: nothing added, the mask cleared
    expect(st().doc!.layers.map((l) => l.assetId)).toEqual(['patch-1']);
    expect(maskEmpty()).toBe(true);
    expect(st().past.length).toBe(steps + 1);
    expect(st().staging.items).toEqual([]);
    st().undo();
    expect(maskEmpty()).toBe(false);
    expect(st().staging.items).toHaveLength(3);
    expect(st().doc!.layers.map((l) => l.assetId)).toEqual(['patch-1']);
    st().redo();
    expect(maskEmpty()).toBe(true);
    reselectMask();
    expect(maskEmpty()).toBe(false);
    expect(st().label).toBe('Reselect');
  });

  it('Keep leaves the overlay as the user set it: the eye never says "hidden" over an empty mask it hid itself', async () => {
    paintAll();
    st().setMaskVisible(true);
    await keepStaged(true);
    expect(maskEmpty()).toBe(true);
    expect(st().maskVisible).toBe(true);
    st().undo();
    st().setMaskVisible(false); // hidden by the user (\): Keep leaves it hidden
    await keepStaged(true);
    expect(st().maskVisible).toBe(false);
    st().setMaskVisible(true);
  });
});

const keys = () => st().staging.items.map((c) => c.key);
const stroke = () => st().commit('Brush stroke', (d) => ({ ...d, maskId: putMask(createFullMask(10, 10)) }));
const stage = (job: string, n: number) => {
  const items = Array.from({ length: n }, (_, i) => ({ ...candidate(i), key: `${job}:${i}`, jobId: job, assetId: `${job}-patch-${i}` }));
  for (const c of items) putPatchBitmap(c.assetId, fakeBitmap());
  st().stageCandidates(items);
  st().selectStaged(0);
};

describe('the strip and the steps before it', () => {
  it("goes away with the step it was opened on, and comes back with it; an earlier Keep's strip comes back under it", async () => {
    // The blank document with job-1's strip (beforeEach): keep its second candidate.
    await keepStaged(true);
    const afterFirstKeep = st().doc;
    stroke(); // a mask for the next edit
    stage('job-2', 2);
    await keepStaged(true);
    // Undo the second Keep: job-2's strip is back.
    st().undo();
    expect(keys()).toEqual(['job-2:0', 'job-2:1']);
    // Undo the stroke it was made on: the strip goes with it (no candidate over a document it was not made for).
    st().undo();
    expect(st().doc).toBe(afterFirstKeep);
    expect(keys()).toEqual([]);
    // Undo the first Keep: its strip is back, the kept one selected — not job-2's.
    st().undo();
    expect(keys()).toEqual(['job-1:0', 'job-1:1', 'job-1:2']);
    expect(st().staging.selected).toBe(1);
    // And forward again: the first Keep closes its strip, the stroke brings job-2's back, the second Keep closes it.
    st().redo();
    expect(keys()).toEqual([]);
    st().redo();
    expect(keys()).toEqual(['job-2:0', 'job-2:1']);
    st().redo();
    expect(keys()).toEqual([]);
    expect(st().doc!.layers.map((l) => l.assetId)).toEqual(['patch-1', 'job-2-patch-0']);
  });

  it('stays open through steps made while it is open (a stroke undone and redone)', () => {
    stroke();
    st().undo();
    expect(keys()).toEqual(['job-1:0', 'job-1:1', 'job-1:2']);
    st().redo();
    expect(keys()).toEqual(['job-1:0', 'job-1:1', 'job-1:2']);
  });

  it('holds at most a few strips', async () => {
    for (let k = 0; k < MAX_STASHES + 2; k++) {
      stroke();
      stage(`job-s${k}`, 1);
      await keepStaged(true);
    }
    expect(stashCount()).toBeLessThanOrEqual(MAX_STASHES);
  });
});

describe('Ctrl/⌘ Z after a discard', () => {
  it('brings back what Discard all (Esc) took, selection and all, before any document step', () => {
    const steps = st().past.length;
    discardAllStaged();
    expect(keys()).toEqual([]);
    expect(canUndoStep(st())).toBe(true);
    undoStep();
    expect(keys()).toEqual(['job-1:0', 'job-1:1', 'job-1:2']);
    expect(st().staging.selected).toBe(1);
    expect(st().past.length).toBe(steps);
    // Nothing more to bring back: the next Ctrl/⌘ Z undoes a step.
    stroke();
    undoStep();
    expect(st().past.length).toBe(steps);
  });

  it('brings back one discarded candidate into the strip it left', () => {
    discardStaged('job-1:0');
    expect(keys()).toEqual(['job-1:1', 'job-1:2']);
    undoStep();
    expect(keys()).toEqual(['job-1:0', 'job-1:1', 'job-1:2']);
  });

  it('is a document undo again once the document has changed', () => {
    const doc = st().doc;
    discardAllStaged();
    stroke();
    expect(st().discarded).toBeNull();
    undoStep();
    expect(st().doc).toBe(doc);
    expect(keys()).toEqual([]);
  });
});

describe('Ctrl/⌘ Z after several discards', () => {
  it('brings them back one at a time, the last first, before any document step', () => {
    const steps = st().past.length;
    discardStaged('job-1:0');
    expect(keys()).toEqual(['job-1:1', 'job-1:2']);
    discardAllStaged();
    expect(keys()).toEqual([]);
    undoStep();
    expect(keys()).toEqual(['job-1:1', 'job-1:2']);
    expect(canUndoStep(st())).toBe(true);
    undoStep();
    expect(keys()).toEqual(['job-1:0', 'job-1:1', 'job-1:2']);
    expect(st().past.length).toBe(steps);
    // Nothing more to bring back: the next Ctrl/⌘ Z is a document undo.
    expect(st().discarded).toBeNull();
  });
});

describe('results staged only over the state they were made for', () => {
  const made = (job: string, n: number, at = st().doc!) => {
    const items = Array.from({ length: n }, (_, i) => ({
      ...candidate(i),
      key: `${job}:${i}`,
      jobId: job,
      assetId: `${job}-patch-${i}`,
      at,
    }));
    for (const c of items) putPatchBitmap(c.assetId, fakeBitmap());
    return items;
  };
  const lastToast = () => st().toasts.at(-1)!.message;

  it('arriving after an undo: they wait on their step (redo shows them) and Keep drops no redo step', async () => {
    st().clearStaging();
    stroke();
    st().commit('Layer opacity 60 %', (d) => ({ ...d }));
    const at = st().doc!;
    const items = made('job-slow', 2);
    st().undo(); // back at the stroke: "Layer opacity 60 %" is the redo step
    expect(offerResults(items, at)).toBe(0);
    expect(keys()).toEqual([]);
    expect(waitingCount()).toBe(2);
    expect(lastToast()).toBe(
      '2 candidates are waiting on the step “Layer opacity 60 %”, one step ahead: redo (Ctrl/⌘ Shift Z) once to see them.',
    );
    st().redo();
    expect(st().doc).toBe(at);
    expect(keys()).toEqual(['job-slow:0', 'job-slow:1']);
    await keepStaged(true);
    expect(st().doc!.layers.map((l) => l.assetId)).toEqual(['job-slow-patch-0']);
    expect(
      st()
        .past.map((p) => p.label)
        .slice(-2),
    ).toEqual(['Brush stroke', 'Layer opacity 60 %']);
  });

  it('made for a document no longer open (the same project opened again): not staged anywhere, the cost said', () => {
    st().clearStaging();
    stroke();
    const at = st().doc!;
    const items = made('job-old', 1);
    // The same document opened again: a new history (its states are new objects, read from the file), the same id.
    const again = { ...at, original: { ...at.original } };
    st().loadHistory({ doc: again, label: 'Grow mask 8px', past: [{ doc: { ...again, layers: [] }, label: 'Open a.png' }], future: [] });
    expect(st().doc!.id).toBe(at.id);
    expect(offerResults(items, at)).toBe(0);
    expect(keys()).toEqual([]);
    expect(waitingCount()).toBe(0);
    expect(lastToast()).toContain('not open any more');
    expect(lastToast()).toContain('≈ $0.040');
    st().undo();
    expect(keys()).toEqual([]);
  });

  it('waiting on a step a new change drops: staged over the photo as it is now, with a message (paid for, nothing else reaches them)', async () => {
    st().clearStaging();
    stroke();
    const at = st().doc!;
    const items = made('job-w', 1);
    st().undo();
    offerResults(items, at);
    expect(waitingCount()).toBe(1);
    st().commit('Clear mask', (d) => ({ ...d }));
    expect(waitingCount()).toBe(0);
    expect(keys()).toEqual(['job-w:0']);
    expect(st().staging.items[0].at).toBe(st().doc);
    expect(lastToast()).toBe(
      'A candidate made before your latest changes is shown over the photo as it is now (the step it was made on is not in the history any more): look before you keep it.',
    );
    // Keep lands on the document as it is, as one step, dropping no redo step.
    const steps = st().past.length;
    await keepStaged(true);
    expect(st().past.length).toBe(steps + 1);
    expect(st().doc!.layers.map((l) => l.assetId)).toContain('job-w-patch-0');
  });

  it('arriving after a change dropped its step: staged over the photo as it is now', () => {
    st().clearStaging();
    stroke();
    const at = st().doc!;
    const items = made('job-late', 2);
    st().undo();
    st().commit('Clear mask', (d) => ({ ...d }));
    expect(offerResults(items, at)).toBe(2);
    expect(keys()).toEqual(['job-late:0', 'job-late:1']);
    expect(lastToast()).toContain('2 candidates made before your latest changes are shown over the photo as it is now');
  });

  it('made for an earlier step of this photo (a stroke painted while the model worked): staged at once over the photo as it is now', async () => {
    st().clearStaging();
    stroke();
    const at = st().doc!;
    const items = made('job-on', 1);
    const toasts = st().toasts.length;
    stroke(); // the mask painted on while the model works: the layers are the same
    expect(offerResults(items, at)).toBe(1);
    expect(keys()).toEqual(['job-on:0']);
    expect(st().staging.items[0].at).toBe(st().doc);
    expect(waitingCount()).toBe(0);
    expect(st().toasts.length).toBe(toasts); // nothing to look out for: only the mask changed
    // Keep lands on the document as it is, dropping no step.
    const steps = st().past.length;
    await keepStaged(true);
    expect(st().past.length).toBe(steps + 1);
    expect(st().future).toEqual([]);
  });

  it('made for an earlier step, the layers changed since: staged over the photo as it is now, with the look-first message', async () => {
    await keepStaged(true); // a layer to change
    stroke();
    const at = st().doc!;
    const items = made('job-lay', 1);
    st().commit('Hide layer', (d) => ({ ...d, layers: d.layers.map((l) => ({ ...l, visible: false })) }));
    const before = keys().length;
    expect(offerResults(items, at)).toBe(1);
    expect(keys()).toHaveLength(before + 1);
    expect(keys()).toContain('job-lay:0');
    expect(st().toasts.map((t) => t.message)).toContain(
      'A candidate made before your latest changes is shown over the photo as it is now (your layers changed after the request left): look before you keep it.',
    );
  });

  it('made for an earlier step of another canvas size: waits on it (undo shows it), not staged over a canvas it does not fit', () => {
    st().clearStaging();
    stroke();
    const at = st().doc!;
    const items = made('job-ext', 1);
    st().commit('Extend canvas', (d) => ({ ...d, canvas: { width: d.canvas.width * 2, height: d.canvas.height } }));
    expect(offerResults(items, at)).toBe(0);
    expect(waitingCount()).toBe(1);
    expect(lastToast()).toBe('A candidate is waiting on the step “Brush stroke”, one step back: undo (Ctrl/⌘ Z) once to see it.');
    st().undo();
    expect(keys()).toEqual(['job-ext:0']);
  });

  it('waiting on a step dropped by a change of canvas size: let go with a message, not staged over a canvas they do not fit', () => {
    st().clearStaging();
    stroke();
    const at = st().doc!;
    const items = made('job-w', 1);
    st().undo();
    offerResults(items, at);
    expect(waitingCount()).toBe(1);
    st().commit('Extend canvas', (d) => ({ ...d, canvas: { width: d.canvas.width * 2, height: d.canvas.height } }));
    expect(waitingCount()).toBe(0);
    expect(keys()).toEqual([]);
    expect(lastToast()).toContain('let go');
  });

  it('Keep never drops a redo step silently: the first press says so, the second keeps', async () => {
    stroke();
    st().undo(); // the stroke is a redo step; the strip stays (it was opened before the stroke)
    expect(keys()).toEqual(['job-1:0', 'job-1:1', 'job-1:2']);
    const steps = st().past.length;
    await keepStaged(true);
    expect(st().past.length).toBe(steps);
    expect(st().future).toHaveLength(1);
    expect(lastToast()).toContain('would drop the redo step “Brush stroke”');
    await keepStaged(true);
    expect(st().past.length).toBe(steps + 1);
    expect(st().future).toHaveLength(0);
  });
});
