/**
 * A discard made final by a later document step stays final: undoing back to the step the strip was
 * opened on, or undoing a Keep, does not stage the discarded candidates again (staging-history.ts).
 */
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { StagedCandidate } from '../model/staging-logic';
import { createFullMask } from '../../shared/mask';
import { putMask, putPatchBitmap } from './blob-store';
import { discardAllStaged, keepStaged } from './edit-commands';
import { installStagingHistory, undoStep } from './staging-history';
import { useEditor } from './store/store';
import { openBlankDoc, stagedFixture } from './job-state-fixture';

const st = () => useEditor.getState();
let docId: string;
const uninstall = installStagingHistory();
afterAll(() => uninstall());

const fakeBitmap = () => ({ width: 10, height: 10, close() {} }) as unknown as ImageBitmap;
const keys = () => st().staging.items.map((c) => c.key);
const stroke = () => st().commit('Brush stroke', (d) => ({ ...d, maskId: putMask(createFullMask(10, 10)) }));
const stage = (job: string, n: number) => {
  const items: StagedCandidate[] = Array.from({ length: n }, (_, i) =>
    stagedFixture({ jobId: job, index: i, docId, assetId: `${job}-patch-${i}`, prompt: 'a vase', costUsd: 0.04 }),
  );
  for (const c of items) putPatchBitmap(c.assetId, fakeBitmap());
  st().stageCandidates(items);
  st().selectStaged(0);
};

beforeEach(() => {
  st().setJob(null);
  st().clearStaging();
  st().setDiscarded(null);
  docId = openBlankDoc(10);
  stage('job-1', 3);
  st().selectStaged(1);
});

describe('a discard made final by a later document step', () => {
  // A tester: C, 3:1, Enter, Ctrl+Enter, Esc (Discard all), Ctrl+J, Ctrl+Z twice — once the undo
  // reached the Extend canvas step, the discarded candidate was staged again, Keep highlighted.
  it('is not brought back by undoing to the step the strip was opened on (simple case)', () => {
    st().clearStaging();
    stroke(); // the step the strip is opened on (the Extend canvas)
    const opened = st().doc;
    stage('job-x', 1);
    discardAllStaged();
    stroke(); // Ctrl+J
    undoStep();
    expect(st().doc).toBe(opened);
    expect(keys()).toEqual([]);
    undoStep();
    expect(keys()).toEqual([]);
  });

  it('is not brought back after the strip was put away and shown again by an undo and a redo of its step', () => {
    st().clearStaging();
    stroke();
    const opened = st().doc;
    stage('job-x', 1);
    st().undo(); // the strip goes with its step
    expect(keys()).toEqual([]);
    st().redo(); // and comes back with it
    expect(keys()).toEqual(['job-x:0']);
    discardAllStaged();
    stroke(); // Ctrl+J: the discard is final
    undoStep();
    expect(st().doc).toBe(opened);
    expect(keys()).toEqual([]);
    undoStep();
    st().redo();
    expect(keys()).toEqual([]);
  });

  it('is not brought back by undoing a Keep whose strip was shown again and then discarded', async () => {
    await keepStaged(true);
    st().undo(); // the Keep: its strip is back
    expect(keys()).toEqual(['job-1:0', 'job-1:1', 'job-1:2']);
    discardAllStaged();
    st().redo(); // a document step: the discard is final
    expect(keys()).toEqual([]);
    st().undo();
    expect(keys()).toEqual([]);
  });
});
