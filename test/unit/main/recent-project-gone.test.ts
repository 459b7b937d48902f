/**
 * A recent project gone since it was listed (moved, renamed, deleted) leaves the recent projects when
 * picked, and the message says so — as a recent photo does. It stayed, failing each time it was
 * picked (found by a tester). A file still there that cannot be opened (damaged) stays listed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startMain, type MainHarness } from '../../support/main-harness';
import { ProjectSession } from '../../../electron/main/project/project-session';

let main: MainHarness;
beforeEach(async () => {
  main = await startMain({});
});
afterEach(async () => {
  await main.close();
});

describe('a recent project that cannot be opened', () => {
  it('gone since: an error naming it that says it was taken off the list, and the list no longer has it', async () => {
    const session = new ProjectSession(null);
    const gone = join(main.tmp, 'desk-stuff.maskwork');
    const other = join(main.tmp, 'other.maskwork');
    await session.addRecent(other, 1);
    await session.addRecent(gone, 2);
    await expect(session.openRecent(main.svc.store, gone)).rejects.toMatchObject({
      info: {
        kind: 'io',
        message: 'No such file: “desk-stuff.maskwork” (it may have been moved, renamed or deleted). It was taken off the recent projects.',
      },
    });
    expect((await session.recent()).map((r) => r.path)).toEqual([other]);
  });

  it('still there but damaged: the error, and it stays listed', async () => {
    const session = new ProjectSession(null);
    const damaged = join(main.tmp, 'damaged.maskwork');
    await writeFile(damaged, 'not a project');
    await session.addRecent(damaged, 1);
    await expect(session.openRecent(main.svc.store, damaged)).rejects.toMatchObject({ info: { kind: expect.any(String) } });
    expect((await session.recent()).map((r) => r.path)).toEqual([damaged]);
  });
});
