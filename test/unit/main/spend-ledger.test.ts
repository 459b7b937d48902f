/**
 * The spend ledger in main: per day and per month across documents, persisted in the settings
 * folder; every request counts from the moment it is sent — a request cancelled after sending
 * counts, one the service rejected outright (bad key) does not cost anything.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { dayOf, SpendLedger } from '../../../electron/main/services/spend-ledger';
import { estimateCost, getModel } from '../../../shared/models';
import { maskForEdit, startMainWithServers, type CloudHarness, type MainHarness } from '../../support/main-harness';

const PHOTOS = resolve(__dirname, '../../../../shared/testdata/photos');

describe('SpendLedger', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'maskwork-ledger-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('sums per day and per month, and survives a restart (settings folder)', async () => {
    const file = join(dir, 'spend-ledger.json');
    let t = new Date(2026, 10, 30, 23, 0).getTime();
    const ledger = new SpendLedger(file, () => t);
    ledger.sent(0.04);
    ledger.sent(0.1, 2);
    t = new Date(2026, 11, 1, 9, 0).getTime();
    ledger.sent(0.25);
    const rejected = ledger.sent(0.5);
    ledger.rejected(rejected);
    await ledger.flushed();

    const again = new SpendLedger(file, () => t);
    const s = again.summary();
    expect(s.today).toEqual({ period: '2026-12-01', usd: 0.25, requests: 2, rejected: 1 });
    expect(s.month).toEqual({ period: '2026-12', usd: 0.25, requests: 2, rejected: 1 });
    expect(s.days.map((d) => [d.period, d.usd, d.requests])).toEqual([
      ['2026-12-01', 0.25, 2],
      ['2026-11-30', 0.14, 3],
    ]);
    expect(s.months.map((m) => [m.period, m.usd])).toEqual([
      ['2026-12', 0.25],
      ['2026-11', 0.14],
    ]);
    expect(JSON.parse(await readFile(file, 'utf8')).version).toBe(1);
  });

  it('two processes on one file (the app and the CLI): neither overwrites the other, each sees the other’s spend', async () => {
    const file = join(dir, 'shared-ledger.json');
    const t = new Date(2026, 11, 6, 12, 0).getTime();
    const app = new SpendLedger(file, () => t);
    const cli = new SpendLedger(file, () => t);
    app.sent(0.5);
    await app.flushed();
    // The CLI read the file before the app wrote it: its write adds to what is there now.
    const r = cli.sent(0.25, 2);
    cli.rejected(cli.sent(0.1));
    await cli.flushed();
    expect(JSON.parse(await readFile(file, 'utf8')).days['2026-12-06']).toEqual({ usd: 0.75, requests: 4, rejected: 1 });
    expect(r.usd).toBe(0.25);
    // The app reads the file again before its totals are used (the spend cap counts the CLI's requests).
    expect(app.summary().today).toMatchObject({ usd: 0.75, requests: 4, rejected: 1 });
    app.sent(0.05);
    await app.flushed();
    expect(new SpendLedger(file, () => t).summary().today).toMatchObject({ usd: 0.8, requests: 5, rejected: 1 });
  });

  it('a damaged file reads as an empty ledger; no file keeps it in memory', () => {
    const s = new SpendLedger(join(dir, 'missing', 'x.json')).summary();
    expect(s.today.usd).toBe(0);
    const mem = new SpendLedger(null);
    mem.sent(0.3);
    expect(mem.summary().today.usd).toBe(0.3);
  });
});

describe('spend:summary through the handler table', () => {
  let cloud: CloudHarness;
  beforeAll(async () => {
    cloud = await startMainWithServers({ MASKWORK_STREAM: '0' });
  });
  afterAll(async () => {
    await cloud?.close();
  });

  const start = () => startEdit(cloud.main, 'gpt-image-2');

  it('counts a finished request, a request cancelled after sending, and not the cost of a rejected one', async () => {
    const { main, openai } = cloud;
    const before = await main.call('spend:summary', {});
    expect(before.today.period).toBe(dayOf(Date.now()));

    const done = await start();
    expect((await main.waitJob(done.jobId)).state).toBe('done');
    const after1 = await main.call('spend:summary', {});
    const oneRequest = after1.today.usd - before.today.usd;
    expect(after1.today.requests - before.today.requests).toBe(1);
    expect(oneRequest).toBeGreaterThan(0.01);
    // The same estimate as the catalog gives for a medium gpt-image-2 request of that size.
    const req = openai.requests.at(-1)!;
    const [w, h] = String(req.fields.size).split('x').map(Number);
    expect(oneRequest).toBeCloseTo(
      estimateCost({ modelId: getModel('gpt-image-2')!, width: w, height: h, quality: 'medium', n: 1 }).usd,
      6,
    );

    // Cancelled after the request went out: still counted.
    openai.script({ delayMs: 5000 });
    const sentBefore = openai.requests.length;
    const cancelled = await start();
    await expect.poll(() => openai.requests.length, { timeout: 10_000 }).toBe(sentBefore + 1);
    await main.call('job:cancel', { jobId: cancelled.jobId });
    expect((await main.waitJob(cancelled.jobId)).state).toBe('cancelled');
    const after2 = await main.call('spend:summary', {});
    expect(after2.today.requests - after1.today.requests).toBe(1);
    expect(after2.today.usd - after1.today.usd).toBeCloseTo(oneRequest, 6);
    // …and the job's result says so, so the renderer's session spend agrees with the ledger.
    const cancelledResult = await main.call('job:result', { jobId: cancelled.jobId });
    expect(cancelledResult).toMatchObject({ state: 'cancelled' });
    expect(cancelledResult.state === 'cancelled' && cancelledResult.spentUsd).toBeCloseTo(oneRequest, 6);

    // Rejected outright (401): counted as sent and rejected, no dollars.
    openai.script({ status: 401 });
    const rejected = await start();
    expect((await main.waitJob(rejected.jobId)).state).toBe('failed');
    // The rejected request cost nothing: the failed result carries no spend.
    expect(await main.call('job:result', { jobId: rejected.jobId })).not.toHaveProperty('spentUsd');
    const after3 = await main.call('spend:summary', {});
    expect(after3.today.requests - after2.today.requests).toBe(1);
    expect(after3.today.rejected - after2.today.rejected).toBe(1);
    expect(after3.today.usd).toBeCloseTo(after2.today.usd, 6);
    expect(after3.month.usd).toBeGreaterThanOrEqual(after3.today.usd);

    // Answered without an image: the job fails, the request was made and counts, and the result says so.
    openai.script({ emptyData: true });
    const empty = await start();
    expect((await main.waitJob(empty.jobId)).state).toBe('failed');
    const after4 = await main.call('spend:summary', {});
    const emptyResult = await main.call('job:result', { jobId: empty.jobId });
    expect(emptyResult.state === 'failed' && emptyResult.spentUsd).toBeCloseTo(after4.today.usd - after3.today.usd, 6);
    expect(after4.today.usd - after3.today.usd).toBeCloseTo(oneRequest, 6);
  });

  it('a prompt Gemini blocks before generating costs no image; an image its safety filter stops does', async () => {
    const { main, gemini } = cloud;
    const name = 'coffee.png';
    const img = await main.call('image:import', { bytes: new Uint8Array(await readFile(join(PHOTOS, name))), name });
    const mask = await maskForEdit(join(PHOTOS, 'coffee.mask-blob.png'));
    const edit = (prompt: string) =>
      main.call<{ jobId: string }>('edit:start', {
        canvas: { width: img.width, height: img.height },
        layers: [{ assetId: img.assetId, x: 0, y: 0 }],
        mask: { png: mask.png, rect: mask.rect },
        prompt,
        model: 'gemini-3.1-flash-image',
        n: 1,
        references: [],
        featherPx: 6,
        colorMatch: true,
      });
    const before = await main.call('spend:summary', {});
    gemini.script({ blockReason: 'PROHIBITED_CONTENT' });
    const blocked = await edit('something blocked');
    expect((await main.waitJob(blocked.jobId)).state).toBe('failed');
    expect(await main.call('job:result', { jobId: blocked.jobId })).not.toHaveProperty('spentUsd');
    const after = await main.call('spend:summary', {});
    expect(after.today.requests - before.today.requests).toBe(1);
    expect(after.today.usd).toBeCloseTo(before.today.usd, 6);
    // Stopped after generating (finish reason IMAGE_SAFETY): the image was made, and is billed.
    gemini.script({ finishReason: 'IMAGE_SAFETY' });
    const filtered = await edit('something filtered');
    expect((await main.waitJob(filtered.jobId)).state).toBe('failed');
    const after2 = await main.call('spend:summary', {});
    expect(after2.today.usd - after.today.usd).toBeGreaterThan(0.01);
  });
});

async function startEdit(main: MainHarness, model: string) {
  const name = 'coffee.png';
  const img = await main.call('image:import', { bytes: new Uint8Array(await readFile(join(PHOTOS, name))), name });
  const mask = await maskForEdit(join(PHOTOS, 'coffee.mask-blob.png'));
  return main.call<{ jobId: string }>('edit:start', {
    canvas: { width: img.width, height: img.height },
    layers: [{ assetId: img.assetId, x: 0, y: 0 }],
    mask: { png: mask.png, rect: mask.rect },
    prompt: 'a glass vase',
    model,
    n: 1,
    ...(model === 'gpt-image-2' ? { quality: 'medium' } : {}),
    references: [],
    featherPx: 6,
    colorMatch: true,
  });
}

describe('what a failed or cancelled request costs, by its attempts (the SDKs retrying)', () => {
  let cloud: CloudHarness;
  beforeAll(async () => {
    cloud = await startMainWithServers({ MASKWORK_STREAM: '0', MASKWORK_MAX_RETRIES: '2' });
  });
  afterAll(async () => {
    await cloud?.close();
  });

  it('a request cancelled while the SDK waits out a rate limit costs nothing: every attempt was refused (OpenAI and Gemini)', async () => {
    const { main, openai, gemini } = cloud;
    const cases = [
      {
        model: 'gpt-image-2',
        server: () => openai.requests,
        script: () => openai.script({ status: 429, retryAfterMs: 20_000, times: Number.POSITIVE_INFINITY }),
      },
      {
        model: 'gemini-3.1-flash-image',
        server: () => gemini.requests,
        script: () => gemini.script({ status: 429, retryAfter: '20', times: Number.POSITIVE_INFINITY }),
      },
    ];
    try {
      for (const c of cases) {
        c.script();
        const before = await main.call('spend:summary', {});
        const sentBefore = c.server().length;
        const { jobId } = await startEdit(main, c.model);
        // The first attempt was answered 429 and the SDK now waits 20 s before trying again.
        await expect.poll(() => c.server().length, { timeout: 10_000 }).toBe(sentBefore + 1);
        await expect
          .poll(() => main.progress.some((p) => p.jobId === jobId && /limiting requests/.test(p.stage)), { timeout: 10_000 })
          .toBe(true);
        await main.call('job:cancel', { jobId });
        expect((await main.waitJob(jobId)).state).toBe('cancelled');
        const result = await main.call('job:result', { jobId });
        expect(result).not.toHaveProperty('spentUsd');
        const after = await main.call('spend:summary', {});
        expect(after.today.usd).toBeCloseTo(before.today.usd, 6);
        expect(after.today.rejected - before.today.rejected).toBe(1);
        openai.clearScript();
        gemini.clearScript();
      }
    } finally {
      openai.clearScript();
      gemini.clearScript();
    }
  });

  it('a request whose first attempt reached the service and was cut off stays charged when the retry is refused', async () => {
    const { main, openai } = cloud;
    // Attempt 1: read in full, then the connection drops (the service may have made the image);
    // attempts 2 and 3: 429. The job fails as rate-limited, but the first attempt may be billed.
    openai.script({ hangMs: 200 }, { status: 429, times: 2 });
    const before = await main.call('spend:summary', {});
    const { jobId } = await startEdit(main, 'gpt-image-2');
    const r = await main.waitJob(jobId);
    expect(r.state === 'failed' && r.error.kind).toBe('rate-limit');
    const after = await main.call('spend:summary', {});
    expect(after.today.usd - before.today.usd).toBeGreaterThan(0.01);
    expect(after.today.rejected - before.today.rejected).toBe(0);
    expect((await main.call('job:result', { jobId })).spentUsd).toBeCloseTo(after.today.usd - before.today.usd, 6);
  });
});
