// A batch's names: which files are masks (also the dot form with a label, `chelsea.mask-blob.png`,
// as the test photos' own masks are named) and which mask is an image's, in the one place the app
// and the CLI share (batch-files.ts).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BatchFiles, isMaskName, pickMask } from '../../../electron/main/batch/batch-files';

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
      'coffee.png has 2 masks (coffee.mask-blob.png, coffee.mask-box.png): keep only the one to use, or copy it to coffee.mask.png.',
    );
  });
});
