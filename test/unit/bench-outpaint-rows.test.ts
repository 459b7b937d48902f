/**
 * The outpaint rows of `npm run bench -- --only edit-time` (issue 16): the tile prepared before
 * Ctrl+Enter, the tile whose Ctrl+Enter comes soon after a change (the wait for the preparation under
 * way counted) and the chained tile are goals of 150 ms; the tile with preparing off is the work the
 * preparation moves before Ctrl+Enter, reported beside them and never counted as a goal met or missed.
 */
import { describe, expect, it } from 'vitest';
import { outpaintTileRow, type OutpaintSample } from '../../bench/ratios/edit-time-outpaint';
import { formatRatioTable } from '../../bench/ratios/ratio';

const sample = (own: number, wait = 0): OutpaintSample => ({
  totalMs: 900,
  serverMs: 500,
  tiles: 1,
  tileOwnMs: [own],
  spans: [{ name: 'main: preparation wait', start: 0, end: wait }],
  floorMs: { request: 45, answer: 60 },
});

describe('the outpaint tile rows', () => {
  it('prepared and after a change are goals (with the request floor for the latter); preparing off is reported', () => {
    const prepared = outpaintTileRow([sample(120), sample(100)]);
    const hand = outpaintTileRow([sample(150, 30), sample(170, 50)], true, 'wide', 250);
    const off = outpaintTileRow([sample(230), sample(210)], false);
    expect([prepared.id, hand.id, off.id]).toEqual(['outpaint-tile', 'outpaint-tile-hand', 'outpaint-tile-unprepared']);
    expect([prepared.goal, hand.goal, off.goal]).toEqual([undefined, undefined, false]);
    expect(prepared.floorValue).toBe(60);
    expect(hand.floorValue).toBe(105); // its request may still be in the making at Ctrl+Enter
    expect(hand.pass).toBe(false); // a median of 160 ms
    expect(hand.measure).toContain('250 ms after a change');
    const table = formatRatioTable([prepared, hand, off], 'today');
    const result = (id: string) => table.split('\n').find((l) => l.includes(id === 'off' ? 'preparing off' : id))!;
    expect(result('off')).toContain('| reported');
    expect(result('250 ms after')).toContain('| FAIL');
    expect(result('prepared before Ctrl+Enter')).toContain('| PASS');
  });
});
