/**
 * What a retoucher trips on with the CLI (found by hand, U7). `--json` carries what the export said (`notes`): a script reading stdout learns that the JPEG kept
 * the original's data outside the edit, or that a 16-bit source was written as 8 bits. The notes went
 * to stderr only, so the JSON said nothing of them (found by hand, U7). And an --out whose folder does
 * not exist is refused before any work, and a colour photo given as the mask is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { assertCliBuilt, PHOTOS, runCli } from '../../support/cli-run';

let tmp: string;

beforeAll(async () => {
  assertCliBuilt();
  tmp = await mkdtemp(join(tmpdir(), 'maskwork-cli-notes-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('--out in a folder that does not exist', () => {
  it('is refused before any work, in plain words (it filled, then said “Could not write …: ENOENT”)', async () => {
    const out = join(tmp, 'no-such-folder', 'r.png');
    for (const cmd of ['fill', 'edit'])
      for (const overwrite of [[], ['--overwrite']]) {
        const r = await runCli(
          [
            cmd,
            '--image',
            join(PHOTOS, 'rocket.jpg'),
            '--mask',
            join(PHOTOS, 'rocket.mask-blob.png'),
            '--out',
            out,
            ...overwrite,
            ...(cmd === 'edit' ? ['--model', 'local'] : []),
          ],
          { PATH: process.env.PATH ?? '' },
        );
        expect([r.code, r.stderr]).toEqual([
          1,
          `maskwork: io: The folder ${join(tmp, 'no-such-folder')} does not exist; nothing was done. Create it first, or choose another --out.\n`,
        ]);
      }
  });
});

describe('a colour photo as --mask', () => {
  it('is refused as the app’s batch refuses it (the photo itself given by mistake was filled wherever it is bright)', async () => {
    const out = join(tmp, 'photo-as-mask.jpg');
    const r = await runCli(['fill', '--image', join(PHOTOS, 'rocket.jpg'), '--mask', join(PHOTOS, 'rocket.jpg'), '--out', out], {
      PATH: process.env.PATH ?? '',
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^maskwork: invalid-request: rocket\.jpg is a colour photo, not a mask\. A mask is a black-and-white/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('fill --json', () => {
  it('has the export’s notes beside the outputs', async () => {
    const out = join(tmp, 'rocket.jpg');
    const r = await runCli(
      ['fill', '--image', join(PHOTOS, 'rocket.jpg'), '--mask', join(PHOTOS, 'rocket.mask-blob.png'), '--out', out, '--json'],
      { PATH: process.env.PATH ?? '' },
    );
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.outputs).toEqual([out]);
    expect(j.notes).toEqual([
      expect.stringMatching(/^JPEG: the original's image data was kept wherever you did not edit — \d+ of 4320 blocks/),
    ]);
  });

  it('has none when the export said nothing (a PNG)', async () => {
    const r = await runCli(
      [
        'fill',
        '--image',
        join(PHOTOS, 'coffee.png'),
        '--mask',
        join(PHOTOS, 'coffee.mask-blob.png'),
        '--out',
        join(tmp, 'c.png'),
        '--json',
      ],
      { PATH: process.env.PATH ?? '' },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).notes).toBeUndefined();
  });
});
