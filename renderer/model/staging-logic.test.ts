import { describe, expect, it } from 'vitest';
import {
  EMPTY_STAGING,
  addCandidates,
  flipCandidate,
  parkCandidates,
  takeParked,
  knownOnCanvas,
  refinedExtension,
  removeCandidate,
  selectCandidate,
  selectedCandidate,
  type StagedCandidate,
} from './staging-logic';

function cand(job: string, index: number, model = 'local'): StagedCandidate {
  return {
    key: `${job}:${index}`,
    jobId: job,
    docId: 'd',
    index,
    model,
    modelName: model,
    prompt: 'p',
    assetId: `asset-${job}-${index}`,
    region: { x: 0, y: 0, width: 10, height: 10 },
    requestSize: { width: 10, height: 10 },
    costUsd: 0,
    seconds: 1,
    createdAt: 0,
  };
}

describe('staging reducer', () => {
  it('adds candidates across jobs and selects the first new one', () => {
    let s = addCandidates(EMPTY_STAGING, [cand('a', 0), cand('a', 1)]);
    expect(s.selected).toBe(0);
    s = addCandidates(s, [cand('b', 0, 'gpt-image-2'), cand('b', 1, 'gpt-image-2')]);
    expect(s.items.map((c) => c.key)).toEqual(['a:0', 'a:1', 'b:0', 'b:1']);
    expect(selectedCandidate(s)?.key).toBe('b:0');
    expect(addCandidates(s, [cand('b', 0)])).toBe(s); // duplicates ignored
  });

  it('ranks spelled-right candidates first across jobs when asked, selecting the best new one', () => {
    const checked = (job: string, index: number, status: 'right' | 'unsure' | 'wrong'): StagedCandidate => ({
      ...cand(job, index),
      textCheck: { status, expected: 'OPEN', reading: 'OPEN', similarity: 1, ms: 1 } as StagedCandidate['textCheck'],
    });
    let s = addCandidates(EMPTY_STAGING, [checked('nb', 0, 'wrong'), checked('nb', 1, 'unsure')], { rankByText: true });
    expect(s.items.map((c) => c.key)).toEqual(['nb:1', 'nb:0']);
    expect(s.selected).toBe(0);
    s = addCandidates(s, [checked('gpt', 0, 'wrong'), checked('gpt', 1, 'right')], { rankByText: true });
    expect(s.items.map((c) => c.key)).toEqual(['gpt:1', 'nb:1', 'nb:0', 'gpt:0']);
    expect(selectedCandidate(s)?.key).toBe('gpt:1');
    // Without the flag (one job, ranked in main already) the order is the arrival order.
    expect(addCandidates(EMPTY_STAGING, [checked('x', 0, 'wrong'), checked('x', 1, 'right')]).items.map((c) => c.key)).toEqual([
      'x:0',
      'x:1',
    ]);
  });

  it('flips with wrap-around and selects by index', () => {
    let s = addCandidates(EMPTY_STAGING, [cand('a', 0), cand('a', 1), cand('a', 2)]);
    s = flipCandidate(s, -1);
    expect(s.selected).toBe(2);
    s = flipCandidate(s, 1);
    expect(s.selected).toBe(0);
    s = selectCandidate(s, 1);
    expect(s.selected).toBe(1);
    expect(selectCandidate(s, 7)).toBe(s);
    const one = addCandidates(EMPTY_STAGING, [cand('x', 0)]);
    expect(flipCandidate(one, 1)).toBe(one);
  });

  it('removing keeps the selection on the same item or its neighbour', () => {
    let s = addCandidates(EMPTY_STAGING, [cand('a', 0), cand('a', 1), cand('a', 2)]);
    s = selectCandidate(s, 2);
    s = removeCandidate(s, 'a:0');
    expect(selectedCandidate(s)?.key).toBe('a:2');
    s = removeCandidate(s, 'a:2');
    expect(selectedCandidate(s)?.key).toBe('a:1');
    expect(removeCandidate(s, 'zzz')).toBe(s);
    s = removeCandidate(s, 'a:1');
    expect(s).toEqual(EMPTY_STAGING);
    expect(selectedCandidate(s)).toBeNull();
  });
});

describe('parking (results of a document that is not open)', () => {
  const cand = (key: string, docId: string) =>
    ({
      key,
      jobId: key.split(':')[0],
      docId,
      index: 0,
      model: 'gpt-image-2',
      modelName: 'GPT Image 2',
      prompt: '',
      assetId: `patch-${key}`,
      region: { x: 0, y: 0, width: 10, height: 10 },
      requestSize: { width: 1024, height: 1024 },
      costUsd: 0.05,
      seconds: 3,
      createdAt: 0,
    }) as const;

  it('keeps candidates per document and hands them back only to that document', () => {
    let parked = parkCandidates({}, [cand('j1:0', 'doc-a'), cand('j1:1', 'doc-a'), cand('j2:0', 'doc-b')]);
    parked = parkCandidates(parked, [cand('j1:0', 'doc-a')]);
    expect(parked['doc-a'].map((c) => c.key)).toEqual(['j1:0', 'j1:1']);
    const forB = takeParked(parked, 'doc-b');
    expect(forB.cands.map((c) => c.key)).toEqual(['j2:0']);
    expect(Object.keys(forB.parked)).toEqual(['doc-a']);
    const none = takeParked(forB.parked, 'doc-c');
    expect(none.cands).toEqual([]);
    expect(none.parked).toBe(forB.parked);
  });
});

describe('a refined outpaint candidate', () => {
  it('is an extension around the draft’s known part, in its own region’s coordinates; none when its region misses it', () => {
    const draft = { region: { x: 0, y: 0, width: 711, height: 400 }, extension: { known: { x: 55, y: 0, width: 600, height: 400 } } };
    const known = knownOnCanvas(draft);
    expect(known).toEqual({ x: 55, y: 0, width: 600, height: 400 });
    expect(refinedExtension({ x: 0, y: 0, width: 711, height: 400 }, known)).toEqual({ known: { x: 55, y: 0, width: 600, height: 400 } });
    expect(refinedExtension({ x: 40, y: 0, width: 671, height: 400 }, known)).toEqual({ known: { x: 15, y: 0, width: 600, height: 400 } });
    expect(refinedExtension({ x: 60, y: 0, width: 651, height: 400 }, known)).toBeUndefined();
    expect(refinedExtension({ x: 0, y: 0, width: 711, height: 400 }, undefined)).toBeUndefined();
    expect(knownOnCanvas({ region: draft.region })).toBeUndefined();
  });
});

describe('a later model of one run', () => {
  it('leaves the selection on the candidate being looked at, also when the strip is ranked by text', () => {
    const cand = (key: string, status?: 'right' | 'wrong') =>
      ({ key, ...(status ? { textCheck: { status } } : {}) }) as unknown as StagedCandidate;
    let s = addCandidates(EMPTY_STAGING, [cand('a1', 'wrong'), cand('a2', 'wrong')], { rankByText: true });
    s = selectCandidate(s, 1); // looking at a2
    const later = addCandidates(s, [cand('b1', 'right')], { rankByText: true, keepSelected: true });
    expect(later.items.map((c) => c.key)).toEqual(['b1', 'a1', 'a2']); // the right one goes first
    expect(later.items[later.selected].key).toBe('a2');
    // Without it (a new Generate), the new candidate is shown.
    const fresh = addCandidates(s, [cand('b1', 'right')], { rankByText: true });
    expect(fresh.items[fresh.selected].key).toBe('b1');
    expect(addCandidates(s, [cand('c1')], { keepSelected: true }).selected).toBe(1);
  });
});
