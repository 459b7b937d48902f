/**
 * `engine:warm` (issue 13): before Generate, main has an engine worker run a small warm-up fill and
 * wait idle for the retoucher's first fill — one at most, never while a fill runs; the IPC refuses a
 * malformed ask. Uses the built worker (out/main/local-worker.js, `npm run build:main`).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { runFillInWorker, warmLocalEngine } from '../../../electron/main/providers/local-provider';
import { closeIdleEngineWorkers, engineWorkerState, setIdleTimesForTests } from '../../../electron/main/providers/local-worker-pool';
import { dispatch, type HandlerTable } from '../../../electron/main/ipc/dispatch';
import { createHandlers } from '../../../electron/main/ipc/handlers';
import type { MainServices } from '../../../electron/main/create-services';
import { syntheticFill as synthetic } from './synthetic-fill';

const built = existsSync(resolve(__dirname, '../../../out/main/local-worker.js'));

async function warmedUp(): Promise<void> {
  const until = Date.now() + 30_000;
  while (engineWorkerState().warming > 0) {
    if (Date.now() > until) throw new Error('the warm-up did not finish');
    await new Promise((r) => setTimeout(r, 10));
  }
}

afterEach(async () => {
  setIdleTimesForTests();
  await closeIdleEngineWorkers();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.runIf(built)('idle engine workers', () => {
  it('the last idle worker stays warm longer than the others, then goes too', async () => {
    await closeIdleEngineWorkers();
    setIdleTimesForTests(150, 1500);
    // Two fills at once leave two warm workers idle.
    const a = synthetic(120, 90);
    const b = synthetic(120, 90);
    await Promise.all([
      runFillInWorker({ width: 120, height: 90, rgba: a.rgba, mask: a.mask, seed: 1 }, new AbortController().signal),
      runFillInWorker({ width: 120, height: 90, rgba: b.rgba, mask: b.mask, seed: 2 }, new AbortController().signal),
    ]);
    expect(engineWorkerState().idle).toBe(2);
    // After the short idle time one of them is let go; the last one stays (without the rule: none).
    await sleep(600);
    expect(engineWorkerState().idle).toBe(1);
    // …until its longer time is up.
    const until = Date.now() + 10_000;
    while (engineWorkerState().idle > 0 && Date.now() < until) await sleep(50);
    expect(engineWorkerState().idle).toBe(0);
  });

  it('a worker kept idle for long ends its lane helper; its next split fill starts a new one and gives the same bytes', async () => {
    await closeIdleEngineWorkers();
    setIdleTimesForTests(100, 60_000);
    const before = process.env.MASKWORK_ENGINE_LANE_START;
    process.env.MASKWORK_ENGINE_LANE_START = '0'; // read by the fresh worker: every split level goes to the helper
    try {
      const { rgba, mask } = synthetic(480, 420);
      const laneFill = async () => {
        let passes = -1;
        const out = await runFillInWorker(
          { width: 480, height: 420, rgba: rgba.slice(), mask, seed: 2, lanes: true },
          new AbortController().signal,
          undefined,
          (w) =>
            w.on('message', (m: { type: string; lanePasses?: number }) => {
              if (m.type === 'done') passes = m.lanePasses ?? -1;
            }),
        );
        return { out, passes };
      };
      const first = await laneFill();
      expect(first.passes).toBeGreaterThanOrEqual(3);
      await sleep(400); // past the short idle time: kept as the last one, helper ended
      expect(engineWorkerState().idle).toBe(1);
      const second = await laneFill();
      expect(second.passes).toBeGreaterThanOrEqual(3);
      expect(Buffer.from(second.out).equals(Buffer.from(first.out))).toBe(true);
    } finally {
      if (before === undefined) delete process.env.MASKWORK_ENGINE_LANE_START;
      else process.env.MASKWORK_ENGINE_LANE_START = before;
    }
  });

  /** A 480 × 420 fill with lanes (a 160 × 140 hole: split levels, below the helper's start threshold) and the helper's pass count. */
  async function splitFill(seed = 2): Promise<{ out: Uint8Array; passes: number }> {
    const { rgba, mask } = synthetic(480, 420);
    let passes = -1;
    const out = await runFillInWorker(
      { width: 480, height: 420, rgba: rgba.slice(), mask, seed, lanes: true },
      new AbortController().signal,
      undefined,
      (w) =>
        w.on('message', (m: { type: string; lanePasses?: number }) => {
          if (m.type === 'done') passes = m.lanePasses ?? -1;
        }),
    );
    return { out, passes };
  }

  it('the warm-up also starts and warms the lane helper: the next split fill runs half on it, same bytes as one thread', async () => {
    await closeIdleEngineWorkers();
    const threads = process.env.MASKWORK_ENGINE_THREADS;
    process.env.MASKWORK_ENGINE_THREADS = '2';
    try {
      const cold = await splitFill(); // a fresh worker: no helper below the start threshold
      expect(cold.passes).toBe(0);
      await closeIdleEngineWorkers();
      expect(warmLocalEngine()).toBe('started');
      await warmedUp();
      const warm = await splitFill();
      expect(warm.passes).toBeGreaterThanOrEqual(3);
      expect(Buffer.from(warm.out).equals(Buffer.from(cold.out))).toBe(true);
      // With one thread to use the warm-up leaves the helper alone.
      await closeIdleEngineWorkers();
      process.env.MASKWORK_ENGINE_THREADS = '1';
      expect(warmLocalEngine()).toBe('started');
      await warmedUp();
      expect((await splitFill()).passes).toBe(0);
    } finally {
      if (threads === undefined) delete process.env.MASKWORK_ENGINE_THREADS;
      else process.env.MASKWORK_ENGINE_THREADS = threads;
    }
  });

  it('an ask for an idle worker whose helper was trimmed starts the helper again', async () => {
    await closeIdleEngineWorkers();
    setIdleTimesForTests(100, 60_000);
    const threads = process.env.MASKWORK_ENGINE_THREADS;
    process.env.MASKWORK_ENGINE_THREADS = '2';
    try {
      expect(warmLocalEngine()).toBe('started');
      await warmedUp();
      await sleep(400); // past the short idle time: kept as the last one, helper ended
      expect(engineWorkerState().idle).toBe(1);
      expect(warmLocalEngine()).toBe('warm');
      expect((await splitFill()).passes).toBeGreaterThanOrEqual(3);
    } finally {
      if (threads === undefined) delete process.env.MASKWORK_ENGINE_THREADS;
      else process.env.MASKWORK_ENGINE_THREADS = threads;
    }
  });

  it('a warm-up worker is the last one idle too: it stays past the short idle time', async () => {
    await closeIdleEngineWorkers();
    setIdleTimesForTests(100, 60_000);
    expect(warmLocalEngine()).toBe('started');
    await warmedUp();
    await sleep(500);
    expect(engineWorkerState()).toEqual({ idle: 1, warming: 0, busy: 0 });
    expect(warmLocalEngine()).toBe('warm');
  });
});

describe.runIf(built)('warm engine worker before Generate', () => {
  it('an ask starts one worker that runs its warm-up and then waits idle; the next fill takes it', async () => {
    await closeIdleEngineWorkers();
    expect(engineWorkerState()).toEqual({ idle: 0, warming: 0, busy: 0 });
    expect(warmLocalEngine()).toBe('started');
    expect(engineWorkerState()).toEqual({ idle: 1, warming: 1, busy: 0 });
    await warmedUp();
    expect(engineWorkerState()).toEqual({ idle: 1, warming: 0, busy: 0 });
    // The fill takes the warm worker (no new one: nothing idle left while it runs) and hands it back.
    const { rgba, mask } = synthetic(120, 90);
    let during: ReturnType<typeof engineWorkerState> | null = null;
    const out = await runFillInWorker({ width: 120, height: 90, rgba, mask, seed: 1 }, new AbortController().signal, undefined, () => {
      during = engineWorkerState();
    });
    expect(out.length).toBe(rgba.length);
    expect(during).toEqual({ idle: 0, warming: 0, busy: 1 });
    expect(engineWorkerState()).toEqual({ idle: 1, warming: 0, busy: 0 });
  });

  it('a second ask while one is warming or warm does nothing', async () => {
    await closeIdleEngineWorkers();
    expect(warmLocalEngine()).toBe('started');
    expect(warmLocalEngine()).toBe('warming');
    expect(engineWorkerState().idle).toBe(1);
    await warmedUp();
    expect(warmLocalEngine()).toBe('warm');
    expect(warmLocalEngine()).toBe('warm');
    expect(engineWorkerState()).toEqual({ idle: 1, warming: 0, busy: 0 });
  });

  it('does nothing while a fill runs', async () => {
    await closeIdleEngineWorkers();
    const { rgba, mask } = synthetic(400, 300);
    let answer = '';
    let during: ReturnType<typeof engineWorkerState> | null = null;
    await runFillInWorker({ width: 400, height: 300, rgba, mask, seed: 1 }, new AbortController().signal, undefined, () => {
      answer = warmLocalEngine();
      during = engineWorkerState();
    });
    expect(answer).toBe('busy');
    expect(during).toEqual({ idle: 0, warming: 0, busy: 1 });
    // The fill's worker is kept warm afterwards, so a later ask finds it.
    expect(engineWorkerState()).toEqual({ idle: 1, warming: 0, busy: 0 });
    expect(warmLocalEngine()).toBe('warm');
  });

  it('a fill asked during the warm-up takes that worker and gets its own result, not the warm-up’s', async () => {
    await closeIdleEngineWorkers();
    expect(warmLocalEngine()).toBe('started');
    const { rgba, mask } = synthetic(120, 90);
    let during: ReturnType<typeof engineWorkerState> | null = null;
    const out = await runFillInWorker(
      { width: 120, height: 90, rgba: rgba.slice(), mask, seed: 1 },
      new AbortController().signal,
      undefined,
      () => {
        during = engineWorkerState();
      },
    );
    expect(during).toEqual({ idle: 0, warming: 0, busy: 1 });
    expect(out.length).toBe(rgba.length);
    let outside = 0;
    for (let i = 0; i < mask.length; i++) if (!mask[i] && out[i * 4] !== rgba[i * 4]) outside++;
    expect(outside).toBe(0);
    expect(engineWorkerState()).toEqual({ idle: 1, warming: 0, busy: 0 });
  });

  it('MASKWORK_ENGINE_WARM=0 (no worker reuse) starts nothing', async () => {
    await closeIdleEngineWorkers();
    process.env.MASKWORK_ENGINE_WARM = '0';
    try {
      expect(warmLocalEngine()).toBe('off');
      expect(engineWorkerState()).toEqual({ idle: 0, warming: 0, busy: 0 });
    } finally {
      delete process.env.MASKWORK_ENGINE_WARM;
    }
  });
});

describe('engine:warm over IPC', () => {
  const ctx = { emit: () => {} };
  it('refuses a malformed ask before any work', async () => {
    const calls: unknown[] = [];
    const table = {
      'engine:warm': async (req: unknown) => {
        calls.push(req);
        return { state: 'warm' };
      },
    } as unknown as HandlerTable;
    for (const bad of [null, {}, { model: '' }, { model: 5 }, { model: 'local', extra: 1 }, { model: 'x'.repeat(201) }]) {
      const r = await dispatch(table, 'engine:warm', bad, ctx);
      expect(r).toMatchObject({ ok: false, error: { kind: 'validation' } });
    }
    expect(calls).toEqual([]);
    expect(await dispatch(table, 'engine:warm', { model: 'local' }, ctx)).toMatchObject({ ok: true });
    expect(calls).toEqual([{ model: 'local' }]);
  });

  it('does nothing for another model than the offline engine', async () => {
    await closeIdleEngineWorkers();
    const table = createHandlers({} as MainServices);
    for (const model of ['gpt-image-2', 'gateway:gw/m', 'no-such-model'])
      expect(await dispatch(table, 'engine:warm', { model }, ctx)).toEqual({ ok: true, value: { state: 'not-local' } });
    expect(engineWorkerState()).toEqual({ idle: 0, warming: 0, busy: 0 });
  });
});
