/**
 * Settings → Spend cap, enforced in main (electron/main/services/spend-gate.ts): a paid request
 * whose worst case would take the day's or the month's spend above the cap is refused before
 * anything is sent — nothing sent, nothing in the ledger, no candidate. The offline engine is never
 * capped; several jobs at once are summed (what each still holds counts); the day and the month are
 * local calendar ones (the ledger's).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { SpendLedger } from '../../../electron/main/services/spend-ledger';
import { PrefsStore } from '../../../electron/main/services/prefs-store';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { SpendGate } from '../../../electron/main/services/spend-gate';
import { capLeft, capRefusal, parseSpendCap, type SpendCap } from '../../../shared/prefs/spend-cap';
import { estimateCost, getModel } from '../../../shared/models';
import { extendToAspect, planOutpaint } from '../../../shared/geometry';
import { maskForEdit, startMainWithServers, type CloudHarness, type MainHarness } from '../../support/main-harness';

const PHOTOS = resolve(__dirname, '../../../../shared/testdata/photos');

describe('the cap check (pure)', () => {
  it("says the request, the period's total after it and the cap; a request that lands on the cap exactly goes", () => {
    expect(capRefusal({ dailyUsd: 5 }, { today: 4.96, month: 20 }, 0.16)).toBe(
      "This request (≈ $0.160) would take today's spend to $5.12, above your $5.00 daily cap. " +
        'Raise the cap in Settings → Spend cap, or use Offline fill (free).',
    );
    expect(capRefusal({ dailyUsd: 5 }, { today: 4.84, month: 20 }, 0.16)).toBeNull();
    // Amounts that are not whole cents read as the cost line reads them ("≈ $0.038"), never rounded onto the cap.
    expect(capRefusal({ dailyUsd: 0.05 }, { today: 0.014, month: 0.014 }, 0.038)).toContain(
      "(≈ $0.038) would take today's spend to $0.052, above your $0.050 daily cap",
    );
    expect(capRefusal({ monthlyUsd: 20 }, { today: 0, month: 19.9 }, 0.16)).toContain(
      "this month's spend to $20.06, above your $20.00 monthly cap",
    );
  });

  it('off by default; a free request (the offline engine) is never refused, even over the cap', () => {
    expect(capRefusal(parseSpendCap(undefined), { today: 1e6, month: 1e6 }, 0.5)).toBeNull();
    expect(capRefusal({ dailyUsd: 0 }, { today: 3, month: 3 }, 0)).toBeNull();
    expect(capRefusal({ dailyUsd: 0 }, { today: 0, month: 0 }, 0.001)).not.toBeNull();
  });

  it('a malformed limit in the prefs file is off, never guessed; what is left is the tighter limit', () => {
    expect(parseSpendCap({ dailyUsd: -1, monthlyUsd: '5' })).toEqual({});
    expect(parseSpendCap({ dailyUsd: 5, monthlyUsd: 50 })).toEqual({ dailyUsd: 5, monthlyUsd: 50 });
    expect(capLeft({ dailyUsd: 5, monthlyUsd: 50 }, { today: 1, month: 47 })).toEqual({ usd: 3, words: 'this month' });
    expect(capLeft({ dailyUsd: 5 }, { today: 6, month: 6 })).toEqual({ usd: 0, words: 'today' });
    expect(capLeft({}, { today: 1, month: 1 })).toBeNull();
  });
});

describe('the cap in prefs.json', () => {
  it('survives a restart; a limit cleared is gone from the file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'maskwork-cap-'));
    try {
      const file = join(dir, 'prefs.json');
      const prefs = new PrefsStore(file);
      expect(prefs.get().spendCap).toEqual({});
      prefs.setSpendCap({ dailyUsd: 5, monthlyUsd: 60 });
      prefs.setSpendCap({ monthlyUsd: 60 });
      await prefs.flushed();
      expect(new PrefsStore(file).get().spendCap).toEqual({ monthlyUsd: 60 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('SpendGate over the ledger: period boundaries, holds', () => {
  it('the day starts again at local midnight and the month on the 1st; the month counts every day of it', () => {
    let t = new Date(2026, 10, 29, 12, 0).getTime();
    const ledger = new SpendLedger(null, () => t);
    let cap: SpendCap = { dailyUsd: 5 };
    const gate = new SpendGate(ledger, () => cap);
    gate.sent(3);
    t = new Date(2026, 10, 30, 23, 50).getTime();
    gate.sent(4.9);
    expect(() => gate.sent(0.16)).toThrow("would take today's spend to $5.06, above your $5.00 daily cap");
    t = new Date(2026, 11, 1, 0, 10).getTime(); // a new day and a new month
    expect(gate.sent(0.16).usd).toBe(0.16);
    // With a monthly cap too: the 29th's and the 30th's spend both count in November.
    t = new Date(2026, 10, 30, 23, 55).getTime();
    cap = { monthlyUsd: 8 };
    expect(() => gate.sent(0.16)).toThrow("this month's spend to $8.06, above your $8.00 monthly cap");
    expect(ledger.summary().month.usd).toBe(7.9); // the refused ones were never recorded
  });

  it("a job's worst case is held before it sends; what other jobs hold counts (several models summed); a release gives it back", () => {
    const gate = new SpendGate(new SpendLedger(null), () => ({ dailyUsd: 1 }));
    const a = gate.forJob();
    const b = gate.forJob();
    a.reserve(0.6);
    expect(() => b.reserve(0.5)).toThrow("would take today's spend to $1.10, above your $1.00 daily cap");
    // Within its hold a job's requests go without asking again, the hold shrinking as they are sent.
    a.sent(0.3);
    a.sent(0.3);
    expect(() => b.reserve(0.5)).toThrow('$1.10');
    a.release();
    b.reserve(0.4);
    // A request beyond a job's hold is checked on its own.
    expect(() => b.sent(0.5)).toThrow("would take today's spend to $1.10");
  });
});

describe('the cap through the handler table (local servers)', () => {
  let cloud: CloudHarness;
  beforeAll(async () => {
    cloud = await startMainWithServers({ MASKWORK_STREAM: '0' });
  });
  afterAll(async () => {
    await cloud?.close();
  });

  async function editRequest(main: MainHarness, model: string, extra: Record<string, unknown> = {}) {
    const name = 'coffee.png';
    const img = await main.call('image:import', { bytes: new Uint8Array(await readFile(join(PHOTOS, name))), name });
    const mask = await maskForEdit(join(PHOTOS, 'coffee.mask-blob.png'));
    return {
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
      ...extra,
    };
  }

  /** Today's spend after one medium GPT Image 2 request with no cap (what the refusals are measured against). */
  async function oneRequestUsd(): Promise<number> {
    const { main } = cloud;
    await main.call('prefs:spendCap', {});
    const before = (await main.call('spend:summary', {})).today.usd;
    const { jobId } = await main.call('edit:start', await editRequest(main, 'gpt-image-2'));
    expect((await main.waitJob(jobId)).state).toBe('done');
    return (await main.call('spend:summary', {})).today.usd - before;
  }

  async function refused(payload: unknown, channel = 'edit:start') {
    const { main, openai, gemini } = cloud;
    const sent = openai.requests.length + gemini.requests.length;
    const before = await main.call('spend:summary', {});
    const { jobId } = await main.call(channel, payload);
    const r = await main.waitJob(jobId);
    expect(openai.requests.length + gemini.requests.length).toBe(sent); // nothing sent
    expect(await main.call('spend:summary', {})).toEqual(before); // nothing recorded
    expect(r.state).toBe('failed');
    return r.state === 'failed' ? r.error : null;
  }

  it('worst case: two candidates are refused where one fits, before anything is sent; a raised cap lets them go', async () => {
    const { main } = cloud;
    const one = await oneRequestUsd();
    const today = (await main.call('spend:summary', {})).today.usd;
    await main.call('prefs:spendCap', { dailyUsd: today + one * 1.5 });
    const error = await refused(await editRequest(main, 'gpt-image-2', { n: 2 }));
    expect(error).toMatchObject({ kind: 'invalid-request', rule: 'spend-cap' });
    expect(error?.message).toMatch(/^This request \(≈ \$0\.\d+\) would take today's spend to \$[\d.]+, above your \$[\d.]+ daily cap\./);
    await main.call('prefs:spendCap', { dailyUsd: today + one * 2.5 });
    const { jobId } = await main.call('edit:start', await editRequest(main, 'gpt-image-2', { n: 2 }));
    expect((await main.waitJob(jobId)).state).toBe('done');
  });

  it('text retries: the first request fits, the retries the budget allows do not — refused before the first', async () => {
    const { main } = cloud;
    const one = await oneRequestUsd();
    const today = (await main.call('spend:summary', {})).today.usd;
    await main.call('prefs:spendCap', { dailyUsd: today + one * 1.5 });
    const error = await refused(await editRequest(main, 'gpt-image-2', { textCheck: { text: 'OPEN', retries: 2 } }));
    expect(error?.rule).toBe('spend-cap');
  });

  it('prefs:spendCap takes amounts from $0 to $100,000 (absent: that limit off) and refuses anything else', async () => {
    const { main } = cloud;
    expect((await main.call('prefs:spendCap', { monthlyUsd: 40 })).spendCap).toEqual({ monthlyUsd: 40 });
    for (const bad of [{ dailyUsd: -1 }, { dailyUsd: 1e9 }, { monthlyUsd: Number.NaN }, { dailyUsd: '5' }]) {
      const r = await main.callRaw('prefs:spendCap', bad);
      expect(r.ok === false && r.error.kind, JSON.stringify(bad)).toBe('validation');
    }
    expect((await main.call('prefs:get', {})).spendCap).toEqual({ monthlyUsd: 40 });
  });

  it('the offline engine is never capped (a $0 cap)', async () => {
    const { main } = cloud;
    await main.call('prefs:spendCap', { dailyUsd: 0, monthlyUsd: 0 });
    const { jobId } = await main.call('edit:start', await editRequest(main, 'local', { prompt: '' }));
    const r = await main.waitJob(jobId);
    expect(r.state === 'failed' ? r.error : r.state).toBe('done');
  });

  it('several models started together are summed: the one that would go over is refused, what went stays under the cap', async () => {
    const { main, openai, gemini } = cloud;
    const one = await oneRequestUsd();
    const gem = estimateCost({ modelId: getModel('gemini-3.1-flash-image')!, width: 1024, height: 1024, n: 1 }).usd;
    const today = (await main.call('spend:summary', {})).today.usd;
    const cap = today + Math.max(one, gem) * 1.2;
    await main.call('prefs:spendCap', { dailyUsd: cap });
    // Both slow, so each is out (held) while the other is checked.
    openai.script({ delayMs: 800 });
    gemini.script({ delayMs: 800 });
    const sent = openai.requests.length + gemini.requests.length;
    const [a, b] = await Promise.all([
      main.call('edit:start', await editRequest(main, 'gpt-image-2')),
      main.call('edit:start', await editRequest(main, 'gemini-3.1-flash-image')),
    ]);
    const results = [await main.waitJob(a.jobId), await main.waitJob(b.jobId)];
    expect(results.map((r) => r.state).sort()).toEqual(['done', 'failed']);
    const failed = results.find((r) => r.state === 'failed');
    expect(failed?.state === 'failed' && failed.error.rule).toBe('spend-cap');
    expect(openai.requests.length + gemini.requests.length).toBe(sent + 1);
    expect((await main.call('spend:summary', {})).today.usd).toBeLessThanOrEqual(cap + 1e-6);
  });

  it('an outpaint: every tile of every candidate is held; refused before the first tile is sent', async () => {
    const { main } = cloud;
    const bytes = new Uint8Array(await sharp(join(PHOTOS, 'coffee.png')).resize(256, 256).png().toBuffer());
    const img = await main.call('image:import', { bytes, name: 'coffee.png' });
    const ext = extendToAspect({ width: 256, height: 256 }, '3:1', 'left');
    const original = { ...ext.originalAt, width: 256, height: 256 };
    const plan = planOutpaint({ canvas: ext.canvas, original, model: getModel('gpt-image-2')!, featherPx: 24 });
    expect(plan.ok).toBe(true);
    const today = (await main.call('spend:summary', {})).today.usd;
    // Room for one tile of one candidate, not for the whole job.
    const tile = plan.ok ? plan.tiles[0]! : null;
    const tileUsd = estimateCost({ modelId: getModel('gpt-image-2')!, width: tile!.request.width, height: tile!.request.height }).usd;
    await main.call('prefs:spendCap', { dailyUsd: today + tileUsd * 1.5 });
    const error = await refused(
      {
        canvas: ext.canvas,
        original,
        layers: [{ assetId: img.assetId, ...ext.originalAt }],
        prompt: 'more table',
        model: 'gpt-image-2',
        n: 2,
        featherPx: 24,
      },
      'outpaint:start',
    );
    expect(error?.rule).toBe('spend-cap');
  });
});
