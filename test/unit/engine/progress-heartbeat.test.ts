/** The time-based heartbeat between the offline engine's rare progress reports. */
import { describe, expect, it } from 'vitest';
import { startHeartbeat } from '../../../electron/main/providers/progress-heartbeat';

function fakeClock() {
  let t = 0;
  let tick: (() => void) | null = null;
  return {
    now: () => t,
    setInterval: (fn: () => void) => {
      tick = fn;
      return 1;
    },
    clearInterval: () => {
      tick = null;
    },
    advance(ms: number, step = 100) {
      for (let i = 0; i < ms; i += step) {
        t += step;
        if (t % 500 === 0) tick?.();
      }
    },
    get running() {
      return tick !== null;
    },
  };
}

describe('progress heartbeat', () => {
  it('moves at least every second while the engine is silent, never backwards and never to 1', () => {
    const clock = fakeClock();
    const seen: Array<[number, number]> = [];
    const hb = startHeartbeat((f) => seen.push([clock.now(), f]), { expectedMs: 60_000, ...clock });
    hb.report(0.02);
    clock.advance(70_000);
    const times = seen.map(([t]) => t);
    for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeLessThanOrEqual(1000);
    expect(times.at(-1)!).toBeGreaterThan(69_000);
    const values = seen.map(([, f]) => f);
    for (let i = 1; i < values.length; i++) expect(values[i]).toBeGreaterThan(values[i - 1]);
    expect(values.at(-1)!).toBeLessThan(1);
    // After the expected time it has gone a fair way, but left room for the real end.
    expect(values.at(-1)!).toBeGreaterThan(0.3);
    hb.stop();
    expect(clock.running).toBe(false);
  });

  it('a real report further on wins; one behind the creep is not shown; 1 is always passed on', () => {
    const clock = fakeClock();
    const seen: number[] = [];
    const hb = startHeartbeat((f) => seen.push(f), { expectedMs: 2_000, ...clock });
    clock.advance(3_000);
    const crept = seen.at(-1)!;
    expect(crept).toBeGreaterThan(0.2);
    hb.report(crept / 2);
    expect(seen.at(-1)).toBe(crept);
    hb.report(0.9);
    expect(seen.at(-1)).toBe(0.9);
    hb.report(1);
    expect(seen.at(-1)).toBe(1);
    hb.stop();
  });
});
