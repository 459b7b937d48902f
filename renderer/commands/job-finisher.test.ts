/**
 * renderer/commands/job-finisher.ts with a fake main whose result answers the test releases one by
 * one, so events and answers arrive in the orders the two channels allow, and timers that tick only
 * when told.
 */
import { describe, expect, it } from 'vitest';
import type { JobProgress, JobResult } from '../../shared/ipc/contract-types';
import { createJobFinisher, type EndedResult } from './job-finisher';

function setup() {
  /** main's state of each job, read when a fetch is asked (not when it is answered). */
  const state = new Map<string, JobResult>();
  const pending: Array<() => void> = [];
  const asked: string[] = [];
  const ended: Array<[string, EndedResult]> = [];
  const lost: string[] = [];
  const ticks = new Map<number, () => void>();
  let id = 0;
  const finisher = createJobFinisher({
    result: (jobId) => {
      asked.push(jobId);
      const r = state.get(jobId) ?? { state: 'running', fraction: 0.5 };
      return new Promise((resolve) => pending.push(() => resolve(r)));
    },
    ended: (jobId, r) => {
      ended.push([jobId, r]);
    },
    lost: (jobId) => lost.push(jobId),
    timers: {
      setInterval: (fn) => {
        ticks.set(++id, fn);
        return id;
      },
      clearInterval: (h) => ticks.delete(h as number),
    },
  });
  const settle = () => new Promise((r) => setTimeout(r, 0));
  /** Delivers the oldest unanswered result answer. */
  const answer = async () => {
    pending.shift()?.();
    await settle();
  };
  const failed: JobResult = { state: 'failed', error: { kind: 'server', message: 'HTTP 500' } };
  const event = (jobId: string, stage: string, fraction = 1): JobProgress => ({ jobId, stage, fraction });
  return { finisher, state, pending, asked, ended, lost, ticks, answer, settle, failed, event };
}

describe('job finisher', () => {
  it('a job whose last event overtakes the answer "running" to the first check still ends, without the poll', async () => {
    const t = setup();
    t.finisher.follow('j1');
    expect(t.asked).toEqual(['j1']); // asked while the job still runs in main…
    t.state.set('j1', t.failed); // …it fails at once…
    t.finisher.progress(t.event('j1', 'failed')); // …and its last event arrives before the answer
    await t.answer(); // "running"
    expect(t.asked).toEqual(['j1', 'j1']);
    await t.answer();
    expect(t.ended).toEqual([['j1', t.failed]]);
    expect(t.ticks.size).toBe(0); // nothing left to follow: the poll stopped
  });

  it('a job that ends after a 100 % event answered "running" is fetched at its last event', async () => {
    const t = setup();
    t.finisher.follow('j1');
    await t.answer();
    t.finisher.progress(t.event('j1', 'Compositing', 1));
    await t.answer(); // still running
    expect(t.ended).toEqual([]);
    t.state.set('j1', { state: 'done', candidates: [] });
    t.finisher.progress(t.event('j1', 'done'));
    await t.answer();
    expect(t.ended).toEqual([['j1', { state: 'done', candidates: [] }]]);
  });

  it('progress below 100 % fetches nothing; an event for a job not followed is ignored', async () => {
    const t = setup();
    t.finisher.follow('j1');
    await t.answer();
    t.finisher.progress(t.event('j1', 'Generating', 0.4));
    t.finisher.progress(t.event('other', 'done'));
    expect(t.asked).toEqual(['j1']);
  });

  it('a lost last event: the poll fetches the result; one fetch per job at a time', async () => {
    const t = setup();
    t.finisher.follow('j1');
    t.finisher.follow('j2');
    await t.answer();
    await t.answer();
    t.state.set('j1', t.failed);
    t.state.set('j2', { state: 'cancelled' });
    for (const tick of t.ticks.values()) tick();
    for (const tick of t.ticks.values()) tick(); // a second tick while both fetches are in flight asks nothing more
    expect(t.asked).toEqual(['j1', 'j2', 'j1', 'j2']);
    await t.answer();
    await t.answer();
    expect(t.ended.map(([id, r]) => [id, r.state])).toEqual([
      ['j1', 'failed'],
      ['j2', 'cancelled'],
    ]);
    expect(t.pending).toHaveLength(0);
    expect(t.ticks.size).toBe(0);
  });

  it('each job ends once, even when its last event and the poll both ask', async () => {
    const t = setup();
    t.state.set('j1', t.failed);
    t.finisher.follow('j1');
    await t.answer(); // the first check finds the job already ended
    t.finisher.progress(t.event('j1', 'failed'));
    for (const tick of t.ticks.values()) tick();
    await t.settle();
    expect(t.ended).toHaveLength(1);
    expect(t.asked).toEqual(['j1']);
  });

  it('a fetch that throws, or an `ended` that throws, reports the job lost once', async () => {
    const lost: string[] = [];
    const f = createJobFinisher({
      result: async (jobId) => {
        if (jobId === 'bad') throw new Error('No such job');
        return { state: 'cancelled' };
      },
      ended: () => {
        throw new Error('could not stage');
      },
      lost: (jobId) => lost.push(jobId),
      timers: { setInterval: () => 1, clearInterval: () => {} },
    });
    f.follow('bad');
    f.follow('ok');
    await new Promise((r) => setTimeout(r, 0));
    expect(lost.sort()).toEqual(['bad', 'ok']);
    expect(f.isFollowed('bad') || f.isFollowed('ok')).toBe(false);
  });

  it('clear() stops following: an answer arriving afterwards hands nothing over', async () => {
    const t = setup();
    t.finisher.follow('j1');
    t.state.set('j1', t.failed);
    t.finisher.clear();
    await t.answer();
    expect(t.ended).toEqual([]);
    expect(t.ticks.size).toBe(0);
  });
});
