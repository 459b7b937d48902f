/**
 * Originals are never overwritten (issue 10 item 2): the export guard uses the identity (real path +
 * device/inode) of the file main opened, held in main (AssetStore + its sidecar), never a path the
 * renderer sent — through the app's export handler, after session recovery, and however the target
 * is spelled. Also: main reads only regular files of bounded size, and outpaint:start refuses an
 * oversized canvas with a typed message before any work.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyFile, link, mkdtemp, readdir, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { photo } from '../../fixtures/bad-images';
import { mainOn, Picks } from '../../support/picked-main';
import { oneStepProject, photoDoc } from '../../support/project-payload';

let tmp: string;
let original: string;
let originalBytes: Buffer;

beforeEach(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'maskwork-guard-'));
  original = join(tmp, 'desk.jpg');
  await copyFile(photo('desk-stuff.jpg'), original);
  originalBytes = await readFile(original);
});
afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const exportReq = (opened: { assetId: string; width: number; height: number }) => ({
  canvas: { width: opened.width, height: opened.height },
  layers: [{ assetId: opened.assetId, x: 0, y: 0 }],
  format: 'jpeg',
});

async function expectUntouched(): Promise<void> {
  expect(Buffer.compare(await readFile(original), originalBytes)).toBe(0);
}

describe('the app export handler', () => {
  it('refuses the original after the same photo is also dropped or pasted (image:import carries no path)', async () => {
    const picks = new Picks();
    const call = mainOn(tmp, picks);
    picks.opens.push(original);
    const opened = (await call('image:open', {})).value;
    // Drag-and-drop of the same file: same bytes, same asset id, no path from the renderer.
    const dropped = (await call('image:import', { bytes: new Uint8Array(originalBytes), name: 'desk.jpg' })).value;
    expect(dropped.assetId).toBe(opened.assetId);
    picks.saves.push(original);
    const r = await call('image:export', exportReq(dropped));
    expect(r.ok).toBe(false);
    expect(r.error).toMatchObject({ kind: 'io', rule: 'original' });
    expect(r.error.message).toMatch(/Refusing to overwrite the original “desk\.jpg”/);
    await expectUntouched();
  });

  it('refuses the original however the target is spelled: a symlink, a hard link, or from another document', async () => {
    const picks = new Picks();
    const call = mainOn(tmp, picks);
    picks.opens.push(original);
    const opened = (await call('image:open', {})).value;
    const sym = join(tmp, 'link-to-desk.jpg');
    const hard = join(tmp, 'hard-desk.jpg');
    await symlink(original, sym);
    await link(original, hard);
    for (const target of [sym, hard]) {
      picks.saves.push(target);
      const r = await call('image:export', exportReq(opened));
      expect(r.ok, target).toBe(false);
      expect(r.error.rule).toBe('original');
    }
    // Another photo opened later cannot be exported over the first one's original either.
    const second = join(tmp, 'rocket.jpg');
    await copyFile(photo('rocket.jpg'), second);
    picks.opens.push(second);
    const other = (await call('image:open', {})).value;
    picks.saves.push(original);
    const r = await call('image:export', { ...exportReq(other), format: 'jpeg' });
    expect(r.ok).toBe(false);
    expect(r.error.rule).toBe('original');
    await expectUntouched();
    // Explicit permission still works, and a new name is fine.
    picks.saves.push(join(tmp, 'desk-edited.jpg'));
    expect((await call('image:export', exportReq(opened))).ok).toBe(true);
    picks.saves.push(original);
    // Re-encoded whole (an unedited JPEG kept as it is would write the same bytes: no witness).
    expect((await call('image:export', { ...exportReq(opened), allowOverwriteSource: true, jpegKeepOriginal: false })).ok).toBe(true);
    expect(Buffer.compare(await readFile(original), originalBytes)).not.toBe(0);
  });

  it('refuses a device or a folder to open without reading it', async () => {
    const picks = new Picks();
    const call = mainOn(tmp, picks);
    for (const p of ['/dev/zero', tmp]) {
      picks.opens.push(p);
      const r = await call('image:open', {});
      expect(r.ok).toBe(false);
      expect(r.error.kind).toBe('io');
      expect(r.error.message).toMatch(/is not a regular file/);
    }
  });
});

describe('after session recovery', () => {
  it('guards the file main opened, not the sourcePath in the renderer-written autosave', async () => {
    const picks = new Picks();
    const call = mainOn(tmp, picks);
    picks.opens.push(original);
    const opened = (await call('image:open', {})).value;
    // The renderer writes the autosave (a complete document: recovery validates it); here it names
    // some other path as the source.
    const doc = photoDoc(opened, 'desk.jpg', { sourcePath: join(tmp, 'somewhere-else.jpg') });
    expect((await call('project:autosave', oneStepProject(doc))).ok).toBe(true);

    // Restart: fresh services on the same folders.
    const picks2 = new Picks();
    const call2 = mainOn(tmp, picks2);
    const rec = await call2('project:recover', {});
    expect(rec.ok).toBe(true);
    expect(rec.value.assets[opened.assetId]).toBeDefined();
    picks2.saves.push(original);
    const r = await call2('image:export', exportReq(opened));
    expect(r.ok).toBe(false);
    expect(r.error).toMatchObject({ kind: 'io', rule: 'original' });
    await expectUntouched();
    // The decoy path is just a new file name.
    picks2.saves.push(join(tmp, 'somewhere-else.jpg'));
    expect((await call2('image:export', exportReq(opened))).ok).toBe(true);
    expect((await readdir(tmp)).sort()).toEqual(['assets', 'desk.jpg', 'settings', 'somewhere-else.jpg']);
  });
});

describe('outpaint:start limits', () => {
  const start = (call: ReturnType<typeof mainOn>, opened: any, canvas: { width: number; height: number }, model = 'local') =>
    call('outpaint:start', {
      canvas,
      original: { x: 0, y: 0, width: opened.width, height: opened.height },
      layers: [{ assetId: opened.assetId, x: 0, y: 0 }],
      prompt: '',
      model,
      n: 1,
      featherPx: 32,
    });

  it('refuses a 100000-px or > 150 MP canvas with a clear typed message before any job starts', async () => {
    const picks = new Picks();
    const call = mainOn(tmp, picks);
    picks.opens.push(original);
    const opened = (await call('image:open', {})).value;
    for (const canvas of [
      { width: 100_000, height: opened.height },
      { width: 13_000, height: 13_000 },
    ]) {
      const r = await start(call, opened, canvas, 'gpt-image-2');
      expect(r.ok).toBe(false);
      expect(r.error).toMatchObject({ kind: 'too-large', rule: 'canvas size' });
      expect(r.error.message).toMatch(new RegExp(`${canvas.width}×${canvas.height} .*150 MP and 30000 px per side`));
    }
  });

  it('refuses a job whose memory estimate is over the budget, naming the estimate', async () => {
    const picks = new Picks();
    const call = mainOn(tmp, picks, { MASKWORK_MEMORY_BUDGET_MB: '100' });
    picks.opens.push(original);
    const opened = (await call('image:open', {})).value;
    const r = await start(call, opened, { width: opened.width * 3, height: opened.height });
    expect(r.ok).toBe(false);
    expect(r.error).toMatchObject({ kind: 'too-large', rule: 'memory' });
    expect(r.error.message).toMatch(/with the offline engine would need about [\d.]+ GB of memory; this computer allows 0\.1 GB/);
  });
});
