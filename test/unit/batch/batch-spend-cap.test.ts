/**
 * A batch under Settings → Spend cap: its whole estimate is checked before it is queued (a `now`
 * batch and a Batch API job alike) — refused, nothing is stored, sent or counted; and a Batch API
 * job the cap refuses as it is sent (someone spent while its items were prepared) fails with the
 * cap's words instead of staying "queued" for ever.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startMain } from '../../support/main-harness';
import { QueuedDialogs } from '../../support/batch-dialogs';
import { startGeminiBatchServer, startGeminiServer, type GeminiBatchServer, type GeminiServer } from '../../servers';

vi.mock('electron', () => ({}));

const PHOTOS = resolve(__dirname, '../../../../shared/testdata/photos');
const KEY = 'AIzaSyCap-maskwork-0123456789abcdef';
const NAMES = ['coffee.png', 'chelsea.png'];

let gemini: GeminiServer;
let batchApi: GeminiBatchServer;
let dir: string;

beforeAll(async () => {
  gemini = await startGeminiServer({ acceptedKeys: [KEY] });
  batchApi = await startGeminiBatchServer({ acceptedKeys: [KEY], fallback: gemini.baseUrl, pendingMs: 50, runningMs: 50 });
  dir = await mkdtemp(join(tmpdir(), 'maskwork-batchcap-'));
  await mkdir(join(dir, 'in'));
  for (const n of NAMES) {
    await copyFile(join(PHOTOS, n), join(dir, 'in', n));
    const stem = n.replace(/\.\w+$/, '');
    await copyFile(join(PHOTOS, `${stem}.mask-blob.png`), join(dir, 'in', `${stem}-mask.png`));
  }
});
afterAll(async () => {
  await batchApi?.close();
  await gemini?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('a batch under the spend cap', () => {
  it('is refused before it is queued when its estimate would go above the cap; raised, it starts', async () => {
    const answers = new QueuedDialogs();
    const main = await startMain(
      { GEMINI_API_KEY: KEY, GOOGLE_GEMINI_BASE_URL: batchApi.baseUrl, MASKWORK_MAX_RETRIES: '0', MASKWORK_BATCH_POLL_MS: '40' },
      answers,
    );
    try {
      answers.folders.push(join(dir, 'in'));
      const { files } = await main.call('batch:addFolder', {});
      const fileIds = files.map((f: { fileId: string }) => f.fileId);
      const start = (mode: 'now' | 'batch-api') =>
        main.callRaw('batch:start', {
          fileIds,
          prompt: 'remove the object',
          model: 'gemini-3.1-flash-image',
          mode,
          featherPx: 4,
          colorMatch: true,
        });
      const { totalUsd } = await main.call('batch:estimate', {
        fileIds,
        prompt: 'remove the object',
        model: 'gemini-3.1-flash-image',
        mode: 'now',
      });
      // Below the Batch API's half price too.
      await main.call('prefs:spendCap', { dailyUsd: totalUsd / 4 });
      const sent = gemini.requests.length + batchApi.log.length;
      for (const mode of ['now', 'batch-api'] as const) {
        const r = await start(mode);
        expect(r.ok).toBe(false);
        expect(r.error).toMatchObject({ kind: 'invalid-request', rule: 'spend-cap' });
        expect(r.error.message).toMatch(/^This batch \(≈ \$[\d.]+\) would take today's spend to \$[\d.]+, above your \$[\d.]+ daily cap\./);
      }
      expect(await main.call('batch:list', {})).toEqual([]);
      expect(gemini.requests.length + batchApi.log.length).toBe(sent);
      expect((await main.call('spend:summary', {})).today.usd).toBe(0);

      await main.call('prefs:spendCap', { dailyUsd: totalUsd * 2 });
      const ok = await start('now');
      expect(ok.ok).toBe(true);
    } finally {
      main.svc.batches.stop();
      await main.close();
    }
  });

  it('a Batch API job the cap refuses as it is sent (the spend moved while its items were prepared) fails with the cap’s words, nothing sent', async () => {
    const answers = new QueuedDialogs();
    const main = await startMain({ GEMINI_API_KEY: KEY, GOOGLE_GEMINI_BASE_URL: batchApi.baseUrl, MASKWORK_MAX_RETRIES: '0' }, answers);
    try {
      answers.folders.push(join(dir, 'in'));
      const { files } = await main.call('batch:addFolder', {});
      const fileIds = files.map((f: { fileId: string }) => f.fileId);
      await main.call('prefs:spendCap', { dailyUsd: 5 });
      // Between the check before queueing and the send, the cap comes down (as if another job had spent).
      const gate = main.svc.ledger;
      const sent = gate.sent.bind(gate);
      vi.spyOn(gate, 'sent').mockImplementationOnce((usd, n) => {
        main.svc.prefs.setSpendCap({ dailyUsd: 0.01 });
        return sent(usd, n);
      });
      const creates = batchApi.log.filter((l) => l.method === 'POST').length;
      const b = await main.call('batch:start', {
        fileIds,
        prompt: 'remove the object',
        model: 'gemini-3.1-flash-image',
        mode: 'batch-api',
        featherPx: 4,
        colorMatch: true,
      });
      expect(b.state).toBe('failed');
      expect(b.error).toMatchObject({ kind: 'invalid-request', rule: 'spend-cap' });
      expect(b.items.map((i: { state: string }) => i.state)).toEqual(['failed', 'failed']);
      expect(batchApi.log.filter((l) => l.method === 'POST').length).toBe(creates);
      expect((await main.call('spend:summary', {})).today.usd).toBe(0);
    } finally {
      main.svc.batches.stop();
      await main.close();
    }
  });
});
