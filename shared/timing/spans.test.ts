import { describe, expect, it } from 'vitest';
import { coveredMs, createSpanRecorder, formatSpans, noSpans, sumSpans } from './spans';

describe('timing spans', () => {
  it('records timed work on the injected clock, with bytes from the result', async () => {
    let t = 100;
    const rec = createSpanRecorder(() => t);
    const v = await rec.time(
      'encode',
      async () => {
        t += 7;
        return new Uint8Array(40);
      },
      (b) => b.length,
    );
    expect(v.length).toBe(40);
    rec.add('write', 107, 110);
    expect(rec.spans).toEqual([
      { name: 'encode', start: 100, end: 107, bytes: 40 },
      { name: 'write', start: 107, end: 110 },
    ]);
  });

  it('noSpans runs the work and keeps nothing', async () => {
    expect(await noSpans.time('x', () => 5)).toBe(5);
    noSpans.add('y', 0, 1);
    expect(noSpans.spans).toEqual([]);
  });

  it('sums by name prefix, and counts overlapping time once', () => {
    const spans = [
      { name: 'main: patch encode #0', start: 0, end: 10 },
      { name: 'main: patch encode #1', start: 5, end: 20 },
      { name: 'server', start: 30, end: 40 },
      { name: 'server', start: 35, end: 45 },
      { name: 'server', start: 50, end: 52 },
    ];
    expect(sumSpans(spans, 'main: patch encode')).toBe(25);
    expect(coveredMs(spans, 'main: patch encode')).toBe(20);
    expect(coveredMs(spans, 'server')).toBe(17);
    expect(coveredMs(spans, 'nothing')).toBe(0);
  });

  it('formats a table in start order with offsets from t0 and sizes', () => {
    const text = formatSpans(
      [
        { name: 'b', start: 1010, end: 1030, bytes: 3 * 2 ** 20 },
        { name: 'a', start: 1000, end: 1004.5, bytes: 2048 },
      ],
      1000,
    );
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^a\s+\+\s*0\.0 ms\s+4\.5 ms\s+2\.0 kB$/);
    expect(lines[1]).toMatch(/^b\s+\+\s*10\.0 ms\s+20\.0 ms\s+3\.00 MB$/);
  });
});
