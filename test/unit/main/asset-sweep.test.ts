/**
 * The asset folder keeps what the autosave and the settings name (electron/main/services/asset-sweep.ts,
 * AssetStore.sweep): a discarded candidate's patch and an earlier photo's copy go; the autosaved
 * document's original and kept patch, a batch's images and anything this session touched stay; a
 * damaged autosave removes nothing; a put racing a removal of the same bytes ends with them on disk.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdir, readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { startMain, type MainHarness } from '../../support/main-harness';
import { photo } from '../../fixtures/bad-images';
import { oneStepProject, photoDoc } from '../../support/project-payload';
import { AssetStore } from '../../../electron/main/services/asset-store';
import { assetKeepDays, KEEP_UNREFERENCED_DAYS, liveAssetIds, sweepAssets } from '../../../electron/main/services/asset-sweep';

let main: MainHarness;
beforeEach(async () => {
  main = await startMain();
});
afterEach(async () => {
  await main.close();
});

const assetsDir = () => join(main.tmp, 'assets');
const settingsDir = () => join(main.tmp, 'settings');
const binIds = async () =>
  (await readdir(assetsDir()))
    .filter((n) => n.endsWith('.bin'))
    .map((n) => n.slice(0, -4))
    .sort();
const patch = async (r: number) =>
  new Uint8Array(
    await sharp({ create: { width: 8, height: 6, channels: 4, background: { r, g: 10, b: 10, alpha: 1 } } })
      .png()
      .toBuffer(),
  );

/** Every file of the asset folder dated `days` ago (what a later session sees). */
async function age(days: number) {
  const t = new Date(Date.now() - days * 24 * 3600 * 1000);
  for (const n of await readdir(assetsDir())) await utimes(join(assetsDir(), n), t, t);
}

/** A photo opened from a file (it gets a sources sidecar), a kept patch, a discarded one; the document autosaved. */
async function session() {
  const file = join(main.tmp, 'desk.jpg');
  await writeFile(file, await readFile(photo('desk-stuff.jpg')));
  main.svc.dialogs.chooseImageToOpen = async () => file;
  const opened = await main.call('image:open', {});
  const { assetId: kept } = await main.call('asset:put', { bytes: await patch(200), kind: 'patch' });
  const { assetId: discarded } = await main.call('asset:put', { bytes: await patch(90), kind: 'patch' });
  const doc = {
    ...photoDoc(opened, opened.name),
    layers: [{ id: 'layer-1', name: 'Result 1', assetId: kept, x: 5, y: 6, width: 8, height: 6 }],
  };
  await main.call('project:autosave', oneStepProject(doc));
  return { original: opened.assetId as string, kept: kept as string, discarded: discarded as string };
}

/** A later session on the same folders (nothing put or read yet). */
const laterStore = () => new AssetStore(assetsDir());

describe('the asset folder at startup', () => {
  it('removes what nothing names, with its sidecar; keeps the autosaved document’s original and kept patch', async () => {
    const { original, kept, discarded } = await session();
    const before = await readdir(assetsDir());
    expect(before).toContain(`${original}.sources.json`);
    await age(KEEP_UNREFERENCED_DAYS + 1);
    const r = await sweepAssets(settingsDir(), main.svc.autosave, laterStore());
    expect(r?.removed).toBe(1);
    expect(r?.bytes).toBeGreaterThan(0);
    expect(await binIds()).toEqual([original, kept].sort());
    expect(await readdir(assetsDir())).toContain(`${original}.sources.json`);
    expect(await readdir(assetsDir())).not.toContain(`${discarded}.bin`);
    // The session restores with its images.
    const rec = await main.call('project:recover', {});
    expect(Object.keys(rec.assets).sort()).toEqual([original, kept].sort());
  });

  it('keeps young unreferenced assets, and everything this session put or read', async () => {
    const { original, kept, discarded } = await session();
    await age(KEEP_UNREFERENCED_DAYS - 1);
    expect((await sweepAssets(settingsDir(), main.svc.autosave, laterStore()))?.removed).toBe(0);
    await age(KEEP_UNREFERENCED_DAYS + 1);
    // This session's own store has put the discarded patch: it stays.
    expect((await sweepAssets(settingsDir(), main.svc.autosave, main.svc.store))?.removed).toBe(0);
    expect(await binIds()).toEqual([original, kept, discarded].sort());
  });

  it('an earlier photo replaced since goes; a batch queued in the settings keeps its images', async () => {
    const { original, kept, discarded } = await session();
    // The batch queue names the discarded patch (as a result) — any asset id in a settings file counts.
    await writeFile(join(settingsDir(), 'batches.json'), JSON.stringify({ batches: [{ items: [{ result: { assetId: discarded } }] }] }));
    await main.call('project:discard', {}); // the user chose not to restore: the autosave is gone
    await age(KEEP_UNREFERENCED_DAYS + 1);
    const r = await sweepAssets(settingsDir(), main.svc.autosave, laterStore());
    expect(r?.removed).toBe(2);
    expect(await binIds()).toEqual([discarded]);
    expect(original).not.toBe(kept);
  });

  it('a damaged autosave removes nothing (what it names cannot be known)', async () => {
    const { original, kept, discarded } = await session();
    const saved = await readFile(main.svc.autosave.path);
    await writeFile(main.svc.autosave.path, saved.subarray(0, saved.length - 40));
    await age(KEEP_UNREFERENCED_DAYS + 1);
    expect(await liveAssetIds(settingsDir(), main.svc.autosave, laterStore())).toBeNull();
    expect(await sweepAssets(settingsDir(), main.svc.autosave, laterStore())).toBeNull();
    expect(await binIds()).toEqual([original, kept, discarded].sort());
  });

  it('leaves files that are not assets alone', async () => {
    await session();
    await writeFile(join(assetsDir(), 'notes.txt'), 'mine');
    await mkdir(join(assetsDir(), 'patch-0123456789abcdef0123456789abcdef.bin.d'));
    await age(KEEP_UNREFERENCED_DAYS + 1);
    await sweepAssets(settingsDir(), main.svc.autosave, laterStore());
    expect(await readdir(assetsDir())).toEqual(expect.arrayContaining(['notes.txt', 'patch-0123456789abcdef0123456789abcdef.bin.d']));
  });

  it('the same bytes put while their removal runs are on disk afterwards, at each interleaving tried', async () => {
    const bytes = await patch(33);
    for (let turns = 0; turns < 40; turns += 3) {
      const first = laterStore();
      const id = await first.put(bytes, 'patch');
      await age(1);
      const store = laterStore();
      const sweeping = store.sweep(new Set(), 0);
      for (let i = 0; i < turns; i++) await Promise.resolve();
      const putting = store.put(bytes, 'patch');
      await Promise.all([sweeping, putting]);
      expect(await store.assetExists(id), `after ${turns} turns`).toBe(true);
      expect(Buffer.from(await store.get(id)).equals(Buffer.from(bytes))).toBe(true);
    }
  });

  it('MASKWORK_ASSET_KEEP_DAYS sets the margin (tests use 0); anything else keeps the default', () => {
    expect(assetKeepDays({ MASKWORK_ASSET_KEEP_DAYS: '0' })).toBe(0);
    expect(assetKeepDays({ MASKWORK_ASSET_KEEP_DAYS: '10' })).toBe(10);
    expect(assetKeepDays({})).toBe(KEEP_UNREFERENCED_DAYS);
    expect(assetKeepDays({ MASKWORK_ASSET_KEEP_DAYS: '-1' })).toBe(KEEP_UNREFERENCED_DAYS);
    expect(assetKeepDays({ MASKWORK_ASSET_KEEP_DAYS: 'soon' })).toBe(KEEP_UNREFERENCED_DAYS);
  });
});
