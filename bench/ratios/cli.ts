/**
 * The command line as ratios, each a child process timed from spawn to exit:
 *  - `maskwork --help` vs `node -e 0` (Node's own start-up);
 *  - `maskwork fill` of a small blob on the 24 MP JPEG → PNG vs a Node process in which sharp decodes
 *    the same file and encodes the same PNG (same compression level as the export).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { REPO } from '../../test/support/app-harness';
import { BIG, ellipse, writeBigJpeg } from './photo';
import { paired, type RatioRow } from './ratio';

function run(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, args, {
      cwd: REPO,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, OPENAI_API_KEY: '', GEMINI_API_KEY: '' },
    });
    let err = '';
    p.stderr.on('data', (d) => (err += d));
    p.on('error', reject);
    p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`node ${args.join(' ')} exited ${code}: ${err.slice(-500)}`))));
  });
}

export async function cliRatios(runs: number): Promise<RatioRow[]> {
  const bin = join(REPO, 'bin/maskwork.mjs');
  const rows: RatioRow[] = [];
  rows.push(
    await paired({
      id: 'cli-help',
      measure: '`maskwork --help` (process start → exit)',
      floor: '`node -e 0`',
      target: 4,
      runs: runs * 2,
      warmup: 2,
      product: () => run([bin, '--help']),
      floorFn: () => run(['-e', '0']),
    }),
  );
  const tmp = await mkdtemp(join(tmpdir(), 'maskwork-bench-cli-'));
  try {
    const image = await writeBigJpeg(tmp);
    // A small brush blob (240×160) in the middle of the photo, as a mask PNG of the photo's size.
    const mask = new Uint8Array(BIG.width * BIG.height);
    const blob = ellipse(240, 160);
    for (let y = 0; y < 160; y++) mask.set(blob.subarray(y * 240, (y + 1) * 240), (1900 + y) * BIG.width + 2900);
    const maskPath = join(tmp, 'blob.png');
    // An 8-bit grey PNG, as masks are kept (the photos' test masks, the app's own): without
    // toColourspace('b-w') sharp would write one channel of raw input as RGB.
    await sharp(mask, { raw: { width: BIG.width, height: BIG.height, channels: 1 } })
      .toColourspace('b-w')
      .png()
      .toFile(maskPath);
    const floorScript = `require('sharp')(process.argv[1]).png({ compressionLevel: 6 }).toFile(process.argv[2]).catch((e) => { console.error(e); process.exit(1); })`;
    rows.push(
      await paired({
        id: 'cli-fill',
        measure: '`maskwork fill` small blob, 24 MP JPEG → PNG',
        floor: 'node + sharp: decode the same JPEG, encode PNG (level 6)',
        target: 1.6,
        runs,
        warmup: 1,
        product: () => run([bin, 'fill', '--image', image, '--mask', maskPath, '--out', join(tmp, 'filled.png'), '--overwrite']),
        floorFn: () => run(['-e', floorScript, image, join(tmp, 'floor.png')]),
      }),
    );
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  return rows;
}
