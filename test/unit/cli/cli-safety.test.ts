/**
 * The CLI as a person types it (issue 8 §3) and its file safety (issue 10): a lean --help, the app's
 * defaults, strict options, never overwriting, honest candidate counts, bounded inputs, temp folders
 * removed on Ctrl+C, and the canvas limit. A child process against the local protocol servers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, link, mkdtemp, readdir, readFile, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { startGeminiServer, startOpenAIServer } from '../../servers';
import { assertCliBuilt, BIN, type CliResult, PHOTOS, REPO, runCli, withTestSettings } from '../../support/cli-run';

const img = join(PHOTOS, 'coffee.png');
const mask = join(PHOTOS, 'coffee.mask-blob.png');

let openai: Awaited<ReturnType<typeof startOpenAIServer>>;
let gemini: Awaited<ReturnType<typeof startGeminiServer>>;
let tmp: string;

beforeAll(async () => {
  assertCliBuilt();
  openai = await startOpenAIServer();
  gemini = await startGeminiServer();
  tmp = await mkdtemp(join(tmpdir(), 'maskwork-cli-safety-'));
});
afterAll(async () => {
  await openai?.close();
  await gemini?.close();
  await rm(tmp, { recursive: true, force: true });
});

function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '',
    OPENAI_API_KEY: 'sk-cli-test-key-0000',
    GEMINI_API_KEY: 'gm-cli-test-key-1111',
    OPENAI_BASE_URL: openai.url,
    GOOGLE_GEMINI_BASE_URL: gemini.baseUrl,
    MASKWORK_MAX_RETRIES: '0',
    MASKWORK_STREAM: '0',
    ...extra,
  };
}

function run(args: string[], extra: Record<string, string> = {}, nodeArgs: string[] = []): Promise<CliResult> {
  return runCli(args, env(extra), nodeArgs);
}

async function copyOfPhoto(name: string): Promise<string> {
  const p = join(tmp, name);
  await copyFile(img, p);
  return p;
}

const editArgs = (image: string, out: string, ...more: string[]) => [
  'edit',
  '--image',
  image,
  '--mask',
  mask,
  '--prompt',
  'wood',
  '--model',
  'gpt-image-2',
  '--out',
  out,
  ...more,
];

describe('maskwork --help starts lean', () => {
  /** A resolve hook (off-thread) that logs every package the process imports into `log`. */
  async function loaderFor(log: string): Promise<string[]> {
    const hooks = join(tmp, `hooks-${Date.now()}.mjs`);
    await writeFile(
      hooks,
      `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  if (r.url.includes('/node_modules/')) appendFileSync(${JSON.stringify(log)}, r.url + '\\n');
  return r;
}`,
    );
    const register = join(tmp, `register-${Date.now()}.mjs`);
    await writeFile(register, `import { register } from 'node:module';\nregister(${JSON.stringify(`file://${hooks}`)});\n`);
    return ['--import', register];
  }

  it('loads neither sharp nor the OpenAI / Google SDKs for --help (a command that runs does)', async () => {
    const helpLog = join(tmp, 'help-modules.log');
    await writeFile(helpLog, '');
    const help = await run(['--help'], {}, await loaderFor(helpLog));
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/maskwork edit/);
    const loaded = await readFile(helpLog, 'utf8');
    expect(loaded).not.toMatch(/node_modules\/(sharp|openai|@google\/genai|valibot)\//);

    // The hook does see them when a command needs them, so the check above can fail.
    const fillLog = join(tmp, 'fill-modules.log');
    await writeFile(fillLog, '');
    const r = await run(['fill', '--image', img, '--mask', mask, '--out', join(tmp, 'hooked.png')], {}, await loaderFor(fillLog));
    expect(r.code).toBe(0);
    expect(await readFile(fillLog, 'utf8')).toMatch(/node_modules\/sharp\//);
  });
});

describe('defaults and strict options', () => {
  it('edit sends quality medium by default (like the app) and --json cost text has no reference codes', async () => {
    const before = openai.requests.length;
    const r = await run(editArgs(img, join(tmp, 'medium.png'), '--json'));
    expect(r.code).toBe(0);
    const sent = openai.requests.slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0].fields.quality).toBe('medium');
    const j = JSON.parse(r.stdout);
    expect(j.quality).toBe('medium');
    expect(j.costBasis).toMatch(/medium/);
    expect(j.costBasis).not.toMatch(/\[[A-Z][A-Z0-9-]*\]|[⚠✅📄❓]/u);
  });

  it('an option the command does not use is a usage error (exit 2), before anything runs', async () => {
    const r = await run(['fill', '--image', img, '--mask', mask, '--out', join(tmp, 'f.png'), '--feather', '4']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/fill does not take --feather/);
    expect(existsSync(join(tmp, 'f.png'))).toBe(false);
    const proto = await run(['fill', '--image', img, '--mask', mask, '--out', join(tmp, 'f.png'), '--constructor', 'x']);
    expect(proto.code).toBe(2);
    expect(proto.stderr).toMatch(/does not take --constructor/);
    const bad = await run(editArgs(img, join(tmp, 'n.png'), '--n', '2.5'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--n must be a whole number from 1 to 10/);
  });

  it('an unknown model lists the valid ids (exit 2) and sends nothing', async () => {
    const before = openai.requests.length;
    const r = await run(['edit', '--image', img, '--mask', mask, '--prompt', 'p', '--model', 'gpt-image-9', '--out', join(tmp, 'u.png')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown model “gpt-image-9”/);
    for (const id of ['gpt-image-2', 'gpt-image-1.5', 'gemini-3.1-flash-image', 'gemini-3-pro-image', 'local'])
      expect(r.stderr).toContain(id);
    expect(openai.requests.length).toBe(before);
  });
});

describe('never overwrite', () => {
  it('refuses --out equal to --image, a symlink or a hard link to it, or any existing file; the file is unchanged and nothing is sent', async () => {
    const photo = await copyOfPhoto('mine.png');
    const original = await readFile(photo);
    const sym = join(tmp, 'sym.png');
    const hard = join(tmp, 'hard.png');
    await symlink(photo, sym);
    await link(photo, hard);
    const other = join(tmp, 'other.png');
    await writeFile(other, 'keep me');
    const before = openai.requests.length;
    for (const out of [photo, join(tmp, '.', 'mine.png'), sym, hard, other]) {
      const r = await run(editArgs(photo, out));
      expect(r.code, out).toBe(1);
      expect(r.stderr).toMatch(/already exists; nothing was done.*--overwrite/);
    }
    expect(openai.requests.length).toBe(before);
    expect(Buffer.compare(await readFile(photo), original)).toBe(0);
    expect(await readFile(other, 'utf8')).toBe('keep me');
    // The numbered names of several candidates are checked too.
    await writeFile(join(tmp, 'many-2.png'), 'keep');
    const many = await run(editArgs(photo, join(tmp, 'many.png'), '--n', '3'));
    expect(many.code).toBe(1);
    expect(many.stderr).toMatch(/many-2\.png already exists/);
    expect(existsSync(join(tmp, 'many-1.png'))).toBe(false);
  });

  it('--overwrite replaces an existing file, and the input itself only when asked', async () => {
    const photo = await copyOfPhoto('replace-me.png');
    const original = await readFile(photo);
    const r = await run(editArgs(photo, photo, '--overwrite'));
    expect(r.code).toBe(0);
    expect(Buffer.compare(await readFile(photo), original)).not.toBe(0);
    expect((await sharp(photo).metadata()).width).toBe(600);
  });
});

describe('fewer candidates than asked', () => {
  it('says so on stderr and in --json; the files are still numbered -1, -2', async () => {
    gemini.script({ status: 500, times: 1 });
    const out = join(tmp, 'few.png');
    const r = await run([
      'edit',
      '--image',
      img,
      '--mask',
      mask,
      '--prompt',
      'a plant',
      '--model',
      'gemini-3.1-flash-image',
      '--n',
      '3',
      '--out',
      out,
      '--json',
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/returned 2 of the 3 candidates asked for/);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ candidatesRequested: 3, candidatesReceived: 2 });
    expect(j.warnings[0]).toMatch(/2 of the 3/);
    expect(j.outputs).toEqual([join(tmp, 'few-1.png'), join(tmp, 'few-2.png')]);
    for (const p of j.outputs) expect((await sharp(p).metadata()).width).toBe(600);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(join(tmp, 'few-3.png'))).toBe(false);
  });
});

describe('bounded inputs', () => {
  it('refuses a device, a pipe or a folder at once (no hang), and a file over 400 MB without reading it', async () => {
    const fifo = join(tmp, 'pipe.png');
    await new Promise<void>((res, rej) => execFile('mkfifo', [fifo], (e) => (e ? rej(e) : res())));
    const big = join(tmp, 'huge.png');
    await writeFile(big, '');
    await truncate(big, 401 * 2 ** 20); // sparse: no disk used
    for (const [image, m] of [
      ['/dev/zero', mask],
      [fifo, mask],
      [tmp, mask],
      [img, '/dev/zero'],
    ]) {
      const t0 = Date.now();
      const r = await run(['fill', '--image', image, '--mask', m, '--out', join(tmp, `nr-${Date.now()}.png`)]);
      expect(r.code, image).toBe(1);
      expect(r.stderr).toMatch(/io: .*is not a regular file/);
      expect(Date.now() - t0).toBeLessThan(15_000);
    }
    const r = await run(['fill', '--image', big, '--mask', mask, '--out', join(tmp, 'nr-big.png')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`too-large: “${big}” is larger than 400 MB`);
  });
});

describe('temp folders', () => {
  it('are removed after a run and on Ctrl+C (SIGINT) during a request', async () => {
    const own = await mkdtemp(join(tmp, 'tmpdir-'));
    const ok = await run(['fill', '--image', img, '--mask', mask, '--out', join(tmp, 'tmpclean.png')], { TMPDIR: own });
    expect(ok.code).toBe(0);
    expect(await readdir(own)).toEqual([]);

    openai.script({ hangMs: 20_000 });
    const child = spawn(process.execPath, [BIN, ...editArgs(img, join(tmp, 'interrupted.png'))], {
      env: withTestSettings(env({ TMPDIR: own })),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((res) => child.on('exit', (code) => res(code)));
    const started = Date.now();
    while (Date.now() - started < 15_000) {
      const seen = await readdir(own);
      if (seen.length && openai.requests.some((q) => q.outcome === 'pending' || q.outcome === 'hung')) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect((await readdir(own)).some((d) => d.startsWith('maskwork-cli-'))).toBe(true);
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(await readdir(own)).toEqual([]);
    expect(existsSync(join(tmp, 'interrupted.png'))).toBe(false);
    openai.script(); // nothing more queued
  });
});

describe('canvas limit', () => {
  it('a 100000-px extension gets the clear 150 MP message (exit 1), not an internal error, and sends nothing', async () => {
    const before = openai.requests.length;
    const r = await run(['expand', '--image', img, '--left', '100000', '--model', 'gpt-image-2', '--out', join(tmp, 'wide.png'), '--json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/too-large: The extended canvas would be 100600×400 .*150 MP and 30000 px per side/);
    expect(JSON.parse(r.stdout).error.kind).toBe('too-large');
    expect(openai.requests.length).toBe(before);
  });

  it('an offline fill that would not fit in memory is refused up front with the estimate', async () => {
    const r = await run(['expand', '--image', img, '--aspect', '8:1', '--model', 'local', '--out', join(tmp, 'mem.png')], {
      MASKWORK_MEMORY_BUDGET_MB: '64',
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/too-large: Filling this 3200×400 extension with the offline engine would need about .* GB of memory/);
  });
});

describe('typed bridge', () => {
  it('the CLI reaches main only through buildBridge (no untyped call(channel))', async () => {
    const dir = join(REPO, 'electron/cli');
    const sources = await Promise.all((await readdir(dir)).map((f) => readFile(join(dir, f), 'utf8')));
    const all = sources.join('\n');
    expect(all).toMatch(/buildBridge\(/);
    expect(all).not.toMatch(/\bcall<|\.call\(\s*'[a-z]+:/);
    expect(sources.filter((s) => /\bdispatch\(/.test(s))).toHaveLength(1);
  });
});
