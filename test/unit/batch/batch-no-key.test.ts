// A batch whose model has no key set: refused at Start, before anything is stored, sent or counted
// (now and Batch API, Gemini and OpenAI), with the Settings → Keys sentence; the price is still shown.
// A `now` batch was stored and started, and each photo failed in turn with the same message (the
// panel had already emptied its list); a Batch API one counted its price and took it back.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMain } from '../../support/main-harness';
import { copyPhotosWithMasks, folderOnce } from '../../support/batch-folder';
import { startGeminiBatchServer, startGeminiServer, startOpenAIServer } from '../../servers';
import type { GeminiBatchServer, GeminiServer, OpenAIServer } from '../../servers';

vi.mock('electron', () => ({}));

let gemini: GeminiServer;
let batchApi: GeminiBatchServer;
let openai: OpenAIServer;
let dir: string;

beforeAll(async () => {
  gemini = await startGeminiServer();
  batchApi = await startGeminiBatchServer({ fallback: gemini.baseUrl });
  openai = await startOpenAIServer();
  dir = await mkdtemp(join(tmpdir(), 'maskwork-batch-nokey-'));
  await copyPhotosWithMasks(dir, ['coffee.png', 'rocket.jpg'], 'dashed');
});
afterAll(async () => {
  await batchApi?.close();
  await gemini?.close();
  await openai?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('a batch without its model’s key', () => {
  for (const [model, mode, sentence] of [
    ['gemini-3.1-flash-image', 'now', /^No Google Gemini key is set\. Add one in Settings → Keys/],
    ['gemini-3.1-flash-image', 'batch-api', /^No Google Gemini key is set\. Add one in Settings → Keys/],
    ['gpt-image-2', 'now', /^No OpenAI key is set\. Add one in Settings → Keys/],
  ] as const) {
    it(`${model}, ${mode}: refused before anything is stored, sent or counted; the price is still made`, async () => {
      // Each service is reachable: only the key is missing.
      const main = await startMain(
        {
          GOOGLE_GEMINI_BASE_URL: batchApi.baseUrl,
          OPENAI_BASE_URL: openai.url,
          MASKWORK_MAX_RETRIES: '0',
          MASKWORK_STREAM: '0',
          MASKWORK_BATCH_POLL_MS: '40',
        },
        folderOnce(dir),
      );
      try {
        const { files } = await main.call('batch:addFolder', {});
        const draft = { fileIds: files.map((f: { fileId: string }) => f.fileId), prompt: 'remove the object', model, mode };
        const est = await main.call('batch:estimate', draft);
        expect(est.totalUsd).toBeGreaterThan(0);
        const sent = gemini.requests.length + batchApi.log.length + openai.requests.length;
        const r = await main.callRaw('batch:start', { ...draft, featherPx: 4, colorMatch: true });
        expect(r.ok).toBe(false);
        expect(r.error.kind).toBe('auth');
        expect(r.error.message).toMatch(sentence);
        // Give a batch that was started anyway its chance to send.
        await new Promise((res) => setTimeout(res, 300));
        expect(await main.call('batch:list', {})).toEqual([]);
        expect(gemini.requests.length + batchApi.log.length + openai.requests.length).toBe(sent);
        expect(main.svc.ledger.summary().today).toMatchObject({ usd: 0 });
      } finally {
        main.svc.batches.stop();
        await main.svc.batches.idle();
        await main.close();
      }
    }, 60_000);
  }
});
