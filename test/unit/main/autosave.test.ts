/**
 * electron/main/services/autosave-store.ts + session-recovery.ts through the real handlers
 * (`project:autosave`, `project:recover`, `project:discard`): a save round-trips with the original's
 * display bytes and the patch bytes; a damaged file reads as "no save"; a write interrupted before
 * its rename leaves the previous save; discard clears; bad payloads are refused before any write.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { startMain, type MainHarness } from '../../support/main-harness';
import { photo, rotatedP3Jpeg } from '../../fixtures/bad-images';
import { AutosaveStore } from '../../../electron/main/services/autosave-store';
import { AUTOSAVE_MAX_DOCUMENT_CHARS } from '../../../shared/ipc/contract';

let main: MainHarness;
beforeEach(async () => {
  main = await startMain();
});
afterEach(async () => {
  await main.close();
});

const rect = { x: 10, y: 20, width: 4, height: 3 };

async function maskPng(): Promise<Uint8Array> {
  const values = Buffer.from(Array.from({ length: rect.width * rect.height }, (_, i) => (i * 20) % 256));
  return new Uint8Array(
    await sharp(values, { raw: { width: rect.width, height: rect.height, channels: 1 } })
      .png()
      .toBuffer(),
  );
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

  it('round-trips a JPEG photo, a patch and the mask through the handlers', async () => {
    const bytes = new Uint8Array(await readFile(photo('building.jpg')));
    const { opened, patchId, patchPng, doc } = await documentWithAssets(bytes, 'building.jpg');
    const png = await maskPng();
    const before = Date.now();
    const { savedAt } = await main.call('project:autosave', { document: JSON.stringify(doc), mask: { png, rect } });
    expect(savedAt).toBeGreaterThanOrEqual(before);

    const rec = await main.call('project:recover', {});
    expect(rec.savedAt).toBe(savedAt);
    expect(JSON.parse(rec.document)).toEqual(doc);
    expect(rec.mask.rect).toEqual(rect);
    expect(Buffer.from(rec.mask.png).equals(Buffer.from(png))).toBe(true);
    expect(Object.keys(rec.assets).sort()).toEqual([opened.assetId, patchId].sort());
    // Upright JPEG: the display bytes are the file itself, as on import.
    expect(rec.assets[opened.assetId].mime).toBe('image/jpeg');
    expect(Buffer.from(rec.assets[opened.assetId].bytes).equals(Buffer.from(bytes))).toBe(true);
    expect(rec.assets[patchId]).toEqual({ bytes: patchPng, mime: 'image/png' });
    // The mask PNG decodes to the values that were saved.
    const { data } = await sharp(rec.mask.png).extractChannel(0).raw().toBuffer({ resolveWithObject: true });
    expect([...data]).toEqual(Array.from({ length: 12 }, (_, i) => (i * 20) % 256));
  });

  it('sends a rotated original as displayable bytes with its orientation, and re-registers it for export after a restart', async () => {
    const bytes = await rotatedP3Jpeg();
    const { opened, doc } = await documentWithAssets(bytes, 'rotated.jpg');
    await main.call('project:autosave', { document: JSON.stringify(doc) });
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
    expect(r.value.mask).toBeUndefined();
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
    await main.call('project:autosave', { document: JSON.stringify(doc), mask: { png: await maskPng(), rect } });
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
    const doc = {
      id: 'd',
      canvas: { width: 1, height: 1 },
      original: { assetId: `img-${'0'.repeat(32)}`, name: 'x.png' },
      layers: [],
      versions: [],
    };
    await main.call('project:autosave', { document: JSON.stringify(doc) });
    expect(await main.call('project:recover', {})).toBeNull();
  });

  it('keeps the previous complete save when a write is interrupted before its rename', async () => {
    const dir = join(main.tmp, 'interrupted');
    let crash = false;
    const store = new AutosaveStore(dir, {
      beforeRename: async () => {
        if (crash) throw new Error('power cut');
      },
    });
    await store.save({ savedAt: 1, document: '{"v":1}' });
    crash = true;
    await expect(store.save({ savedAt: 2, document: '{"v":2}' })).rejects.toMatchObject({ kind: 'io' });
    expect(await store.load()).toEqual({ savedAt: 1, document: '{"v":1}' });
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    // A half-written temp file left by a real crash is ignored too.
    await writeFile(join(dir, 'session.bin.999.1.deadbeef.tmp'), 'MASKWORK-AUTOSAVE-1\n\0\0');
    expect(await store.load()).toEqual({ savedAt: 1, document: '{"v":1}' });
    crash = false;
    await store.save({ savedAt: 3, document: '{"v":3}' });
    expect(await store.load()).toEqual({ savedAt: 3, document: '{"v":3}' });
    await store.clear();
    expect(await readdir(dir)).toEqual([]);
  });

  it('serialises concurrent saves: the last one wins', async () => {
    const store = new AutosaveStore(join(main.tmp, 'concurrent'));
    await Promise.all(Array.from({ length: 8 }, (_, i) => store.save({ savedAt: i, document: JSON.stringify({ i }) })));
    expect(await store.load()).toEqual({ savedAt: 7, document: '{"i":7}' });
  });

  it('discard clears the save', async () => {
    const bytes = new Uint8Array(await readFile(photo('building.jpg')));
    const { doc } = await documentWithAssets(bytes, 'building.jpg');
    await main.call('project:autosave', { document: JSON.stringify(doc) });
    expect(await main.call('project:recover', {})).not.toBeNull();
    expect(await main.call('project:discard', {})).toEqual({ discarded: true });
    expect(await main.call('project:recover', {})).toBeNull();
    expect(await main.call('project:discard', {})).toEqual({ discarded: false });
  });

  it('refuses non-JSON, oversized and malformed payloads before writing anything, keeping the previous save', async () => {
    await main.call('project:autosave', { document: '{"keep":true}' });
    const refused = async (payload: unknown, hint: string) => {
      const r = await main.callRaw('project:autosave', payload);
      expect(r.ok).toBe(false);
      expect(r.error.kind).toBe('validation');
      expect(r.error.message).toContain(hint);
    };
    await refused({ document: '{"id": "doc-1", ' }, 'document');
    await refused({ document: 'not json' }, 'JSON');
    await refused({ document: 42 }, 'document');
    await refused({ document: `"${'x'.repeat(AUTOSAVE_MAX_DOCUMENT_CHARS)}"` }, 'document');
    await refused({ document: '{}', savedAt: 5 }, 'unknown field');
    await refused({ document: '{}', mask: { png: await maskPng(), rect, extra: 1 } }, 'mask.extra');
    await refused({ document: '{}', mask: { png: 'iVBORw0KGgo=', rect } }, 'mask.png');
    await refused({ document: '{}', mask: { png: await maskPng(), rect: { ...rect, width: 0 } } }, 'mask.rect.width');
    await refused({ document: '{}', mask: { png: await maskPng(), rect }, smuggled: '../../etc/passwd' }, 'smuggled');
    const r = await main.callRaw('project:recover', { extra: 1 });
    expect(r).toMatchObject({ ok: false, error: { kind: 'validation' } });
    expect((await main.svc.autosave.load())?.document).toBe('{"keep":true}');
  });

  it('the store itself refuses a non-JSON document (callers other than IPC)', async () => {
    const store = new AutosaveStore(join(main.tmp, 'direct'));
    await expect(store.save({ savedAt: 1, document: '{oops' })).rejects.toMatchObject({ kind: 'validation' });
    expect(await store.load()).toBeNull();
  });
});
