/**
 * electron/main/project/*: Save / Save As / open of `.maskwork` projects through the real handlers
 * (`project:save`, `project:open`, `project:recent`), the container's checks (checksum, truncation,
 * bad JSON, a newer format), and the atomic write (an interrupted save leaves the previous file).
 * Opening happens in a second, fresh set of main services on other folders: a restarted app.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { createHash } from 'node:crypto';
import { startMain, type MainHarness } from '../../support/main-harness';
import { photo } from '../../fixtures/bad-images';
import type { Dialogs } from '../../../electron/main/services/dialogs';
import { applyCoverage, createEmptyMask, getMaskValue } from '../../../shared/mask';
import { packMasks, unpackMask, unpackPool } from '../../../shared/project/mask-pack';
import { decodeProject } from '../../../electron/main/project/project-container';
import { writeFileAtomic } from '../../../electron/main/project/atomic-write';
import { ProjectSession } from '../../../electron/main/project/project-session';
import { pooledPayload } from '../../support/project-payload';

/** The save dialog: answers queued paths, counts how often it was asked. */
class SaveDialogs implements Dialogs {
  readonly answers: (string | null)[] = [];
  asked = 0;
  chooseImageToOpen = async () => null;
  chooseExportPath = async () => null;
  async chooseProjectPath(): Promise<string | null> {
    this.asked++;
    return this.answers.shift() ?? null;
  }
}

let main: MainHarness;
let dialogs: SaveDialogs;
let fresh: MainHarness | null = null;
beforeEach(async () => {
  dialogs = new SaveDialogs();
  main = await startMain({}, dialogs);
});
afterEach(async () => {
  await main.close();
  await fresh?.close();
  fresh = null;
});

/** A document on a real photo with a kept patch, 3 history steps and masks sharing tiles. */
async function project() {
  const original = new Uint8Array(await readFile(photo('building.jpg')));
  const opened = await main.call('image:import', { bytes: original, name: 'building.jpg' });
  const patch = new Uint8Array(
    await sharp({ create: { width: 40, height: 30, channels: 4, background: { r: 200, g: 10, b: 10, alpha: 0.5 } } })
      .png()
      .toBuffer(),
  );
  const { assetId: patchId } = await main.call('asset:put', { bytes: patch, kind: 'patch' });
  const m0 = createEmptyMask(opened.width, opened.height);
  const m1 = applyCoverage(m0, { rect: { x: 30, y: 40, width: 60, height: 50 }, data: new Uint8Array(3000).fill(255) }, 'replace');
  const m2 = applyCoverage(m1, { rect: { x: 300, y: 40, width: 20, height: 20 }, data: new Uint8Array(400).fill(128) }, 'replace');
  const base = {
    id: 'doc-7',
    canvas: { width: opened.width, height: opened.height },
    original: {
      assetId: opened.assetId,
      name: 'building.jpg',
      width: opened.width,
      height: opened.height,
      x: 0,
      y: 0,
      hasIcc: opened.hasIcc,
      hasExif: opened.hasExif,
    },
    maskId: 'mask-1',
    layers: [],
    versions: [],
  };
  // Layer properties and a layer mask (tiles in the renderer, PNG asset in main): the project carries
  // whatever the shared document schema holds.
  const layerMaskPng = new Uint8Array(
    await sharp({ create: { width: 40, height: 30, channels: 3, background: '#808080' } })
      .png()
      .toBuffer(),
  );
  const { assetId: maskAssetId } = await main.call('asset:put', { bytes: layerMaskPng, kind: 'mask' });
  const layerMask = applyCoverage(
    createEmptyMask(40, 30),
    { rect: { x: 0, y: 0, width: 20, height: 30 }, data: new Uint8Array(600).fill(200) },
    'replace',
  );
  const layer = {
    id: 'layer-1',
    name: 'A red sign · Local',
    assetId: patchId,
    x: 30,
    y: 40,
    width: 40,
    height: 30,
    visible: false,
    opacity: 0.4,
    blend: 'normal' as const,
    maskId: 'mask-9',
    maskAssetId,
    extension: { known: { x: 5, y: 6, width: 20, height: 10 } },
  };
  const version = {
    id: 'v-1',
    layerId: 'layer-1',
    model: 'local',
    prompt: 'a red sign',
    requestSize: { width: 64, height: 64 },
    region: { x: 30, y: 40, width: 40, height: 30 },
    costUsd: 0.053,
    seconds: 4.2,
    requestId: 'req_1',
    createdAt: 1_700_000_000_000,
    layersAfter: [layer],
  };
  const packed = packMasks(
    new Map([
      ['mask-1', m0],
      ['mask-2', m1],
      ['mask-3', m2],
      ['mask-9', layerMask],
    ]),
  );
  const payload = pooledPayload({
    current: { doc: { ...base, maskId: 'mask-3', layers: [layer], versions: [version] }, label: 'Keep' },
    past: [
      { doc: base, label: 'Open building.jpg' },
      { doc: { ...base, maskId: 'mask-2' }, label: 'Brush stroke' },
    ],
    future: [{ doc: { ...base, maskId: 'mask-1' }, label: 'Clear mask' }],
    masks: packed.masks,
    tileCount: packed.tileCount,
    references: [],
    historyLimit: 100,
  });
  return { original, opened, patch, patchId, maskAssetId, payload, tiles: packed.pool, masks: { m1, m2 } };
}

async function restarted(): Promise<MainHarness> {
  fresh = await startMain({}, new SaveDialogs());
  return fresh;
}

describe('project:save and opening it again', () => {
  it('saves everything into one file and a restarted app opens the same document, history, masks and bytes', async () => {
    const p = await project();
    const target = join(main.tmp, 'work', 'building');
    dialogs.answers.push(target);
    const saved = await main.call('project:save', { project: JSON.stringify(p.payload), tiles: p.tiles });
    expect(saved.path).toBe(`${target}.maskwork`); // the extension is added
    expect(saved.bytes).toBe((await stat(saved.path)).size);
    expect(dialogs.asked).toBe(1);

    // A plain zip: the original exactly as opened, the patch, the manifest, the tiles, the checksums.
    const entries = unzipSync(new Uint8Array(await readFile(saved.path)));
    expect(Object.keys(entries).sort()).toEqual(
      [
        'checksums.sha256',
        'manifest.json',
        'masks/tiles.bin',
        'mimetype',
        'original/building.jpg',
        `assets/${p.patchId}.png`,
        `assets/${p.maskAssetId}.png`,
      ].sort(),
    );
    expect(Buffer.from(entries['original/building.jpg']).equals(Buffer.from(p.original))).toBe(true);
    for (const line of strFromU8(entries['checksums.sha256']).trim().split('\n')) {
      const [sum, name] = line.split('  ');
      expect(createHash('sha256').update(entries[name]).digest('hex')).toBe(sum);
    }

    const again = await restarted();
    await again.svc.projects.recent(); // empty in the new settings folder
    const opened = await again.svc.projects.open(again.svc.store, saved.path);
    const back = JSON.parse(opened.project);
    expect(back).toEqual(p.payload);
    expect(Object.keys(opened.assets).sort()).toEqual([p.opened.assetId, p.patchId, p.maskAssetId].sort());
    expect(back.layers[back.current.doc.layers[0]]).toMatchObject({
      visible: false,
      opacity: 0.4,
      maskId: 'mask-9',
      maskAssetId: p.maskAssetId,
      extension: { known: { x: 5, y: 6, width: 20, height: 10 } },
    });
    expect(getMaskValue(unpackMask(back.masks['mask-9'], unpackPool(opened.tiles)), 19, 29)).toBe(200);
    expect(Buffer.from(opened.assets[p.patchId].bytes).equals(Buffer.from(p.patch))).toBe(true);
    expect(opened.assets[p.opened.assetId].mime).toBe('image/jpeg');
    // The assets are in the new session's store again, so export and edits work after opening.
    expect(await again.svc.store.assetExists(p.opened.assetId)).toBe(true);
    expect(again.svc.store.info(p.opened.assetId)).toMatchObject({ kind: 'img' });
    const tiles = unpackPool(opened.tiles);
    const m2 = unpackMask(back.masks['mask-3'], tiles);
    expect(getMaskValue(m2, 305, 45)).toBe(128);
    expect(getMaskValue(m2, 31, 41)).toBe(255);
    expect(getMaskValue(m2, 5, 5)).toBe(0);
    expect((await again.call('project:recent', {})).map((r: { path: string }) => r.path)).toEqual([saved.path]);
  });

  it('Save writes to the same file without asking; Save As asks; a cancelled dialog writes nothing', async () => {
    const p = await project();
    dialogs.answers.push(join(main.tmp, 'one.maskwork'));
    const first = await main.call('project:save', { project: JSON.stringify(p.payload), tiles: p.tiles });
    const second = await main.call('project:save', { project: JSON.stringify(p.payload), tiles: p.tiles });
    expect(second.path).toBe(first.path);
    expect(dialogs.asked).toBe(1);
    dialogs.answers.push(join(main.tmp, 'two.maskwork'));
    const third = await main.call('project:save', { project: JSON.stringify(p.payload), tiles: p.tiles, saveAs: true });
    expect(third.path).toBe(join(main.tmp, 'two.maskwork'));
    expect(dialogs.asked).toBe(2);
    // After Save As, Save goes to the new file.
    expect((await main.call('project:save', { project: JSON.stringify(p.payload), tiles: p.tiles })).path).toBe(third.path);
    // Another document (new id) has no file yet: Save asks; cancelling writes nothing.
    const other = { ...p.payload, current: { ...p.payload.current, doc: { ...p.payload.current.doc, id: 'doc-8' } } };
    expect(await main.call('project:save', { project: JSON.stringify(other), tiles: p.tiles })).toEqual({ canceled: true });
    expect(dialogs.asked).toBe(3);
    expect((await readdir(main.tmp)).filter((n) => n.includes('maskwork')).sort()).toEqual(['one.maskwork', 'two.maskwork']);
    expect((await main.call('project:recent', {})).map((r: { name: string }) => r.name)).toEqual(['two.maskwork', 'one.maskwork']);
  });

  it('refuses a payload the shared schema refuses, and a project whose image is not in this session', async () => {
    const p = await project();
    dialogs.answers.push(join(main.tmp, 'x.maskwork'));
    const bad = { ...p.payload, past: [{ doc: { ...p.payload.current.doc, canvas: { width: 0, height: 1 } }, label: 'x' }] };
    const r = await main.callRaw('project:save', { project: JSON.stringify(bad), tiles: p.tiles });
    expect(r).toMatchObject({ ok: false, error: { kind: 'validation', message: expect.stringMatching(/past\.0\.doc\.canvas\.width/) } });
    const { 'mask-9': _dropped, ...masks } = p.payload.masks;
    const r3 = await main.callRaw('project:save', { project: JSON.stringify({ ...p.payload, masks }), tiles: p.tiles });
    expect(r3).toMatchObject({
      ok: false,
      error: { kind: 'validation', message: expect.stringMatching(/mask mask-9 of the layer “A red sign · Local” is missing/) },
    });
    const missing = { ...p.payload, references: [{ assetId: `img-${'0'.repeat(32)}`, name: 'ref.png', width: 10, height: 10 }] };
    const r2 = await main.callRaw('project:save', { project: JSON.stringify(missing), tiles: p.tiles });
    expect(r2).toMatchObject({ ok: false, error: { kind: 'not-found' } });
    expect((await readdir(main.tmp)).some((n) => n.includes('x.maskwork'))).toBe(false);
  });

  it('Revert reads again the file main links to the document, and only that; a document with none is refused', async () => {
    const p = await project();
    const id = p.payload.current.doc.id;
    const none = await main.callRaw('project:revert', { docId: 'doc-never-saved' });
    expect(none).toMatchObject({
      ok: false,
      error: { kind: 'invalid-request', message: expect.stringMatching(/no project file to revert to/) },
    });
    dialogs.answers.push(join(main.tmp, 'revert.maskwork'));
    const saved = await main.call('project:save', { project: JSON.stringify(p.payload), tiles: p.tiles });
    const opened = await main.call('project:revert', { docId: id });
    expect(opened.path).toBe(saved.path);
    expect(JSON.parse(opened.project).current.doc.id).toBe(id);
    expect(await main.callRaw('project:revert', { docId: 'doc-other' })).toMatchObject({ ok: false, error: { kind: 'invalid-request' } });
  });

  it('opens only files from the recent list by path', async () => {
    const r = await main.callRaw('project:open', { recentPath: '/etc/passwd' });
    expect(r).toMatchObject({ ok: false, error: { kind: 'invalid-request' } });
  });
});

describe('a damaged or newer project', () => {
  async function savedFile() {
    const p = await project();
    dialogs.answers.push(join(main.tmp, 'good.maskwork'));
    const saved = await main.call('project:save', { project: JSON.stringify(p.payload), tiles: p.tiles });
    return { p, path: saved.path as string, bytes: new Uint8Array(await readFile(saved.path)) };
  }

  /** Rewrites the zip with one entry replaced and the checksums made to match (a damage the checksum cannot see). */
  function rezip(bytes: Uint8Array, name: string, content: Uint8Array): Uint8Array {
    const files: Record<string, Uint8Array> = unzipSync(bytes);
    files[name] = content;
    delete files['checksums.sha256'];
    const sums = Object.entries(files)
      .map(([n, b]) => `${createHash('sha256').update(b).digest('hex')}  ${n}\n`)
      .join('');
    return zipSync({ ...files, 'checksums.sha256': strToU8(sums) });
  }

  async function expectRefused(bytes: Uint8Array, message: RegExp) {
    const again = await restarted();
    const file = join(again.tmp, 'bad.maskwork');
    await writeFile(file, bytes);
    const before = await readFile(file);
    let err: any;
    try {
      await again.svc.projects.open(again.svc.store, file);
    } catch (e) {
      err = e;
    }
    expect(err?.info).toMatchObject({ kind: 'bad-project' });
    expect(err.info.message).toMatch(/^“bad\.maskwork” cannot be opened: /);
    expect(err.info.message).toMatch(message);
    expect(err.info.message).toMatch(/Nothing was changed\.$/);
    // Never overwritten, never remembered, nothing stored.
    expect(Buffer.from(await readFile(file)).equals(before)).toBe(true);
    expect(await again.svc.projects.recent()).toEqual([]);
    expect(again.svc.projects.fileOf('doc-7')).toBeNull();
    await fresh!.close();
    fresh = null;
  }

  it('a flipped byte in the original: bad checksum', async () => {
    const { bytes } = await savedFile();
    const files = unzipSync(bytes);
    const at = Buffer.from(bytes).indexOf(Buffer.from(files['original/building.jpg'].subarray(5000, 5032)));
    const flipped = bytes.slice();
    flipped[at + 3] ^= 0x55;
    // fflate does not check CRC-32, so the checksum list is what notices.
    await expectRefused(flipped, /checksum of original\/building\.jpg does not match/);
  });

  it('a truncated file', async () => {
    const { bytes } = await savedFile();
    await expectRefused(bytes.subarray(0, Math.floor(bytes.byteLength * 0.6)), /incomplete or damaged/);
    await expectRefused(bytes.subarray(0, 10), /not a zip file/);
    await expectRefused(new Uint8Array(await readFile(photo('building.jpg'))), /not a zip file/);
  });

  it('bad JSON, a manifest the schema refuses, an entry replaced by another image, a missing checksum list', async () => {
    const { bytes } = await savedFile();
    await expectRefused(rezip(bytes, 'manifest.json', strToU8('{"format": "maskwork-project", ')), /manifest is not valid JSON/);
    const m = JSON.parse(strFromU8(unzipSync(bytes)['manifest.json']));
    m.project.layers[0].width = 'wide';
    await expectRefused(rezip(bytes, 'manifest.json', strToU8(JSON.stringify(m))), /project\.layers\.0\.width/);
    const other = new Uint8Array(
      await sharp({ create: { width: 4, height: 4, channels: 3, background: '#000' } })
        .jpeg()
        .toBuffer(),
    );
    await expectRefused(rezip(bytes, 'original/building.jpg', other), /original\/building\.jpg is not the image the project refers to/);
    const files = unzipSync(bytes);
    delete files['checksums.sha256'];
    await expectRefused(zipSync(files), /no checksums/);
  });

  it('a project from a newer Maskwork', async () => {
    const { bytes } = await savedFile();
    const m = JSON.parse(strFromU8(unzipSync(bytes)['manifest.json']));
    m.version = 99;
    await expectRefused(
      rezip(bytes, 'manifest.json', strToU8(JSON.stringify(m))),
      /saved by a newer Maskwork \(project format 99.*Update Maskwork/,
    );
  });
});

describe('atomic writes', () => {
  it('an interrupted save leaves the previous complete file and no temp file', async () => {
    const dir = join(main.tmp, 'atomic');
    const file = join(dir, 'a.maskwork');
    await writeFileAtomic(file, strToU8('first'));
    await expect(
      writeFileAtomic(file, strToU8('second, never complete'), {
        beforeRename: async (temp) => {
          expect((await readFile(temp, 'utf8')).startsWith('second')).toBe(true); // written and flushed before the rename
          throw new Error('power cut');
        },
      }),
    ).rejects.toThrow('power cut');
    expect(await readFile(file, 'utf8')).toBe('first');
    expect(await readdir(dir)).toEqual(['a.maskwork']);
    await writeFileAtomic(file, strToU8('third'));
    expect(await readFile(file, 'utf8')).toBe('third');
  });

  it('a project save that fails keeps the previous project and reports an io error', async () => {
    const p = await project();
    const file = join(main.tmp, 'keep.maskwork');
    const session = new ProjectSession(null, {
      beforeRename: async () => {
        throw new Error('disk full');
      },
    });
    const ok = new ProjectSession(null);
    dialogs.answers.push(file);
    await ok.save({ store: main.svc.store, dialogs, app: 't' }, { project: JSON.stringify(p.payload), tiles: p.tiles });
    const good = await readFile(file);
    dialogs.answers.push(file);
    await expect(
      session.save({ store: main.svc.store, dialogs, app: 't' }, { project: JSON.stringify(p.payload), tiles: p.tiles }),
    ).rejects.toMatchObject({
      info: { kind: 'io', message: expect.stringMatching(/disk full.*previous file is unchanged/) },
    });
    expect(Buffer.from(await readFile(file)).equals(good)).toBe(true);
    expect(decodeProject(new Uint8Array(good), (b, k) => main.svc.store.idOf(b, k)).manifest.project.current.label).toBe('Keep');
  });
});
