/** `maskwork batch edit --batch-api` and `batch status|fetch|cancel ID` as a user runs them: a child process, the local Batch API server. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { startGeminiBatchServer, type GeminiBatchServer } from '../../servers/gemini-batch-server';
import { interruptCliWhen } from '../../support/cli-signal';
import { withTestSettings } from '../../support/cli-run';
import { REMOVE_PROMPT } from '../../../shared/prompts/remove-prompt';

const REPO = resolve(__dirname, '../../..');
const PHOTOS = resolve(REPO, '../shared/testdata/photos');
const BIN = join(REPO, 'bin/maskwork.mjs');
const KEY = 'gm-cli-batch-key-2222';

let server: GeminiBatchServer;
let tmp: string;

beforeAll(async () => {
  if (!existsSync(join(REPO, 'out/cli/index.js'))) throw new Error('CLI not built: run `npm run build` (npm test does).');
  server = await startGeminiBatchServer({ acceptedKeys: [KEY], advanceOnPoll: true });
  tmp = await mkdtemp(join(tmpdir(), 'maskwork-cli-batch-'));
  await mkdir(join(tmp, 'in'));
  await mkdir(join(tmp, 'masks'));
  for (const [name, ext] of [
    ['coffee', 'png'],
    ['chelsea', 'png'],
    ['rocket', 'jpg'],
  ]) {
    await copyFile(join(PHOTOS, `${name}.${ext}`), join(tmp, 'in', `${name}.${ext}`));
    await copyFile(join(PHOTOS, `${name}.mask-blob.png`), join(tmp, 'masks', `${name}-mask.png`));
  }
});
afterAll(async () => {
  await server?.close();
  await rm(tmp, { recursive: true, force: true });
});

const cliEnv = () => ({
  PATH: process.env.PATH ?? '',
  GEMINI_API_KEY: KEY,
  GOOGLE_GEMINI_BASE_URL: server.baseUrl,
  MASKWORK_STATE_DIR: join(tmp, 'state'),
  MASKWORK_MAX_RETRIES: '0',
});

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((res) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      {
        env: withTestSettings(cliEnv()),
        timeout: 120_000,
      },
      (err, stdout, stderr) => res({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** Starts the CLI, sends `signal` once `ready()` holds, then calls `after()`; how it ended. */
const interruptWhen = (args: string[], ready: () => boolean, signal: NodeJS.Signals, after: () => void) =>
  interruptCliWhen(BIN, args, cliEnv(), ready, signal, after);

const submitArgs = (out: string, extra: string[] = []) => [
  'batch',
  'edit',
  '--images',
  join(tmp, 'in'),
  '--masks',
  join(tmp, 'masks'),
  '--out',
  join(tmp, out),
  '--prompt',
  'remove the object',
  '--model',
  'gemini-3.1-flash-image',
  '--batch-api',
  ...extra,
];

const submit = (out: string, extra: string[] = []) => run(submitArgs(out, ['--json', ...extra]));

describe('maskwork batch --batch-api', () => {
  it('submits one Batch API job at half price, then status / fetch finish it later and write every image', async () => {
    const s = await submit('out');
    expect(s.code, s.stderr).toBe(0);
    const r = JSON.parse(s.stdout);
    expect(r.batchId).toMatch(/^batches\/mock\d+$/);
    expect(r).toMatchObject({ mode: 'batch-api', state: 'submitted', remoteState: 'pending', requests: 3 });
    // gemini-3.1-flash-image at 1K is $0.067 per image; the Batch API bills half.
    expect(r.estimatedCostUsd).toBeCloseTo((3 * 0.067) / 2, 4);
    expect(r.priceBasis).toMatch(/50 %/);
    const job = server.batches.get(r.batchId.split('/')[1])!;
    expect(job.requests).toHaveLength(3);
    expect(job.requests.map((q) => q.metadata?.key)).toEqual(['item-1', 'item-2', 'item-3']);
    expect(existsSync(join(tmp, 'out', 'coffee.png'))).toBe(false);

    const st = await run(['batch', 'status', r.batchId, '--json']);
    expect(st.code).toBe(3); // not finished
    expect(JSON.parse(st.stdout)).toMatchObject({ batchId: r.batchId, remoteState: 'pending' });
    const early = await run(['batch', 'fetch', r.batchId, '--json']);
    expect(early.code).toBe(3);
    expect(JSON.parse(early.stdout).remoteState).toBe('running');
    expect(existsSync(join(tmp, 'out', 'coffee.png'))).toBe(false);

    const f = await run(['batch', 'fetch', r.batchId.split('/')[1], '--json']);
    expect(f.code, f.stderr + f.stdout).toBe(0);
    const done = JSON.parse(f.stdout);
    expect(done).toMatchObject({ state: 'done', remoteState: 'succeeded', done: 3, failed: 0 });
    for (const [name, ext] of [
      ['coffee', 'png'],
      ['chelsea', 'png'],
      ['rocket', 'jpg'],
    ]) {
      const out = join(tmp, 'out', `${name}.png`);
      const [a, b] = await Promise.all([sharp(join(PHOTOS, `${name}.${ext}`)).metadata(), sharp(out).metadata()]);
      expect([b.width, b.height]).toEqual([a.width, a.height]);
      // The edit record names the model (it said "Maskwork" alone).
      expect(b.xmp?.toString('utf8')).toContain('<Iptc4xmpExt:AISystemUsed>Google gemini-3.1-flash-image<');
    }
    // Outside the mask's feather band the pixels are the input's; inside, the server's paint shows.
    const orig = await sharp(join(PHOTOS, 'coffee.png')).removeAlpha().raw().toBuffer();
    const got = await sharp(join(tmp, 'out', 'coffee.png'))
      .removeAlpha()
      .raw()
      .toBuffer();
    expect(got.subarray(0, 30)).toEqual(orig.subarray(0, 30));
    expect(got.equals(orig)).toBe(false);
    // Fetching again does not overwrite what was written, and is no failure: the photos stay done
    // (every one was marked failed, "already exists", exit 1, and `batch status` said so from then on).
    const written = await readFile(join(tmp, 'out', 'coffee.png'));
    const again = await run(['batch', 'fetch', r.batchId, '--json']);
    expect(again.code, again.stdout).toBe(0);
    const twice = JSON.parse(again.stdout);
    expect(twice).toMatchObject({ state: 'done', done: 3, failed: 0 });
    expect(twice.items.map((i: { alreadyWritten?: boolean }) => i.alreadyWritten)).toEqual([true, true, true]);
    expect((await readFile(join(tmp, 'out', 'coffee.png'))).equals(written)).toBe(true);
    const plain = await run(['batch', 'fetch', r.batchId]);
    expect(plain.code).toBe(0);
    expect(plain.stdout.split('\n')).toContain(
      `  ${join(tmp, 'out', 'coffee.png')}: written by an earlier fetch, left as it is (--overwrite writes it again)`,
    );
    const st2 = await run(['batch', 'status', r.batchId]);
    expect(st2.stdout).toBe(`${r.batchId}: done (Batch API: succeeded), 3 done, 0 failed\n`);
  });

  it('a photo whose output a stranger put there fails with its reason on its own line, without --json too', async () => {
    const s = await submit('stranger');
    expect(s.code, s.stderr).toBe(0);
    const id = JSON.parse(s.stdout).batchId as string;
    await mkdir(join(tmp, 'stranger'), { recursive: true });
    await writeFile(join(tmp, 'stranger', 'coffee.png'), 'not ours');
    for (let i = 0; i < 4; i++) await run(['batch', 'status', id, '--json']);
    const f = await run(['batch', 'fetch', id]);
    expect(f.code).toBe(1);
    const lines = f.stdout.split('\n');
    expect(lines[0]).toMatch(/: done \(Batch API: succeeded\), 2 done, 1 failed$/);
    expect(lines).toContain('  coffee.png: io: “coffee.png” already exists and was not replaced. Choose another name.');
    expect(lines).toContain(`  Wrote ${join(tmp, 'stranger', 'chelsea.png')}`);
    expect(await readFile(join(tmp, 'stranger', 'coffee.png'), 'utf8')).toBe('not ours');
  });

  it('without --prompt each image is sent the removal prompt, as edit does (--prompt was required)', async () => {
    const args = submitArgs('out-empty', ['--json']).filter((a, i, all) => a !== '--prompt' && all[i - 1] !== '--prompt');
    expect(args).not.toContain('--prompt');
    const s = await run(args);
    expect(s.code, s.stderr).toBe(0);
    const job = server.batches.get(JSON.parse(s.stdout).batchId.split('/')[1])!;
    expect(job.requests).toHaveLength(3);
    for (const q of job.requests) expect(JSON.stringify(q.request.contents)).toContain(REMOVE_PROMPT);
  });

  it('photo.jpg and photo.png with a labelled mask beside them: two requests, two distinct outputs', async () => {
    const dir = join(tmp, 'same-stem');
    await mkdir(dir);
    await copyFile(join(PHOTOS, 'chelsea.png'), join(dir, 'photo.png'));
    await sharp(join(PHOTOS, 'chelsea.png')).jpeg({ quality: 90 }).toFile(join(dir, 'photo.jpg'));
    await copyFile(join(PHOTOS, 'chelsea.mask-blob.png'), join(dir, 'photo.mask-blob.png'));
    const s = await run([
      'batch',
      'edit',
      '--images',
      dir,
      '--masks',
      dir,
      '--out',
      join(tmp, 'same-stem-out'),
      '--prompt',
      'remove the object',
      '--model',
      'gemini-3.1-flash-image',
      '--batch-api',
      '--json',
    ]);
    expect(s.code, s.stderr).toBe(0);
    const r = JSON.parse(s.stdout);
    expect(r.items.map((i: { image: string; output: string }) => [i.image.split('/').pop(), i.output.split('/').pop()])).toEqual([
      ['photo.jpg', 'photo-jpg.png'],
      ['photo.png', 'photo-png.png'],
    ]);
    await run(['batch', 'cancel', r.batchId, '--json']);
  });

  it('cancel stops the job at Google; status then reports it cancelled', async () => {
    server.hold();
    try {
      const r = JSON.parse((await submit('cancelled')).stdout);
      const c = await run(['batch', 'cancel', r.batchId, '--json']);
      expect(c.code).toBe(0);
      expect(JSON.parse(c.stdout)).toMatchObject({ state: 'cancelled', remoteState: 'cancelled' });
      expect(server.batches.get(r.batchId.split('/')[1])?.state).toBe('BATCH_STATE_CANCELLED');
      const st = await run(['batch', 'status', r.batchId, '--json']);
      expect(st.code).toBe(1);
      expect(existsSync(join(tmp, 'cancelled', 'coffee.png'))).toBe(false);
    } finally {
      server.release();
    }
  });

  it('--model auto picks a Nano Banana model for the Batch API and says why', async () => {
    const s = await run([
      'batch',
      'edit',
      '--images',
      join(tmp, 'in'),
      '--masks',
      join(tmp, 'masks'),
      '--out',
      join(tmp, 'auto'),
      '--prompt',
      'remove the object',
      '--model',
      'auto',
      '--batch-api',
      '--json',
    ]);
    expect(s.code, s.stderr).toBe(0);
    const r = JSON.parse(s.stdout);
    expect(r.model).toBe('gemini-3.1-flash-image');
    expect(r.auto.model).toBe('gemini-3.1-flash-image');
    expect(r.auto.reason).toMatch(/Batch API serves Nano Banana models only/);
    expect(server.batches.get(r.batchId.split('/')[1])?.model).toBe('gemini-3.1-flash-image');
  });

  it('Ctrl+C while the job is on its way to the Batch API: the job is cancelled as soon as Google accepts it, and the CLI says so (130)', async () => {
    const open = server.holdCreates();
    const before = new Set(server.batches.keys());
    const r = await interruptWhen(submitArgs('int-sigint'), () => server.creating === 1, 'SIGINT', open);
    expect(r.code, r.stderr).toBe(130);
    const made = [...server.batches.values()].filter((b) => !before.has(b.id));
    expect(made).toHaveLength(1);
    expect(made[0].state).toBe('BATCH_STATE_CANCELLED');
    expect(r.stdout).toBe('');
    // 3 images at half of $0.067.
    expect(r.stderr).toBe(
      `maskwork: Interrupted — the Batch API job batches/${made[0].id} was cancelled as soon as Google accepted it; 3 requests were sent and may be charged (≈ $0.101).\n`,
    );
    const st = await run(['batch', 'status', `batches/${made[0].id}`, '--json']);
    expect(JSON.parse(st.stdout)).toMatchObject({ state: 'cancelled', remoteState: 'cancelled' });
  });

  it('SIGTERM with --json: the JSON error names the cancelled Batch API job (143)', async () => {
    const open = server.holdCreates();
    const before = new Set(server.batches.keys());
    const r = await interruptWhen(submitArgs('int-sigterm', ['--json']), () => server.creating === 1, 'SIGTERM', open);
    expect(r.code, r.stderr).toBe(143);
    const made = [...server.batches.values()].filter((b) => !before.has(b.id));
    expect(made.map((b) => b.state)).toEqual(['BATCH_STATE_CANCELLED']);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({
      error: {
        kind: 'cancelled',
        message: `Terminated — the Batch API job batches/${made[0].id} was cancelled as soon as Google accepted it.`,
      },
      batchId: `batches/${made[0].id}`,
      state: 'cancelled',
      requestsCharged: 3,
      spentUsd: 0.1005,
    });
  });

  it('Ctrl+C during batch fetch: no result is written after it, the line says so and how to fetch them later (130)', async () => {
    const s = await submit('int-fetch', ['--overwrite']);
    const id = JSON.parse(s.stdout).batchId as string;
    // advanceOnPoll: each status moves the job on; three of them finish it at the server.
    for (let i = 0; i < 4; i++) await run(['batch', 'status', id, '--json']);
    expect(server.batches.get(id.split('/')[1])?.state).toBe('BATCH_STATE_SUCCEEDED');
    const open = server.holdGets();
    const r = await interruptWhen(['batch', 'fetch', id], () => server.getting === 1, 'SIGINT', open);
    expect(r.code, r.stderr).toBe(130);
    expect(existsSync(join(tmp, 'int-fetch', 'coffee.png'))).toBe(false);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `maskwork: Interrupted — nothing was written; \`maskwork batch fetch ${id}\` writes the results later; nothing is charged.\n`,
    );
    // And it does.
    const f = await run(['batch', 'fetch', id, '--json']);
    expect(f.code, f.stderr + f.stdout).toBe(0);
    expect(existsSync(join(tmp, 'int-fetch', 'coffee.png'))).toBe(true);
  });

  it('Ctrl+C during batch cancel: the line says whether the job was cancelled at Google (130)', async () => {
    const id = JSON.parse((await submit('int-cancel', ['--overwrite'])).stdout).batchId as string;
    const open = server.holdCancels();
    const r = await interruptWhen(['batch', 'cancel', id], () => server.cancelling === 1, 'SIGINT', open);
    expect(r.code, r.stderr).toBe(130);
    expect(server.batches.get(id.split('/')[1])?.state).toBe('BATCH_STATE_CANCELLED');
    expect(r.stderr).toBe(`maskwork: Interrupted — the Batch API job ${id} was cancelled; nothing is charged.\n`);
  });

  it('Ctrl+C during batch status: the line says the job is unchanged and how to ask again, as fetch and cancel say theirs (130)', async () => {
    const id = JSON.parse((await submit('int-status', ['--overwrite'])).stdout).batchId as string;
    const open = server.holdGets();
    const r = await interruptWhen(['batch', 'status', id], () => server.getting === 1, 'SIGINT', open);
    expect(r.code, r.stderr).toBe(130);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `maskwork: Interrupted — the Batch API job ${id} is unchanged (a status check only asks): \`maskwork batch status ${id}\` asks again; nothing is charged.\n`,
    );
  });

  it('refuses a model without a Batch API and an unknown id', async () => {
    const bad = await run([
      'batch',
      'edit',
      '--images',
      join(tmp, 'in'),
      '--masks',
      join(tmp, 'masks'),
      '--out',
      join(tmp, 'x'),
      '--prompt',
      'p',
      '--model',
      'gpt-image-2',
      '--batch-api',
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Nano Banana/);
    const unknown = await run(['batch', 'status', 'batches/none', '--json']);
    expect(unknown.code).toBe(1);
    expect(JSON.parse(unknown.stdout).error.kind).toBe('not-found');
  });
});
