/** The `maskwork` CLI as a user runs it: a child process, real files, local wire-protocol servers. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { startOpenAIServer, startGeminiServer } from '../../servers';
import { writePsdOf } from '../../support/psd-fixture';
import { assertCliBuilt, type CliResult, PHOTOS, REPO, runCli } from '../../support/cli-run';

let openai: Awaited<ReturnType<typeof startOpenAIServer>>;
let gemini: Awaited<ReturnType<typeof startGeminiServer>>;
let tmp: string;

beforeAll(async () => {
  assertCliBuilt();
  openai = await startOpenAIServer();
  gemini = await startGeminiServer();
  tmp = await mkdtemp(join(tmpdir(), 'maskwork-cli-test-'));
});
afterAll(async () => {
  await openai?.close();
  await gemini?.close();
  await rm(tmp, { recursive: true, force: true });
});

function run(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return runCli(args, {
    PATH: process.env.PATH ?? '',
    OPENAI_API_KEY: 'sk-cli-test-key-0000',
    GEMINI_API_KEY: 'gm-cli-test-key-1111',
    OPENAI_BASE_URL: openai.url,
    GOOGLE_GEMINI_BASE_URL: gemini.baseUrl,
    MASKWORK_MAX_RETRIES: '0',
    ...env,
  });
}

/** Pixels of `out` that differ from `src`, outside and inside the mask (white > 127). */
async function diffOutside(out: string, src: string, maskPath: string): Promise<{ outside: number; inside: number }> {
  const a = await sharp(out).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const b = await sharp(src).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const m = await sharp(maskPath).extractChannel(0).raw().toBuffer();
  expect([a.info.width, a.info.height, a.info.channels]).toEqual([b.info.width, b.info.height, b.info.channels]);
  const ch = b.info.channels;
  let outside = 0;
  let inside = 0;
  for (let i = 0; i < m.length; i++) {
    let same = true;
    for (let k = 0; k < ch; k++) if (a.data[i * ch + k] !== b.data[i * ch + k]) same = false;
    if (!same && m[i] <= 127) outside++;
    if (!same && m[i] > 127) inside++;
  }
  return { outside, inside };
}

const img = join(PHOTOS, 'coffee.png');
const mask = join(PHOTOS, 'coffee.mask-blob.png');

describe('maskwork --version', () => {
  it('prints package.json’s version and exits 0, as --version and -v', async () => {
    const { readFile } = await import('node:fs/promises');
    const { version } = JSON.parse(await readFile(join(REPO, 'package.json'), 'utf8'));
    for (const flag of ['--version', '-v']) {
      const r = await run([flag]);
      expect([flag, r.code, r.stdout, r.stderr]).toEqual([flag, 0, `${version}\n`, '']);
    }
  });
});

describe('maskwork --help', () => {
  it('names the environment variables the CLI reads and the README’s mask names for batch', async () => {
    const { readFile } = await import('node:fs/promises');
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    for (const name of ['OPENAI_API_KEY', 'GEMINI_API_KEY', 'OPENAI_BASE_URL', 'GOOGLE_GEMINI_BASE_URL', 'MASKWORK_STATE_DIR'])
      expect(r.stdout).toContain(name);
    // The README's "Command line" section lists the names a per-image mask may have; the help says the same.
    const readme = await readFile(join(REPO, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Command line'), readme.indexOf('### Files and originals'));
    const batch = section.slice(section.indexOf('- `batch` runs'));
    const names = [...batch.slice(0, batch.indexOf('\n- ')).matchAll(/`(<stem>[^`]*\.png)`/g)].map((m) => m[1]);
    expect(new Set(names)).toEqual(new Set(['<stem>.png', '<stem>.mask.png', '<stem>-mask.png', '<stem>.mask-<label>.png']));
    for (const n of names) expect(r.stdout).toContain(n);
    expect(r.stdout).not.toMatch(/or <stem>\.png per image\)/);
  });
});

describe('maskwork edit', () => {
  it('writes n candidates with the input size and prints one JSON object', async () => {
    const out = join(tmp, 'edited.png');
    const r = await run([
      'edit',
      '--image',
      img,
      '--mask',
      mask,
      '--prompt',
      'replace with wood',
      '--model',
      'gpt-image-2',
      '--n',
      '2',
      '--quality',
      'low',
      '--out',
      out,
      '--json',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.model).toBe('gpt-image-2');
    expect(j.outputs).toEqual([join(tmp, 'edited-1.png'), join(tmp, 'edited-2.png')]);
    expect(j.requestSize.width % 16).toBe(0);
    expect(j.estimatedCostUsd).toBeGreaterThan(0);
    expect(j.timings.totalMs).toBeGreaterThan(0);
    // Main's spans of the first candidate, in order, within the command's own time.
    const spans = j.timings.spans as { name: string; startMs: number; endMs: number }[];
    const trip = spans.find((s) => s.name === 'main: provider round trip');
    expect(trip).toBeDefined();
    expect(trip!.endMs).toBeGreaterThan(trip!.startMs);
    expect(trip!.startMs).toBeGreaterThanOrEqual(0);
    expect(trip!.endMs).toBeLessThanOrEqual(j.timings.totalMs);
    expect(j.region.width).toBeGreaterThan(0);
    for (const p of j.outputs) {
      const m = await sharp(p).metadata();
      expect([m.width, m.height]).toEqual([600, 400]);
    }
    // The server saw a legal request: mask the same size as the image.
    const last = openai.requests[openai.requests.length - 1];
    expect(last.status).toBe(200);
  });

  it('works with a Gemini model and writes one file for n = 1', async () => {
    const out = join(tmp, 'gem.jpg');
    const r = await run(['edit', '--image', img, '--mask', mask, '--prompt', 'a plant', '--model', 'gemini-3.1-flash-image', '--out', out]);
    expect(r.code).toBe(0);
    expect((await sharp(out).metadata()).format).toBe('jpeg');
  });

  it('takes the Nano Banana names for the Gemini models (--model, compare --models), and says what replaced the first one', async () => {
    const r = await run([
      'edit',
      '--image',
      img,
      '--mask',
      mask,
      '--prompt',
      'a plant',
      '--model',
      'Nano-Banana-2',
      '--out',
      join(tmp, 'nb2.png'),
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).model).toBe('gemini-3.1-flash-image');
    const c = await run([
      'compare',
      '--image',
      img,
      '--mask',
      mask,
      '--prompt',
      'a plant',
      '--models',
      'nano-banana-pro,local',
      '--out',
      join(tmp, 'nbp.png'),
    ]);
    expect(c.code, c.stderr).toBe(0);
    expect(existsSync(join(tmp, 'nbp-gemini-3-pro-image.png'))).toBe(true);
    const old = await run([
      'edit',
      '--image',
      img,
      '--mask',
      mask,
      '--prompt',
      'p',
      '--model',
      'nano-banana',
      '--out',
      join(tmp, 'nb.png'),
    ]);
    expect(old.code).toBe(2);
    expect(old.stderr).toMatch(/gemini-2\.5-flash-image.*gemini-3\.1-flash-image/);
    const typo = await run([
      'edit',
      '--image',
      img,
      '--mask',
      mask,
      '--prompt',
      'p',
      '--model',
      'nano-banana-3',
      '--out',
      join(tmp, 'nb3.png'),
    ]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/unknown model “nano-banana-3”.*nano-banana-2, nano-banana-pro/);
  });

  it('fails with exit 1 and the typed message on a moderation refusal', async () => {
    const r = await run([
      'edit',
      '--image',
      img,
      '--mask',
      mask,
      '--prompt',
      'bad [[moderate]]',
      '--model',
      'gpt-image-2',
      '--out',
      join(tmp, 'x.png'),
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/moderation: .*GPT Image 2/);
    expect(r.stderr).not.toMatch(/sk-cli-test/);
    expect(existsSync(join(tmp, 'x.png'))).toBe(false);
    // The PNG that was being written while the edit ran left nothing behind either.
    expect((await readdir(tmp)).filter((f) => f.startsWith('.x.png'))).toEqual([]);
  });

  it('rejects a mask of the wrong size', async () => {
    const wrong = join(tmp, 'wrong-mask.png');
    await sharp({ create: { width: 300, height: 200, channels: 3, background: '#fff' } })
      .png()
      .toFile(wrong);
    const r = await run(['edit', '--image', img, '--mask', wrong, '--prompt', 'p', '--model', 'gpt-image-2', '--out', join(tmp, 'y.png')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/mask “[^”]*wrong-mask\.png” is 300×200 but the image is 600×400; a mask must be the size of its image/);
    // What to do: the masks beside the image that fit are named.
    expect(r.stderr).toContain('--mask coffee.mask-blob.png, coffee.mask-box.png or coffee.mask-thin.png (beside the image) are 600×400');
  });

  it('exits 2 on bad usage', async () => {
    const r = await run(['edit', '--image', img]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--mask is required/);
    const r2 = await run(['edit', '--bogus', 'x']);
    expect(r2.code).toBe(2);
  });

  it('reports a missing key as an auth error', async () => {
    const r = await run(['edit', '--image', img, '--mask', mask, '--prompt', 'p', '--model', 'gpt-image-2', '--out', join(tmp, 'z.png')], {
      OPENAI_API_KEY: '',
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/auth: No OpenAI key/);
  });
});

describe('a rejected key', () => {
  it('names the environment variable to check, not the app’s Settings → Keys (OpenAI and Gemini)', async () => {
    for (const [model, variable] of [
      ['gpt-image-2', 'OPENAI_API_KEY'],
      ['gemini-3.1-flash-image', 'GEMINI_API_KEY'],
    ]) {
      const args = ['edit', '--image', img, '--mask', mask, '--prompt', 'p', '--model', model];
      const r = await run([...args, '--out', join(tmp, `bad-key-${model}.png`)], { [variable]: 'bad-key' });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(new RegExp(`auth: .*rejected.*check it in the ${variable} environment variable\\.`));
      expect(r.stderr).not.toContain('Settings');
    }
  });
});

describe('maskwork fill', () => {
  it('fills offline; pixels outside the mask are bit-identical', async () => {
    const out = join(tmp, 'filled.png');
    const r = await run(['fill', '--image', img, '--mask', mask, '--out', out, '--seed', '3', '--json'], {
      OPENAI_API_KEY: '',
      GEMINI_API_KEY: '',
    });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.model).toBe('local');
    expect(j.region.width).toBeGreaterThan(0);
    const a = await sharp(out).raw().toBuffer({ resolveWithObject: true });
    const b = await sharp(img).raw().toBuffer({ resolveWithObject: true });
    const m = await sharp(mask).extractChannel(0).raw().toBuffer();
    expect([a.info.width, a.info.height, a.info.channels]).toEqual([b.info.width, b.info.height, b.info.channels]);
    let outside = 0;
    let inside = 0;
    const ch = b.info.channels;
    for (let i = 0; i < m.length; i++) {
      let same = true;
      for (let k = 0; k < ch; k++) if (a.data[i * ch + k] !== b.data[i * ch + k]) same = false;
      if (m[i] <= 127 && !same) outside++;
      if (m[i] > 127 && !same) inside++;
    }
    expect(outside).toBe(0);
    expect(inside).toBeGreaterThan(1000);
  });

  it('off a terminal (stderr to a log or a pipe) says each stage once per line, with no carriage returns or percentages', async () => {
    const out = join(tmp, 'filled-log.png');
    const r = await run(['fill', '--image', img, '--mask', mask, '--out', out, '--seed', '3'], { OPENAI_API_KEY: '', GEMINI_API_KEY: '' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('\r');
    const lines = r.stderr.split('\n').filter(Boolean);
    expect(lines.filter((l) => /^\d+% /.test(l))).toEqual([]);
    expect(new Set(lines).size, r.stderr).toBe(lines.length);
    expect(
      lines.some((l) => l.startsWith('Generating with')),
      r.stderr,
    ).toBe(true);
    expect(lines.length, r.stderr).toBeLessThan(10);
  });

  it('is deterministic for a seed', async () => {
    const o1 = join(tmp, 'd1.png');
    const o2 = join(tmp, 'd2.png');
    await run(['fill', '--image', img, '--mask', mask, '--out', o1, '--seed', '7']);
    await run(['fill', '--image', img, '--mask', mask, '--out', o2, '--seed', '7']);
    const [a, b] = await Promise.all([sharp(o1).raw().toBuffer(), sharp(o2).raw().toBuffer()]);
    expect(Buffer.compare(a, b)).toBe(0);
  });

  /** A GPT Image 2 edit of the test image ("wood") to `out`. */
  const woodEdit = (out: string, ...extra: string[]) =>
    run(['edit', '--image', img, '--mask', mask, '--prompt', 'wood', '--model', 'gpt-image-2', '--out', out, ...extra]);

  it('--json gives each output’s offline seed; --seed with it repeats that output (fill, edit --model local --n 2, expand)', async () => {
    const keyless = { OPENAI_API_KEY: '', GEMINI_API_KEY: '' };
    const f = await run(['fill', '--image', img, '--mask', mask, '--out', join(tmp, 'seed-f.png'), '--json'], keyless);
    expect(f.code).toBe(0);
    const [fs] = JSON.parse(f.stdout).seeds;
    expect(Number.isInteger(fs)).toBe(true);
    const again = await run(['fill', '--image', img, '--mask', mask, '--out', join(tmp, 'seed-f2.png'), '--seed', String(fs), '--json']);
    expect(JSON.parse(again.stdout).seeds).toEqual([fs]);
    const pixels = (p: string) => sharp(p).raw().toBuffer();
    expect(Buffer.compare(await pixels(join(tmp, 'seed-f.png')), await pixels(join(tmp, 'seed-f2.png')))).toBe(0);

    const e = await run([
      'edit',
      '--image',
      img,
      '--mask',
      mask,
      '--prompt',
      'x',
      '--model',
      'local',
      '--n',
      '2',
      '--out',
      join(tmp, 'seed-e.png'),
      '--json',
    ]);
    expect(e.code).toBe(0);
    const ej = JSON.parse(e.stdout);
    expect(ej.seeds).toEqual([ej.seeds[0], ej.seeds[0] + 1]);
    const second = join(tmp, 'seed-e2.png');
    const r2 = await run([
      'edit',
      '--image',
      img,
      '--mask',
      mask,
      '--prompt',
      'x',
      '--model',
      'local',
      '--seed',
      String(ej.seeds[1]),
      '--out',
      second,
      '--json',
    ]);
    expect(JSON.parse(r2.stdout).seeds).toEqual([ej.seeds[1]]);
    expect(Buffer.compare(await pixels(ej.outputs[1]), await pixels(second))).toBe(0);

    const x = await run(['expand', '--image', img, '--left', '64', '--model', 'local', '--out', join(tmp, 'seed-x.png'), '--json']);
    expect(x.code).toBe(0);
    expect(JSON.parse(x.stdout).seeds).toEqual([expect.any(Number)]);
    // A cloud model's output has no seed to repeat.
    const cloud = await woodEdit(join(tmp, 'seed-c.png'), '--json');
    expect(JSON.parse(cloud.stdout)).not.toHaveProperty('seeds');
    expect(JSON.parse(cloud.stdout).estimatedCostUsd).toBeGreaterThan(0);
  });

  it('without --json, says each offline output’s seed, which --seed repeats, and a cloud edit’s cost', async () => {
    const f = await run(['fill', '--image', img, '--mask', mask, '--out', join(tmp, 'plain-seed.png')], {
      OPENAI_API_KEY: '',
      GEMINI_API_KEY: '',
    });
    expect(f.code).toBe(0);
    const m = /^Wrote (.+plain-seed\.png) \(seed (\d+)\)$/.exec(f.stdout.trim());
    expect(m, f.stdout).not.toBeNull();
    const again = await run(['fill', '--image', img, '--mask', mask, '--out', join(tmp, 'plain-seed2.png'), '--seed', m![2]]);
    expect(again.stdout.trim()).toBe(`Wrote ${join(tmp, 'plain-seed2.png')} (seed ${m![2]})`);
    const pixels = (p: string) => sharp(p).raw().toBuffer();
    expect(Buffer.compare(await pixels(m![1]), await pixels(join(tmp, 'plain-seed2.png')))).toBe(0);
    const cloud = await woodEdit(join(tmp, 'plain-c.png'));
    expect(cloud.code).toBe(0);
    expect(cloud.stdout.trim()).toMatch(/^Wrote .+plain-c\.png · ≈ \$0\.\d{3}$/);
  });

  it('names a file that cannot be read by its path as given, not only its name', async () => {
    const missing = join(tmp, 'no-such-folder', 'nope.jpg');
    const r = await run(['fill', '--image', missing, '--mask', mask, '--out', join(tmp, 'never.png')]);
    expect(r.code).toBe(1);
    // A path that does not exist says so in the words a person expects, not "could not be read".
    expect(r.stderr).toContain(`io: No such file: “${missing}” (it may have been moved, renamed or deleted).`);
    const noFolder = await run(['batch', 'fill', '--images', join(tmp, 'no-such-folder'), '--mask', mask, '--out', join(tmp, 'never-out')]);
    expect(noFolder.code).toBe(1);
    expect(noFolder.stderr).toContain(`io: No such folder: ${join(tmp, 'no-such-folder')}.`);
    const badMask = join(tmp, 'broken-mask.png');
    await writeFile(badMask, 'not a png');
    const m = await run(['fill', '--image', img, '--mask', badMask, '--out', join(tmp, 'never.png')]);
    expect(m.code).toBe(1);
    expect(m.stderr).toContain(`The mask “${badMask}” could not be read`);
  });

  it('refuses a corrupt image with a clear message', async () => {
    const bad = join(tmp, 'bad.png');
    await writeFile(bad, 'not an image');
    const r = await run(['fill', '--image', bad, '--mask', mask, '--out', join(tmp, 'q.png')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad-image: .*not an image/);
  });
});

describe('maskwork expand', () => {
  it('extends 9:16 to 21:9 with gpt-image-2: exact size, tile plan in JSON, every request legal', async () => {
    const src = join(tmp, 'poster.png');
    await sharp(join(PHOTOS, 'sign-sports-centre.jpg')).resize(288, 512, { fit: 'cover' }).png().toFile(src);
    const out = join(tmp, 'wide.png');
    const before = openai.requests.length;
    const r = await run(
      [
        'expand',
        '--image',
        src,
        '--aspect',
        '21:9',
        '--anchor',
        'centre',
        '--model',
        'gpt-image-2',
        '--prompt',
        'more street',
        '--out',
        out,
        '--json',
      ],
      { MASKWORK_STREAM: '0' },
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.canvas.width / j.canvas.height).toBeCloseTo(21 / 9, 2);
    expect(j.requests).toBe(j.tiles.length);
    expect(j.requests).toBe(openai.requests.length - before);
    expect(openai.requests.slice(before).every((q) => q.status === 200)).toBe(true);
    expect(j.estimatedCostUsd).toBeGreaterThan(0);
    const m = await sharp(out).metadata();
    expect([m.width, m.height]).toEqual([j.canvas.width, j.canvas.height]);
    // Untouched original outside the 32-px band (default).
    const a = await sharp(out).raw().toBuffer({ resolveWithObject: true });
    const b = await sharp(src).raw().toBuffer();
    let diff = 0;
    for (let y = 0; y < 512; y++) {
      for (let x = 32; x < 288 - 32; x++) {
        const q = (y * a.info.width + x + j.originalAt.x) * a.info.channels;
        const s = (y * 288 + x) * 3;
        if (a.data[q] !== b[s] || a.data[q + 1] !== b[s + 1] || a.data[q + 2] !== b[s + 2]) diff++;
      }
    }
    expect(diff).toBe(0);
  });

  it('a tiled expand that fails after a paid tile says what was charged (--json and the error line)', async () => {
    for (const json of [true, false]) {
      const before = openai.requests.length;
      openai.clearScript();
      openai.script({}, { status: 500, times: Infinity }); // the first tile answers, every later one fails
      try {
        const args = ['expand', '--image', img, '--aspect', '8:1', '--model', 'gpt-image-2', '--quality', 'low'];
        // Tiles one at a time: tile 1 is paid, tile 2 fails (both reached the server), nothing more is sent.
        const r = await run([...args, '--out', join(tmp, `charged-${json}.png`), ...(json ? ['--json'] : [])], {
          MASKWORK_STREAM: '0',
          MASKWORK_PARALLEL_TILES: '0',
        });
        expect(r.code).toBe(1);
        const sent = openai.requests.length - before;
        expect(sent).toBe(2);
        if (json) {
          const j = JSON.parse(r.stdout);
          expect(j.error.kind).toBe('server');
          // A 500 may still be billed: the ledger counts every request that was not refused outright.
          expect(j.requestsCharged).toBe(sent);
          expect(j.spentUsd).toBeGreaterThan(0);
        } else {
          expect(r.stderr).toMatch(
            new RegExp(`maskwork: server: .* ${sent} requests were sent and may be charged \\(≈ \\$0\\.\\d+\\)\\.\\n$`),
          );
        }
      } finally {
        openai.clearScript();
      }
    }
  });

  it('a JPEG centred by --aspect lands on its 16-px block grid, so the JPEG export keeps its data', async () => {
    const src = join(tmp, 'grid.jpg');
    await sharp(join(PHOTOS, 'desk-stuff.jpg')).resize(300, 200, { fit: 'cover' }).jpeg({ quality: 90 }).toFile(src);
    const out = join(tmp, 'grid-wide.jpg');
    const r = await run(['expand', '--image', src, '--aspect', '16:9', '--model', 'local', '--out', out, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    // 300×200 to 16:9 is 356 px wide: 28 px each side exactly centred, 32 + 24 on the grid.
    expect(j.canvas).toEqual({ width: 356, height: 200 });
    expect(j.originalAt).toEqual({ x: 32, y: 0 });
    // The original's blocks are kept: its pixels away from the band decode the same as the input's
    // (its last 8 rows are a partial 16-px block row, encoded again from the composite, ±2).
    const a = await sharp(out).raw().toBuffer({ resolveWithObject: true });
    const b = await sharp(src).raw().toBuffer();
    let diff = 0;
    for (let y = 0; y < 176; y++)
      for (let x = 64; x < 300 - 64; x++) {
        const q = (y * a.info.width + x + 32) * 3;
        const s0 = (y * 300 + x) * 3;
        if (a.data[q] !== b[s0] || a.data[q + 1] !== b[s0 + 1] || a.data[q + 2] !== b[s0 + 2]) diff++;
      }
    expect(diff).toBe(0);
  });

  it('extends by pixels per side with the offline engine', async () => {
    const out = join(tmp, 'sides.png');
    const r = await run([
      'expand',
      '--image',
      img,
      '--left',
      '40',
      '--right',
      '60',
      '--top',
      '10',
      '--model',
      'local',
      '--out',
      out,
      '--json',
    ]);
    expect(r.code).toBe(0);
    const m = await sharp(out).metadata();
    expect([m.width, m.height]).toEqual([700, 410]);
    expect(JSON.parse(r.stdout).requests).toBe(1);
  });

  it('exits 2 when both an aspect and sides are given', async () => {
    const r = await run(['expand', '--image', img, '--aspect', '3:1', '--left', '10', '--model', 'local', '--out', join(tmp, 'e.png')]);
    expect(r.code).toBe(2);
  });
});

describe('maskwork batch', () => {
  it('fills a folder with per-image masks, reports a missing mask and goes on (exit 1)', async () => {
    const { copyFile, mkdir } = await import('node:fs/promises');
    const inDir = join(tmp, 'batch-in');
    const maskDir = join(tmp, 'batch-masks');
    const outDir = join(tmp, 'batch-out');
    await mkdir(inDir, { recursive: true });
    await mkdir(maskDir, { recursive: true });
    for (const name of ['chelsea', 'smarties']) {
      await copyFile(join(PHOTOS, `${name}.png`), join(inDir, `${name}.png`));
      await copyFile(join(PHOTOS, `${name}.mask-thin.png`), join(maskDir, `${name}.png`));
    }
    await copyFile(join(PHOTOS, 'coffee.png'), join(inDir, 'coffee.png')); // no mask for this one
    const r = await run(['batch', 'fill', '--images', inDir, '--masks', maskDir, '--out', outDir, '--json']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j.ok).toBe(2);
    expect(j.failed).toBe(1);
    const failed = j.items.find((x: any) => !x.ok);
    expect(failed.image).toMatch(/coffee\.png$/);
    expect(failed.error.message).toMatch(/No mask for coffee/);
    for (const name of ['chelsea', 'smarties']) {
      const a = await sharp(join(outDir, `${name}.png`)).metadata();
      const b = await sharp(join(PHOTOS, `${name}.png`)).metadata();
      expect([a.width, a.height]).toEqual([b.width, b.height]);
    }
  });

  it('lists a PSD in the folder (opened as its merged image) and writes its result in --format, as for a TIFF', async () => {
    const { copyFile, mkdir } = await import('node:fs/promises');
    const inDir = join(tmp, 'batch-psd-in');
    const maskDir = join(tmp, 'batch-psd-masks');
    const outDir = join(tmp, 'batch-psd-out');
    await mkdir(inDir, { recursive: true });
    await mkdir(maskDir, { recursive: true });
    await writePsdOf(join(PHOTOS, 'coffee.png'), join(inDir, 'coffee.psd'));
    await copyFile(join(PHOTOS, 'coffee.mask-thin.png'), join(maskDir, 'coffee.png'));
    const r = await run(['batch', 'fill', '--images', inDir, '--masks', maskDir, '--out', outDir, '--json']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const j = JSON.parse(r.stdout);
    expect([j.ok, j.failed, j.items.map((x: any) => x.image.split('/').pop())]).toEqual([1, 0, ['coffee.psd']]);
    expect(await readdir(outDir)).toEqual(['coffee.png']);
    const m = await sharp(join(outDir, 'coffee.png')).metadata();
    expect([m.format, m.width, m.height]).toEqual(['png', 600, 400]);
  });

  it('runs the same cloud edit over a folder with one mask and sums the estimated cost', async () => {
    const { copyFile, mkdir } = await import('node:fs/promises');
    const inDir = join(tmp, 'batch-edit-in');
    await mkdir(inDir, { recursive: true });
    await copyFile(img, join(inDir, 'a.png'));
    await copyFile(img, join(inDir, 'b.png'));
    const before = openai.requests.length;
    const r = await run(
      [
        'batch',
        'edit',
        '--images',
        inDir,
        '--mask',
        mask,
        '--out',
        join(tmp, 'batch-edit-out'),
        '--format',
        'jpg',
        '--model',
        'gpt-image-2',
        '--prompt',
        'wood',
        '--quality',
        'low',
        '--json',
      ],
      { MASKWORK_STREAM: '0' },
    );
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.ok).toBe(2);
    expect(j.estimatedCostUsd).toBeGreaterThan(0);
    expect(openai.requests.length - before).toBe(2);
    expect((await sharp(join(tmp, 'batch-edit-out', 'a.jpg')).metadata()).format).toBe('jpeg');
  });

  it('masks in the photos folder: each photo uses its own mask, no mask is taken as a photo (fill)', async () => {
    const { copyFile, mkdir } = await import('node:fs/promises');
    const dir = join(tmp, 'batch-together');
    const outDir = join(tmp, 'batch-together-out');
    await mkdir(dir, { recursive: true });
    const pairs = [
      ['chelsea', 'png', 'chelsea-mask.png'],
      ['smarties', 'png', 'smarties.mask.png'],
      ['rocket', 'jpg', 'rocket-mask.png'],
    ] as const;
    for (const [name, ext, maskName] of pairs) {
      await copyFile(join(PHOTOS, `${name}.${ext}`), join(dir, `${name}.${ext}`));
      await copyFile(join(PHOTOS, `${name}.mask-blob.png`), join(dir, maskName));
    }
    const r = await run(['batch', 'fill', '--images', dir, '--masks', dir, '--out', outDir, '--seed', '5', '--json']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const j = JSON.parse(r.stdout);
    expect([j.ok, j.failed]).toEqual([3, 0]);
    expect(j.items.map((x: any) => x.image.split('/').pop())).toEqual(['chelsea.png', 'rocket.jpg', 'smarties.png']);
    expect(await readdir(outDir)).toEqual(['chelsea.png', 'rocket.png', 'smarties.png']);
    for (const [name, ext, maskName] of pairs) {
      const d = await diffOutside(join(outDir, `${name}.png`), join(dir, `${name}.${ext}`), join(dir, maskName));
      expect([name, d.outside]).toEqual([name, 0]);
      expect(d.inside).toBeGreaterThan(100);
    }
  });

  it('without --mask or --masks, takes the masks beside the photos; a folder with none is a usage error that says where masks go', async () => {
    const { copyFile, mkdir } = await import('node:fs/promises');
    const dir = join(tmp, 'batch-beside');
    await mkdir(dir, { recursive: true });
    await copyFile(join(PHOTOS, 'chelsea.png'), join(dir, 'chelsea.png'));
    await copyFile(join(PHOTOS, 'chelsea.mask-blob.png'), join(dir, 'chelsea.mask-blob.png'));
    const r = await run(['batch', 'fill', '--images', dir, '--out', join(tmp, 'batch-beside-out'), '--json']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: 1, failed: 0 });
    const bare = join(tmp, 'batch-bare');
    await mkdir(bare, { recursive: true });
    await copyFile(join(PHOTOS, 'chelsea.png'), join(bare, 'chelsea.png'));
    const none = await run(['batch', 'fill', '--images', bare, '--out', join(tmp, 'batch-bare-out')]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/needs --mask <png> \(one for all\), --masks <folder>, or each photo's mask beside it .*has none/);
    const both = await run([
      'batch',
      'fill',
      '--images',
      dir,
      '--mask',
      join(dir, 'chelsea.mask-blob.png'),
      '--masks',
      dir,
      '--out',
      join(tmp, 'x-out'),
    ]);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/not both/);
  });

  it('masks in the photos folder: a cloud batch edit sends one request per photo, each with its own mask', async () => {
    const { copyFile, mkdir } = await import('node:fs/promises');
    const dir = join(tmp, 'batch-together-edit');
    const outDir = join(tmp, 'batch-together-edit-out');
    await mkdir(dir, { recursive: true });
    for (const name of ['chelsea', 'smarties']) {
      await copyFile(join(PHOTOS, `${name}.png`), join(dir, `${name}.png`));
      await copyFile(join(PHOTOS, `${name}.mask-box.png`), join(dir, `${name}-mask.png`));
    }
    const before = openai.requests.length;
    const r = await run(
      [
        'batch',
        'edit',
        '--images',
        dir,
        '--masks',
        dir,
        '--out',
        outDir,
        '--model',
        'gpt-image-2',
        '--prompt',
        'wood',
        '--quality',
        'low',
        '--feather',
        '0',
        '--no-color-match',
        '--json',
      ],
      { MASKWORK_STREAM: '0' },
    );
    expect([r.code, r.stderr]).toEqual([0, '']);
    const j = JSON.parse(r.stdout);
    expect([j.ok, j.failed]).toEqual([2, 0]);
    expect(openai.requests.length - before).toBe(2);
    expect(await readdir(outDir)).toEqual(['chelsea.png', 'smarties.png']);
    const each = j.items.map((x: any) => x.estimatedCostUsd);
    expect(each.every((c: number) => c > 0)).toBe(true);
    expect(j.estimatedCostUsd).toBeCloseTo(each[0] + each[1], 4);
    for (const name of ['chelsea', 'smarties']) {
      const d = await diffOutside(join(outDir, `${name}.png`), join(dir, `${name}.png`), join(dir, `${name}-mask.png`));
      expect([name, d.outside]).toEqual([name, 0]);
    }
  });

  it('photo.jpg and photo.png with their labelled masks beside them: two outputs, no mask taken as a photo, an existing output refused', async () => {
    const { copyFile, mkdir } = await import('node:fs/promises');
    const dir = join(tmp, 'batch-same-stem');
    const outDir = join(tmp, 'batch-same-stem-out');
    await mkdir(dir, { recursive: true });
    await mkdir(outDir, { recursive: true });
    await copyFile(join(PHOTOS, 'chelsea.png'), join(dir, 'photo.png'));
    await sharp(join(PHOTOS, 'chelsea.png')).jpeg({ quality: 90 }).toFile(join(dir, 'photo.jpg'));
    await copyFile(join(PHOTOS, 'chelsea.mask-blob.png'), join(dir, 'photo.mask-blob.png'));
    // Two labelled masks for smarties: not guessed, that image fails and names them.
    await copyFile(join(PHOTOS, 'smarties.png'), join(dir, 'smarties.png'));
    await copyFile(join(PHOTOS, 'smarties.mask-blob.png'), join(dir, 'smarties.mask-blob.png'));
    await copyFile(join(PHOTOS, 'smarties.mask-box.png'), join(dir, 'smarties.mask-box.png'));
    await copyFile(join(PHOTOS, 'coffee.png'), join(dir, 'coffee.png'));
    await copyFile(join(PHOTOS, 'coffee.mask-thin.png'), join(dir, 'coffee.mask-thin.png'));
    await writeFile(join(outDir, 'coffee.png'), 'there before');
    const r = await run(['batch', 'fill', '--images', dir, '--masks', dir, '--out', outDir, '--json']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j.items.map((x: any) => [x.image.split('/').pop(), x.ok])).toEqual([
      ['coffee.png', false],
      ['photo.jpg', true],
      ['photo.png', true],
      ['smarties.png', false],
    ]);
    expect(j.items[0].error.message).toMatch(/already exists/);
    expect(j.items[3].error.message).toMatch(/smarties has 2 masks \(smarties\.mask-blob\.png, smarties\.mask-box\.png\)/);
    expect((await readdir(outDir)).sort()).toEqual(['coffee.png', 'photo-jpg.png', 'photo-png.png']);
    const { readFile } = await import('node:fs/promises');
    expect(await readFile(join(outDir, 'coffee.png'), 'utf8')).toBe('there before');
    const d = await diffOutside(join(outDir, 'photo-jpg.png'), join(dir, 'photo.jpg'), join(dir, 'photo.mask-blob.png'));
    expect([d.outside, d.inside > 100]).toEqual([0, true]);
  });

  it('exits 2 without an operation', async () => {
    expect((await run(['batch', '--images', tmp])).code).toBe(2);
  });
});

describe('maskwork compare', () => {
  it('runs the same edit on several models, one file each, and reports a refusal without stopping', async () => {
    const out = join(tmp, 'cmp.png');
    const r = await run(
      [
        'compare',
        '--image',
        img,
        '--mask',
        mask,
        '--prompt',
        'a plant',
        '--models',
        'gpt-image-2,gemini-3.1-flash-image,local',
        '--out',
        out,
        '--json',
      ],
      { MASKWORK_STREAM: '0' },
    );
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.rows.map((x: any) => x.model)).toEqual(['gpt-image-2', 'gemini-3.1-flash-image', 'local']);
    for (const row of j.rows) {
      expect(row.ok).toBe(true);
      const m = await sharp(row.output).metadata();
      expect([m.width, m.height]).toEqual([600, 400]);
    }
    expect(j.rows[0].estimatedCostUsd).toBeGreaterThan(0);
    expect(j.rows[2].estimatedCostUsd).toBe(0);
    const bad = await run([
      'compare',
      '--image',
      img,
      '--mask',
      mask,
      '--prompt',
      'x [[moderate]]',
      '--models',
      'gpt-image-2,local',
      '--out',
      join(tmp, 'cmp2.png'),
      '--json',
    ]);
    expect(bad.code).toBe(1);
    const jb = JSON.parse(bad.stdout);
    expect(jb.rows[0]).toMatchObject({ model: 'gpt-image-2', ok: false, error: { kind: 'moderation' } });
    expect(jb.rows[1].ok).toBe(true);
  });

  it('a model that fails after its request was sent says what it is charged (its line, the table, --json)', async () => {
    for (const json of [true, false]) {
      openai.clearScript();
      openai.script({ status: 500 }); // gpt-image-2's one request reaches the server and fails; may still be billed
      try {
        const before = openai.requests.length;
        const args = ['compare', '--image', img, '--mask', mask, '--prompt', 'a plant', '--models', 'gpt-image-2,local'];
        const r = await run([...args, '--out', join(tmp, `cmp-charged-${json}.png`), ...(json ? ['--json'] : [])], {
          MASKWORK_STREAM: '0',
        });
        expect(r.code).toBe(1);
        expect(openai.requests.length - before).toBe(1);
        if (json) {
          const j = JSON.parse(r.stdout);
          expect(j.rows[0]).toMatchObject({ model: 'gpt-image-2', ok: false, error: { kind: 'server' }, requestsCharged: 1 });
          expect(j.rows[0].spentUsd).toBeGreaterThan(0);
          expect(j.rows[1].ok).toBe(true);
        } else {
          expect(r.stderr).toMatch(/ {2}gpt-image-2 failed: server: .* 1 request was sent and may be charged \(≈ \$0\.\d+\)\.\n/);
          expect(r.stdout).toMatch(/^gpt-image-2 \| failed: server: .* 1 request was sent and may be charged \(≈ \$0\.\d+\)\.$/m);
        }
      } finally {
        openai.clearScript();
      }
    }
  });
});
