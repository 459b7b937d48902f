/**
 * An edit in areas where one area's request fails: the others' requests are stopped at once (their
 * connections closed, no retry of theirs sent), the error names the failed area, nothing is kept,
 * and the ledger counts what reached the service as a cancel would: a request stopped while it
 * waited out a rate limit is not charged; one stopped while the service worked on it may be.
 * Real handler table and OpenAI SDK against the local server (one retry allowed).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMainWithServers, type CloudHarness } from '../../support/main-harness';
import { areasRequest } from '../../support/areas-request';

const W = 3000;
const H = 2000;
const DABS = [
  { x: 240, y: 240, width: 120, height: 100 },
  { x: 2640, y: 1660, width: 120, height: 100 },
];
const RECT = { x: 240, y: 240, width: 2520, height: 1520 };

let cloud: CloudHarness;
let request: Record<string, unknown>;
/** What the two areas' requests cost together (the first test: both counted). */
let bothUsd = 0;
beforeAll(async () => {
  cloud = await startMainWithServers({ MASKWORK_STREAM: '0', MASKWORK_MAX_RETRIES: '1' });
  request = await areasRequest(cloud.main, { width: W, height: H }, DABS, RECT, 1);
}, 120_000);
afterAll(async () => {
  await cloud?.close();
});

/** A promise and its resolver. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open = () => {};
  const promise = new Promise<void>((r) => {
    open = r;
  });
  return { promise, open };
}

describe('one of two areas fails', () => {
  it('the other, slow one is stopped at once; the error names the area; both reached the service and are counted', async () => {
    const { main, openai } = cloud;
    const before = (await main.call('spend:summary', {})).today;
    const sent = openai.requests.length;
    // The first request fails once the second has been read in full; the second would take a minute.
    const secondRead = gate();
    const release = gate();
    openai.script(
      { status: 500, shouldRetry: false, until: secondRead.promise },
      {
        match: () => {
          secondRead.open();
          return true;
        },
        delayMs: 60_000,
        until: release.promise,
      },
    );
    const t0 = Date.now();
    const { jobId } = await main.call('edit:start', request as never);
    const r = await main.waitJob(jobId);
    release.open();
    expect(Date.now() - t0).toBeLessThan(20_000);
    expect(r.state).toBe('failed');
    if (r.state !== 'failed') return;
    expect(r.error.message).toMatch(/^Area [12] of 2: .+\. Nothing was changed; 1 other area's request was stopped\.$/);
    const reqs = openai.requests.slice(sent);
    expect(reqs).toHaveLength(2);
    // The slow one's connection was closed by the app, not answered.
    await expect.poll(() => reqs[1].aborted, { timeout: 5000 }).toBe(true);
    expect(reqs[1].answeredAt).toBeUndefined();
    // Both bodies reached the service: each may be charged, as for a cancel (the job says so too).
    const after = (await main.call('spend:summary', {})).today;
    expect(after.requests - before.requests).toBe(2);
    expect(r.spentRequests).toBe(2);
    expect(r.spentUsd).toBeCloseTo(after.usd - before.usd, 6);
    bothUsd = after.usd - before.usd;
    expect(bothUsd).toBeGreaterThan(0);
    openai.clearScript();
  }, 60_000);

  it('the other, waiting out a rate limit, is stopped before it tries again: not sent twice, not charged', async () => {
    const { main, openai } = cloud;
    const before = (await main.call('spend:summary', {})).today;
    const sent = openai.requests.length;
    const limited = gate();
    openai.script(
      // The first fails once the second has been told to wait 8 s and try again.
      { status: 500, shouldRetry: false, until: limited.promise },
      {
        match: () => {
          setTimeout(limited.open, 300);
          return true;
        },
        status: 429,
        retryAfterMs: 8000,
        shouldRetry: true,
      },
    );
    const { jobId } = await main.call('edit:start', request as never);
    const r = await main.waitJob(jobId);
    expect(r.state).toBe('failed');
    if (r.state !== 'failed') return;
    expect(r.error.message).toMatch(/^Area [12] of 2: /);
    // Long enough for the retry the rate limit asked for, had it been sent.
    await new Promise((res) => setTimeout(res, 9000));
    expect(openai.requests.length - sent).toBe(2);
    expect(openai.requests.slice(sent).map((q) => q.status)).toEqual([500, 429]);
    // The ledger: both sent; the failed one may be charged, the rate-limited one was refused (its
    // cost taken back out): today's dollars grew by the failed one's alone, half of what both cost.
    const after = (await main.call('spend:summary', {})).today;
    expect(after.requests - before.requests).toBe(2);
    expect(after.rejected - before.rejected).toBe(1);
    expect(r.spentRequests).toBe(1);
    expect(after.usd - before.usd).toBeCloseTo(r.spentUsd ?? 0, 6);
    expect(after.usd - before.usd).toBeCloseTo(bothUsd / 2, 6);
    openai.clearScript();
  }, 60_000);
});
