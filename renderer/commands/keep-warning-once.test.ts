/**
 * Keep as layer over redo steps warns before dropping them — once on screen: pressed on a second
 * candidate, the same warning was stacked under the first.
 */
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { createEmptyMask } from '../../shared/mask';
import { putMask, putPatchBitmap } from './blob-store';
import { keepStaged } from './edit-commands';
import { installStagingHistory } from './staging-history';
import { useEditor } from './store/store';
import { openBlankDoc, stagedFixture } from './job-state-fixture';

const st = () => useEditor.getState();
const uninstall = installStagingHistory();
afterAll(() => uninstall());

const fakeBitmap = () => ({ width: 10, height: 10, close() {} }) as unknown as ImageBitmap;

beforeEach(() => {
  for (const t of st().toasts) st().dismiss(t.id);
  st().setJob(null);
  st().clearStaging();
  st().setDiscarded(null);
});

describe('the warning before Keep drops redo steps', () => {
  it('is shown once when Keep as layer is pressed on a second candidate', async () => {
    const docId = openBlankDoc(10);
    st().commit('Brush stroke', (d) => ({ ...d, maskId: putMask(createEmptyMask(10, 10)) }));
    st().commit('Brush stroke', (d) => ({ ...d, maskId: putMask(createEmptyMask(10, 10)) }));
    st().undo();
    st().undo();
    expect(st().future).toHaveLength(2);
    for (const i of [0, 1]) putPatchBitmap(`patch-${i}`, fakeBitmap());
    st().stageCandidates([0, 1].map((i) => stagedFixture({ jobId: 'job-1', index: i, docId, assetId: `patch-${i}` })));
    st().selectStaged(0);
    expect(await keepStaged(false)).toBe(false);
    st().selectStaged(1);
    expect(await keepStaged(false)).toBe(false);
    const warnings = st().toasts.filter((t) => t.message.startsWith('Keeping now would drop 2 redo steps'));
    expect(warnings).toHaveLength(1);
    expect(st().future).toHaveLength(2);
  });
});
