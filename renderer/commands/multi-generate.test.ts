/**
 * renderer/commands/multi-generate.ts with the real store and a fake `window.maskwork` whose result
 * answers the test releases, so a job's last event can overtake the answer to the check made when
 * the job started (what the e2e "a model that fails never loses the others' candidates" hit: a model
 * failing at once stayed "working… 100 %").
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { JobProgress, JobResult } from '../../shared/ipc/contract-types';
import { maskFromArray } from '../../shared/mask';
import { putMask } from './blob-store';
import { useEditor } from './store/store';

// The grow runs in a worker in the app; here the mask is sent as painted.
vi.mock('../workers/mask-ops-client', () => ({ runMaskOp: async (_op: string, mask: unknown) => mask }));

const { cancelMulti, generateMulti } = await import('./multi-generate');
const { entryStatus } = await import('../model/multi-plan');
const st = () => useEditor.getState();
const ok = <T>(value: T) => Promise.resolve({ ok: true as const, value });

/** main's state of each job is read when a result is asked; the answer waits for the test. */
const state = new Map<string, JobResult>();
const answers: Array<() => void> = [];
const asked: string[] = [];
let listener: ((p: JobProgress) => void) | null = null;
let started = 0;
const bridge = {
  edit: { start: () => ok({ jobId: `job-${++started}` }) },
  job: {
    result: ({ jobId }: { jobId: string }) => {
      asked.push(jobId);
      const r = state.get(jobId) ?? { state: 'running', fraction: 0.1 };
      return new Promise((resolve) => answers.push(() => resolve({ ok: true, value: r })));
    },
    cancel: () => ok({ cancelled: false }),
  },
  spend: { summary: () => new Promise(() => {}) },
  events: {
    onJobProgress: (fn: (p: JobProgress) => void) => {
      listener = fn;
      return () => {};
    },
  },
};
const g = globalThis as { window?: unknown };
const hadWindow = 'window' in g;
beforeAll(() => {
  if (!hadWindow) g.window = globalThis;
  (g.window as { maskwork?: unknown }).maskwork = bridge;
});
afterAll(() => {
  delete (g.window as { maskwork?: unknown }).maskwork;
  if (!hadWindow) delete g.window;
});

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('several models at once: a job that ends at once', () => {
  it('its last event arriving before the answer "running" to the first check still ends its entry', async () => {
    const mask = new Uint8Array(40 * 30);
    for (let y = 10; y < 20; y++) mask.fill(255, y * 40 + 10, y * 40 + 20);
    st().openDocument({
      id: 'doc-multi',
      canvas: { width: 40, height: 30 },
      original: { assetId: 'asset-original', name: 'a.png', width: 40, height: 30, x: 0, y: 0, hasIcc: false, hasExif: false },
      maskId: putMask(maskFromArray(40, 30, mask)),
      layers: [],
      versions: [],
    });
    st().setGen({ multiOn: true, multi: { local: 1 }, prompt: '' });
    await generateMulti();
    expect(asked).toEqual(['job-1']); // the check made when the job started, asked while it still runs…
    expect(st().multiRun?.entries).toMatchObject([{ model: 'local', jobId: 'job-1', state: 'running' }]);
    const failed: JobResult = { state: 'failed', error: { kind: 'server', message: 'HTTP 500' }, spentUsd: 0.03 };
    state.set('job-1', failed); // …the job fails in main…
    listener?.({ jobId: 'job-1', fraction: 1, stage: 'failed' }); // …and its last event overtakes the answer
    answers.shift()?.(); // "running"
    await settle();
    answers.shift()?.();
    await settle();
    expect(st().multiRun?.entries).toMatchObject([{ model: 'local', state: 'failed', error: 'HTTP 500' }]);
    // What its sent requests cost is in the session spend, as in main's ledger.
    expect(st().spentUsd['doc-multi']).toBeCloseTo(0.03, 6);
  });
});

describe('several models at once: Cancel all models', () => {
  it('a model cancelled after its requests went out says on its line what they are charged', async () => {
    st().setProviderInfo({ keyStatus: [{ provider: 'gemini', isSet: true, last4: '1111' }] });
    st().setGen({ multiOn: true, multi: { local: 0, 'gemini-3.1-flash-image': 2 }, prompt: 'a vase' });
    const before = started;
    await generateMulti();
    const jobId = `job-${before + 1}`;
    expect(st().multiRun?.entries).toMatchObject([{ model: 'gemini-3.1-flash-image', jobId, state: 'running' }]);
    await cancelMulti();
    // main: cancelled after both of Nano Banana 2's parallel requests were sent.
    state.set(jobId, { state: 'cancelled', spentUsd: 0.134, spentRequests: 2 });
    listener?.({ jobId, fraction: 1, stage: 'cancelled' });
    while (answers.length) {
      answers.shift()?.();
      await settle();
    }
    const entry = st().multiRun!.entries[0];
    expect(entry).toMatchObject({ state: 'cancelled', spentUsd: 0.134, spentRequests: 2 });
    expect(entryStatus(entry)).toMatch(
      /^Cancelled\. 2 requests were sent and may be charged by (Google|OpenAI) \(≈ \$0\.134, counted in today's spend\)\.$/,
    );
  });
});

describe("a model's failure names it once", () => {
  it('main names the model already: the toast puts no second name before it; a bare message still gets one', async () => {
    const { namedOnce } = await import('./multi-generate');
    const nb2 = 'Nano Banana 2 (Gemini 3.1 Flash Image)';
    expect(namedOnce(nb2, `${nb2} rejected the request — bad`)).toBe(`${nb2} rejected the request — bad`);
    expect(namedOnce(nb2, 'The service is busy')).toBe(`${nb2}: The service is busy`);
  });
});

describe('several models at once: a model main refuses to start', () => {
  it('its line and message say nothing was charged (nothing was sent; it said nothing of it)', async () => {
    const start = bridge.edit.start;
    bridge.edit.start = () =>
      Promise.resolve({
        ok: false,
        error: { kind: 'invalid-request', message: 'GPT Image 2 cannot make 5000×20 (aspect over 3:1).' },
      }) as never;
    try {
      st().setProviderInfo({ keyStatus: [{ provider: 'openai', isSet: true, last4: '2222' }] });
      st().setGen({ multiOn: true, multi: { local: 0, 'gemini-3.1-flash-image': 0, 'gpt-image-2': 1 }, prompt: 'a vase' });
      await generateMulti();
      await settle();
      expect(st().multiRun?.entries).toMatchObject([
        { model: 'gpt-image-2', state: 'failed', error: 'GPT Image 2 cannot make 5000×20 (aspect over 3:1). Nothing was charged.' },
      ]);
      expect(st().toasts.at(-1)?.message).toMatch(/cannot make 5000×20 \(aspect over 3:1\)\. Nothing was charged\.$/);
    } finally {
      bridge.edit.start = start;
    }
  });
});
