/**
 * electron/main/services/recent-photos.ts through the real handlers: a photo read from its file (the
 * open dialog, a file the OS asked for) goes to the top of the list, which a restarted main reads
 * back; `image:reopen` opens only a listed path, and one gone since is an error that drops it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startMain, type MainHarness } from '../../support/main-harness';
import { photo } from '../../fixtures/bad-images';
import { RecentPhotos, RECENT_PHOTOS_MAX } from '../../../electron/main/services/recent-photos';

let main: MainHarness;
let picks: string[];
beforeEach(async () => {
  picks = [];
  main = await startMain({}, { chooseImageToOpen: async () => picks.shift() ?? null, chooseExportPath: async () => null });
});
afterEach(async () => {
  await main.close();
});

async function copyIn(name: string, as = name): Promise<string> {
  const p = join(main.tmp, as);
  await copyFile(photo(name), p);
  return p;
}

describe('recent photos', () => {
  it('the open dialog’s and the OS’s photos, newest first; a restarted main reads the list back', async () => {
    const coffee = await copyIn('coffee.png');
    const desk = await copyIn('desk-stuff.jpg');
    picks.push(coffee);
    await main.call('image:open', {});
    main.svc.launchFiles.add([desk]);
    await main.call('launch:take', {});
    const list = await main.call('image:recent', {});
    expect(list.map((r: { name: string }) => r.name)).toEqual(['desk-stuff.jpg', 'coffee.png']);
    expect(list[0].path).toBe(desk);
    const again = new RecentPhotos(join(main.tmp, 'settings', 'recent-photos.json'));
    expect((await again.recent()).map((r) => r.path)).toEqual([desk, coffee]);
    // A damaged list reads as empty (and is replaced on the next open).
    await writeFile(join(main.tmp, 'settings', 'recent-photos.json'), '{not json');
    expect(await new RecentPhotos(join(main.tmp, 'settings', 'recent-photos.json')).recent()).toEqual([]);
  });

  it('image:reopen opens a listed photo and moves it to the top; no other path', async () => {
    const coffee = await copyIn('coffee.png');
    const desk = await copyIn('desk-stuff.jpg');
    picks.push(coffee, desk);
    await main.call('image:open', {});
    await main.call('image:open', {});
    const opened = await main.call('image:reopen', { recentPath: coffee });
    expect(opened).toMatchObject({ name: 'coffee.png', width: 600, height: 400 });
    expect((await main.call('image:recent', {})).map((r: { name: string }) => r.name)).toEqual(['coffee.png', 'desk-stuff.jpg']);
    const refused = await main.callRaw('image:reopen', { recentPath: await copyIn('building.jpg') });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'invalid-request' } });
  });

  it('a photo gone since: a clear error naming it, and it leaves the list', async () => {
    const desk = await copyIn('desk-stuff.jpg');
    picks.push(desk);
    await main.call('image:open', {});
    await rm(desk);
    const r = await main.callRaw('image:reopen', { recentPath: desk });
    expect(r.ok).toBe(false);
    expect(r.error.message).toMatch(/desk-stuff\.jpg/);
    expect(await main.call('image:recent', {})).toEqual([]);
  });

  it('keeps the last ten', async () => {
    const list = new RecentPhotos(null);
    for (let i = 0; i < 14; i++) await list.remember(`/p/${i}.jpg`, i);
    const names = (await list.recent()).map((r) => r.name);
    expect(names).toHaveLength(RECENT_PHOTOS_MAX);
    expect(names[0]).toBe('13.jpg');
    expect(names.at(-1)).toBe('4.jpg');
  });

  it('image:revert reads the open photo’s own file, off the recent list too; no other file or photo', async () => {
    const coffee = await copyIn('coffee.png');
    const desk = await copyIn('desk-stuff.jpg');
    picks.push(coffee, desk);
    const opened = await main.call('image:open', {});
    const other = await main.call('image:open', {});
    await main.svc.recentPhotos.forget(coffee); // fell off the list (ten others opened since)
    expect(await main.callRaw('image:reopen', { recentPath: coffee })).toMatchObject({ ok: false, error: { kind: 'invalid-request' } });
    const again = await main.call('image:revert', { original: opened.assetId, path: coffee });
    expect(again).toMatchObject({ name: 'coffee.png', width: 600, height: 400, assetId: opened.assetId });
    // Another file, or this file for another photo: refused (the renderer names no path of its own).
    const building = await copyIn('building.jpg');
    expect(await main.callRaw('image:revert', { original: opened.assetId, path: building })).toMatchObject({
      ok: false,
      error: { kind: 'invalid-request' },
    });
    expect(await main.callRaw('image:revert', { original: other.assetId, path: coffee })).toMatchObject({
      ok: false,
      error: { kind: 'invalid-request' },
    });
  });
});
