/**
 * renderer/commands/job-client.ts: a candidate's pixels sent ahead of the result (in a progress event) —
 * built at once, shown early, not taken when wrong or for a text-checked edit, closed when the job is cancelled.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { earlyView } from './early-show';
import {
  adopted,
  builtGiven,
  candidate,
  client,
  closed,
  copiesClosed,
  docId,
  flush,
  job,
  main,
  resetJobClientFixture,
  sources,
  st,
  start,
} from './job-client-fixture';

beforeEach(resetJobClientFixture);

describe('job client: pixels ahead of the result', () => {
  it('pixels sent ahead of the result: the bitmap is built at once, the result is asked without them', async () => {
    client.installJobEvents();
    await start();
    const pixels = { rect: { x: 2, y: 3, width: 4, height: 5 }, rgba: new Uint8Array(4 * 5 * 4).fill(7) };
    main.emit({ jobId: 'job-1', fraction: 0.9, stage: 'Compositing', patch: { candidate: 0, size: { width: 10, height: 10 }, pixels } });
    const { patch: _png, ...withoutPatch } = candidate(0);
    main.results.set('job-1', { state: 'done', candidates: [withoutPatch, candidate(1)] });
    main.emit({ jobId: 'job-1', fraction: 1, stage: 'done' });
    await flush();
    expect(main.calls.filter((c) => c.startsWith('result'))).toEqual(['result job-1 have 0']);
    expect(adopted).toEqual(['patch-0', 'patch-1']);
    expect(sources[0]).toEqual({ pixels, size: { width: 10, height: 10 } });
    expect((builtGiven[0] as { bmp: { source: unknown } }).bmp.source).toBe(sources[0]);
    expect(sources[1]).toEqual({ png: candidate(1).patch, opaque: undefined });
    expect(builtGiven[1]).toBeUndefined();
    expect(st().staging.items.map((c) => c.assetId)).toEqual(['patch-0', 'patch-1']);
    expect(closed).toBe(0);
  });

  it('the first candidate’s pixels are on screen while main finishes the job; the result stages it and the view goes', async () => {
    client.installJobEvents();
    await start();
    const pixels = { rect: { x: 2, y: 3, width: 4, height: 5 }, rgba: new Uint8Array(4 * 5 * 4).fill(7) };
    const patch = { candidate: 0, size: { width: 10, height: 10 }, origin: { x: 0, y: 0 }, pixels };
    main.emit({ jobId: 'job-1', fraction: 0.9, stage: 'Compositing', patch });
    main.emit({ jobId: 'job-1', fraction: 0.95, stage: 'Compositing', patch: { ...patch, candidate: 1 } });
    await flush();
    expect(st().job?.early).toEqual({ candidate: 0, region: { x: 0, y: 0, width: 10, height: 10 } });
    expect(earlyView()).toMatchObject({ jobId: 'job-1', candidate: 0, at: { x: 2, y: 3 } });
    expect(st().staging.items).toEqual([]);
    const { patch: _a, ...c0 } = candidate(0);
    const { patch: _b, ...c1 } = candidate(1);
    main.results.set('job-1', { state: 'done', candidates: [c0, c1] });
    main.emit({ jobId: 'job-1', fraction: 1, stage: 'done' });
    await flush();
    expect(st().staging.items.map((c) => c.assetId)).toEqual(['patch-0', 'patch-1']);
    expect(st().job).toBeNull();
    expect(earlyView()).toBeNull();
    await new Promise((r) => setTimeout(r, 30));
    expect(copiesClosed).toBe(1);
    expect(closed).toBe(0);
  });

  it('a text-checked edit shows no candidate ahead of its result (the check ranks them first)', async () => {
    client.installJobEvents();
    client.beginJob(docId, 'local', 'Offline engine', '', 'edit', { width: 10, height: 10 });
    const j = job();
    if (j.kind === 'edit') j.req.textCheck = { text: 'V2.0' } as never;
    await client.sendJob(j, docId);
    const pixels = { rect: { x: 0, y: 0, width: 10, height: 10 }, rgba: new Uint8Array(400) };
    main.emit({
      jobId: 'job-1',
      fraction: 0.9,
      stage: 'Checking text',
      patch: { candidate: 0, size: { width: 10, height: 10 }, origin: { x: 0, y: 0 }, pixels },
    });
    await flush();
    expect(st().job?.early).toBeUndefined();
    expect(earlyView()).toBeNull();
  });

  it('pixels of the wrong size are not taken: the result brings them (and is validated there)', async () => {
    client.installJobEvents();
    await start();
    const bad = { rect: { x: 0, y: 0, width: 4, height: 5 }, rgba: new Uint8Array(4 * 5 * 4 + 1) };
    main.emit({
      jobId: 'job-1',
      fraction: 0.9,
      stage: 'Compositing',
      patch: { candidate: 0, size: { width: 10, height: 10 }, pixels: bad },
    });
    const { patch: _png, ...withBad } = { ...candidate(0), pixels: bad };
    main.results.set('job-1', { state: 'done', candidates: [withBad, candidate(1)] });
    main.emit({ jobId: 'job-1', fraction: 1, stage: 'done' });
    await flush();
    expect(main.calls.filter((c) => c.startsWith('result'))).toEqual(['result job-1']);
    expect(adopted).toEqual(['patch-1']);
    expect(st().toasts.at(-1)?.message).toMatch(/Candidate 1 could not be decoded: .*exactly 80 bytes/);
    expect(st().staging.items.map((c) => c.assetId)).toEqual(['patch-1']);
  });

  it('a job cancelled after its pixels came ahead stages nothing and closes the bitmap', async () => {
    client.installJobEvents();
    const before = st().doc;
    await start();
    const pixels = { rect: { x: 0, y: 0, width: 1, height: 1 }, rgba: new Uint8Array(4) };
    main.emit({ jobId: 'job-1', fraction: 0.9, stage: 'Compositing', patch: { candidate: 0, size: { width: 10, height: 10 }, pixels } });
    main.results.set('job-1', { state: 'cancelled' });
    main.emit({ jobId: 'job-1', fraction: 1, stage: 'cancelled' });
    await flush();
    await flush();
    expect(adopted).toEqual([]);
    expect(st().staging.items).toEqual([]);
    expect(st().doc).toBe(before);
    expect(closed).toBe(1);
  });
});
