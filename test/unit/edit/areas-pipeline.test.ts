/**
 * An edit in areas through the real handler table and the OpenAI SDK against the local server: two
 * dabs in opposite corners of a 6000×4000 photo are two requests at the dabs' size, the spend cap
 * holds both before the first is sent (refused where one would fit), the ledger counts both, and
 * the candidate is one patch over both areas costing their sum.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMainWithServers, type CloudHarness } from '../../support/main-harness';
import { areasRequest } from '../../support/areas-request';

const W = 6000;
const H = 4000;
const DABS = [
  { x: 340, y: 340, width: 160, height: 120 },
  { x: 5540, y: 3540, width: 160, height: 120 },
];
const RECT = { x: 340, y: 340, width: 5360, height: 3320 };

let cloud: CloudHarness;
let request: Record<string, unknown>;
beforeAll(async () => {
  cloud = await startMainWithServers({ MASKWORK_STREAM: '0', MASKWORK_MAX_RETRIES: '0' });
  request = await areasRequest(cloud.main, { width: W, height: H }, DABS, RECT, 2);
}, 120_000);
afterAll(async () => {
  await cloud?.close();
});

describe('two corner dabs on 24 MP', () => {
  it('the cap holds both areas first: refused where one fits, nothing sent', async () => {
    const { main, openai } = cloud;
    const today = (await main.call('spend:summary', {})).today.usd;
    await main.call('prefs:spendCap', { dailyUsd: today + 0.12 }); // one area (2 images, ≈ $0.083) fits, two (≈ $0.166) do not
    const sent = openai.requests.length;
    const { jobId } = await main.call('edit:start', request as never);
    const r = await main.waitJob(jobId);
    expect(r.state).toBe('failed');
    if (r.state === 'failed') expect(r.error).toMatchObject({ rule: 'spend-cap' });
    expect(openai.requests.length).toBe(sent);
    expect((await main.call('spend:summary', {})).today.usd).toBe(today);
  });

  it('two small requests; each candidate is one patch over both areas, costing their sum; the ledger counts both', async () => {
    const { main, openai } = cloud;
    await main.call('prefs:spendCap', {});
    const before = await main.call('spend:summary', {});
    const sent = openai.requests.length;
    const { jobId } = await main.call('edit:start', request as never);
    const r = await main.waitJob(jobId);
    expect(r.state).toBe('done');
    if (r.state !== 'done') return;
    const reqs = openai.requests.slice(sent);
    expect(reqs.map((q) => q.outputSize)).toEqual(['896x784', '896x784']);
    expect(r.candidates).toHaveLength(2);
    const after = await main.call('spend:summary', {});
    const spent = after.today.usd - before.today.usd;
    for (const c of r.candidates) {
      expect(c.region).toEqual({ x: 260, y: 260, width: 5520, height: 3480 }); // the box around the two 320×280 regions
      // Opaque over both dabs, transparent between them.
      expect(c.opaque).toMatchObject({ x: expect.any(Number), width: expect.any(Number) });
      expect(c.opaque!.x).toBeLessThanOrEqual(DABS[0].x - c.region.x);
      expect(c.opaque!.x + c.opaque!.width).toBeGreaterThanOrEqual(DABS[1].x + DABS[1].width - c.region.x);
    }
    // The renderer is sent each area's own pixels, not the 5520×3480 box between them (77 MB).
    for (const c of r.candidates) {
      expect(c.pixels?.pieces).toHaveLength(2);
      for (const q of c.pixels!.pieces!) expect(q.width * q.height).toBeLessThanOrEqual(320 * 280);
      expect(c.pixels!.rgba.byteLength).toBeLessThanOrEqual(2 * 320 * 280 * 4);
      const [a, b] = c.pixels!.pieces!;
      expect(a.x).toBeLessThanOrEqual(DABS[0].x - c.region.x);
      expect(b.x + b.width).toBeGreaterThanOrEqual(DABS[1].x + DABS[1].width - c.region.x);
    }
    expect(r.candidates[0].costUsd + r.candidates[1].costUsd).toBeCloseTo(spent, 6);
    expect(after.today.requests - before.today.requests).toBe(2);
  });

  it("streaming: each area's partial images are sent marked with the area and its own region", async () => {
    const { main } = cloud;
    const env = main.svc.env as Record<string, string | undefined>;
    env.MASKWORK_STREAM = '1';
    try {
      const from = main.progress.length;
      const { jobId } = await main.call('edit:start', { ...request, n: 1 } as never);
      const r = await main.waitJob(jobId);
      expect(r.state).toBe('done');
      const previews = main.progress
        .slice(from)
        .filter((p) => p.jobId === jobId && p.preview)
        .map((p) => p.preview!);
      expect(previews.length).toBeGreaterThan(0);
      // None stands for the whole candidate; both areas have theirs, each over its own 320×280 region.
      expect(previews.every((p) => p.area === 0 || p.area === 1)).toBe(true);
      expect(new Set(previews.map((p) => p.area))).toEqual(new Set([0, 1]));
      for (const p of previews) {
        const d = DABS[p.area!];
        expect(p.region).toMatchObject({ width: 320, height: 280 });
        expect(p.region!.x <= d.x && d.x + d.width <= p.region!.x + p.region!.width).toBe(true);
        expect(p.region!.y <= d.y && d.y + d.height <= p.region!.y + p.region!.height).toBe(true);
      }
    } finally {
      env.MASKWORK_STREAM = '0';
    }
  });
});
