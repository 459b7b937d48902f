/**
 * renderer/commands/job-client.ts: a job that fails or is cancelled — the error shown, the document unchanged,
 * what its sent requests cost added to the session spend and said in the message.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { candidate, client, docId, flush, job, main, resetJobClientFixture, st, start } from './job-client-fixture';

beforeEach(resetJobClientFixture);

describe('job client: failed and cancelled jobs', () => {
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
});
