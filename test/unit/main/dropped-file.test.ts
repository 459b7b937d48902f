/**
 * A file dropped on the window, with the path the preload found for it (dropped-file.ts): main opens
 * it from that file — so the export guard protects it, it joins the recent photos, a project saves
 * back to it — only when the file there holds exactly the dropped bytes; anything else (no path, a
 * relative or missing one, a file changed since, a folder, a device) opens the bytes as a copy, as
 * every drop did before.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifiedDropPath } from '../../../electron/main/services/dropped-file';
import { photo } from '../../fixtures/bad-images';
import { mainOn, Picks } from '../../support/picked-main';
import { oneStepProject, photoDoc } from '../../support/project-payload';

let tmp: string;
let original: string;
let bytes: Uint8Array;

beforeEach(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'maskwork-drop-'));
  original = join(tmp, 'desk.jpg');
  await copyFile(photo('desk-stuff.jpg'), original);
  bytes = new Uint8Array(await readFile(original));
});
afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('verifiedDropPath', () => {
  const MAX = 400 * 1024 * 1024;
  it('gives the path when the file there holds exactly the dropped bytes', async () => {
    expect(await verifiedDropPath(original, bytes, MAX)).toBe(original);
  });

  it('gives null for no path, a relative one, a missing file, a folder or a device', async () => {
    expect(await verifiedDropPath(undefined, bytes, MAX)).toBeNull();
    expect(await verifiedDropPath('desk.jpg', bytes, MAX)).toBeNull();
    expect(await verifiedDropPath(join(tmp, 'gone.jpg'), bytes, MAX)).toBeNull();
    await mkdir(join(tmp, 'folder'));
    expect(await verifiedDropPath(join(tmp, 'folder'), bytes, MAX)).toBeNull();
    expect(await verifiedDropPath('/dev/zero', bytes, MAX)).toBeNull();
    expect(await verifiedDropPath(`${original}\0`, bytes, MAX)).toBeNull();
  });

  it('gives null when the file differs from the drop: changed since, or another file of the same size', async () => {
    const changed = new Uint8Array(bytes);
    changed[changed.length - 3] ^= 0xff;
    expect(await verifiedDropPath(original, changed, MAX)).toBeNull();
    expect(await verifiedDropPath(original, bytes.subarray(0, bytes.length - 1), MAX)).toBeNull();
    // Over the size limit: not read at all.
    expect(await verifiedDropPath(original, bytes, bytes.length - 1)).toBeNull();
  });
});

describe('image:import with a dropped path', () => {
  it('opens the photo from its file: the export guard refuses to overwrite it and it is a recent photo', async () => {
    const picks = new Picks();
    const call = mainOn(tmp, picks);
    const r = await call('image:import', { bytes, name: 'desk.jpg', path: original, checkLater: true });
    expect(r.ok).toBe(true);
    expect(r.value.sourcePath).toBe(original);
    expect((await call('image:check', { assetId: r.value.assetId })).ok).toBe(true);
    expect((await call('image:recent', {})).value.map((p: { path: string }) => p.path)).toEqual([original]);
    picks.saves.push(original);
    const exported = await call('image:export', {
      canvas: { width: r.value.width, height: r.value.height },
      layers: [{ assetId: r.value.assetId, x: 0, y: 0 }],
      format: 'jpeg',
    });
    expect(exported.ok, JSON.stringify(exported.error)).toBe(false);
    expect(exported.error).toMatchObject({ kind: 'io', rule: 'original' });
    expect(Buffer.compare(await readFile(original), bytes)).toBe(0);
  });

  it('opens the bytes as a copy when the path does not hold them (no source, not a recent photo, exportable over that file)', async () => {
    const picks = new Picks();
    const call = mainOn(tmp, picks);
    const other = join(tmp, 'other.jpg');
    await writeFile(other, bytes.subarray(0, 1000));
    const r = await call('image:import', { bytes, name: 'desk.jpg', path: other });
    expect(r.ok).toBe(true);
    expect(r.value.sourcePath).toBeUndefined();
    expect((await call('image:recent', {})).value).toEqual([]);
    // Without an original, the guard has nothing to protect: the export replaces the other file.
    picks.saves.push(other);
    const exported = await call('image:export', {
      canvas: { width: r.value.width, height: r.value.height },
      layers: [{ assetId: r.value.assetId, x: 0, y: 0 }],
      format: 'jpeg',
    });
    expect(exported.ok).toBe(true);
  });

  it('a project path sent with an image import is opened as the bytes, not as a project', async () => {
    const call = mainOn(tmp, new Picks());
    const asProject = join(tmp, 'desk.maskwork');
    await copyFile(original, asProject);
    const r = await call('image:import', { bytes, name: 'desk.jpg', path: asProject });
    expect(r.ok).toBe(true);
    expect(r.value.sourcePath).toBeUndefined();
  });
});

describe('project:import with a dropped path', () => {
  it('opens the project from its file (it saves back there) only when the file holds the dropped bytes', async () => {
    const picks = new Picks();
    const call = mainOn(tmp, picks);
    const opened = (await call('image:import', { bytes, name: 'desk.jpg' })).value;
    const doc = photoDoc(opened, 'desk.jpg');
    const file = join(tmp, 'desk.maskwork');
    picks.projects.push(file);
    const saved = await call('project:save', { ...oneStepProject(doc), saveAs: true });
    expect(saved.ok, JSON.stringify(saved.error)).toBe(true);
    const projectBytes = new Uint8Array(await readFile(file));
    const fromFile = await call('project:import', { bytes: projectBytes, name: 'desk.maskwork', path: file });
    expect(fromFile.ok).toBe(true);
    expect(fromFile.value.path).toBe(file);
    // Another project's bytes under that path, or an image's path: a copy, no file to save back to.
    const changed = new Uint8Array(projectBytes);
    changed[20] ^= 0xff;
    await writeFile(join(tmp, 'changed.maskwork'), changed);
    const copy = await call('project:import', { bytes: projectBytes, name: 'desk.maskwork', path: join(tmp, 'changed.maskwork') });
    expect(copy.ok).toBe(true);
    expect(copy.value.path).toBeUndefined();
    const imagePath = join(tmp, 'as-image.jpg');
    await writeFile(imagePath, projectBytes);
    expect((await call('project:import', { bytes: projectBytes, name: 'desk.maskwork', path: imagePath })).value.path).toBeUndefined();
  });
});
