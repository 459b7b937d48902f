/**
 * The seams renderer/commands/job-client.ts is driven through in its tests: a fake main (start,
 * progress events, result, cancel), fake timers and blob stores, the real store. The state is
 * exported as live bindings that {@link resetJobClientFixture} renews before each test.
 */
import type { Result } from '../../shared/errors';
import type { CandidateResult, JobProgress, JobResult } from '../../shared/ipc/contract-types';
import { useEditor } from './store/store';
import { openBlankDoc } from './job-state-fixture';
import { createJobClient, type JobClient, type JobClientDeps, type JobRequest } from './job-client';

export const st = () => useEditor.getState();
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

export const candidate = (index: number): CandidateResult => ({
  index,
  model: 'local',
  assetId: `patch-${index}`,
  patch: new Uint8Array([index]),
  region: { x: 0, y: 0, width: 10, height: 10 },
  requestSize: { width: 10, height: 10 },
  costUsd: 0.01,
  seconds: 1,
});

export let main: ReturnType<typeof fakeMain>;
export let timers: ReturnType<typeof fakeTimers>;
export let adopted: string[];
export let sources: unknown[];
export let builtGiven: unknown[];
export let closed: number;
export let copiesClosed: number;
export let spendRefreshes: number;
export let client: JobClient;

export function makeClient(): JobClient {
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

export const flush = () => new Promise((r) => setTimeout(r, 0));
export let docId: string;
export const job = (): JobRequest => ({
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
export async function start(c = client): Promise<void> {
  c.beginJob(docId, 'local', 'Offline engine', '', 'edit', { width: 10, height: 10 });
  await c.sendJob(job(), docId);
}

/** Fresh fakes, an empty staging and no job, a new blank 10×10 document and a new client: each test's `beforeEach`. */
export function resetJobClientFixture(): void {
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
  docId = openBlankDoc(10);
  client = makeClient();
}
