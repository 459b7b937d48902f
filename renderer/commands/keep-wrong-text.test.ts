/**
 * Keeping a candidate whose text was read wrong says so: the badge closes with the strip, and a
 * reflexive Enter on a "V2.O ✗" used to keep it without a word.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { putPatchBitmap } from './blob-store';
import { keepStaged } from './edit-commands';
import { useEditor } from './store/store';
import { openBlankDoc, stagedFixture } from './job-state-fixture';

const st = () => useEditor.getState();
const verdict = (status: 'right' | 'wrong', read: string) => ({
  status,
  expected: 'V2.0',
  read,
  reading: read,
  distance: status === 'right' ? 0 : 1,
  similarity: status === 'right' ? 1 : 0.75,
  ms: 300,
});

beforeEach(() => {
  for (const t of st().toasts) st().dismiss(t.id);
  st().setJob(null);
  st().clearStaging();
  const docId = openBlankDoc(10);
  putPatchBitmap('patch-0', { width: 10, height: 10, close() {} } as unknown as ImageBitmap);
  putPatchBitmap('patch-1', { width: 10, height: 10, close() {} } as unknown as ImageBitmap);
  st().stageCandidates([
    { ...stagedFixture({ jobId: 'job-1', index: 0, docId, assetId: 'patch-0' }), textCheck: verdict('wrong', 'V2.O') },
    { ...stagedFixture({ jobId: 'job-1', index: 1, docId, assetId: 'patch-1' }), textCheck: verdict('right', 'V2.0') },
  ]);
});

describe('Keep on a candidate whose text was read wrong', () => {
  it('keeps it and says what was read, and that Ctrl/⌘ Z undoes it', async () => {
    st().selectStaged(0);
    expect(await keepStaged(true)).toBe(true);
    expect(st().doc!.layers.map((l) => l.assetId)).toEqual(['patch-0']);
    expect(st().toasts.map((t) => t.message)).toEqual([
      'Kept with its text wrong: 1 character wrong: read V2.O, asked for V2.0. Ctrl/⌘ Z undoes the Keep.',
    ]);
  });

  it('says "not found" once, with the reading in quotes', async () => {
    const c = st().staging.items[0];
    st().unstage(c.key);
    st().stageCandidates([{ ...c, textCheck: { ...verdict('wrong', '1 CE ” )'), expected: 'SPORTS 2', distance: 7, similarity: 0.1 } }]);
    st().selectStaged(st().staging.items.findIndex((x) => x.key === c.key));
    expect(await keepStaged(true)).toBe(true);
    expect(st().toasts.map((t) => t.message)).toEqual([
      'Kept with its text wrong: SPORTS 2 not found (the closest reading, “1 CE ” )”, differs in 7 characters). Ctrl/⌘ Z undoes the Keep.',
    ]);
  });

  it('says nothing for a candidate spelled right', async () => {
    st().selectStaged(1);
    expect(await keepStaged(true)).toBe(true);
    expect(st().toasts).toEqual([]);
  });
});
