import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOpenAIServer } from '../../servers';
import { assertCliBuilt, type CliResult, REPO, runCli } from '../../support/cli-run';

const FIX = join(REPO, 'test/fixtures/text');
let openai: Awaited<ReturnType<typeof startOpenAIServer>>;
let tmp: string;
let maskPath: string;

beforeAll(async () => {
  assertCliBuilt();
  openai = await startOpenAIServer();
  tmp = await mkdtemp(join(tmpdir(), 'maskwork-cli-text-'));
  // White over the text of the 640×360 label.
  const m = Buffer.alloc(640 * 360);
  for (let y = 120; y < 240; y++) m.fill(255, y * 640 + 170, y * 640 + 470);
  maskPath = join(tmp, 'mask.png');
  await writeFile(
    maskPath,
    await sharp(m, { raw: { width: 640, height: 360, channels: 1 } })
      .png()
      .toBuffer(),
  );
});
afterAll(async () => {
  await openai?.close();
  await rm(tmp, { recursive: true, force: true });
});

function run(args: string[]): Promise<CliResult> {
  return runCli(args, {
    PATH: process.env.PATH ?? '',
    OPENAI_API_KEY: 'sk-cli-text-key-0000',
    OPENAI_BASE_URL: openai.url,
    MASKWORK_MAX_RETRIES: '0',
  });
}

describe('maskwork edit --text', () => {
  it('reads every candidate back, retries until right and reports the reading per candidate', async () => {
    const [right, wrong, wrong3] = await Promise.all(['v2-right.png', 'v2-wrong.png', 'v3-wrong.png'].map((f) => readFile(join(FIX, f))));
    openai.clearScript();
    openai.script({ fillImages: [wrong, wrong3] }, { fillImages: [right] }, { fillImages: [wrong3], times: Infinity });
    const sent = openai.requests.length;
    const out = join(tmp, 'v2.png');
    const r = await run([
      'edit',
      '--image',
      join(FIX, 'label-v1.png'),
      '--mask',
      maskPath,
      '--prompt',
      "change 'V1.0' to 'V2.0'",
      '--model',
      'gpt-image-2',
      '--quality',
      'low',
      '--n',
      '2',
      '--text',
      'V2.0',
      '--retry-text',
      '3',
      '--out',
      out,
      '--json',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(openai.requests.length - sent).toBe(2);
    const j = JSON.parse(r.stdout);
    expect(j.textCheck).toMatchObject({ retriesAllowed: 3, requests: 2 });
    const c = j.textCheck.candidates;
    expect(c.map((x: { status: string }) => x.status)).toEqual(['right', 'wrong', 'wrong']);
    expect(c[0]).toMatchObject({ read: 'V2.0', expected: 'V2.0', distance: 0, attempt: 1, output: join(tmp, 'v2-1.png') });
    expect(
      c
        .slice(1)
        .map((x: { read: string }) => x.read)
        .sort(),
    ).toEqual(['V2.O', 'V3.0']);
    expect(j.textCheck.worstCaseCostUsd).toBeGreaterThan(j.estimatedCostUsd);
    for (const p of j.outputs) expect(existsSync(p)).toBe(true);
    expect(j.outputs).toHaveLength(3);
  });

  it('without --json says per file what was read (best first), so a wrong text is seen without the JSON', async () => {
    const [right, wrong] = await Promise.all(['v2-right.png', 'v2-wrong.png'].map((f) => readFile(join(FIX, f))));
    openai.clearScript();
    openai.script({ fillImages: [wrong, right] });
    const out = join(tmp, 'plain.png');
    const args = ['edit', '--image', join(FIX, 'label-v1.png'), '--mask', maskPath, '--prompt', "change 'V1.0' to 'V2.0'"];
    const r = await run([...args, '--model', 'gpt-image-2', '--quality', 'low', '--n', '2', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^Wrote .*plain-1\.png, .*plain-2\.png · ≈ \$/);
    expect(lines.slice(1)).toEqual([
      'Text “V2.0”: 1 of 2 spelled right',
      `  ${join(tmp, 'plain-1.png')}: Spelled right: V2.0`,
      `  ${join(tmp, 'plain-2.png')}: 1 character wrong: read V2.O, asked for V2.0; a glyph looks like "O"`,
    ]);
  });

  it('without --json the Wrote line counts the text retries in its cost (it gave the first request only)', async () => {
    const wrong = await readFile(join(FIX, 'v2-wrong.png'));
    openai.clearScript();
    openai.script({ fillImages: [wrong], times: Infinity });
    const args = ['edit', '--image', join(FIX, 'label-v1.png'), '--mask', maskPath, '--prompt', "change 'V1.0' to 'V2.0'"];
    const model = ['--model', 'gpt-image-2', '--quality', 'low'];
    const once = await run([...args, ...model, '--out', join(tmp, 'once.png')]);
    expect(once.code, once.stderr).toBe(0);
    const one = Number(/· ≈ \$(\d+\.\d{3})$/.exec(once.stdout.trim().split('\n')[0])?.[1]);
    expect(one).toBeGreaterThan(0);
    const r = await run([...args, ...model, '--retry-text', '1', '--out', join(tmp, 'retried.png')]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    const m = /^Wrote (.+) · ≈ \$(\d+\.\d{3}) with 1 text retry$/.exec(lines[0]);
    expect(m, lines[0]).not.toBeNull();
    expect(m![1]).toBe(`${join(tmp, 'retried-1.png')}, ${join(tmp, 'retried-2.png')}`);
    expect(Math.abs(Number(m![2]) - 2 * one)).toBeLessThanOrEqual(0.0011); // two requests, each rounded to 3 places
    expect(lines[1]).toBe('Text “V2.0”: none spelled right');
    openai.clearScript();
  });

  it('refuses --retry-text without a text to check (exit 2)', async () => {
    const r = await run([
      'edit',
      '--image',
      join(FIX, 'label-v1.png'),
      '--mask',
      maskPath,
      '--prompt',
      'clean it',
      '--model',
      'gpt-image-2',
      '--retry-text',
      '2',
      '--out',
      join(tmp, 'x.png'),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--retry-text needs --text');
  });
});
