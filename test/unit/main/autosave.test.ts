/**
 * electron/main/services/autosave-store.ts + session-recovery.ts through the real handlers
 * (`project:autosave`, `project:recover`, `project:discard`): the autosave is a project file (images
 * not embedded); a save round-trips with its history, the original's display bytes, the patch bytes
 * and the mask; a damaged file reads as "no save"; a write interrupted before its rename leaves the
 * previous save; discard clears; bad payloads are refused before any write.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { startMain, type MainHarness } from '../../support/main-harness';
import { photo, rotatedP3Jpeg } from '../../fixtures/bad-images';
import { AutosaveStore } from '../../../electron/main/services/autosave-store';
import { PROJECT_MAX_CHARS } from '../../../shared/ipc/contract';
import { applyCoverage, createEmptyMask, getMaskValue } from '../../../shared/mask';
import { unpackMask, unpackPool } from '../../../shared/project/mask-pack';
import { oneStepProject, readProjectBytes, unpackedProject } from '../../support/project-payload';

let main: MainHarness;
beforeEach(async () => {
  main = await startMain();
});
afterEach(async () => {
  await main.close();
});

const rect = { x: 10, y: 20, width: 4, height: 3 };

async function maskValues(): Promise<Uint8Array> {
  return new Uint8Array(Array.from({ length: rect.width * rect.height }, (_, i) => (i * 20) % 256));
}

/** Imports a real photo and stores a patch; returns the document JSON that references both. */
async function documentWithAssets(bytes: Uint8Array, name: string) {
  const opened = await main.call('image:import', { bytes, name });
  const patchPng = new Uint8Array(
    await sharp({ create: { width: 8, height: 6, channels: 4, background: { r: 200, g: 10, b: 10, alpha: 0.5 } } })
      .png()
      .toBuffer(),
  );
  const { assetId: patchId } = await main.call('asset:put', { bytes: patchPng, kind: 'patch' });
  const doc = {
    id: 'doc-1',
    canvas: { width: opened.width, height: opened.height },
    original: {
      assetId: opened.assetId,
      name: opened.name,
      width: opened.width,
      height: opened.height,
      x: 0,
      y: 0,
      hasIcc: opened.hasIcc,
      hasExif: opened.hasExif,
    },
    maskId: 'mask-3',
    layers: [{ id: 'layer-1', name: 'Result 1', assetId: patchId, x: 5, y: 6, width: 8, height: 6 }],
    versions: [],
  };
  return { opened, patchId, patchPng, doc };
}

describe('project:autosave / project:recover / project:discard', () => {
  it('recovers nothing before the first save', async () => {
    expect(await main.call('project:recover', {})).toBeNull();
  });

  it('round-trips a JPEG photo, a patch, the mask and the undo history through the handlers', async () => {
    const bytes = new Uint8Array(await readFile(photo('building.jpg')));
    const { opened, patchId, patchPng, doc } = await documentWithAssets(bytes, 'building.jpg');
    const mask = applyCoverage(createEmptyMask(doc.canvas.width, doc.canvas.height), { rect, data: await maskValues() }, 'replace');
    const before = { ...doc, maskId: 'mask-1', layers: [] };
    const request = oneStepProject(
      { ...doc, maskId: 'mask-3' },
      { mask, label: 'Keep', past: [{ doc: before, label: 'Open building.jpg' }] },
    );
    const t0 = Date.now();
    const { savedAt } = await main.call('project:autosave', request);
    expect(savedAt).toBeGreaterThanOrEqual(t0);

    // The file is a project whose images stay in the asset folder.
    const { manifest, files } = readProjectBytes(new Uint8Array(await readFile(main.svc.autosave.path)));
    expect(manifest.embedded).toBe(false);
    expect(Object.keys(files).sort()).toEqual(['checksums.sha256', 'manifest.json', 'masks/tiles.bin', 'mimetype']);

    const rec = await main.call('project:recover', {});
    expect(rec.savedAt).toBe(savedAt);
    const back = unpackedProject(JSON.parse(rec.project));
    expect(back.current).toEqual({ doc: { ...doc, maskId: 'mask-3' }, label: 'Keep' });
    expect(back.past).toEqual([{ doc: before, label: 'Open building.jpg' }]);
    expect(Object.keys(rec.assets).sort()).toEqual([opened.assetId, patchId].sort());
    // Upright JPEG: the display bytes are the file itself, as on import.
    expect(rec.assets[opened.assetId].mime).toBe('image/jpeg');
    expect(Buffer.from(rec.assets[opened.assetId].bytes).equals(Buffer.from(bytes))).toBe(true);
    expect(rec.assets[patchId]).toEqual({ bytes: patchPng, mime: 'image/png' });
    // The mask comes back value for value.
    const m = unpackMask(back.masks['mask-3'], unpackPool(rec.tiles));
    const values = await maskValues();
    for (let i = 0; i < values.length; i++)
      expect(getMaskValue(m, rect.x + (i % rect.width), rect.y + Math.floor(i / rect.width))).toBe(values[i]);
    expect(getMaskValue(m, 0, 0)).toBe(0);
    expect(back.masks['mask-1'].tiles.every((t: number) => t === -1)).toBe(true);
  });

  it('sends a rotated original as displayable bytes with its orientation, and re-registers it for export after a restart', async () => {
    const bytes = await rotatedP3Jpeg();
    const { opened, doc } = await documentWithAssets(bytes, 'rotated.jpg');
    await main.call('project:autosave', oneStepProject(doc));
    // A "restarted" main: same folders, fresh services (no in-memory asset metadata).
    const { createServices } = await import('../../../electron/main/create-services');
    const { createHandlers } = await import('../../../electron/main/ipc/handlers');
    const { dispatch } = await import('../../../electron/main/ipc/dispatch');
    const svc = createServices({
      host: 'test',
      version: '0',
      assetDir: join(main.tmp, 'assets'),
      settingsDir: join(main.tmp, 'settings'),
      dialogs: main.svc.dialogs,
      env: {},
    });
    expect(svc.store.info(opened.assetId)).toBeUndefined();
    const r: any = await dispatch(createHandlers(svc), 'project:recover', {}, { emit: () => {} });
    expect(r.ok).toBe(true);
    const display = r.value.assets[opened.assetId];
    // A rotated JPEG is sent as itself; the renderer applies the EXIF orientation when decoding.
    expect(display.mime).toBe('image/jpeg');
    const meta = await sharp(display.bytes).metadata();
    expect(meta.orientation).toBe(6);
    expect([meta.height, meta.width]).toEqual([opened.width, opened.height]);
    expect(svc.store.info(opened.assetId)).toMatchObject({ kind: 'img', name: 'rotated.jpg' });
  });

  it('reads a corrupt or truncated save as null, never as an error', async () => {
    const bytes = new Uint8Array(await readFile(photo('building.jpg')));
    const { doc } = await documentWithAssets(bytes, 'building.jpg');
    await main.call('project:autosave', oneStepProject(doc));
    expect(await main.call('project:recover', {})).not.toBeNull();
    const file = main.svc.autosave.path;
    const good = await readFile(file);
    await writeFile(file, good.subarray(0, Math.floor(good.byteLength / 2)));
    expect(await main.call('project:recover', {})).toBeNull();
    const flipped = Buffer.from(good);
    flipped[Math.floor(flipped.byteLength / 3)] ^= 0xff;
    await writeFile(file, flipped);
    expect(await main.call('project:recover', {})).toBeNull();
    await writeFile(file, 'not a save at all');
    expect(await main.call('project:recover', {})).toBeNull();
    await writeFile(file, Buffer.alloc(0));
    expect(await main.call('project:recover', {})).toBeNull();
  });

  it('recovers null when the original image is no longer on disk', async () => {
    const bytes = new Uint8Array(await readFile(photo('building.jpg')));
    const { doc } = await documentWithAssets(bytes, 'building.jpg');
    const gone = { ...doc, original: { ...doc.original, assetId: `img-${'0'.repeat(32)}` } };
    await main.call('project:autosave', oneStepProject(gone));
    expect(await main.call('project:recover', {})).toBeNull();
  });

  it('drops a patch whose file is gone but restores the rest', async () => {
    const bytes = new Uint8Array(await readFile(photo('building.jpg')));
    const { opened, doc } = await documentWithAssets(bytes, 'building.jpg');
    const lost = { ...doc, layers: [...doc.layers, { ...doc.layers[0], id: 'layer-2', assetId: `patch-${'1'.repeat(32)}` }] };
    await main.call('project:autosave', oneStepProject(lost));
    const rec = await main.call('project:recover', {});
    expect(Object.keys(rec.assets)).toContain(opened.assetId);
    expect(Object.keys(rec.assets)).not.toContain(`patch-${'1'.repeat(32)}`);
  });

  it('keeps the previous complete save when a write is interrupted before its rename', async () => {
    const dir = join(main.tmp, 'interrupted');
    let crash = false;
    const store = new AutosaveStore(dir, {
      beforeRename: async () => {
        if (crash) throw new Error('power cut');
      },
    });
    await store.save(Buffer.from('one'));
    crash = true;
    await expect(store.save(Buffer.from('two'))).rejects.toMatchObject({ kind: 'io' });
    expect(Buffer.from((await store.load())!).toString()).toBe('one');
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    // A half-written temp file left by a real crash is ignored, and removed by clear.
    await writeFile(join(dir, '.session.maskwork.999.deadbeef.tmp'), 'PK');
    expect(Buffer.from((await store.load())!).toString()).toBe('one');
    crash = false;
    await store.save(Buffer.from('three'));
    expect(Buffer.from((await store.load())!).toString()).toBe('three');
    await writeFile(join(dir, 'session.bin'), 'MASKWORK-AUTOSAVE-1\n'); // the earlier format goes too
    await store.clear();
    expect(await readdir(dir)).toEqual([]);
  });

  it('serialises concurrent saves: the last one wins', async () => {
    const store = new AutosaveStore(join(main.tmp, 'concurrent'));
    await Promise.all(Array.from({ length: 8 }, (_, i) => store.save(Buffer.from(`save ${i}`))));
    expect(Buffer.from((await store.load())!).toString()).toBe('save 7');
  });

  it('discard clears the save', async () => {
    const bytes = new Uint8Array(await readFile(photo('building.jpg')));
    const { doc } = await documentWithAssets(bytes, 'building.jpg');
    await main.call('project:autosave', oneStepProject(doc));
    expect(await main.call('project:recover', {})).not.toBeNull();
    expect(await main.call('project:discard', {})).toEqual({ discarded: true });
    expect(await main.call('project:recover', {})).toBeNull();
    expect(await main.call('project:discard', {})).toEqual({ discarded: false });
  });

  it('refuses non-JSON, oversized and malformed payloads before writing anything, keeping the previous save', async () => {
    const bytes = new Uint8Array(await readFile(photo('building.jpg')));
    const { doc } = await documentWithAssets(bytes, 'building.jpg');
    const good = oneStepProject(doc);
    await main.call('project:autosave', good);
    const kept = await readFile(main.svc.autosave.path);
    const refused = async (payload: unknown, hint: string) => {
      const r = await main.callRaw('project:autosave', payload);
      expect(r.ok).toBe(false);
      expect(r.error.kind).toBe('validation');
      expect(r.error.message).toContain(hint);
    };
    await refused({ ...good, project: '{"current": ' }, 'project');
    await refused({ ...good, project: 'not json' }, 'JSON');
    await refused({ ...good, project: 42 }, 'project');
    await refused({ ...good, project: `"${'x'.repeat(PROJECT_MAX_CHARS)}"` }, 'project');
    await refused({ ...good, savedAt: 5 }, 'unknown field');
    await refused({ ...good, tiles: 'iVBORw0KGgo=' }, 'tiles');
    await refused({ ...good, smuggled: '../../etc/passwd' }, 'smuggled');
    // Valid JSON that is not a project, or a project whose records the document schema refuses.
    await refused({ ...good, project: '{"keep":true}' }, 'current');
    await refused(oneStepProject({ ...doc, canvas: { width: 0, height: 1 } }), 'current.doc.canvas.width');
    const r = await main.callRaw('project:recover', { extra: 1 });
    expect(r).toMatchObject({ ok: false, error: { kind: 'validation' } });
    expect(Buffer.from(await readFile(main.svc.autosave.path)).equals(kept)).toBe(true);
  });
});

describe('a recovered session of a saved project', () => {
  /** A main whose save dialog answers `p.maskwork` in its folder and counts how often it was asked. */
  async function mainWithProjectDialog() {
    const asked = { n: 0 };
    const m = await startMain(
      {},
      {
        ...main.svc.dialogs,
        async chooseProjectPath() {
          asked.n++;
          return join(m.tmp, 'p.maskwork');
        },
      },
    );
    return { m, asked };
  }

  /** A "restarted" main on `m`'s folders (fresh services: no in-memory record of the project file). */
  async function restarted(m: MainHarness, dialogs: MainHarness['svc']['dialogs']) {
    const { createServices } = await import('../../../electron/main/create-services');
    const { createHandlers } = await import('../../../electron/main/ipc/handlers');
    const { dispatch } = await import('../../../electron/main/ipc/dispatch');
    const svc = createServices({
      host: 'test',
      version: '0',
      assetDir: join(m.tmp, 'assets'),
      settingsDir: join(m.tmp, 'settings'),
      dialogs,
      env: {},
    });
    const table = createHandlers(svc);
    return async (channel: string, payload: unknown): Promise<any> => {
      const r: any = await dispatch(table, channel, payload, { emit: () => {} } as never);
      if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
      return r.value;
    };
  }

  /** building.jpg imported into `m`, as a one-layer document record with id `id`. */
  async function buildingDoc(m: MainHarness, id: string) {
    const opened = await m.call('image:import', { bytes: new Uint8Array(await readFile(photo('building.jpg'))), name: 'building.jpg' });
    const { assetId, name, width, height, hasIcc, hasExif } = opened;
    return {
      id,
      canvas: { width, height },
      original: { assetId, name, width, height, x: 0, y: 0, hasIcc, hasExif },
      maskId: 'mask-3',
      layers: [],
      versions: [],
    };
  }

  it('comes back linked to its file, and Save writes there without asking', async () => {
    const { m, asked } = await mainWithProjectDialog();
    try {
      const doc = await buildingDoc(m, 'doc-linked');
      const saved = await m.call('project:save', oneStepProject(doc));
      expect(asked.n).toBe(1);
      await new Promise((r) => setTimeout(r, 20));
      // An edit after the save, autosaved; then the app dies.
      await m.call('project:autosave', oneStepProject(doc, { label: 'Brush stroke' }));
      const noAsk = {
        ...m.svc.dialogs,
        chooseProjectPath: async () => {
          throw new Error('the save dialog was asked');
        },
      };
      const call = await restarted(m, noAsk);
      const rec = await call('project:recover', {});
      expect(rec.path).toBe(saved.path);
      expect(rec.name).toBe('p.maskwork');
      // Save (not Save As) on the restarted app writes the project's own file.
      const again = await call('project:save', oneStepProject(doc, { label: 'Brush stroke' }));
      expect(again.path).toBe(saved.path);
      expect(readProjectBytes(new Uint8Array(await readFile(saved.path))).manifest.project.current.label).toBe('Brush stroke');
    } finally {
      await m.close();
    }
  });

  it('comes back as a copy when the file was written after the autosave, or is gone, or belongs to another document', async () => {
    const { m } = await mainWithProjectDialog();
    try {
      const doc = await buildingDoc(m, 'doc-a');
      const saved = await m.call('project:save', oneStepProject(doc));
      await new Promise((r) => setTimeout(r, 20));
      await m.call('project:autosave', oneStepProject(doc, { label: 'Brush stroke' }));
      const recover = async () => (await restarted(m, m.svc.dialogs))('project:recover', {});
      expect((await recover()).path).toBe(saved.path);
      // Another window saved the file after the autosave: Save must not replace that work.
      const later = new Date(Date.now() + 60_000);
      const { utimes, rm: remove } = await import('node:fs/promises');
      await utimes(saved.path, later, later);
      expect((await recover()).path).toBeUndefined();
      // The file is gone.
      await remove(saved.path);
      expect((await recover()).path).toBeUndefined();
      // A document with no file autosaved over it: no link left behind.
      await m.call('project:save', oneStepProject(doc));
      await new Promise((r) => setTimeout(r, 20));
      const docB = { ...doc, id: 'doc-b' };
      await m.call('project:autosave', oneStepProject(docB));
      const rec = await recover();
      expect(rec).not.toBeNull();
      expect(rec.path).toBeUndefined();
      // Discard removes the link with the save.
      await m.call('project:autosave', oneStepProject(doc, { label: 'Brush stroke' }));
      expect(await m.svc.autosave.loadLink()).not.toBeNull();
      await m.call('project:discard', {});
      expect(await m.svc.autosave.loadLink()).toBeNull();
    } finally {
      await m.close();
    }
  });
});
