// A batch's names: which files are masks (also the dot form with a label, `chelsea.mask-blob.png`,
// as the test photos' own masks are named) and which mask is an image's, in the one place the app
// and the CLI share (batch-files.ts); and output names that stay apart when two photos share a
// stem (`photo.jpg`, `photo.png`), while a file already in the export folder is still never replaced.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { BatchFiles, isMaskName, outputStems, pickMask } from '../../../electron/main/batch/batch-files';
import { startMain } from '../../support/main-harness';
import type { Dialogs } from '../../../electron/main/services/dialogs';
import type { BatchView } from '../../../shared/batch/batch-types';

vi.mock('electron', () => ({}));

const PHOTOS = resolve(__dirname, '../../../../shared/testdata/photos');
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'maskwork-batch-names-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('mask names', () => {
  it('a labelled dot-form mask is a mask, not an image; a look-alike is an image', () => {
    for (const n of ['chelsea.mask-blob.png', 'chelsea.mask.png', 'chelsea-mask.png', 'Photo.MASK_sky.PNG', 'a.b.mask.v2.png'])
      expect([n, isMaskName(n)]).toEqual([n, true]);
    for (const n of ['chelsea.png', 'chelsea.masked.png', 'mask.png', 'chelsea.mask-blob.jpg', 'masking-tape.png'])
      expect([n, isMaskName(n)]).toEqual([n, false]);
  });

  it('plain names first, else the one labelled mask; several labelled masks are not guessed', () => {
    const names = ['photo.jpg', 'photo.mask-blob.png', 'photo.mask-box.png', 'rocket.jpg', 'rocket.mask-sky.png', 'photo2.mask-x.png'];
    expect(pickMask('rocket', names, true)).toEqual({ mask: 'rocket.mask-sky.png' });
    expect(pickMask('photo', names, true)).toEqual({ mask: null, several: ['photo.mask-blob.png', 'photo.mask-box.png'] });
    expect(pickMask('photo', [...names, 'photo.mask.png'], true)).toEqual({ mask: 'photo.mask.png' });
    expect(pickMask('photo', [...names, 'photo-mask.png'], true)).toEqual({ mask: 'photo-mask.png' });
    // In a masks folder of its own `<stem>.png` is the mask; beside the photos it is an image.
    expect(pickMask('cat', ['cat.png', 'cat.mask-a.png'], false)).toEqual({ mask: 'cat.png' });
    expect(pickMask('cat', ['cat.png', 'cat.mask-a.png'], true)).toEqual({ mask: 'cat.mask-a.png' });
    // `photo2.mask-x.png` belongs to photo2, `photo.masked.png` to nobody.
    expect(pickMask('photo2', names, true)).toEqual({ mask: 'photo2.mask-x.png' });
    expect(pickMask('photo', ['photo.masked.png'], true)).toEqual({ mask: null });
  });

  it('the test photos folder: 12 photos, no mask taken for a photo, each with its three masks named', async () => {
    const files = await new BatchFiles().addFolder(PHOTOS);
    expect(files.map((f) => f.name)).toEqual([
      'building.jpg',
      'chelsea.png',
      'coffee.png',
      'colorful-cups.jpg',
      'cork-texture.png',
      'desk-stuff.jpg',
      'gimp-splash.png',
      'imagemagick-logo.png',
      'rocket.jpg',
      'seeding-grass.jpg',
      'sign-sports-centre.jpg',
      'smarties.png',
    ]);
    const chelsea = files.find((f) => f.name === 'chelsea.png')!;
    expect(chelsea.mask).toBeNull();
    expect(chelsea.masks).toEqual(['chelsea.mask-blob.png', 'chelsea.mask-box.png', 'chelsea.mask-thin.png']);
  });

  it('a folder with one labelled mask per photo: each photo gets its own; several are refused with their names', async () => {
    const inDir = join(dir, 'labelled');
    await mkdir(inDir);
    await copyFile(join(PHOTOS, 'chelsea.png'), join(inDir, 'chelsea.png'));
    await copyFile(join(PHOTOS, 'chelsea.mask-blob.png'), join(inDir, 'chelsea.mask-blob.png'));
    await copyFile(join(PHOTOS, 'coffee.png'), join(inDir, 'coffee.png'));
    await copyFile(join(PHOTOS, 'coffee.mask-blob.png'), join(inDir, 'coffee.mask-blob.png'));
    await copyFile(join(PHOTOS, 'coffee.mask-box.png'), join(inDir, 'coffee.mask-box.png'));
    const files = new BatchFiles();
    const listed = await files.addFolder(inDir);
    expect(listed.map((f) => [f.name, f.mask])).toEqual([
      ['chelsea.png', 'chelsea.mask-blob.png'],
      ['coffee.png', null],
    ]);
    expect(files.resolve(listed[0].fileId).mask).toBe(join(inDir, 'chelsea.mask-blob.png'));
    expect(() => files.resolve(listed[1].fileId)).toThrow(
      'It has 2 masks (coffee.mask-blob.png, coffee.mask-box.png): choose the one to use in its row above (“2 masks, which one?”).',
    );
  });

  it('a photo picked again keeps its id (listed and sent once), with its mask looked for again', async () => {
    const inDir = join(dir, 'again');
    await mkdir(inDir);
    await copyFile(join(PHOTOS, 'chelsea.png'), join(inDir, 'chelsea.png'));
    const files = new BatchFiles();
    const [first] = files.add([join(inDir, 'chelsea.png')]);
    expect(first.mask).toBeNull();
    await copyFile(join(PHOTOS, 'chelsea.mask-blob.png'), join(inDir, 'chelsea.mask.png'));
    const again = await files.addFolder(inDir);
    expect(again.map((f) => [f.fileId, f.name, f.mask])).toEqual([[first.fileId, 'chelsea.png', 'chelsea.mask.png']]);
    expect(files.resolve(first.fileId).mask).toBe(join(inDir, 'chelsea.mask.png'));
  });
});

describe('output names', () => {
  it('two photos with one stem carry their extensions; other names stay as they were', () => {
    expect(outputStems(['photo.jpg', 'photo.png', 'rocket.jpg'])).toEqual(['photo-jpg', 'photo-png', 'rocket']);
    expect(outputStems(['a.png', 'b.png'])).toEqual(['a', 'b']);
    // Case does not separate them (a case-insensitive disk would not).
    expect(outputStems(['Photo.JPG', 'photo.png'])).toEqual(['Photo-jpg', 'photo-png']);
    // The same name from two folders, and a photo already named like the disambiguated one: numbered.
    expect(outputStems(['photo.jpg', 'photo.jpg'])).toEqual(['photo-jpg', 'photo-jpg-2']);
    expect(outputStems(['photo.jpg', 'photo.png', 'photo-jpg.tif'])).toEqual(['photo-jpg-2', 'photo-png', 'photo-jpg']);
    const many = outputStems(['x.jpg', 'x.JPG', 'x.png', 'x-png.webp', 'x.tif']);
    expect(new Set(many.map((s) => s.toLowerCase())).size).toBe(many.length);
  });

  it('the app: photo.jpg and photo.png export to two files; a file already in the folder is refused, not replaced', async () => {
    const inDir = join(dir, 'same-stem');
    const out = join(dir, 'same-stem-export');
    await mkdir(inDir);
    await mkdir(out);
    await copyFile(join(PHOTOS, 'chelsea.png'), join(inDir, 'photo.png'));
    await sharp(join(PHOTOS, 'chelsea.png')).jpeg({ quality: 90 }).toFile(join(inDir, 'photo.jpg'));
    await copyFile(join(PHOTOS, 'chelsea.mask-blob.png'), join(inDir, 'photo.mask-blob.png'));
    await copyFile(join(PHOTOS, 'coffee.png'), join(inDir, 'coffee.png'));
    await copyFile(join(PHOTOS, 'coffee.mask-box.png'), join(inDir, 'coffee.mask-box.png'));
    await writeFile(join(out, 'coffee-edited.png'), 'not to be replaced');
    const folders: (string | null)[] = [];
    const dialogs: Dialogs = {
      chooseImageToOpen: async () => null,
      chooseExportPath: async () => null,
      chooseFolder: async () => folders.shift() ?? null,
    };
    const main = await startMain({}, dialogs);
    try {
      folders.push(inDir);
      const { files } = await main.call('batch:addFolder', {});
      expect(files.map((f: { name: string; mask: string }) => [f.name, f.mask])).toEqual([
        ['coffee.png', 'coffee.mask-box.png'],
        ['photo.jpg', 'photo.mask-blob.png'],
        ['photo.png', 'photo.mask-blob.png'],
      ]);
      const b = await main.call<BatchView>('batch:start', {
        fileIds: files.map((f: { fileId: string }) => f.fileId),
        prompt: 'remove the object',
        model: 'local',
        mode: 'now',
        featherPx: 0,
        colorMatch: true,
      });
      let done = b;
      for (const end = Date.now() + 60_000; done.state !== 'done' && Date.now() < end; ) {
        await new Promise((r) => setTimeout(r, 50));
        done = (await main.call<BatchView[]>('batch:list', {})).find((x) => x.id === b.id)!;
      }
      expect(done.items.map((i) => i.state)).toEqual(['done', 'done', 'done']);
      for (const i of done.items) await main.call('batch:review', { batchId: b.id, itemId: i.id, review: 'kept' });
      folders.push(out);
      const ex = await main.call('batch:export', { batchId: b.id, format: 'png' });
      expect(ex.written.sort()).toEqual(['photo-jpg-edited.png', 'photo-png-edited.png']);
      expect(ex.failed).toEqual([
        { name: 'coffee.png', message: 'coffee-edited.png is already in the folder', exists: 'coffee-edited.png' },
      ]);
      expect((await readdir(out)).sort()).toEqual(['coffee-edited.png', 'photo-jpg-edited.png', 'photo-png-edited.png']);
      expect((await sharp(join(out, 'photo-jpg-edited.png')).metadata()).width).toBe(451);
    } finally {
      await main.close();
    }
  }, 120_000);
});
