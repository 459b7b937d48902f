/**
 * Keep (Enter) pressed while an edit's first candidate is on screen ahead of its result
 * (renderer/commands/early-show.ts): it keeps that edit's candidate once it is staged, and nothing
 * when the edit fails — never the candidate that was selected before it.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { StagedCandidate } from '../model/staging-logic';
import { putPatchBitmap } from './blob-store';
import { keepStaged } from './edit-commands';
import { useEditor } from './store/store';
import { compositingJob, openBlankDoc, stagedFixture } from './job-state-fixture';

const st = () => useEditor.getState();
const flush = () => new Promise((r) => setTimeout(r, 0));
let docId: string;

const staged = (jobId: string, assetId: string): StagedCandidate => stagedFixture({ jobId, index: 0, docId, assetId });

function running(jobId: string) {
  st().setJob(
    compositingJob(jobId, docId, {
      canvas: { width: 10, height: 10 },
      early: { candidate: 0, region: { x: 0, y: 0, width: 10, height: 10 } },
    }),
  );
}

const fakeBitmap = () => ({ width: 10, height: 10, close() {} }) as unknown as ImageBitmap;

beforeEach(() => {
  st().setJob(null);
  st().clearStaging();
  docId = openBlankDoc(10);
  // A candidate of an earlier edit is staged and selected.
  putPatchBitmap('patch-old', fakeBitmap());
  st().stageCandidates([staged('job-old', 'patch-old')]);
});

describe('Keep while the first candidate shows ahead of its result', () => {
  it('waits for the edit to stage and keeps its candidate', async () => {
    running('job-new');
    const keeping = keepStaged(true);
    await flush();
    expect(st().doc!.layers).toHaveLength(0);
    putPatchBitmap('patch-new', fakeBitmap());
    st().stageCandidates([staged('job-new', 'patch-new')]);
    st().setJob(null);
    await keeping;
    expect(st().doc!.layers.map((l) => l.assetId)).toEqual(['patch-new']);
  });

  it('keeps nothing when that edit fails', async () => {
    running('job-new');
    const keeping = keepStaged(true);
    st().setJob(null);
    await keeping;
    expect(st().doc!.layers).toHaveLength(0);
    expect(st().staging.items.map((c) => c.assetId)).toEqual(['patch-old']);
  });
});
