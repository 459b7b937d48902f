/**
 * renderer/commands/early-show.ts with the real store, a fake trace and fake bitmaps: the first
 * candidate of the running edit is shown ahead of its result, and only then.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createEditTracer } from './edit-trace';
import { createEarlyShow, earlyView, untilStaged } from './early-show';
import { useEditor } from './store/store';
import { compositingJob, openBlankDoc } from './job-state-fixture';

const st = () => useEditor.getState();
const flush = () => new Promise((r) => setTimeout(r, 0));
let closed: string[];
const bitmap = (name: string) => ({ name, close: () => closed.push(name) }) as unknown as ImageBitmap;
let later: (() => void)[];
let t: number;

function make() {
  const trace = createEditTracer(() => t);
  const show = createEarlyShow({
    store: useEditor,
    trace,
    afterPaint: async () => {
      t += 16;
    },
    copy: async (b) => bitmap(`copy of ${(b as unknown as { name: string }).name}`),
    later: (fn) => later.push(fn),
  });
  return { trace, show };
}

function running(jobId: string, kind: 'edit' | 'outpaint' = 'edit', docId = st().doc!.id) {
  st().setJob(compositingJob(jobId, docId, { kind }));
}

const region = { x: 10, y: 20, width: 30, height: 40 };

beforeEach(() => {
  make().show.end();
  closed = [];
  later = [];
  t = 1000;
  st().setJob(null);
  openBlankDoc();
});

describe('early show', () => {
  it('shows the running edit’s candidate 0 at its region, once, and ends the trace at its paint', async () => {
    const { trace, show } = make();
    trace.begin();
    running('job-1');
    // Candidate 1's pixels come first: not shown (staging will select candidate 0, the view must not switch).
    show.offer('job-1', 1, region, Promise.resolve({ bmp: bitmap('c1') }));
    await flush();
    expect(earlyView()).toBeNull();
    show.offer('job-1', 0, region, Promise.resolve({ bmp: bitmap('c0'), crop: { x: 3, y: 4, fullWidth: 30, fullHeight: 40 } }));
    await flush();
    expect(st().job?.early).toEqual({ candidate: 0, region });
    expect(earlyView()).toMatchObject({ jobId: 'job-1', candidate: 0, region, at: { x: 3, y: 4 } });
    expect((earlyView()!.bmp as unknown as { name: string }).name).toBe('copy of c0');
    // The trace is open (the result's spans still come) but its end is the early paint.
    trace.span('main: patch encode #0', 1020, 1100);
    t = 1200;
    trace.shown(1);
    expect(trace.traces()[0]).toMatchObject({ t0: 1000, shownAt: 1016 });
    expect(trace.traces()[0].spans.map((s) => s.name)).toEqual(['renderer: early paint', 'main: patch encode #0']);
    expect(closed).toEqual([]);
    // The job ends: the view goes, its bitmap is closed a frame later (the staged candidate draws by then).
    st().setJob(null);
    show.end();
    expect(earlyView()).toBeNull();
    expect(closed).toEqual([]);
    for (const fn of later) fn();
    expect(closed).toEqual(['copy of c0']);
  });

  it('shows an outpaint’s candidate the same way', async () => {
    const { show } = make();
    running('job-1', 'outpaint');
    show.offer('job-1', 0, region, Promise.resolve({ bmp: bitmap('c0') }));
    await flush();
    expect(earlyView()).toMatchObject({ jobId: 'job-1', candidate: 0, region });
  });

  it('shows nothing for another job, a job being cancelled or a job on another photo', async () => {
    const { show } = make();
    const built = Promise.resolve({ bmp: bitmap('c0') });
    running('job-1');
    show.offer('job-2', 0, region, built);
    running('job-1', 'edit', 'another-doc');
    show.offer('job-1', 0, region, built);
    running('job-1');
    st().patchJob('job-1', { cancelling: true });
    show.offer('job-1', 0, region, built);
    await flush();
    expect(earlyView()).toBeNull();
    expect(st().job?.early).toBeUndefined();
  });

  it('a bitmap that is ready only after the job ended is closed, not shown; a failed build shows nothing', async () => {
    const { show } = make();
    running('job-1');
    let ready!: (b: { bmp: ImageBitmap }) => void;
    show.offer('job-1', 0, region, new Promise((r) => (ready = r)));
    st().setJob(null);
    show.end();
    ready({ bmp: bitmap('c0') });
    await flush();
    expect(earlyView()).toBeNull();
    running('job-2');
    show.offer('job-2', 0, region, Promise.reject(new Error('bad pixels')));
    await flush();
    expect(earlyView()).toBeNull();
    expect(st().job?.early).toBeUndefined();
  });

  it('untilStaged resolves at once without an early view, and when the job showing one ends', async () => {
    await untilStaged(useEditor);
    const { show } = make();
    running('job-1');
    show.offer('job-1', 0, region, Promise.resolve({ bmp: bitmap('c0') }));
    await flush();
    let done = false;
    void untilStaged(useEditor).then(() => (done = true));
    await flush();
    expect(done).toBe(false);
    st().patchJob('job-1', { fraction: 0.95 });
    await flush();
    expect(done).toBe(false);
    st().setJob(null);
    show.end();
    await flush();
    expect(done).toBe(true);
  });
});
