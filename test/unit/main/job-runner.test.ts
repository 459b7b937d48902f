/**
 * electron/main/jobs/job-runner.ts: bounded concurrency, cancellation through the AbortSignal,
 * monotonic progress events, failures reported with their AppError info, results handed out once.
 */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import type { JobProgress } from '../../../shared/ipc/contract-types';
import { JobRunner, type JobContext } from '../../../electron/main/jobs/job-runner';
import { registerSecret } from '../../../electron/main/services/redact';

function deferred<T = void>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('JobRunner', () => {
  it('honours the concurrency bound: 3 jobs with max 2 → the third starts only when one finishes', async () => {
    const runner = new JobRunner(2);
    let running = 0;
    let maxRunning = 0;
    const started: number[] = [];
    const gates = [deferred(), deferred(), deferred()];
    const ids = gates.map((gate, i) =>
      runner.start(
        async () => {
          started.push(i);
          running++;
          maxRunning = Math.max(maxRunning, running);
          await gate.promise;
          running--;
          return [];
        },
        () => {},
      ),
    );
    await tick();
    expect(started).toEqual([0, 1]);
    expect(runner.result(ids[2])).toEqual({ state: 'running', fraction: 0 });
    gates[1].resolve();
    await runner.wait(ids[1]);
    await tick();
    expect(started).toEqual([0, 1, 2]);
    gates[0].resolve();
    gates[2].resolve();
    await Promise.all(ids.map((id) => runner.wait(id)));
    expect(maxRunning).toBe(2);
    for (const id of ids) expect(runner.result(id)).toEqual({ state: 'done', candidates: [] });
  });

  it('cancel → state cancelled, the job saw signal.aborted, no candidates', async () => {
    const runner = new JobRunner(2);
    let sawAborted = false;
    const entered = deferred();
    const events: JobProgress[] = [];
    const id = runner.start(
      async ({ signal }: JobContext) => {
        entered.resolve();
        await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
        sawAborted = signal.aborted;
        return [{ index: 0 } as never]; // returned after the abort: must be discarded
      },
      (p) => events.push(p),
    );
    await entered.promise;
    expect(runner.cancel(id)).toBe(true);
    expect(await runner.wait(id)).toEqual({ state: 'cancelled' });
    expect(sawAborted).toBe(true);
    expect(events.at(-1)).toMatchObject({ jobId: id, stage: 'cancelled' });
    expect(runner.cancel(id)).toBe(false); // already over
    expect(runner.cancel('no-such-job')).toBe(false);
  });

  it('a job that keeps what it made before the cancel (keepOnCancel) ends done with it; with nothing made, cancelled', async () => {
    const runner = new JobRunner(2);
    const start = (made: number) => {
      const entered = deferred();
      const id = runner.start(
        async ({ signal, keepOnCancel }: JobContext) => {
          entered.resolve();
          await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
          keepOnCancel?.();
          return Array.from({ length: made }, (_, index) => ({ index }) as never);
        },
        () => {},
      );
      return { id, entered: entered.promise };
    };
    const kept = start(1);
    await kept.entered;
    runner.cancel(kept.id);
    // Said kept on a cancel (the renderer said "No candidate reads … right", no word of the cancel).
    expect(await runner.wait(kept.id)).toEqual({ state: 'done', candidates: [{ index: 0 }], keptOnCancel: true });
    const none = start(0);
    await none.entered;
    runner.cancel(none.id);
    expect(await runner.wait(none.id)).toEqual({ state: 'cancelled' });
    // What the ledger counted comes with what was kept: the cancelled retry's own request has no candidate.
    const entered = deferred();
    const paid = runner.start(
      async ({ signal, keepOnCancel, spent }: JobContext) => {
        spent?.(0.03, 1);
        spent?.(0.03, 1);
        entered.resolve();
        await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
        keepOnCancel?.();
        return [{ index: 0, costUsd: 0.03 }] as never;
      },
      () => {},
    );
    await entered.promise;
    runner.cancel(paid);
    expect(await runner.wait(paid)).toEqual({
      state: 'done',
      candidates: [{ index: 0, costUsd: 0.03 }],
      keptOnCancel: true,
      spentUsd: 0.06,
      spentRequests: 2,
    });
  });

  it('a job cancelled while queued never runs', async () => {
    const runner = new JobRunner(1);
    const gate = deferred();
    let secondRan = false;
    const first = runner.start(
      async () => {
        await gate.promise;
        return [];
      },
      () => {},
    );
    const second = runner.start(
      async () => {
        secondRan = true;
        return [];
      },
      () => {},
    );
    expect(runner.cancel(second)).toBe(true);
    gate.resolve();
    await runner.wait(first);
    expect(await runner.wait(second)).toEqual({ state: 'cancelled' });
    expect(secondRan).toBe(false);
  });

  it('progress events are monotonic, clamped to 0..1, and end with 1 / done', async () => {
    const runner = new JobRunner(2);
    const events: JobProgress[] = [];
    const id = runner.start(
      async ({ progress }) => {
        for (const f of [-0.5, 0, 0.1, 0.25, 0.25, 0.6, 0.9, 1.7]) {
          progress(f, `step ${f}`);
          await tick();
        }
        return [];
      },
      (p) => events.push(p),
    );
    await runner.wait(id);
    const fractions = events.map((e) => e.fraction);
    expect(fractions.length).toBeGreaterThanOrEqual(8);
    for (let i = 1; i < fractions.length; i++) expect(fractions[i]).toBeGreaterThanOrEqual(fractions[i - 1]);
    expect(Math.min(...fractions)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...fractions)).toBeLessThanOrEqual(1);
    expect(events.at(-1)).toEqual({ jobId: id, fraction: 1, stage: 'done' });
    expect(events.every((e) => e.jobId === id)).toBe(true);
  });

  it('progress never moves backwards, even when the job reports a lower fraction (e.g. tiles finishing out of order)', async () => {
    const runner = new JobRunner(2);
    const events: JobProgress[] = [];
    const id = runner.start(
      async ({ progress }) => {
        progress(0.6, 'tile 2 of 3');
        progress(0.3, 'tile 1 of 3');
        progress(0.9, 'tile 3 of 3');
        return [];
      },
      (p) => events.push(p),
    );
    await runner.wait(id);
    const fractions = events.map((e) => e.fraction);
    for (let i = 1; i < fractions.length; i++)
      expect(fractions[i], `events ${fractions.join(' → ')}`).toBeGreaterThanOrEqual(fractions[i - 1]);
  });

  it('a failed job → state failed with the AppError info; a plain Error → internal', async () => {
    const runner = new JobRunner(2);
    const info = { kind: 'moderation' as const, message: 'The provider refused this prompt.', model: 'gpt-image-1', requestId: 'req_9' };
    const events: JobProgress[] = [];
    const a = runner.start(
      async () => {
        throw new AppError(info);
      },
      (p) => events.push(p),
    );
    expect(await runner.wait(a)).toEqual({ state: 'failed', error: info });
    expect(events.at(-1)).toMatchObject({ jobId: a, stage: 'failed', fraction: 1 });
    const b = runner.start(
      async () => {
        throw new Error('socket hang up');
      },
      () => {},
    );
    expect(await runner.wait(b)).toEqual({ state: 'failed', error: { kind: 'internal', message: 'socket hang up' } });
  });

  it('a failed job says what its requests cost and how many they were (sent minus rejected); one that spent nothing says nothing', async () => {
    const runner = new JobRunner(2);
    const a = runner.start(
      async ({ spent }) => {
        spent?.(0.04, 2);
        spent?.(0.02, 1);
        spent?.(-0.02, -1); // the service rejected that one outright
        throw new AppError({ kind: 'server', message: 'No image.' });
      },
      () => {},
    );
    expect(await runner.wait(a)).toEqual({
      state: 'failed',
      error: { kind: 'server', message: 'No image.' },
      spentUsd: 0.04,
      spentRequests: 2,
    });
    const b = runner.start(
      async ({ spent }) => {
        spent?.(0.03);
        spent?.(-0.03);
        throw new AppError({ kind: 'auth', message: 'Bad key.' });
      },
      () => {},
    );
    expect(await runner.wait(b)).toEqual({ state: 'failed', error: { kind: 'auth', message: 'Bad key.' } });
  });

  it('a failed job does not leak a key through its error message (job:result goes to the renderer)', async () => {
    const runner = new JobRunner(2);
    const key = 'gatewayKey_JR_4455zz';
    registerSecret(key);
    const id = runner.start(
      async () => {
        throw new Error(`401 Incorrect API key provided: ${key} (and sk-live-abcdefghijklmnop)`);
      },
      () => {},
    );
    const r = await runner.wait(id);
    expect(r.state).toBe('failed');
    const message = r.state === 'failed' ? r.error.message : '';
    expect(message).not.toContain(key);
    expect(message).not.toContain('sk-live-abcdefghijklmnop');
  });

  it('a finished result is handed out once and then forgotten; a running one is not', async () => {
    const runner = new JobRunner(2);
    const gate = deferred();
    const id = runner.start(
      async () => {
        await gate.promise;
        return [];
      },
      () => {},
    );
    expect(runner.result(id).state).toBe('running');
    expect(runner.result(id).state).toBe('running');
    gate.resolve();
    await runner.wait(id);
    expect(runner.result(id)).toEqual({ state: 'done', candidates: [] });
    expect(() => runner.result(id)).toThrowError(expect.objectContaining({ kind: 'not-found' }));
    expect(() => runner.result('never-existed')).toThrow(AppError);
  });

  it('sends pixels ahead as a progress event, and leaves out of the result the ones the caller has', async () => {
    const runner = new JobRunner(2);
    const events: JobProgress[] = [];
    const px = (n: number) => ({ rect: { x: 0, y: 0, width: 1, height: 1 }, rgba: new Uint8Array([n, n, n, 255]) });
    const cand = (index: number) => ({
      index,
      model: 'm',
      assetId: `patch-${index}`,
      pixels: px(index),
      region: { x: 0, y: 0, width: 2, height: 2 },
      requestSize: { width: 2, height: 2 },
      costUsd: 0,
      seconds: 0,
    });
    const id = runner.start(
      async ({ progress, patchReady }) => {
        progress(0.5, 'Compositing');
        patchReady?.({ candidate: 0, size: { width: 2, height: 2 }, pixels: px(0) });
        return [cand(0), cand(1)];
      },
      (p) => events.push(p),
    );
    await runner.wait(id);
    const early = events.find((e) => e.patch);
    expect(early).toMatchObject({ jobId: id, fraction: 0.5, stage: 'Compositing', patch: { candidate: 0, size: { width: 2, height: 2 } } });
    expect([...early!.patch!.pixels.rgba]).toEqual([0, 0, 0, 255]);
    const r = runner.result(id, [0]);
    expect(r.state).toBe('done');
    if (r.state !== 'done') return;
    expect(r.candidates[0].pixels).toBeUndefined();
    expect(r.candidates[0].assetId).toBe('patch-0');
    expect([...r.candidates[1].pixels!.rgba]).toEqual([1, 1, 1, 255]);
  });

  it('sends no pixels ahead for a cancelled job', async () => {
    const runner = new JobRunner(2);
    const events: JobProgress[] = [];
    const gate = deferred();
    const id = runner.start(
      async ({ patchReady }) => {
        await gate.promise;
        patchReady?.({
          candidate: 0,
          size: { width: 1, height: 1 },
          pixels: { rect: { x: 0, y: 0, width: 1, height: 1 }, rgba: new Uint8Array(4) },
        });
        return [];
      },
      (p) => events.push(p),
    );
    await tick();
    runner.cancel(id);
    gate.resolve();
    await runner.wait(id);
    expect(events.some((e) => e.patch)).toBe(false);
    expect(runner.result(id)).toEqual({ state: 'cancelled' });
  });
});
