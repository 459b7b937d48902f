import { describe, expect, it } from 'vitest';
import { createEditTracer, describeTrace, type EditTrace } from './edit-trace';

describe('edit tracer', () => {
  it('collects one edit from begin to shown, merging main spans without duplicates, and logs it', () => {
    let t = 1000;
    const logged: EditTrace[] = [];
    const tr = createEditTracer(
      () => t,
      (x) => logged.push(x),
    );
    tr.begin();
    tr.span('renderer: mask encode', 1000, 1010, 500);
    tr.job('job-1');
    const main = [{ name: 'main: region pixels', start: 1020, end: 1030 }];
    tr.main(main);
    tr.main([...main, { name: 'main: patch encode #1', start: 1100, end: 1120 }]);
    t = 1200;
    tr.shown(2);
    expect(tr.traces()).toHaveLength(1);
    const trace = tr.traces()[0];
    expect(trace).toMatchObject({ t0: 1000, jobId: 'job-1', shownAt: 1200, candidates: 2 });
    expect(trace.spans.map((s) => s.name)).toEqual(['renderer: mask encode', 'main: region pixels', 'main: patch encode #1']);
    expect(logged).toEqual([trace]);
    expect(describeTrace(trace)).toMatch(/^Maskwork edit job-1: 200 ms from keypress to candidate on screen \(2 candidates\)\n/);
  });

  it('drops an edit that ends without a candidate, and ignores spans outside an edit', () => {
    const tr = createEditTracer(() => 0);
    tr.span('stray', 0, 1);
    tr.begin();
    tr.span('renderer: mask encode', 0, 1);
    tr.drop();
    tr.shown(1);
    expect(tr.traces()).toEqual([]);
  });

  it('keeps the last 50 traces but counts every shown edit, so a caller can wait past the cap', () => {
    let t = 0;
    const tr = createEditTracer(() => t);
    for (let i = 0; i < 60; i++) {
      tr.begin();
      t += 5;
      tr.shown(1);
    }
    tr.begin();
    tr.drop();
    expect(tr.traces()).toHaveLength(50);
    expect(tr.traces()[0].t0).toBe(50);
    expect(tr.shownCount()).toBe(60);
  });
});
