/**
 * renderer/commands/job-client.ts driven through its seams (job-client-fixture.ts): progress, the result fetched once
 * and staged, the poll, Cancel before the start, results for a photo no longer open. Each client keeps its own state.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { JobProgress } from '../../shared/ipc/contract-types';
import {
  adopted,
  candidate,
  client,
  docId,
  flush,
  job,
  main,
  makeClient,
  resetJobClientFixture,
  spendRefreshes,
  st,
  start,
  timers,
} from './job-client-fixture';

beforeEach(resetJobClientFixture);

describe('job client', () => {
  it('follows progress, fetches the result once at the end and stages the candidates', async () => {
    const off = client.installJobEvents();
    await start();
    expect(st().job).toMatchObject({ jobId: 'job-1', docId });
    // A request sent (waiting on the model): the spend figure is read again at once, once.
    main.emit({ jobId: 'job-1', fraction: 0.2, stage: 'Waiting for GPT Image 2', phase: 'waiting' });
    main.emit({ jobId: 'job-1', fraction: 0.25, stage: 'Waiting for GPT Image 2', phase: 'waiting' });
    expect(spendRefreshes).toBe(1);
    main.emit({ jobId: 'job-1', fraction: 0.4, stage: 'Generating', phase: 'working' });
    expect(st().job).toMatchObject({ fraction: 0.4, stage: 'Generating' });
    main.emit({ jobId: 'other', fraction: 0.9, stage: 'elsewhere' });
    expect(st().job?.fraction).toBe(0.4);
    main.results.set('job-1', { state: 'done', candidates: [candidate(0), candidate(1)] });
    main.emit({ jobId: 'job-1', fraction: 1, stage: 'done' });
    await flush();
    expect(main.calls.filter((c) => c.startsWith('result'))).toEqual(['result job-1']);
    expect(adopted).toEqual(['patch-0', 'patch-1']);
    expect(st().staging.items.map((c) => c.assetId)).toEqual(['patch-0', 'patch-1']);
    expect(st().job).toBeNull();
    expect(spendRefreshes).toBe(2);
    expect(timers.active()).toBe(0);
    off();
    expect(main.listenerCount()).toBe(0);
  });

  it('a progress event that does not match the schema (an area that is not one) is ignored; the next good one counts', async () => {
    client.installJobEvents();
    await start();
    main.emit({ jobId: 'job-1', fraction: 0.3, stage: 'Generating', phase: 'working' });
    const preview = { candidate: 0, bytes: new Uint8Array([1]), region: { x: 0, y: 0, width: 10, height: 10 } };
    for (const area of [-1, 2.5, 99, '1'])
      main.emit({ jobId: 'job-1', fraction: 0.6, stage: `bad ${area}`, preview: { ...preview, area } } as unknown as JobProgress);
    main.emit({ jobId: 'job-1', fraction: 2, stage: 'beyond' });
    expect(st().job).toMatchObject({ fraction: 0.3, stage: 'Generating', previews: {} });
    main.emit({ jobId: 'job-1', fraction: 0.5, stage: 'Generating', preview: { ...preview, area: 1 } });
    expect(st().job).toMatchObject({ fraction: 0.5 });
  });

  it('an event that arrives before the start is answered is replayed once the id is known', async () => {
    client.installJobEvents();
    main.onStart((jobId) => main.emit({ jobId, fraction: 0.3, stage: 'Early' }));
    await start();
    expect(st().job).toMatchObject({ jobId: 'job-1', fraction: 0.3, stage: 'Early' });
  });

  it('Cancel before the start is answered cancels the job as soon as it has an id', async () => {
    client.installJobEvents();
    client.beginJob(docId, 'local', 'Offline engine', '', 'edit', { width: 10, height: 10 });
    await client.cancelJob();
    expect(st().job).toMatchObject({ cancelling: true, stage: 'Cancelling…' });
    await client.sendJob(job(), docId);
    expect(main.calls).toEqual(['start job-1', 'cancel job-1']);
  });

  it('a lost final event is caught by the poll', async () => {
    client.installJobEvents();
    await start();
    expect(timers.active()).toBe(1);
    timers.tick();
    await flush();
    expect(st().job?.jobId).toBe('job-1'); // still running
    main.results.set('job-1', { state: 'done', candidates: [candidate(0)] });
    timers.tick();
    await flush();
    expect(st().staging.items.map((c) => c.assetId)).toEqual(['patch-0']);
    expect(timers.active()).toBe(0);
  });

  it('results for a photo that is no longer open wait for it (undo back to it), not staged', async () => {
    client.installJobEvents();
    await start();
    st().openDocument({ ...st().doc!, id: 'another-doc' }, 'Open another', { undoable: true });
    main.results.set('job-1', { state: 'done', candidates: [candidate(0)] });
    main.emit({ jobId: 'job-1', fraction: 1, stage: 'done' });
    await flush();
    expect(st().staging.items).toEqual([]);
    expect(st().toasts.at(-1)!.message).toContain('for the photo you left is kept: undo (Ctrl/⌘ Z) back to it');
  });

  it('results for a document whose history is gone (opened again, not undoable) are not staged on the new one', async () => {
    client.installJobEvents();
    await start();
    // Opened again: a new document state read from the file (its original a new object), the same id.
    st().openDocument({ ...st().doc!, original: { ...st().doc!.original } }, 'Open again');
    main.results.set('job-1', { state: 'done', candidates: [candidate(0)] });
    main.emit({ jobId: 'job-1', fraction: 1, stage: 'done' });
    await flush();
    expect(st().staging.items).toEqual([]);
    expect(st().toasts.at(-1)!.message).toContain('not open any more');
  });

  it('each client has its own state: a second client does not see the first one’s early events or last request', async () => {
    const other = makeClient();
    client.installJobEvents();
    main.onStart((jobId) => main.emit({ jobId, fraction: 0.3, stage: 'Early' }));
    await start(client);
    st().setJob(null);
    await other.retryOn('local'); // `other` has sent nothing: nothing to retry
    expect(main.calls).toEqual(['start job-1']);
    await client.retryOn('local'); // the first client retries its last request
    expect(main.calls).toEqual(['start job-1', 'start job-2']);
  });
});
