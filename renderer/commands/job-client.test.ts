/**
 * renderer/commands/job-client.ts driven through its seams: a fake bridge (start, progress events,
 * result, cancel), the real store, fake timers and blob stores. Each client keeps its own state.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../shared/errors';
import type { CandidateResult, JobProgress, JobResult } from '../../shared/ipc/contract-types';
import { createEmptyMask } from '../../shared/mask';
import { putMask } from './blob-store';
import { useEditor } from './store/store';
import { createJobClient, type JobClient, type JobClientDeps, type JobRequest } from './job-client';
import { earlyView } from './early-show';

const st = () => useEditor.getState();
const ok = <T>(value: T): Promise<Result<T>> => Promise.resolve({ ok: true, value });

/** A fake main: jobs get ids job-1, job-2…; results and events are set by the test. */
function fakeMain() {
  const listeners = new Set<(p: JobProgress) => void>();
  const results = new Map<string, JobResult>();
  const calls: string[] = [];
  let next = 0;
  let beforeStartAnswer: ((jobId: string) => void) | null = null;
  const start = async () => {
    const jobId = `job-${++next}`;
    calls.push(`start ${jobId}`);
    beforeStartAnswer?.(jobId);
    return { ok: true as const, value: { jobId } };
  };
  const bridge = {
    edit: { start },
    outpaint: { start },
    job: {
      cancel: ({ jobId }: { jobId: string }) => {
        calls.push(`cancel ${jobId}`);
        results.set(jobId, { state: 'cancelled' });
        return ok({ cancelled: true });
      },
      result: ({ jobId, have }: { jobId: string; have?: number[] }) => {
        calls.push(`result ${jobId}${have ? ` have ${have.join(',')}` : ''}`);
        return ok(results.get(jobId) ?? { state: 'running', fraction: 0.5 });
      },
    },
    events: {
      onJobProgress: (fn: (p: JobProgress) => void) => {
        listeners.add(fn);
        return () => listeners.delete(fn);
      },
    },
  };
  return {
    bridge: bridge as unknown as ReturnType<JobClientDeps['bridge']>,
    calls,
    results,
    emit: (p: JobProgress) => {
      for (const fn of listeners) fn(p);
    },
    onStart: (fn: (jobId: string) => void) => {
      beforeStartAnswer = fn;
    },
    listenerCount: () => listeners.size,
  };
}

function fakeTimers() {
  const handles = new Map<number, () => void>();
  let id = 0;
  return {
    setInterval: (fn: () => void) => {
      handles.set(++id, fn);
      return id;
    },
    clearInterval: (h: unknown) => handles.delete(h as number),
    tick: () => {
      for (const fn of [...handles.values()]) fn();
    },
    active: () => handles.size,
  };
}

const candidate = (index: number): CandidateResult => ({
  index,
  model: 'local',
  assetId: `patch-${index}`,
  patch: new Uint8Array([index]),
  region: { x: 0, y: 0, width: 10, height: 10 },
  requestSize: { width: 10, height: 10 },
  costUsd: 0.01,
  seconds: 1,
});

let main: ReturnType<typeof fakeMain>;
let timers: ReturnType<typeof fakeTimers>;
let adopted: string[];
let sources: unknown[];
let builtGiven: unknown[];
let closed: number;
let copiesClosed: number;
let spendRefreshes: number;
let client: JobClient;

function makeClient(): JobClient {
  return createJobClient({
    bridge: () => main.bridge,
    store: useEditor,
    encodeMask: async () => new Uint8Array([1]),
    adoptPatch: async (assetId, source, built) => {
      adopted.push(assetId);
      sources.push(source);
      const b = built && (await built);
      builtGiven[adopted.indexOf(assetId)] = b;
    },
    prebuild: async (source) => ({
      bmp: { close: () => closed++, source } as unknown as ImageBitmap,
      crop: { x: source.pixels.rect.x, y: source.pixels.rect.y, fullWidth: source.size.width, fullHeight: source.size.height },
    }),
    copyBitmap: async () => ({ close: () => copiesClosed++ }) as unknown as ImageBitmap,
    previewUrl: () => 'blob:preview',
    revokeUrls: () => {},
    rememberModel: () => {},
    refreshSpend: () => {
      spendRefreshes++;
    },
    timers,
    now: () => 1000,
  });
}

const flush = () => new Promise((r) => setTimeout(r, 0));
let docId: string;
const job = (): JobRequest => ({
  kind: 'edit',
  req: {
    canvas: { width: 10, height: 10 },
    layers: [{ assetId: 'asset-original', x: 0, y: 0 }],
    mask: { png: new Uint8Array([1]), rect: { x: 0, y: 0, width: 10, height: 10 } },
    prompt: '',
    model: 'local',
    n: 2,
    references: [],
    featherPx: 4,
    colorMatch: true,
  },
});

/** beginJob + sendJob, as generate() does after encoding the mask. */
async function start(c = client): Promise<void> {
  c.beginJob(docId, 'local', 'Offline engine', '', 'edit', { width: 10, height: 10 });
  await c.sendJob(job(), docId);
}

beforeEach(() => {
  main = fakeMain();
  timers = fakeTimers();
  adopted = [];
  sources = [];
  builtGiven = [];
  closed = 0;
  copiesClosed = 0;
  spendRefreshes = 0;
  st().clearStaging();
  st().setJob(null);
  docId = `doc-${Math.random()}`;
  st().openDocument({
    id: docId,
    canvas: { width: 10, height: 10 },
    original: { assetId: 'asset-original', name: 'a.png', width: 10, height: 10, x: 0, y: 0, hasIcc: false, hasExif: false },
    maskId: putMask(createEmptyMask(10, 10)),
    layers: [],
    versions: [],
  });
  client = makeClient();
});

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

  it('an event that arrives before the start is answered is replayed once the id is known', async () => {
    client.installJobEvents();
    main.onStart((jobId) => main.emit({ jobId, fraction: 0.3, stage: 'Early' }));
    await start();
    expect(st().job).toMatchObject({ jobId: 'job-1', fraction: 0.3, stage: 'Early' });
  });

  it('a failed job only shows the error: nothing is staged and the document is unchanged', async () => {
    client.installJobEvents();
    const before = st().doc;
    await start();
    main.results.set('job-1', { state: 'failed', error: { kind: 'server', message: 'The service failed.' } });
    main.emit({ jobId: 'job-1', fraction: 1, stage: 'failed' });
    await flush();
    expect(st().toasts.at(-1)).toMatchObject({ tone: 'error', message: 'The service failed.' });
    expect(st().staging.items).toEqual([]);
    expect(st().doc).toBe(before);
    expect(st().job).toBeNull();
  });

  it('a cancelled or failed job adds what its sent requests cost to the session spend (as the ledger counts them)', async () => {
    client.installJobEvents();
    await start();
    main.results.set('job-1', { state: 'cancelled', spentUsd: 0.04 });
    main.emit({ jobId: 'job-1', fraction: 1, stage: 'cancelled' });
    await flush();
    expect(st().spentUsd[docId]).toBeCloseTo(0.04, 6);
    await start();
    main.results.set('job-2', { state: 'failed', error: { kind: 'server', message: 'No image.' }, spentUsd: 0.02 });
    main.emit({ jobId: 'job-2', fraction: 1, stage: 'failed' });
    await flush();
    expect(st().spentUsd[docId]).toBeCloseTo(0.06, 6);
    expect(st().staging.items).toEqual([]);
    // A text retry cancelled after it was sent: the kept candidate ($0.01) and the retry's own request,
    // as the ledger counted them (the session spend had the candidate's cost alone).
    await start();
    main.results.set('job-3', { state: 'done', candidates: [candidate(0)], keptOnCancel: true, spentUsd: 0.02, spentRequests: 2 });
    main.emit({ jobId: 'job-3', fraction: 1, stage: 'done' });
    await flush();
    expect(st().staging.items).toHaveLength(1);
    expect(st().spentUsd[docId]).toBeCloseTo(0.08, 6);
  });

  it('a paid job that fails or is cancelled says whether it was charged, as the ledger counted it (it said nothing when nothing was)', async () => {
    client.installJobEvents();
    const startPaid = async (model: string, name: string) => {
      client.beginJob(docId, model, name, '', 'edit', { width: 10, height: 10 });
      const j = job();
      await client.sendJob(j.kind === 'edit' ? { ...j, req: { ...j.req, model } } : j, docId);
    };
    // Refused before anything was made: the ledger took it back.
    await startPaid('gpt-image-2', 'GPT Image 2');
    main.results.set('job-1', {
      state: 'failed',
      error: { kind: 'invalid-request', message: 'GPT Image 2 rejected the request — size: invalid' },
    });
    main.emit({ jobId: 'job-1', fraction: 1, stage: 'failed' });
    await flush();
    expect(st().toasts.at(-1)?.message).toBe('GPT Image 2 rejected the request — size: invalid. Nothing was charged.');
    // Timed out after it was sent: counted, and may be billed.
    await startPaid('gpt-image-2', 'GPT Image 2');
    main.results.set('job-2', {
      state: 'failed',
      error: { kind: 'timeout', message: 'OpenAI did not answer in time while running GPT Image 2. Try again.' },
      spentUsd: 0.053,
      spentRequests: 1,
    });
    main.emit({ jobId: 'job-2', fraction: 1, stage: 'failed' });
    await flush();
    expect(st().toasts.at(-1)?.message).toBe(
      "OpenAI did not answer in time while running GPT Image 2. Try again. 1 request was sent and may be charged by OpenAI (≈ $0.053, counted in today's spend).",
    );
    // Cancelled after sending (Gemini goes on with a request the app stopped waiting for).
    await startPaid('gemini-3.1-flash-image', 'Nano Banana 2');
    main.results.set('job-3', { state: 'cancelled', spentUsd: 0.134, spentRequests: 2 });
    main.emit({ jobId: 'job-3', fraction: 1, stage: 'cancelled' });
    await flush();
    expect(st().toasts.at(-1)?.message).toBe(
      "Cancelled — the document is unchanged. 2 requests were sent and may be charged by Google (≈ $0.134, counted in today's spend).",
    );
    // Cancelled before anything reached the service.
    await startPaid('gemini-3.1-flash-image', 'Nano Banana 2');
    main.results.set('job-4', { state: 'cancelled' });
    main.emit({ jobId: 'job-4', fraction: 1, stage: 'cancelled' });
    await flush();
    expect(st().toasts.at(-1)?.message).toBe('Cancelled — the document is unchanged. Nothing was charged.');
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
