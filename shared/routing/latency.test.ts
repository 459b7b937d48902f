import { describe, expect, it } from 'vitest';
import { getModel, type ModelSpec } from '../models';
import { LATENCY_SAMPLES, addLatencySample, expectedFor, expectedForRun, latencyKey, learnedExpected, parseLatencyTable } from './latency';

const gpt = getModel('gpt-image-2') as ModelSpec;
const SQ = { width: 1024, height: 1024 };

describe('learned latency', () => {
  it('keys by model and size tier', () => {
    expect(latencyKey('gpt-image-2', SQ)).toBe('gpt-image-2@1K');
    expect(latencyKey('gpt-image-2', { width: 2048, height: 2048 })).toBe('gpt-image-2@2K');
  });
  it('keeps the last samples, rounded, ignoring nonsense', () => {
    let t = {};
    for (let i = 1; i <= LATENCY_SAMPLES + 5; i++) t = addLatencySample(t, 'k', i + 0.04);
    expect((t as Record<string, number[]>).k).toHaveLength(LATENCY_SAMPLES);
    expect((t as Record<string, number[]>).k[0]).toBe(6);
    expect(addLatencySample(t, 'k', Number.NaN)).toBe(t);
    expect(addLatencySample(t, 'k', -1)).toBe(t);
  });
  it('needs three samples, then gives the 20th–80th percentile in whole seconds', () => {
    expect(learnedExpected([5, 6])).toBeNull();
    const e = learnedExpected([2.1, 9.8, 3.4, 4.0, 3.0]);
    expect(e).toMatchObject({ low: 2, high: 6 });
    expect(e?.basis).toBe('your last 5 requests of this model at this size (median 3.4 s)');
  });
  it('prefers what was learned over the published table, per model and tier', () => {
    expect(expectedFor(gpt, SQ, {})).toMatchObject({ low: 4, high: 6 });
    const table = { 'gpt-image-2@1K': [10, 11, 12, 13] };
    expect(expectedFor(gpt, SQ, table)).toMatchObject({ low: 10, high: 13 });
    // Another tier of the same model still uses the published figures.
    expect(expectedFor(gpt, { width: 3824, height: 2160 }, table)).toMatchObject({ low: 10, high: 15 });
  });
  it('reads only well-formed entries from disk', () => {
    expect(parseLatencyTable({ a: [1, 'x', -2, 3], b: 'no', c: [] })).toEqual({ a: [1, 3] });
    expect(parseLatencyTable(null)).toEqual({});
  });
});

describe('one Generate', () => {
  it('the offline engine: one candidate’s time per candidate and per area (made one after another); a cloud model: one request’s', () => {
    const local = getModel('local') as ModelSpec;
    const one = expectedFor(local, { width: 400, height: 300 }, {})!;
    expect(expectedForRun(local, { width: 400, height: 300 }, {}, 3)).toMatchObject({ low: one.low * 3, high: one.high * 3 });
    expect(expectedForRun(local, { width: 400, height: 300 }, {}, 2, 2)).toMatchObject({ low: one.low * 4, high: one.high * 4 });
    expect(expectedForRun(gpt, SQ, {}, 4, 2)).toEqual(expectedFor(gpt, SQ, {}));
  });
});
