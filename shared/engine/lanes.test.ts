import { describe, expect, it } from 'vitest';
import { inpaint } from './inpaint';
import { chunkRange, LANE_MIN_TARGETS, runLaneTask, type FillLanes, type LaneState, type LaneTask } from './lanes';
import { boxMask, changedOutside, makeImage, sameBytes } from './test-helpers';

/** Textured test photo. */
const img = makeImage(260, 240, (x, y) => [128 + 60 * Math.sin(x * 0.3) * Math.cos(y * 0.2), (x * 3 + y) & 255, (x ^ y) & 255]);
/** A hole whose finest level has more than LANE_MIN_TARGETS target patches. */
const mask = boxMask(260, 240, 60, 50, 210, 200);

/** Lanes that run the other chunk on this thread, after the local one, and record what happened. */
function recordingLanes() {
  const log = { shared: 0, tasks: [] as LaneTask['kind'][] };
  let state: LaneState | null = null;
  const lanes: FillLanes = {
    share: (s) => {
      state = s;
      log.shared++;
    },
    run: (task, local) => {
      log.tasks.push(task.kind);
      local();
      runLaneTask(state!, task, 1);
    },
  };
  return { lanes, log };
}

describe('lanes (the large levels on two threads)', () => {
  it('gives the same bytes with and without lanes, and the split passes run through them', () => {
    expect((150 + 6) * (150 + 6)).toBeGreaterThan(LANE_MIN_TARGETS);
    const { lanes, log } = recordingLanes();
    const plain = inpaint(img, mask, { seed: 2 });
    const split = inpaint(img, mask, { seed: 2, lanes });
    expect(sameBytes(plain, split)).toBe(true);
    expect(changedOutside(split, img, mask)).toBe(0);
    expect(log.shared).toBe(1);
    expect(log.tasks).toEqual(expect.arrayContaining(['vote', 'refresh', 'search']));
    // The state the other lane sees lives on SharedArrayBuffers.
  });

  it("also splits the coarser level of a large hole and the finish's detail blur, with the same bytes", () => {
    // 400 × 360 photo, 260 × 220 hole: the finest level has ~70 k targets, the next ~18 k + its border.
    const big = makeImage(400, 360, (x, y) => [
      128 + 60 * Math.sin(x * 0.21) * Math.cos(y * 0.17),
      (x * 5 + y * 3) & 255,
      (x ^ (y * 2)) & 255,
    ]);
    const hole = boxMask(400, 360, 40, 40, 340, 300);
    const { lanes, log } = recordingLanes();
    const plain = inpaint(big, hole, { seed: 3 });
    const split = inpaint(big, hole, { seed: 3, lanes });
    expect(sameBytes(plain, split)).toBe(true);
    expect(changedOutside(split, big, hole)).toBe(0);
    expect(log.shared).toBe(2); // two levels (the finest and the one above it)
    // The detail blur, and (this ring's hues cancel: meld-finish.ts) the melded vote's blur too.
    expect(log.tasks.filter((t) => t === 'blur').length).toBeGreaterThanOrEqual(1);
  });

  it('moves the shared arrays onto SharedArrayBuffers', () => {
    let seen: LaneState | null = null;
    inpaint(img, mask, {
      lanes: {
        share: (s) => {
          seen = s;
        },
        run: (task, local) => {
          local();
          runLaneTask(seen!, task, 1);
        },
      },
    });
    const s = seen as unknown as LaneState;
    for (const a of [s.pix, s.nnf, s.dist, s.weights, s.voted, s.targets, s.holes]) expect(a.buffer).toBeInstanceOf(SharedArrayBuffer);
  });

  it('does not split small holes', () => {
    const { lanes, log } = recordingLanes();
    inpaint(img, boxMask(260, 240, 100, 100, 130, 130), { lanes });
    expect(log.shared).toBe(0);
  });

  it('cuts ranges into disjoint, covering chunks', () => {
    expect([chunkRange(7, 0), chunkRange(7, 1)]).toEqual([
      [0, 3],
      [3, 7],
    ]);
  });
});
