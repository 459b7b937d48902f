// A batch with an empty prompt and a cloud model: started (it was refused, "Type a prompt describing
// the change for every image."), and every request carries main's removal prompt (shared/prompts
// REMOVE_PROMPT) as an empty prompt in Generate does — run now (OpenAI, Gemini) and through the
// Gemini Batch API.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMain } from '../../support/main-harness';
import { copyPhotosWithMasks, folderOnce } from '../../support/batch-folder';
import { startGeminiBatchServer, startGeminiServer, startOpenAIServer } from '../../servers';
import type { GeminiBatchServer, GeminiServer, OpenAIServer } from '../../servers';
import { REMOVE_PROMPT } from '../../../shared/prompts/remove-prompt';

vi.mock('electron', () => ({}));

let gemini: GeminiServer;
let batchApi: GeminiBatchServer;
let openai: OpenAIServer;
let dir: string;

beforeAll(async () => {
  gemini = await startGeminiServer();
  batchApi = await startGeminiBatchServer({ fallback: gemini.baseUrl, pendingMs: 20, runningMs: 20 });
  openai = await startOpenAIServer();
  dir = await mkdtemp(join(tmpdir(), 'maskwork-batch-empty-'));
  await copyPhotosWithMasks(dir, ['coffee.png', 'rocket.jpg'], 'dashed');
});
afterAll(async () => {
  await batchApi?.close();
  await gemini?.close();
  await openai?.close();
  await rm(dir, { recursive: true, force: true });
});

/** The text parts of every request in the Batch API jobs created so far. */
const batchTexts = () =>
  [...batchApi.batches.values()].flatMap((b) =>
    b.requests.flatMap((r) =>
      ((r.request.contents as { parts: { text?: string }[] }[]) ?? []).flatMap((c) => c.parts.map((p) => p.text ?? '')),
    ),
  );

describe('a batch with an empty prompt', () => {
  for (const [model, mode] of [
    ['gpt-image-2', 'now'],
    ['gemini-3.1-flash-image', 'now'],
    ['gemini-3.1-flash-image', 'batch-api'],
  ] as const) {
    it(`${model}, ${mode}: started, and each image is sent the removal prompt`, async () => {
      const main = await startMain(
        {
          OPENAI_API_KEY: 'sk-test-openai-key-1234',
          GEMINI_API_KEY: 'gm-test-gemini-key-5678',
          GOOGLE_GEMINI_BASE_URL: batchApi.baseUrl,
          OPENAI_BASE_URL: openai.url,
          MASKWORK_MAX_RETRIES: '0',
          MASKWORK_STREAM: '0',
          MASKWORK_BATCH_POLL_MS: '40',
        },
        folderOnce(dir),
      );
      try {
        const before = { openai: openai.requests.length, gemini: gemini.requests.length, texts: batchTexts().length };
        const { files } = await main.call('batch:addFolder', {});
        const draft = { fileIds: files.map((f: { fileId: string }) => f.fileId), prompt: '', model, mode };
        const r = await main.callRaw('batch:start', { ...draft, featherPx: 4, colorMatch: true });
        expect(r.error?.message).toBeUndefined();
        expect(r.ok).toBe(true);
        await main.svc.batches.idle();
        if (mode === 'batch-api') {
          await vi.waitFor(() => expect(batchTexts().length).toBeGreaterThan(before.texts), { timeout: 5000 });
          const texts = batchTexts().slice(before.texts);
          expect(texts.filter((t) => t.includes(REMOVE_PROMPT))).toHaveLength(2);
        } else if (model === 'gpt-image-2') {
          const sent = openai.requests.slice(before.openai);
          expect(sent).toHaveLength(2);
          for (const q of sent) expect(q.fields.prompt).toBe(REMOVE_PROMPT);
        } else {
          const sent = gemini.requests.slice(before.gemini);
          expect(sent).toHaveLength(2);
          for (const q of sent) expect(q.prompt).toContain(REMOVE_PROMPT);
        }
      } finally {
        main.svc.batches.stop();
        await main.svc.batches.idle();
        await main.close();
      }
    }, 60_000);
  }
});
