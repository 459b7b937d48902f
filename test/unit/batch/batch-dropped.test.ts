/**
 * An image dropped on the Batch dialog (`batch:addDropped`): from its file when that still holds the
 * dropped bytes (its mask found by name beside it); as a copy without a path (the dev host) or when
 * the file changed; a mask-named file or a non-image refused with the reason.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { access, copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { BatchFiles } from '../../../electron/main/batch/batch-files';
import { addDropped, removeDroppedCopies } from '../../../electron/main/batch/batch-dropped';
import type { BatchRecord } from '../../../shared/batch/batch-types';

const PHOTOS = process.env.MASKWORK_PHOTOS ?? '/work/shared/testdata/photos';
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'maskwork-batch-drop-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('batch:addDropped', () => {
  it('from its file: listed with the mask found beside it', async () => {
    await copyFile(join(PHOTOS, 'coffee.png'), join(dir, 'coffee.png'));
    await copyFile(join(PHOTOS, 'coffee.mask-blob.png'), join(dir, 'coffee-mask.png'));
    const bytes = new Uint8Array(await readFile(join(dir, 'coffee.png')));
    const files = new BatchFiles();
    const r = await addDropped(files, join(dir, 'assets'), { bytes, name: 'coffee.png', path: join(dir, 'coffee.png') });
    expect(r.files).toEqual([expect.objectContaining({ name: 'coffee.png', mask: 'coffee-mask.png' })]);
    expect(files.resolve(r.files[0].fileId).image).toBe(join(dir, 'coffee.png'));
  });

  it('without a path, or a file that changed since: a copy in the data folder, no mask by name', async () => {
    const bytes = new Uint8Array(await readFile(join(PHOTOS, 'coffee.png')));
    await writeFile(join(dir, 'coffee.png'), 'changed');
    const files = new BatchFiles();
    for (const path of [undefined, join(dir, 'coffee.png')]) {
      const r = await addDropped(files, join(dir, 'assets'), { bytes, name: '../../coffee.png', ...(path ? { path } : {}) });
      expect(r.files).toEqual([expect.objectContaining({ name: 'coffee.png', mask: null })]);
      // Its own mask cannot be put beside a copy: the message says to choose one for all.
      expect(() => files.resolve(r.files[0].fileId)).toThrow('dropped as a copy');
      const copy = files.resolve(r.files[0].fileId, files.addMask(join(PHOTOS, 'coffee.mask-blob.png')).maskId).image;
      expect(copy.startsWith(join(dir, 'assets', 'batch-dropped'))).toBe(true);
      expect(new Uint8Array(await readFile(copy))).toEqual(bytes);
    }
  });

  it('a mask-named file or a non-image: refused with the reason', async () => {
    const files = new BatchFiles();
    const bytes = new Uint8Array([1, 2, 3]);
    await expect(addDropped(files, dir, { bytes, name: 'coffee-mask.png' })).rejects.toThrow('named like a mask');
    await expect(addDropped(files, dir, { bytes, name: 'notes.txt' })).rejects.toThrow(
      'notes.txt is not an image a batch takes (jpg, png, webp, tif, gif, avif, psd).',
    );
  });

  it('a dropped .gif or .avif is taken, as Ctrl+O opens them (it was refused as "not an image a batch takes")', async () => {
    const files = new BatchFiles();
    for (const name of ['coffee.gif', 'coffee.AVIF']) {
      const bytes = new Uint8Array(await sharp(join(PHOTOS, 'coffee.png'))[name.endsWith('gif') ? 'gif' : 'avif']().toBuffer());
      const r = await addDropped(files, join(dir, 'assets'), { bytes, name });
      expect(r.files).toEqual([expect.objectContaining({ name, mask: null })]);
    }
  });

  it('Clear finished deletes the copies only cleared batches used; one still listed or in a batch left stays', async () => {
    const bytes = new Uint8Array(await readFile(join(PHOTOS, 'coffee.png')));
    const files = new BatchFiles();
    const assets = join(dir, 'assets');
    const copyOf = async (name: string) => {
      const r = await addDropped(files, assets, { bytes, name });
      return files.resolve(r.files[0].fileId, files.addMask(join(PHOTOS, 'coffee.mask-blob.png')).maskId).image;
    };
    const [gone, leftOne, listed] = [await copyOf('a.png'), await copyOf('b.png'), await copyOf('c.png')];
    const batchOf = (...images: string[]) => ({ items: images.map((image) => ({ image })) }) as unknown as BatchRecord;
    // A photo picked from its own folder is never touched.
    const own = join(dir, 'own.png');
    await writeFile(own, bytes);
    const n = await removeDroppedCopies(assets, [batchOf(gone, leftOne, listed, own)], [batchOf(leftOne)], new Set([listed]));
    expect(n).toBe(1);
    await expect(access(gone)).rejects.toThrow();
    await access(leftOne);
    await access(listed);
    await access(own);
  });
});
