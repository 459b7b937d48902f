/**
 * CLI output formats (issue 11), as a user runs them: a 16-bit PNG and a 16-bit TIFF go through
 * `fill` (offline engine) and `edit` (gpt-image-2 against the local OpenAI protocol server) to .png,
 * .tif and .psd; the output is 16-bit and every pixel outside the edited band equals the source at
 * 16 bits; .jpg of a 16-bit source says once that it is 8-bit; `batch --format tif|psd` writes them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { readPsd } from 'ag-psd';
import { startOpenAIServer } from '../../servers';
import { deepImage, type Deep } from '../../fixtures/deep-images';
import { assertCliBuilt, type CliResult, runCli } from '../../support/cli-run';

let openai: Awaited<ReturnType<typeof startOpenAIServer>>;
let tmp: string;
let maskPath: string;
const W = 320;
const H = 240;
/** The mask: a box; the edit may touch it plus the feather band, so the check leaves a 48 px margin. */
const BOX = { x: 130, y: 90, width: 60, height: 50 };
const MARGIN = 48;
const sources: Record<'png' | 'tiff', { deep: Deep; path: string }> = {} as never;

beforeAll(async () => {
  assertCliBuilt();
  openai = await startOpenAIServer();
  tmp = await mkdtemp(join(tmpdir(), 'maskwork-cli-formats-'));
  const m = Buffer.alloc(W * H);
  for (let y = BOX.y; y < BOX.y + BOX.height; y++) m.fill(255, y * W + BOX.x, y * W + BOX.x + BOX.width);
  maskPath = join(tmp, 'mask.png');
  await writeFile(
    maskPath,
    await sharp(m, { raw: { width: W, height: H, channels: 1 } })
      .png()
      .toBuffer(),
  );
  for (const f of ['png', 'tiff'] as const) {
    const deep = await deepImage(f);
    const path = join(tmp, `deep16.${f === 'png' ? 'png' : 'tif'}`);
    await writeFile(path, deep.bytes);
    sources[f] = { deep, path };
  }
});
afterAll(async () => {
  await openai?.close();
  await rm(tmp, { recursive: true, force: true });
});

function run(args: string[]): Promise<CliResult> {
  return runCli(args, {
    PATH: process.env.PATH ?? '',
    OPENAI_API_KEY: 'sk-cli-test-key-0000',
    OPENAI_BASE_URL: openai.url,
    MASKWORK_MAX_RETRIES: '0',
  });
}

const outside = (x: number, y: number) =>
  x < BOX.x - MARGIN || y < BOX.y - MARGIN || x >= BOX.x + BOX.width + MARGIN || y >= BOX.y + BOX.height + MARGIN;

/** Samples that differ from the source outside the band, samples checked, and samples changed inside the box. */
function diff(got: Uint16Array, channels: number, src: Deep) {
  let wrong = 0;
  let checked = 0;
  let changedInside = 0;
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      for (let c = 0; c < 3; c++) {
        const a = got[(y * W + x) * channels + c];
        const b = src.samples[(y * W + x) * 3 + c];
        if (outside(x, y)) {
          checked++;
          if (a !== b) wrong++;
        } else if (x >= BOX.x && y >= BOX.y && x < BOX.x + BOX.width && y < BOX.y + BOX.height && a !== b) changedInside++;
      }
    }
  }
  return { wrong, checked, changedInside };
}

async function samples16(path: string) {
  const { data, info } = await sharp(path).toColourspace('rgb16').raw({ depth: 'ushort' }).toBuffer({ resolveWithObject: true });
  expect((await sharp(path).metadata()).depth).toBe('ushort');
  return { s: new Uint16Array(data.buffer, data.byteOffset, data.byteLength / 2), channels: info.channels };
}

describe('16-bit sources keep 16 bits through the CLI', () => {
  const cases = [
    { source: 'png', cmd: ['fill'], out: 'png' },
    { source: 'tiff', cmd: ['fill'], out: 'tif' },
    { source: 'png', cmd: ['edit', '--model', 'gpt-image-2', '--quality', 'low', '--prompt', 'a red box'], out: 'tif' },
    { source: 'tiff', cmd: ['edit', '--model', 'gpt-image-2', '--quality', 'low', '--prompt', 'a red box'], out: 'png' },
  ] as const;
  for (const c of cases) {
    it(`${c.cmd[0]}${c.cmd[2] ? ` (${c.cmd[2]})` : ' (offline)'}: 16-bit ${c.source.toUpperCase()} → .${c.out} is 16-bit, 0 samples changed outside the band`, async () => {
      const out = join(tmp, `${c.cmd[0]}-${c.source}.${c.out}`);
      const r = await run([...c.cmd, '--image', sources[c.source].path, '--mask', maskPath, '--out', out, '--json']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const { s, channels } = await samples16(out);
      const d = diff(s, channels, sources[c.source].deep);
      expect(d.checked).toBeGreaterThan(W * H * 3 * 0.5);
      expect(d.wrong).toBe(0);
      expect(d.changedInside).toBeGreaterThan(100);
    });
  }

  it('fill → .psd: a 16-bit PSD with the original and the result as layers (read back by ag-psd)', async () => {
    const out = join(tmp, 'fill.psd');
    const r = await run(['fill', '--image', sources.png.path, '--mask', maskPath, '--out', out, '--seed', '4']);
    expect(r.code).toBe(0);
    const psd = readPsd(await readFile(out), { useImageData: true });
    expect([psd.width, psd.height, psd.bitsPerChannel]).toEqual([W, H, 16]);
    expect(psd.children?.map((l) => l.name)).toEqual(['Original', 'Fill · local']);
    const bg = psd.children![0].imageData!;
    expect(bg.data).toBeInstanceOf(Uint16Array);
    // The background layer is the source, every sample (ag-psd gives RGBA).
    let wrong = 0;
    for (let i = 0; i < W * H; i++) for (let c = 0; c < 3; c++) if (bg.data[i * 4 + c] !== sources.png.deep.samples[i * 3 + c]) wrong++;
    expect(wrong).toBe(0);
  });

  it('a 16-bit source written as .jpg is 8-bit and the CLI says so once', async () => {
    const out = join(tmp, 'deep.jpg');
    const r = await run(['fill', '--image', sources.png.path, '--mask', maskPath, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr.match(/16-bit document/g)).toHaveLength(1);
    expect((await sharp(out).metadata()).depth).toBe('uchar');
  });

  it('batch --format tif and psd write one file per image', async () => {
    const images = join(tmp, 'batch-in');
    await mkdir(images, { recursive: true });
    await writeFile(join(images, 'a.png'), sources.png.deep.bytes);
    for (const format of ['tif', 'psd'] as const) {
      const outDir = join(tmp, `batch-${format}`);
      const r = await run(['batch', 'fill', '--images', images, '--mask', maskPath, '--out', outDir, '--format', format, '--json']);
      expect(r.code).toBe(0);
      const written = await readFile(join(outDir, `a.${format}`));
      if (format === 'tif') expect((await sharp(written).metadata()).depth).toBe('ushort');
      else expect(readPsd(written, { skipLayerImageData: true, skipCompositeImageData: true }).bitsPerChannel).toBe(16);
    }
  });
});
