/** The offline engine split over worker threads: job planning, and results equal to one fill per job. */
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { vi } from 'vitest';
import { inpaint } from '../../../shared/engine';
import { planFillJobs, runFillParallel } from '../../../electron/main/providers/local-parallel';

vi.mock('electron', () => ({}));

const built = existsSync(resolve(__dirname, '../../../out/main/local-worker.js'));

function image(w: number, h: number) {
  const rgba = new Uint8Array(w * h * 4);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) rgba.set([(x * 7) & 255, (y * 5) & 255, ((x ^ y) * 3) & 255, 255], (y * w + x) * 4);
  return rgba;
}

function rectMask(w: number, h: number, rects: [number, number, number, number][]) {
  const mask = new Uint8Array(w * h);
  for (const [x, y, rw, rh] of rects) for (let yy = y; yy < y + rh; yy++) mask.fill(255, yy * w + x, yy * w + x + rw);
  return mask;
}

describe('planFillJobs', () => {
  it('gives separate holes their own jobs and merges holes whose boxes interleave', () => {
    const w = 600,
      h = 200;
    const apart = planFillJobs(
      rectMask(w, h, [
        [10, 80, 20, 20],
        [60, 80, 20, 20],
        [560, 80, 20, 20],
      ]),
      w,
      h,
    );
    expect(apart).toHaveLength(3);
    // A U-shaped hole with a dot inside it: the dot's job would see the U as photo, so they merge.
    const u = planFillJobs(
      rectMask(w, h, [
        [10, 60, 5, 60],
        [10, 115, 60, 5],
        [65, 60, 5, 60],
        [35, 80, 6, 6],
      ]),
      w,
      h,
    );
    expect(u).toHaveLength(1);
    expect(u[0].holePixels).toBe(5 * 60 * 2 + 50 * 5 + 36);
    expect(planFillJobs(new Uint8Array(w * h), w, h)).toHaveLength(0);
  });

  it('splits a both-sides extension into one job per side, each keeping the original and none of the other side', () => {
    const w = 700,
      h = 800;
    const jobs = planFillJobs(
      rectMask(w, h, [
        [0, 0, 200, 800],
        [500, 0, 200, 800],
      ]),
      w,
      h,
    );
    expect(jobs).toHaveLength(2);
    const rects = jobs.map((j) => j.rect).sort((a, b) => a.x - b.x);
    expect(rects.map((r) => [r.x, r.width])).toEqual([
      [0, 500],
      [200, 500],
    ]);
  });
});

describe.runIf(built)('runFillParallel', () => {
  it('equals one inpaint per job, changes nothing outside the mask, and runs candidates with seed + i', async () => {
    const w = 400,
      h = 120;
    const rgba = image(w, h);
    const mask = rectMask(w, h, [
      [20, 40, 24, 24],
      [350, 50, 24, 24],
    ]);
    const progress: number[] = [];
    const [a, b] = await runFillParallel({ width: w, height: h, rgba, mask, seed: 3 }, 2, new AbortController().signal, (f) =>
      progress.push(f),
    );
    // Job 1 alone through the engine, same seed: same bytes in its hole.
    const single = inpaint({ width: w, height: h, data: rgba }, rectMask(w, h, [[20, 40, 24, 24]]), { seed: 3 });
    for (let y = 40; y < 64; y++)
      for (let x = 20; x < 44; x++) {
        const i = (y * w + x) * 4;
        expect([a[i], a[i + 1], a[i + 2]]).toEqual([single.data[i], single.data[i + 1], single.data[i + 2]]);
      }
    let outside = 0,
      differ = 0;
    for (let i = 0; i < mask.length; i++) {
      if (!mask[i] && (a[i * 4] !== rgba[i * 4] || b[i * 4 + 1] !== rgba[i * 4 + 1])) outside++;
      if (mask[i] && a[i * 4] !== b[i * 4]) differ++;
    }
    expect(outside).toBe(0);
    expect(differ).toBeGreaterThan(0); // candidate 2 used another seed
    expect(progress.at(-1)).toBe(1);
    for (let k = 1; k < progress.length; k++) expect(progress[k]).toBeGreaterThanOrEqual(progress[k - 1]);
  });

  it("reports the planning and the jobs' first small steps (start-up, crop), not only their main work", async () => {
    const w = 300,
      h = 600; // 600 rows: the planning reports every 256 rows
    const mask = rectMask(w, h, [[100, 200, 40, 40]]);
    const progress: number[] = [];
    await runFillParallel(
      { width: w, height: h, rgba: image(w, h), mask, seed: 1 },
      1,
      new AbortController().signal,
      (f) => progress.push(f),
      {
        heartbeat: false,
      },
    );
    expect(progress.filter((f) => f > 0 && f < 0.001).length).toBeGreaterThanOrEqual(2); // planning rows, outputs allocated
    // The job's start-up steps (copy, bounds, crop: < 0.1 % of its own progress) move the total too
    // (the worker posts the first of them at once, the rest every 1 % or 200 ms).
    expect(progress.filter((f) => f > 0.001 && f < 0.002).length).toBeGreaterThanOrEqual(1);
    for (let k = 1; k < progress.length; k++) expect(progress[k]).toBeGreaterThanOrEqual(progress[k - 1]);
    expect(progress.at(-1)).toBe(1);
  });

  it('splits a single hole over two threads (lanes) with the same bytes as one in-process fill', async () => {
    const before = process.env.MASKWORK_ENGINE_THREADS;
    process.env.MASKWORK_ENGINE_THREADS = '2'; // one job < two workers: the job uses lanes
    try {
      const w = 300,
        h = 260;
      const rgba = image(w, h);
      const mask = rectMask(w, h, [[70, 60, 160, 150]]); // > LANE_MIN_TARGETS target patches
      const [out] = await runFillParallel({ width: w, height: h, rgba, mask, seed: 5 }, 1, new AbortController().signal);
      const single = inpaint({ width: w, height: h, data: rgba }, mask, { seed: 5 });
      let differ = 0,
        changed = 0;
      for (let i = 0; i < out.length; i++) {
        if (out[i] !== single.data[i]) differ++;
        if (out[i] !== rgba[i]) changed++;
      }
      expect(changed).toBeGreaterThan(0);
      expect(differ).toBe(0);
    } finally {
      if (before === undefined) delete process.env.MASKWORK_ENGINE_THREADS;
      else process.env.MASKWORK_ENGINE_THREADS = before;
    }
  });

  it('a cancelled fill rejects with cancelled', async () => {
    const w = 1200,
      h = 800;
    const ac = new AbortController();
    const pending = runFillParallel(
      {
        width: w,
        height: h,
        rgba: image(w, h),
        mask: rectMask(w, h, [
          [100, 100, 300, 300],
          [800, 300, 300, 300],
        ]),
        seed: 1,
      },
      1,
      ac.signal,
    );
    setTimeout(() => ac.abort(), 100);
    await expect(pending).rejects.toMatchObject({ kind: 'cancelled' });
  });
});
