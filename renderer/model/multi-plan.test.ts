import { describe, expect, it } from 'vitest';
import { getModel, type ModelSpec } from '../../shared/models';
import type { MultiEntryState } from './job-state';
import {
  cancelledRunMessage,
  entryStatus,
  multiBlocker,
  multiTotal,
  runActive,
  sharedRowError,
  shownEntries,
  type MultiRow,
} from './multi-plan';

const spec = (id: string) => getModel(id) as ModelSpec;
const row = (id: string, n: number, usd: number, patch: Partial<MultiRow> = {}): MultiRow => ({
  value: id,
  spec: spec(id),
  usable: true,
  n,
  estimate: { ok: true, usd, approximate: id !== 'local' },
  expected: { low: n, high: n + 2, basis: 'x' },
  ...patch,
});

describe('several models at once', () => {
  it('sums one price for the chosen models and takes the slowest time', () => {
    const t = multiTotal([
      row('gpt-image-2', 2, 0.106),
      row('gemini-3.1-flash-image', 2, 0.134),
      row('local', 1, 0),
      row('gpt-image-1.5', 0, 0.5),
    ]);
    expect(t).toMatchObject({ models: 3, candidates: 5, usd: 0.24, approximate: true });
    expect(t.expected?.high).toBe(4);
    expect(t.areas).toBe(1);
  });
  it('says when a model’s edit goes in areas (a mask in parts far apart): the most areas of the chosen models', () => {
    const inAreas = { estimate: { ok: true as const, usd: 0.083, approximate: true, areas: 2 } };
    expect(multiTotal([row('gpt-image-2', 1, 0.083, inAreas), row('local', 1, 0)]).areas).toBe(2);
    expect(multiTotal([row('gpt-image-2', 0, 0.083, inAreas), row('local', 1, 0)]).areas).toBe(1); // not asked
  });
  it("says a reason every model shares (no mask) once, not a model's own reason", () => {
    const noMask = { estimate: { ok: false as const, error: 'Paint a mask or select an area first', shared: true } };
    expect(sharedRowError([row('gpt-image-2', 2, 0, noMask), row('local', 0, 0, noMask)])).toBe('Paint a mask or select an area first');
    expect(sharedRowError([row('gpt-image-2', 0, 0, noMask)])).toBeNull(); // not counted: not asked
    expect(sharedRowError([row('gpt-image-2', 2, 0, { estimate: { ok: false, error: 'Region too large' } })])).toBeNull();
    expect(sharedRowError([row('gpt-image-2', 2, 0.1)])).toBeNull();
  });
  it('says what blocks it', () => {
    const label = (s: ModelSpec) => (s.provider === 'openai' ? 'OpenAI' : 'Google Gemini');
    expect(multiBlocker([row('gpt-image-2', 0, 0)], label)).toBe('Choose at least one model and how many candidates');
    expect(multiBlocker([row('gpt-image-2', 1, 0, { usable: false })], label)).toBe(
      'Set an OpenAI key in Settings (⚙) or set GPT Image 2 to 0',
    );
    expect(
      multiBlocker([row('gpt-image-2', 1, 0, { estimate: { ok: false, error: 'Paint a mask or select an area first' } })], label),
    ).toBe('GPT Image 2: Paint a mask or select an area first');
    // An empty prompt is no blocker: main sends Generative Fill's removal prompt.
    expect(multiBlocker([row('gpt-image-2', 1, 0.05)], label)).toBeNull();
    expect(multiBlocker([row('local', 1, 0)], label)).toBeNull();
  });
  it('describes each model’s state', () => {
    const e = { model: 'm', modelName: 'M', n: 2, jobId: 'j', fraction: 0 };
    expect(entryStatus({ ...e, state: 'starting' })).toBe('Starting…');
    expect(entryStatus({ ...e, state: 'running' })).toBe('Waiting…');
    expect(entryStatus({ ...e, state: 'running', fraction: 0.42 })).toBe('Working… 42 %');
    expect(entryStatus({ ...e, state: 'done', seconds: 4.21, received: 2, costUsd: 0.106 })).toBe('Done in 4.2 s · 2 candidates · $0.106');
    expect(entryStatus({ ...e, state: 'failed', error: 'boom' })).toBe('Failed: boom');
    // Whether it was charged, as the ledger counted it, in a single job's words: nothing sent, nothing charged…
    expect(entryStatus({ ...e, state: 'cancelled' })).toBe('Cancelled. Nothing was charged.');
    expect(entryStatus({ ...e, model: 'local', state: 'cancelled' })).toBe('Cancelled');
    // …and requests already out may be billed (the service may have made the image before the cancel reached it).
    const nb2 = { ...e, model: 'gemini-3.1-flash-image' };
    expect(entryStatus({ ...nb2, state: 'cancelled', spentUsd: 0.134, spentRequests: 2 })).toBe(
      "Cancelled. 2 requests were sent and may be charged by Google (≈ $0.134, counted in today's spend).",
    );
    expect(entryStatus({ ...nb2, model: 'gpt-image-2', state: 'cancelled', spentUsd: 0.067, spentRequests: 1 })).toBe(
      "Cancelled. 1 request was sent and may be charged by OpenAI (≈ $0.067, counted in today's spend).",
    );
    expect(runActive([{ ...e, state: 'done' }])).toBe(false);
    expect(
      runActive([
        { ...e, state: 'done' },
        { ...e, state: 'starting' },
      ]),
    ).toBe(true);
  });
  it('shows a finished model only while its candidates are staged on its photo; a failure until dismissed', () => {
    const e = { modelName: 'M', n: 1, fraction: 1 };
    const done = { ...e, model: 'gpt-image-2', jobId: 'j1', state: 'done' as const };
    const failed = { ...e, model: 'gemini-3.1-flash-image', jobId: 'j2', state: 'failed' as const, error: 'refused' };
    const cancelled = { ...e, model: 'gpt-image-1.5', jobId: 'j3', state: 'cancelled' as const };
    const running = { ...e, model: 'local', jobId: 'j4', state: 'running' as const };
    const run: Parameters<typeof shownEntries>[0] = { docId: 'a', entries: [done, failed, cancelled] };
    const models = (v: { docId: string | null; stagedJobIds: ReadonlySet<string>; multiOn?: boolean }, r = run) =>
      shownEntries(r, v).map((x) => x.model);
    // Its candidates staged on its photo: every line.
    expect(models({ docId: 'a', stagedJobIds: new Set(['j1']) })).toEqual(['gpt-image-2', 'gemini-3.1-flash-image', 'gpt-image-1.5']);
    // Kept or discarded: only the failure stays.
    expect(models({ docId: 'a', stagedJobIds: new Set() })).toEqual(['gemini-3.1-flash-image']);
    // Another photo open (its candidates parked with their photo): only the failure stays.
    expect(models({ docId: 'b', stagedJobIds: new Set(['j1']) })).toEqual(['gemini-3.1-flash-image']);
    // Another job's candidates staged do not keep the line.
    expect(models({ docId: 'a', stagedJobIds: new Set(['j9']) })).toEqual(['gemini-3.1-flash-image']);
    // A model still working always shows.
    expect(models({ docId: 'b', stagedJobIds: new Set() }, { docId: 'a', entries: [running, done] })).toEqual(['local']);
    expect(shownEntries(null, { docId: 'a', stagedJobIds: new Set() })).toEqual([]);
    // "Several models at once" turned off: its finished lines go, work in progress and failures stay.
    expect(models({ docId: 'a', stagedJobIds: new Set(['j1']), multiOn: false })).toEqual(['gemini-3.1-flash-image']);
    // A refine: only while it works or when it failed, never a "Done" line.
    const refine = (entries: MultiEntryState[]) => ({ docId: 'a', entries, lineage: [{}] });
    expect(models({ docId: 'a', stagedJobIds: new Set(['j1']) }, refine([done]))).toEqual([]);
    expect(models({ docId: 'a', stagedJobIds: new Set() }, refine([running]))).toEqual(['local']);
    expect(models({ docId: 'a', stagedJobIds: new Set() }, refine([failed]))).toEqual(['gemini-3.1-flash-image']);
  });
});

describe('cancelledRunMessage', () => {
  const e = (model: string, state: MultiEntryState['state'], spentUsd = 0, spentRequests = 0): MultiEntryState => ({
    model,
    modelName: model,
    n: 1,
    jobId: 'j',
    state,
    fraction: 0,
    spentUsd,
    spentRequests,
  });
  it('says what a run cancelled before any answer may cost, per biller, once no model works', () => {
    expect(cancelledRunMessage([e('gpt-image-2', 'cancelled', 0.024, 1), e('gemini-3.1-flash-image', 'cancelled', 0.134, 2)])).toBe(
      "Cancelled — the document is unchanged. 1 request was sent and may be charged by OpenAI (≈ $0.024, counted in today's spend); 2 requests were sent and may be charged by Google (≈ $0.134, counted in today's spend).",
    );
    expect(cancelledRunMessage([e('gpt-image-2', 'cancelled')])).toBe('Cancelled — the document is unchanged. Nothing was charged.');
    expect(cancelledRunMessage([e('local', 'cancelled')])).toBe('Cancelled — the document is unchanged.');
    // Still working, or a model answered (the cancelled lines show beside it): nothing to add.
    expect(cancelledRunMessage([e('gpt-image-2', 'cancelled'), e('local', 'running')])).toBeNull();
    expect(cancelledRunMessage([e('gpt-image-2', 'cancelled'), e('local', 'done')])).toBeNull();
    expect(cancelledRunMessage([e('gpt-image-2', 'failed')])).toBeNull();
  });
});
