/**
 * renderer/commands/partial-show.ts with the real store and fake bitmaps: the latest partial image of
 * the running edit's first candidate is drawn over its region until its pixels come or the job ends.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createPartialShow, partialView, partialViews } from './partial-show';
import { useEditor } from './store/store';
import { compositingJob, openBlankDoc } from './job-state-fixture';

const st = () => useEditor.getState();
const flush = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
};
let closed: string[];
let composed: string[];
let later: (() => void)[];
const bitmap = (name: string) => ({ name, close: () => closed.push(name) }) as unknown as ImageBitmap;
const nameOf = (b: ImageBitmap | undefined) => (b as unknown as { name: string } | undefined)?.name;
const bytes = (tag: number) => Uint8Array.of(tag);

function make(compose?: (b: Uint8Array) => Promise<ImageBitmap | null>) {
  return createPartialShow({
    store: useEditor,
    compose:
      compose ??
      (async (b) => {
        composed.push(`p${b[0]}`);
        return bitmap(`p${b[0]}`);
      }),
    later: (fn) => later.push(fn),
  });
}

const region = { x: 10, y: 20, width: 30, height: 40 };

beforeEach(() => {
  make().end();
  closed = [];
  composed = [];
  later = [];
  st().setJob(null);
  openBlankDoc();
  st().setJob(compositingJob('job-1', st().doc!.id, { stage: 'Generating', fraction: 0.3 }));
});

describe('partial images on the canvas', () => {
  it("draws the first candidate's latest partial over its region, and counts each", async () => {
    const show = make();
    show.offer('job-1', 1, bytes(9), region); // another candidate's: the strip only
    await flush();
    expect(partialView()).toBeNull();
    show.offer('job-1', 0, bytes(1), region);
    await flush();
    expect(partialView()).toMatchObject({ jobId: 'job-1', region });
    expect(nameOf(partialView()?.bmp)).toBe('p1');
    expect(st().job?.partialShown).toBe(1);
    show.offer('job-1', 0, bytes(2), region);
    await flush();
    expect(nameOf(partialView()?.bmp)).toBe('p2');
    expect(st().job?.partialShown).toBe(2);
    // The one it replaced is closed after the next frame, not under the frame that may still draw it.
    expect(closed).toEqual([]);
    for (const f of later.splice(0)) f();
    expect(closed).toEqual(['p1']);
    show.end();
    expect(partialView()).toBeNull();
    for (const f of later.splice(0)) f();
    expect(closed).toEqual(['p1', 'p2']);
  });

  it('latest wins: partials that arrive while one is composed replace each other, none queue up', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const show = make(async (b) => {
      composed.push(`p${b[0]}`);
      if (b[0] === 1) await gate;
      return bitmap(`p${b[0]}`);
    });
    show.offer('job-1', 0, bytes(1), region);
    show.offer('job-1', 0, bytes(2), region);
    show.offer('job-1', 0, bytes(3), region);
    release();
    await flush();
    expect(composed).toEqual(['p1', 'p3']);
    expect(nameOf(partialView()?.bmp)).toBe('p3');
  });

  it('shows nothing for a bad region, another job, an outpaint, a cancelling job, or once the pixels are shown early', async () => {
    const show = make();
    for (const r of [
      { x: -1, y: 0, width: 10, height: 10 },
      { x: 0, y: 0, width: 0, height: 10 },
      { x: 95, y: 0, width: 10, height: 10 },
      { x: 0.5, y: 0, width: 10, height: 10 },
    ])
      show.offer('job-1', 0, bytes(1), r);
    show.offer('job-1', 0, bytes(1), undefined);
    show.offer('job-2', 0, bytes(1), region);
    await flush();
    expect(composed).toEqual([]);
    st().patchJob('job-1', { cancelling: true });
    show.offer('job-1', 0, bytes(1), region);
    await flush();
    st().patchJob('job-1', { cancelling: false, early: { candidate: 0, region } });
    show.offer('job-1', 0, bytes(1), region);
    await flush();
    expect(composed).toEqual([]);
    st().setJob(compositingJob('job-3', st().doc!.id, { kind: 'outpaint' }));
    show.offer('job-3', 0, bytes(1), region);
    await flush();
    expect(composed).toEqual([]);
    expect(partialView()).toBeNull();
  });

  it('a partial composed after its job ended is dropped (closed at once), and a failed compose shows nothing', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const show = make(async () => {
      await gate;
      return bitmap('late');
    });
    show.offer('job-1', 0, bytes(1), region);
    st().setJob(null);
    release();
    await flush();
    expect(partialView()).toBeNull();
    expect(closed).toEqual(['late']);
    st().setJob(compositingJob('job-4', st().doc!.id));
    const failing = make(async () => {
      throw new Error('not an image');
    });
    failing.offer('job-4', 0, bytes(1), region);
    await flush();
    expect(partialView()).toBeNull();
  });

  it("an edit in areas: each area's latest partial is drawn in its own place, beside the others", async () => {
    const show = make();
    const other = { x: 50, y: 60, width: 20, height: 20 };
    show.offer('job-1', 0, bytes(1), region, 0);
    show.offer('job-1', 0, bytes(2), other, 1);
    await flush();
    expect(partialViews().map((v) => [v.area, v.region, nameOf(v.bmp)])).toEqual([
      [0, region, 'p1'],
      [1, other, 'p2'],
    ]);
    // Area 1's next partial replaces area 1's only.
    show.offer('job-1', 0, bytes(3), other, 1);
    await flush();
    expect(partialViews().map((v) => nameOf(v.bmp))).toEqual(['p1', 'p3']);
    for (const f of later.splice(0)) f();
    expect(closed).toEqual(['p2']);
    expect(st().job?.partialShown).toBe(3);
    show.end();
    expect(partialViews()).toEqual([]);
    for (const f of later.splice(0)) f();
    expect(closed.sort()).toEqual(['p1', 'p2', 'p3']);
  });
});
