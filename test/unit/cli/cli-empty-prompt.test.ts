/**
 * `maskwork edit` and `compare` without --prompt: as Photoshop's Generative Fill with an empty prompt,
 * a cloud model is asked to remove what is masked (main's REMOVE_PROMPT); --prompt was required, and
 * main refused an empty one ("Type a prompt describing the change").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGeminiServer, startOpenAIServer } from '../../servers';
import { assertCliBuilt, PHOTOS, runCli } from '../../support/cli-run';
import { REMOVE_PROMPT } from '../../../shared/prompts/remove-prompt';

let openai: Awaited<ReturnType<typeof startOpenAIServer>>;
let gemini: Awaited<ReturnType<typeof startGeminiServer>>;
let tmp: string;

beforeAll(async () => {
  assertCliBuilt();
  openai = await startOpenAIServer();
  gemini = await startGeminiServer();
  tmp = await mkdtemp(join(tmpdir(), 'maskwork-cli-empty-'));
});
afterAll(async () => {
  await openai?.close();
  await gemini?.close();
  await rm(tmp, { recursive: true, force: true });
});

const run = (args: string[]) =>
  runCli(args, {
    PATH: process.env.PATH ?? '',
    OPENAI_API_KEY: 'sk-cli-test-key-0000',
    GEMINI_API_KEY: 'gm-cli-test-key-1111',
    OPENAI_BASE_URL: openai.url,
    GOOGLE_GEMINI_BASE_URL: gemini.baseUrl,
    MASKWORK_MAX_RETRIES: '0',
  });
const base = ['--image', join(PHOTOS, 'coffee.png'), '--mask', join(PHOTOS, 'coffee.mask-blob.png')];

describe('no --prompt with a cloud model', () => {
  it('edit sends the removal prompt (gpt-image-2 and Nano Banana 2), no text check asked', async () => {
    const r = await run(['edit', ...base, '--model', 'gpt-image-2', '--quality', 'low', '--out', join(tmp, 'gpt.png'), '--json']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(openai.requests.at(-1)?.fields.prompt).toBe(REMOVE_PROMPT);
    expect(JSON.parse(r.stdout).textCheck ?? null).toBeNull();
    const g = await run(['edit', ...base, '--model', 'gemini-3.1-flash-image', '--out', join(tmp, 'gem.png')]);
    expect(g.code).toBe(0);
    expect(JSON.stringify(gemini.requests.at(-1)?.body)).toContain(REMOVE_PROMPT);
  });

  it('an empty --prompt "" is a usage error (a value was meant), compare without one runs each model', async () => {
    const e = await run(['edit', ...base, '--prompt', '', '--model', 'gpt-image-2', '--out', join(tmp, 'e.png')]);
    expect(e.code).toBe(2);
    const before = openai.requests.length;
    const c = await run(['compare', ...base, '--models', 'gpt-image-2,local', '--quality', 'low', '--out', join(tmp, 'cmp.png'), '--json']);
    expect(c.code).toBe(0);
    expect(openai.requests.slice(before).map((q) => q.fields.prompt)).toEqual([REMOVE_PROMPT]);
  });
});
