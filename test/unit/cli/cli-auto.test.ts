/** `maskwork … --model auto`: the routing rules pick the model; --json reports the pick and the reason. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { startGeminiServer, startOpenAIServer } from '../../servers';
import { assertCliBuilt, type CliResult, PHOTOS, runCli } from '../../support/cli-run';

const img = join(PHOTOS, 'coffee.png');
const mask = join(PHOTOS, 'coffee.mask-blob.png');

let openai: Awaited<ReturnType<typeof startOpenAIServer>>;
let gemini: Awaited<ReturnType<typeof startGeminiServer>>;
let tmp: string;

beforeAll(async () => {
  assertCliBuilt();
  openai = await startOpenAIServer();
  gemini = await startGeminiServer();
  tmp = await mkdtemp(join(tmpdir(), 'maskwork-cli-auto-'));
});
afterAll(async () => {
  await openai?.close();
  await gemini?.close();
  await rm(tmp, { recursive: true, force: true });
});

function run(args: string[], env: Record<string, string | undefined> = {}): Promise<CliResult> {
  return runCli(args, {
    PATH: process.env.PATH ?? '',
    OPENAI_API_KEY: 'sk-cli-test-key-0000',
    GEMINI_API_KEY: 'gm-cli-test-key-1111',
    OPENAI_BASE_URL: openai.url,
    GOOGLE_GEMINI_BASE_URL: gemini.baseUrl,
    MASKWORK_MAX_RETRIES: '0',
    MASKWORK_STREAM: '0',
    ...env,
  });
}

const edit = (prompt: string, out: string, extra: string[] = []) => [
  'edit',
  '--image',
  img,
  '--mask',
  mask,
  '--prompt',
  prompt,
  '--model',
  'auto',
  '--out',
  join(tmp, out),
  '--json',
  ...extra,
];

describe('maskwork --model auto', () => {
  it('text in the prompt → gpt-image-2, sent there, with the rule and reason in --json', async () => {
    const before = openai.requests.length;
    const r = await run(edit('change the label to "ORGANIC"', 'text.png'));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.model).toBe('gpt-image-2');
    expect(j.auto).toEqual({ model: 'gpt-image-2', rule: 'text', reason: 'the prompt asks for text (the quoted text “ORGANIC”)' });
    expect(openai.requests.length).toBe(before + 1);
    expect(openai.requests[before].fields.model).toBe('gpt-image-2');
  });

  it('a rules file saved from Settings decides the default; a text rule without its key is skipped and said so', async () => {
    const rules = join(tmp, 'rules.json');
    await writeFile(
      rules,
      JSON.stringify({
        defaultModel: 'gemini-3.1-flash-image',
        rules: [{ id: 'text', enabled: true, when: { kind: 'text-in-prompt', words: ['logo'] }, use: 'gpt-image-2' }],
      }),
    );
    const before = gemini.requests.length;
    const r = await run(edit('add a small logo', 'nokey.png', ['--rules', rules]), { OPENAI_API_KEY: undefined });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.model).toBe('gemini-3.1-flash-image');
    expect(j.auto.rule).toBeNull();
    expect(j.auto.reason).toBe('no rule applies: your default model');
    expect(j.auto.skipped).toEqual(['the prompt asks for text (the word “logo”), but GPT Image 2 cannot be used (no key)']);
    expect(gemini.requests.length).toBe(before + 1);
    expect(gemini.requests[before].model).toBe('gemini-3.1-flash-image');
  });

  it('without --json the pick is printed on stderr', async () => {
    const r = await run(edit('a wooden table', 'plain.png').filter((a) => a !== '--json'));
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('maskwork: Auto picked GPT Image 2 — no rule applies: your default model');
  });

  it('expand to 4:1 → Nano Banana 2 (wider than 3:1), one request', async () => {
    const src = join(tmp, 'strip.png');
    await sharp(join(PHOTOS, 'coffee.png')).resize(400, 300).png().toFile(src);
    const out = join(tmp, 'wide.png');
    const before = gemini.requests.length;
    const r = await run(['expand', '--image', src, '--aspect', '4:1', '--model', 'auto', '--prompt', 'more table', '--out', out, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.model).toBe('gemini-3.1-flash-image');
    expect(j.auto).toEqual({ model: 'gemini-3.1-flash-image', rule: 'wide-outpaint', reason: 'the outpaint is 4:1, wider than 3:1' });
    expect(gemini.requests.length - before).toBe(j.requests);
    const m = await sharp(out).metadata();
    expect([m.width, m.height]).toEqual([j.canvas.width, j.canvas.height]);
  });

  it('a broken rules file, or --rules without auto, is bad usage (exit 2) and nothing is sent', async () => {
    const bad = join(tmp, 'bad.json');
    await writeFile(bad, JSON.stringify({ defaultModel: 'x', rules: [{ id: 'a', enabled: true, when: { kind: 'moon' }, use: 'x' }] }));
    const before = openai.requests.length + gemini.requests.length;
    const r1 = await run(edit('x', 'bad1.png', ['--rules', bad]));
    expect(r1.code).toBe(2);
    expect(r1.stderr).toContain('is not a valid set of routing rules');
    const r2 = await run([...edit('x', 'bad2.png', ['--rules', bad]).map((a) => (a === 'auto' ? 'gpt-image-2' : a))]);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain('--rules applies only with --model auto');
    const r3 = await run(edit('x', 'bad3.png', ['--rules', join(tmp, 'missing.json')]));
    expect(r3.code).toBe(2);
    expect(openai.requests.length + gemini.requests.length).toBe(before);
  });
});
