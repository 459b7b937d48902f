import { beforeEach, describe, expect, it, vi } from 'vitest';
import { discardedMessage, ENDED_BEFORE_SECOND_ESC, escAfterJobEnded, escCancels, escHasWork, ESC_CONFIRM_MS } from './esc-cancel';
import { useEditor } from './store/store';
import type { JobState } from '../model/job-state';

const st = () => useEditor.getState();
const job = (model: string, jobId: string): JobState => ({
  jobId,
  kind: 'edit',
  docId: 'd',
  canvas: { width: 10, height: 10 },
  model,
  modelName: model === 'local' ? 'Offline fill' : 'GPT Image 2',
  prompt: '',
  startedAt: 1,
  fraction: 0,
  stage: '',
  phase: 'waiting',
  expected: null,
  previews: {},
  cancelling: false,
});
const infos = () => st().toasts.filter((t) => t.tone === 'info').length;

beforeEach(() => {
  st().setJob(null);
  st().setMultiRun(null);
});

const entry = (model: string, modelName: string, state: 'running' | 'done') => ({
  model,
  modelName,
  n: 1,
  jobId: `${model}-job`,
  state,
  fraction: 0,
});
const run = (id: number, entries: ReturnType<typeof entry>[]) => ({
  id,
  docId: 'd',
  canvas: { width: 10, height: 10 },
  prompt: 'p',
  startedAt: 1,
  entries,
});

describe('Esc while a job runs', () => {
  it('cancels a cloud job only at the second press within the time, telling how at the first', () => {
    st().setJob(job('gpt-image-2', 'j1'));
    const before = infos();
    expect(escCancels(st(), 1000)).toBe(false);
    expect(infos()).toBe(before + 1);
    expect(st().toasts.at(-1)?.message).toMatch(/Press Esc again within 3 s to cancel GPT Image 2: its request is sent/);
    expect(escCancels(st(), 1000 + ESC_CONFIRM_MS - 1)).toBe(true);
    // Answered, the "press again" message goes (it stayed over "Cancelled").
    const asking = () => st().toasts.filter((t) => /Press Esc again/.test(t.message)).length;
    expect(asking()).toBe(0);
    // Too late: the next press asks again — one message, not one more each time.
    expect(escCancels(st(), 10_000)).toBe(false);
    expect(escCancels(st(), 10_000 + ESC_CONFIRM_MS + 1)).toBe(false);
    expect(asking()).toBe(1);
    // A press armed for another job does not count for this one.
    st().setJob(job('gpt-image-2', 'j2'));
    expect(escCancels(st(), 10_000 + ESC_CONFIRM_MS + 2)).toBe(false);
  });

  it('takes the "press again" message away when the job ends or is cancelled before the second Esc', () => {
    const asking = () => st().toasts.filter((t) => /Press Esc again/.test(t.message)).length;
    st().setJob(job('gpt-image-2', 'j4'));
    expect(escCancels(st(), 50_000)).toBe(false);
    expect(asking()).toBe(1);
    st().setJob({ ...st().job!, fraction: 0.5 }); // progress: the same job, the message stays
    expect(asking()).toBe(1);
    st().setJob(null); // the result arrived
    expect(asking()).toBe(0);
    // Cancelled with the button while the message waits.
    st().setJob(job('gpt-image-2', 'j5'));
    expect(escCancels(st(), 60_000)).toBe(false);
    expect(asking()).toBe(1);
    st().setJob({ ...st().job!, cancelling: true });
    expect(asking()).toBe(0);
    // A new job after the first ended is not cancelled by one Esc.
    st().setJob(job('gpt-image-2', 'j6'));
    expect(escCancels(st(), 60_001)).toBe(false);
    expect(asking()).toBe(1);
  });

  it('cancels the offline engine at once (it costs nothing)', () => {
    st().setJob(job('local', 'j3'));
    expect(escCancels(st(), 5)).toBe(true);
  });
});

describe('the second Esc after the job it meant to cancel had finished', () => {
  it('says the candidates are in the strip instead of discarding them; the next Esc, or a late one, discards', () => {
    st().setJob(job('gpt-image-2', 'j9'));
    expect(escCancels(st(), performance.now())).toBe(false); // "Press Esc again to cancel…"
    st().setJob(null); // the result arrived before the second Esc
    expect(escAfterJobEnded(st())).toBe(true);
    expect(st().toasts.at(-1)?.message).toBe(ENDED_BEFORE_SECOND_ESC);
    expect(escAfterJobEnded(st())).toBe(false); // the next press discards
    // Too late after the end: Esc discards as always.
    st().setJob(job('gpt-image-2', 'j10'));
    escCancels(st(), performance.now());
    st().setJob(null);
    expect(escAfterJobEnded(st(), performance.now() + ESC_CONFIRM_MS + 1)).toBe(false);
    // A job that ended with no Esc waiting: nothing to say.
    st().setJob(job('gpt-image-2', 'j11'));
    st().setJob(null);
    expect(escAfterJobEnded(st())).toBe(false);
  });

  it('a job cancelled by the second Esc leaves nothing to say afterwards', () => {
    st().setJob(job('gpt-image-2', 'j12'));
    const t = performance.now();
    expect(escCancels(st(), t)).toBe(false);
    expect(escCancels(st(), t + 10)).toBe(true);
    st().setJob({ ...st().job!, cancelling: true });
    st().setJob(null);
    expect(escAfterJobEnded(st())).toBe(false);
  });
});

describe('Esc while several models work at once', () => {
  const asking = () => st().toasts.filter((t) => /Press Esc again within/.test(t.message));

  it('is work for Esc while a paid model still runs, asks first naming it, and cancels at the second press', () => {
    st().setMultiRun(run(1, [entry('local', 'Offline fill', 'done'), entry('gemini-3.1-flash-image', 'Nano Banana 2', 'running')]));
    expect(escHasWork(st())).toBe(true);
    expect(escCancels(st(), 70_000)).toBe(false);
    expect(asking().at(-1)?.message).toBe(
      'Press Esc again within 3 s to cancel Nano Banana 2: its request is sent and may be charged either way.',
    );
    expect(escCancels(st(), 70_000 + ESC_CONFIRM_MS - 1)).toBe(true);
    expect(asking()).toHaveLength(0);
  });

  it('names every paid model still running; the offline engine alone stops at once', () => {
    st().setMultiRun(run(2, [entry('gpt-image-2', 'GPT Image 2', 'running'), entry('gemini-3.1-flash-image', 'Nano Banana 2', 'running')]));
    expect(escCancels(st(), 80_000)).toBe(false);
    expect(asking().at(-1)?.message).toMatch(
      /^Press Esc again within 3 s to cancel GPT Image 2 and Nano Banana 2: their requests are sent and may be charged/,
    );
    st().setMultiRun(run(3, [entry('local', 'Offline fill', 'running'), entry('gpt-image-2', 'GPT Image 2', 'done')]));
    expect(asking()).toHaveLength(0); // another run: the old question goes
    expect(escCancels(st(), 90_000)).toBe(true);
  });

  it('a finished run is no work for Esc (its candidates are then for Esc to discard)', () => {
    st().setMultiRun(run(4, [entry('gpt-image-2', 'GPT Image 2', 'done')]));
    expect(escHasWork(st())).toBe(false);
    expect(escCancels(st(), 100_000)).toBe(false);
  });
});

describe('the "press again" message', () => {
  it('goes when its time is up (it stayed, and a late second Esc only asked again)', () => {
    vi.useFakeTimers();
    try {
      st().setJob(job('gpt-image-2', 'j20'));
      expect(escCancels(st(), 200_000)).toBe(false);
      const asking = () => st().toasts.filter((t) => /Press Esc again within/.test(t.message)).length;
      expect(asking()).toBe(1);
      vi.advanceTimersByTime(ESC_CONFIRM_MS - 1);
      expect(asking()).toBe(1);
      vi.advanceTimersByTime(2);
      expect(asking()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('what Esc says as it closes the strip', () => {
  it('names what went and what stays as layers', () => {
    expect(discardedMessage(1, 0)).toBe('Discarded the candidate: Ctrl/⌘ Z brings it back.');
    expect(discardedMessage(3, 0)).toBe('Discarded 3 candidates: Ctrl/⌘ Z brings them back.');
    // Every candidate kept as a layer: nothing was discarded (it said "Discarded 2 candidates").
    expect(discardedMessage(2, 2)).toBe('Closed the candidates: all 2 stay as layers (Ctrl/⌘ Z brings the strip back).');
    expect(discardedMessage(1, 1)).toBe('Closed the candidates: it stays as a layer (Ctrl/⌘ Z brings the strip back).');
    expect(discardedMessage(3, 1)).toBe('Discarded 2 candidates; the one kept as a layer stays: Ctrl/⌘ Z brings them back.');
    expect(discardedMessage(3, 2)).toBe('Discarded 1 candidate; the 2 kept as layers stay: Ctrl/⌘ Z brings it back.');
  });
});
