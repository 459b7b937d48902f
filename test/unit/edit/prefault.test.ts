import { describe, expect, it } from 'vitest';
import { prefaultRects } from '../../../electron/main/edit/prefault';
import { afterCritical, holdCritical } from '../../../electron/main/edit/critical-work';

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

  it('waits while a critical stretch is open (an answer being made into the next request) and goes on when the last one closes', async () => {
    const width = 4096;
    const first = holdCritical();
    const second = holdCritical();
    let finished = false;
    const run = prefaultRects(new Uint8Array(width * 1024 * 4), width, []).then(() => (finished = true));
    // Sixteen 1 MB slices would be done in well under this; held, it stops after its first slice.
    await new Promise((r) => setTimeout(r, 150));
    expect(finished).toBe(false);
    first();
    first(); // closing twice counts once
    await new Promise((r) => setTimeout(r, 50));
    expect(finished).toBe(false);
    second();
    await run;
    expect(finished).toBe(true);
    // Nothing open: no wait.
    let now = false;
    await afterCritical().then(() => (now = true));
    expect(now).toBe(true);
  });
});
