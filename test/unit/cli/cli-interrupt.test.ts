/**
 * Ctrl+C while requests are out (edit, batch, expand): the CLI cancels its jobs (the requests are
 * aborted on the wire), writes no partial file, says what was written and what the requests sent are
 * charged — as the JSON error object with --json — and exits 130 (143 for SIGTERM). A child process
 * against the local protocol servers, which hold the requests until the client goes away.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startGeminiServer, startOpenAIServer } from '../../servers';
import { interruptCliWhen, type Interrupted as Ended } from '../../support/cli-signal';
import { withTestSettings } from '../../support/cli-run';
import { formatUsd } from '../../../shared/money';

const REPO = resolve(__dirname, '../../..');
const PHOTOS = resolve(REPO, '../shared/testdata/photos');
const BIN = join(REPO, 'bin/maskwork.mjs');
const img = join(PHOTOS, 'coffee.png');
const mask = join(PHOTOS, 'coffee.mask-blob.png');

let openai: Awaited<ReturnType<typeof startOpenAIServer>>;
let gemini: Awaited<ReturnType<typeof startGeminiServer>>;
let tmp: string;
/** Held requests wait for this (or for the client to go away). */
let release: () => void;
const held = new Promise<void>((r) => {
  release = r;
});

beforeAll(async () => {
  if (!existsSync(join(REPO, 'out/cli/index.js'))) throw new Error('CLI not built: run `npm run build` (npm test does).');
  openai = await startOpenAIServer();
  gemini = await startGeminiServer();
  tmp = await mkdtemp(join(tmpdir(), 'maskwork-cli-interrupt-'));
});
afterEach(() => {
  openai.clearScript();
  gemini.clearScript();
});
afterAll(async () => {
  release();
  await openai?.close();
  await gemini?.close();
  await rm(tmp, { recursive: true, force: true });
});

const cliEnv = (): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH ?? '',
  OPENAI_API_KEY: 'sk-cli-test-key-0000',
  GEMINI_API_KEY: 'gm-cli-test-key-1111',
  OPENAI_BASE_URL: openai.url,
  GOOGLE_GEMINI_BASE_URL: gemini.baseUrl,
  MASKWORK_MAX_RETRIES: '0',
  MASKWORK_STREAM: '0',
});

/** Runs the CLI to its end; its stdout. */
function runToEnd(args: string[]): Promise<string> {
  return new Promise((res, rej) =>
    execFile(process.execPath, [BIN, ...args], { env: withTestSettings(cliEnv()), timeout: 120_000 }, (err, stdout) =>
      err ? rej(err) : res(stdout),
    ),
  );
}

/** Starts the CLI, sends the signal once `ready()` holds and resolves with how it ended. */
const interruptWhen = (args: string[], ready: () => boolean, signal: NodeJS.Signals = 'SIGINT'): Promise<Ended> =>
  interruptCliWhen(BIN, args, cliEnv(), ready, signal);

async function settled(check: () => boolean): Promise<boolean> {
  const t0 = Date.now();
  while (!check() && Date.now() - t0 < 5000) await new Promise((r) => setTimeout(r, 25));
  return check();
}

describe('Ctrl+C while requests are out', () => {
  it('edit --json: aborts both of Nano Banana 2’s requests, writes nothing and prints the JSON error with what they are charged', async () => {
    const outDir = await mkdtemp(join(tmp, 'edit-'));
    const before = gemini.requests.length;
    gemini.script({ until: held, times: 2 });
    const mine = () => gemini.requests.slice(before);
    const r = await interruptWhen(
      [
        'edit',
        '--image',
        img,
        '--mask',
        mask,
        '--prompt',
        'a wooden tray',
        '--model',
        'gemini-3.1-flash-image',
        '--n',
        '2',
        '--out',
        join(outDir, 'edited.png'),
        '--json',
      ],
      () => mine().filter((q) => q.outcome === 'pending').length === 2,
    );
    expect(r.code).toBe(130);
    // It stopped by itself (jobs cancelled), not by the fallback after 10 s.
    expect(r.afterSignal).toBeLessThan(8000);
    const j = JSON.parse(r.stdout);
    expect(j.error).toEqual({ kind: 'cancelled', message: 'Interrupted — nothing was written.' });
    expect(j.requestsCharged).toBe(2);
    expect(j.spentUsd).toBeGreaterThan(0.1);
    expect(j).not.toHaveProperty('outputs');
    expect(r.stderr).toContain(
      `maskwork: Interrupted — nothing was written; 2 requests were sent and may be charged (≈ ${formatUsd(j.spentUsd)}).`,
    );
    expect(await settled(() => mine().every((q) => q.aborted))).toBe(true);
    expect(mine()).toHaveLength(2);
    // No output, no temp file beside it.
    expect(await readdir(outDir)).toEqual([]);
  });

  it('batch: stops at the image whose request is out, keeps the one written before and says what both images are charged', async () => {
    const photos = join(tmp, 'batch-in');
    await mkdir(photos);
    await copyFile(img, join(photos, 'a.png'));
    await copyFile(img, join(photos, 'b.png'));
    await copyFile(img, join(photos, 'c.png'));
    const outDir = join(tmp, 'batch-out');
    const before = openai.requests.length;
    openai.script({ times: 1 }, { until: held });
    const mine = () => openai.requests.slice(before);
    const r = await interruptWhen(
      [
        'batch',
        'edit',
        '--images',
        photos,
        '--mask',
        mask,
        '--prompt',
        'wood',
        '--model',
        'gpt-image-2',
        '--quality',
        'low',
        '--out',
        outDir,
      ],
      () => mine().length === 2 && mine()[1].outcome === 'pending',
    );
    expect(r.code).toBe(130);
    expect(r.stdout).toBe('');
    const m = r.stderr.match(
      /maskwork: Interrupted — wrote (.*) before it, nothing more; 2 requests were sent and may be charged \(≈ \$([0-9.]+)\)\.\n$/,
    );
    expect(m, r.stderr).not.toBeNull();
    expect(m![1]).toBe(join(outDir, 'a.png'));
    expect(Number(m![2])).toBeGreaterThan(0);
    expect(await readdir(outDir)).toEqual(['a.png']);
    expect(await settled(() => mine()[1].aborted)).toBe(true);
    // c.png was never sent.
    expect(mine()).toHaveLength(2);
  });

  it('expand (SIGTERM, --json): a tiled outpaint stopped after its first tile says every tile request it sent, exits 143', async () => {
    const outDir = await mkdtemp(join(tmp, 'expand-'));
    const args = (out: string) => [
      'expand',
      '--image',
      img,
      '--aspect',
      '8:1',
      '--model',
      'gpt-image-2',
      '--quality',
      'low',
      '--out',
      out,
      '--json',
    ];
    // The plan, from a run that is not interrupted: the middle tile, then the two beside it at once, then
    // the last one (it overlaps the right-hand one, so it waits for it).
    const whole = JSON.parse(await runToEnd(args(join(tmp, 'wide-whole.png'))));
    const tiles: number = whole.requests;
    expect(tiles).toBe(4);
    const before = openai.requests.length;
    openai.script({ times: 1 }, { until: held, times: Number.POSITIVE_INFINITY });
    const mine = () => openai.requests.slice(before);
    const r = await interruptWhen(
      args(join(outDir, 'wide.png')),
      // The two tiles beside the first are held by the server; the last cannot be sent before them.
      () => mine()[0]?.outcome === 'success' && mine().filter((q) => q.outcome === 'pending').length === 2,
      'SIGTERM',
    );
    expect(r.code).toBe(143);
    const j = JSON.parse(r.stdout);
    expect(j.error).toEqual({ kind: 'cancelled', message: 'Terminated — nothing was written.' });
    expect(
      await settled(() =>
        mine()
          .slice(1)
          .every((q) => q.aborted),
      ),
    ).toBe(true);
    // Three of the four tile requests were sent (the first answered, two aborted): all three are charged.
    expect(j.requestsCharged).toBe(3);
    expect(mine()).toHaveLength(3);
    expect(j.spentUsd).toBeGreaterThan(0);
    expect(r.stderr).toContain(
      `maskwork: Terminated — nothing was written; ${j.requestsCharged} requests were sent and may be charged (≈ ${formatUsd(j.spentUsd)}).`,
    );
    expect(await readdir(outDir)).toEqual([]);
  });
});
