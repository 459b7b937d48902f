import { describe, expect, it } from 'vitest';
import { PREPARING_QUIET_MS, progressDisplay } from './progress-display';

const base = {
  jobId: 'j1',
  fraction: 0.08,
  stage: 'Waiting for gpt-image-2',
  phase: 'waiting' as const,
  expected: { low: 4, high: 6, basis: '' },
  startedAt: 1_000_000,
  cancelling: false,
};

describe('progress display', () => {
  it('says Preparing… (no percentage) until main has planned and encoded', () => {
    const d = progressDisplay({ ...base, jobId: null, fraction: 0, phase: 'preparing', stage: 'Queued' }, base.startedAt + 1200);
    expect(d.label).toBe('Preparing…');
    expect(d.detail).toBe('1 s');
    expect(d.percent).toBeNull();
    expect(d.detail).not.toMatch(/%/);
  });

  it('a preparation shorter than PREPARING_QUIET_MS never says "Preparing…" (no flash); the stripe moves meanwhile', () => {
    const job = { ...base, jobId: null, fraction: 0, phase: 'preparing' as const, stage: 'Preparing…' };
    const early = progressDisplay(job, base.startedAt + PREPARING_QUIET_MS - 50);
    expect(early.label).toBe('');
    expect(early.indeterminate).toBe(true);
    expect(progressDisplay(job, base.startedAt + PREPARING_QUIET_MS).label).toBe('Preparing…');
    // Main still preparing after the start was answered: the same rule.
    expect(progressDisplay({ ...job, jobId: 'j1' }, base.startedAt + 100).label).toBe('');
  });

  it('main’s stage words show in sentence case', () => {
    expect(progressDisplay({ ...base, phase: 'working', fraction: 1, stage: 'done' }, base.startedAt + 4000).label).toBe('Done');
    expect(progressDisplay({ ...base, phase: 'working', fraction: 1, stage: 'cancelled' }, base.startedAt + 4000).label).toBe('Cancelled');
    expect(progressDisplay({ ...base, phase: 'working', fraction: 1, stage: 'failed' }, base.startedAt + 4000).label).toBe('Failed');
    expect(progressDisplay({ ...base, phase: 'working', stage: 'Tile 2 of 4' }, base.startedAt + 4000).label).toBe('Tile 2 of 4');
  });

  it('while a non-streaming request is out: elapsed and usual time, and a bar that moves with time', () => {
    const at3 = progressDisplay(base, base.startedAt + 3000);
    const at5 = progressDisplay(base, base.startedAt + 5000);
    expect(at3.detail).toBe('3 s · usually 4–6 s');
    expect(at3.percent).toBeNull();
    expect(at3.bar).toBeCloseTo(50, 0);
    expect(at5.bar).toBeGreaterThan(at3.bar);
    expect(progressDisplay(base, base.startedAt + 9000).bar).toBe(95);
  });

  it('far past the usual time it says "longer than usual" and shows activity, not a full bar', () => {
    const at11 = progressDisplay(base, base.startedAt + 11_000);
    expect(at11.detail).toBe('11 s · usually 4–6 s');
    const at30 = progressDisplay(base, base.startedAt + 30_000);
    expect(at30.detail).toBe('30 s · longer than usual (usually 4–6 s)');
    expect(at30.indeterminate).toBe(true);
    expect(at30.bar).toBe(0); // the stripe shows across the whole bar, not in a sliver beside a full fill
    const quick = { ...base, expected: { low: 1, high: 2, basis: '' } };
    expect(progressDisplay(quick, base.startedAt + 6000).indeterminate).toBe(false);
    expect(progressDisplay(quick, base.startedAt + 7500).detail).toBe('7 s · longer than usual (usually 1–2 s)');
  });

  it('without a known usual time it shows the elapsed seconds only', () => {
    const d = progressDisplay({ ...base, expected: null }, base.startedAt + 7000);
    expect(d.detail).toBe('7 s');
    expect(d.indeterminate).toBe(true);
  });

  it('work that reports progress shows the percentage', () => {
    const d = progressDisplay({ ...base, phase: 'working', fraction: 0.42, stage: 'Tile 2 of 4' }, base.startedAt + 12_000);
    expect(d).toMatchObject({ label: 'Tile 2 of 4', detail: '42% · 12 s', percent: 42 });
  });
});
