import { describe, expect, it } from 'vitest';
import { prefaultRects } from '../../../electron/main/edit/prefault';

describe('prefaultRects', () => {
  it('leaves every byte as it was, for rects in any place and a buffer that is a view at an odd offset', async () => {
    const width = 1001;
    const height = 700;
    const backing = new Uint8Array(width * height * 4 + 13);
    for (let i = 0; i < backing.length; i++) backing[i] = (i * 2654435761) >>> 24;
    const buf = backing.subarray(13);
    const before = backing.slice();
    await prefaultRects(buf, width, [
      { x: 900, y: 0, width: 101, height: 700 },
      { x: 0, y: 650, width: 1001, height: 50 },
    ]);
    expect(Buffer.from(backing).equals(Buffer.from(before))).toBe(true);
  });

  it('yields to the event loop between slices (an answer is handled on time) and stops once aborted', async () => {
    const width = 4096;
    const buf = new Uint8Array(width * 1024 * 4); // 16 MB: sixteen slices
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    await prefaultRects(buf, width, [{ x: 0, y: 0, width, height: 1024 }]);
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(0);
    const stop = new AbortController();
    const run = prefaultRects(new Uint8Array(width * 1024 * 4), width, [{ x: 0, y: 0, width, height: 1024 }], stop.signal);
    let finished = false;
    void run.then(() => (finished = true));
    stop.abort();
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    expect(finished).toBe(true);
  });
});
