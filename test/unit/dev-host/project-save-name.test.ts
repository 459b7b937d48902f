import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { terminalDialogs } from '../../../electron/dev-host/terminal-dialogs';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'maskwork-devhost-save-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('the dev host saving a project', () => {
  it('never picks a file that exists: a taken name gets the next free number', async () => {
    const dialogs = terminalDialogs(dir);
    expect(await dialogs.chooseProjectPath!('seeding-grass.maskwork')).toBe(join(dir, 'seeding-grass.maskwork'));
    await writeFile(join(dir, 'seeding-grass.maskwork'), 'saved before');
    expect(await dialogs.chooseProjectPath!('seeding-grass.maskwork')).toBe(join(dir, 'seeding-grass 2.maskwork'));
    await writeFile(join(dir, 'seeding-grass 2.maskwork'), 'saved before too');
    expect(await dialogs.chooseProjectPath!('seeding-grass.maskwork')).toBe(join(dir, 'seeding-grass 3.maskwork'));
  });
});

describe('the dev host exporting', () => {
  it('never picks a file that exists: a second export of the same name gets the next free number', async () => {
    const dialogs = terminalDialogs(dir);
    const first = await dialogs.chooseExportPath('colorful-cups-edited.jpg', 'jpeg');
    expect(first).toEqual({ path: join(dir, 'colorful-cups-edited.jpg'), replaceExisting: false });
    await writeFile(join(dir, 'colorful-cups-edited.jpg'), 'exported before');
    expect(await dialogs.chooseExportPath('colorful-cups-edited.jpg', 'jpeg')).toEqual({
      path: join(dir, 'colorful-cups-edited 2.jpg'),
      replaceExisting: false,
    });
    await writeFile(join(dir, 'colorful-cups-edited 2.jpg'), 'exported before too');
    expect(await dialogs.chooseExportPath('colorful-cups-edited.jpg', 'jpeg')).toEqual({
      path: join(dir, 'colorful-cups-edited 3.jpg'),
      replaceExisting: false,
    });
  });
});
