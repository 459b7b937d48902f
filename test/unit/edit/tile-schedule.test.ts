// electron/main/edit/tile-schedule.ts: a tile waits for every earlier tile it overlaps, and only for those.
import { describe, expect, it } from 'vitest';
import { runTiles } from '../../../electron/main/edit/tile-schedule';
import { longestChain, tileWaits } from '../../../shared/geometry';

const tile = (x: number, width: number) => ({ rect: { x, y: 0, width, height: 100 } });
// An 8:1 plan's shape: the centre, then its two sides (apart from each other), then a far edge after the right side.
const tiles = [tile(700, 770), tile(127, 768), tile(1280, 768), tile(0, 191)];

/** Runs the tiles with each taking `ms[i]`; returns the start/end log and the overlap of 1 and 2. */
async function trace(parallel: boolean, fail?: number) {
  const log: string[] = [];
  const seen: AbortSignal[] = [];
  const ms = [30, 60, 60, 30];
  const p = runTiles(
    tiles,
    async (i, _t, signal) => {
      seen[i] = signal;
      log.push(`start ${i}`);
      await new Promise((r) => setTimeout(r, ms[i]));
      if (i === fail) throw new Error(`tile ${i} failed`);
      if (signal.aborted) throw new Error(`tile ${i} cancelled`);
      log.push(`end ${i}`);
    },
    new AbortController().signal,
    parallel,
  );
  return { p, log, seen };
}

describe('the order of outpaint tiles', () => {
  it('a tile waits for the earlier tiles with area in common (touching edges do not count); the longest chain of waits', () => {
    expect(tileWaits(tiles)).toEqual([[], [0], [0], [1]]);
    const touching = [
      { rect: { x: 0, y: 0, width: 10, height: 10 } },
      { rect: { x: 10, y: 0, width: 5, height: 10 } },
      { rect: { x: 0, y: 10, width: 10, height: 5 } },
    ];
    expect(tileWaits(touching)).toEqual([[], [], []]);
    // Centre 5 s, sides 4 and 6 s, the far edge 3 s after the 4-s side: 5 + max(4 + 3, 6) = 12 (in order: 18).
    expect(longestChain(tiles, (i) => [5, 4, 6, 3][i])).toBe(12);
    expect(longestChain(touching, () => 2)).toBe(2);
    expect(longestChain([], () => 2)).toBe(0);
  });

  it('in parallel: the two sides start together once the centre is done; the far edge waits for its side only', async () => {
    const { p, log } = await trace(true);
    await p;
    expect(log.slice(0, 4)).toEqual(['start 0', 'end 0', 'start 1', 'start 2']);
    // Tile 3 overlaps tile 1 (x 127–895 and 0–191), not tile 2.
    expect(log.indexOf('start 3')).toBeGreaterThan(log.indexOf('end 1'));
    expect(log).toHaveLength(8);
  });

  it('one after the other in plan order when not parallel', async () => {
    const { p, log } = await trace(false);
    await p;
    expect(log).toEqual(['start 0', 'end 0', 'start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3']);
  });

  it('a tile that fails stops the others: the one in flight sees its signal aborted, a waiting one never starts', async () => {
    const { p, log, seen } = await trace(true, 1);
    await expect(p).rejects.toThrow('tile 1 failed');
    await new Promise((r) => setTimeout(r, 100));
    expect(seen[2].aborted).toBe(true);
    expect(log).not.toContain('end 2');
    expect(log).not.toContain('start 3');
  });
});

describe('the running outpaint names the tiles with the model', () => {
  it('one tile, or the tiles at once in order, with the candidate when there are several', async () => {
    const { tilesLabel } = await import('../../../electron/main/edit/outpaint-progress');
    expect(tilesLabel(new Map([[0, new Set([1])]]), 4, 1)).toBe('Tile 1 of 4');
    expect(tilesLabel(new Map([[0, new Set([3, 2])]]), 4, 1)).toBe('Tiles 2 and 3 of 4');
    expect(tilesLabel(new Map([[1, new Set([2, 3, 5])]]), 6, 2)).toBe('Tiles 2, 3 and 5 of 6, candidate 2 of 2');
  });

  it('candidates side by side: every one with a tile out is named', async () => {
    const { tilesLabel } = await import('../../../electron/main/edit/outpaint-progress');
    const both = new Map([
      [1, new Set([1])],
      [0, new Set([1])],
    ]);
    expect(tilesLabel(both, 1, 2)).toBe('The extension, candidates 1 and 2 of 2');
    // One tile for one candidate: no "Tile 1 of 1".
    expect(tilesLabel(new Map([[0, new Set([1])]]), 1, 1)).toBe('The extension');
    const apart = new Map([
      [0, new Set([2, 3])],
      [1, new Set([1])],
      [2, new Set<number>()],
    ]);
    expect(tilesLabel(apart, 4, 3)).toBe('Tiles 1, 2 and 3 of 4, candidates 1 and 2 of 3');
  });

  it('the bar is the candidates’ mean progress; Compositing waits for the last one', async () => {
    const { OutpaintProgress } = await import('../../../electron/main/edit/outpaint-progress');
    const { OUTPAINT_COMPOSITING, OUTPAINT_TILES } = await import('../../../electron/main/jobs/progress-steps');
    const bar = new OutpaintProgress(2, 2);
    bar.start(0, 0);
    bar.start(1, 0);
    expect(bar.fraction()).toBe(OUTPAINT_TILES.start);
    bar.advance(0, 0, 0.5); // candidate 1 is a quarter through its two tiles
    expect(bar.fraction()).toBeCloseTo(OUTPAINT_TILES.start + OUTPAINT_TILES.span * 0.125, 9);
    bar.end(0, 0);
    bar.start(0, 1);
    bar.end(0, 1);
    // Candidate 1 is done while candidate 2 is still out: the bar is halfway, the label names candidate 2.
    expect(bar.compositing(0)).toEqual({ fraction: OUTPAINT_TILES.start + OUTPAINT_TILES.span * 0.5, label: null });
    expect(bar.label()).toBe('Tile 1 of 2, candidate 2 of 2');
    bar.end(1, 0);
    bar.start(1, 1);
    bar.end(1, 1);
    expect(bar.compositing(1)).toEqual({ fraction: OUTPAINT_COMPOSITING, label: 'Compositing' });
  });
});
