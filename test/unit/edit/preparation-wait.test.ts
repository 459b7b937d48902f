/**
 * A Generate that comes while its outpaint's preparation is still under way takes that preparation
 * and waits for it; the wait is timed (`main: preparation wait`) so the bench counts it as the
 * tiles' own time (issue 16: the row of a Ctrl+Enter a quarter second after a change).
 */
import { describe, expect, it } from 'vitest';
import { takePreparation, type PreparedOutpaint } from '../../../electron/main/edit/outpaint-prepare';
import { createSpanRecorder } from '../../../shared/timing/spans';

type Req = Parameters<typeof takePreparation>[1];
const req = {} as Req;
const ready = { tiles: [], ready: [], chained: null, filled: [], claimWorking: () => null } as unknown as PreparedOutpaint;

describe('takePreparation', () => {
  it('waits for a preparation under way and times the wait', async () => {
    const spans = createSpanRecorder(() => performance.now());
    const prep = { take: () => new Promise<PreparedOutpaint | null>((r) => setTimeout(() => r(ready), 40)) };
    expect(await takePreparation(prep, req, spans)).toBe(ready);
    const wait = spans.spans.filter((s) => s.name === 'main: preparation wait');
    expect(wait).toHaveLength(1);
    expect(wait[0].end - wait[0].start).toBeGreaterThanOrEqual(35);
  });

  it('records nothing without a preparation for these inputs, or when it failed', async () => {
    const spans = createSpanRecorder(() => performance.now());
    expect(await takePreparation({ take: () => null }, req, spans)).toBeNull();
    expect(await takePreparation({ take: () => Promise.reject(new Error('decode failed')) }, req, spans)).toBeNull();
    expect(await takePreparation(undefined, req, spans)).toBeNull();
    expect(spans.spans).toEqual([]);
  });
});
