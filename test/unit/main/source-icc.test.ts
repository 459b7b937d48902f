/** The original's ICC profile for patch encoding (electron/main/edit/colour-space.ts), looked up once per asset. */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { AssetStore } from '../../../electron/main/services/asset-store';
import { sourceIccPath } from '../../../electron/main/edit/colour-space';
import { photo } from '../../fixtures/bad-images';

let tmp: string;
let store: AssetStore;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'maskwork-source-icc-'));
  store = new AssetStore(join(tmp, 'assets'));
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

describe('sourceIccPath', () => {
  it('a tagged original: the profile is written beside the assets; an untagged one: null; each file is read once', async () => {
    const plain = await store.put(new Uint8Array(await readFile(photo('building.jpg'))), 'img');
    const tagged = await store.put(new Uint8Array(await sharp(photo('building.jpg')).withIccProfile('p3').jpeg().toBuffer()), 'img');
    const reads = vi.spyOn(store, 'get');
    expect(await sourceIccPath(store, plain)).toBeNull();
    const path = await sourceIccPath(store, tagged);
    expect(path).toBe(join(store.dir, `${tagged}.icc`));
    expect((await readFile(path!)).length).toBeGreaterThan(100);
    expect(await sourceIccPath(store, plain)).toBeNull();
    expect(await sourceIccPath(store, tagged)).toBe(path);
    expect(reads).toHaveBeenCalledTimes(2);
  });

  it('a failed lookup is not remembered', async () => {
    const missing = 'img-00000000000000000000000000000000';
    await expect(sourceIccPath(store, missing)).rejects.toThrow(/missing/);
    const bytes = new Uint8Array(await sharp(photo('building.jpg')).withIccProfile('p3').jpeg().toBuffer());
    // Bytes for that id now in the store (as if written late): the next lookup reads them.
    const get = vi.spyOn(store, 'get').mockImplementation(async () => bytes);
    expect(await sourceIccPath(store, missing)).toBe(join(store.dir, `${missing}.icc`));
    get.mockRestore();
  });
});
