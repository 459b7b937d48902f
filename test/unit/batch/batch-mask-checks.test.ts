// One mask for all, checked when it is chosen and when a photo is redone (through the handler table):
// a colour photo picked by mistake is refused and told what a mask is, a grey mask stored as RGB is
// taken; Redo on a photo whose mask is another size says what to do instead of failing the same way.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { startMain } from '../../support/main-harness';
import { QueuedDialogs } from '../../support/batch-dialogs';
import type { BatchView } from '../../../shared/batch/batch-types';
import { startGeminiServer, type GeminiServer } from '../../servers';

vi.mock('electron', () => ({}));

const PHOTOS = resolve(__dirname, process.env.MASKWORK_PHOTOS ?? '../../../../shared/testdata/photos');
const KEY = 'AIzaSyMaskChecks-maskwork-0123456789ab';

let gemini: GeminiServer;
let dir: string;

beforeAll(async () => {
  gemini = await startGeminiServer({ acceptedKeys: [KEY] });
  dir = await mkdtemp(join(tmpdir(), 'maskwork-maskcheck-'));
  await mkdir(join(dir, 'in'));
  for (const n of ['coffee.png', 'rocket.jpg', 'coffee.mask-blob.png']) await copyFile(join(PHOTOS, n), join(dir, 'in', n));
  // The coffee mask as a 3-channel JPEG (a mask saved from a photo editor as RGB): grey, so it is a mask.
  await sharp(join(PHOTOS, 'coffee.mask-blob.png'))
    .toColourspace('srgb')
    .jpeg({ quality: 90 })
    .toFile(join(dir, 'in', 'grey-rgb.jpg'));
});
afterAll(async () => {
  await gemini?.close();
  await rm(dir, { recursive: true, force: true });
});

const env = () => ({ GEMINI_API_KEY: KEY, GOOGLE_GEMINI_BASE_URL: gemini.baseUrl, MASKWORK_MAX_RETRIES: '0' });

describe('one mask for all', () => {
  it('a colour photo is refused with what a mask is; a grey mask stored as RGB is taken', async () => {
    const answers = new QueuedDialogs();
    const main = await startMain(env(), answers);
    try {
      expect((await sharp(join(dir, 'in', 'grey-rgb.jpg')).metadata()).channels).toBe(3);
      answers.opens.push(join(dir, 'in', 'rocket.jpg'));
      const r = await main.callRaw('batch:chooseMask', {});
      expect(r.ok).toBe(false);
      expect(r.error.message).toBe(
        'rocket.jpg is a colour photo, not a mask. A mask is a black-and-white (or grey) image the size of the photos: white marks the area to change, black what stays.',
      );
      answers.opens.push(join(dir, 'in', 'grey-rgb.jpg'));
      expect(await main.call('batch:chooseMask', {})).toMatchObject({ name: 'grey-rgb.jpg' });
      answers.opens.push(join(dir, 'in', 'coffee.mask-blob.png'));
      expect(await main.call('batch:chooseMask', {})).toMatchObject({ name: 'coffee.mask-blob.png' });
    } finally {
      await main.close();
    }
  }, 60_000);

  it('the mask dialog offers mask images only, and a project file or a PSD given anyway is refused with what to choose', async () => {
    class MaskDialogs extends QueuedDialogs {
      masks: (string | null)[] = [];
      async chooseMaskToOpen() {
        return this.masks.shift() ?? null;
      }
    }
    const answers = new MaskDialogs();
    const main = await startMain(env(), answers);
    try {
      answers.masks.push(join(dir, 'in', 'coffee.mask-blob.png'));
      expect(await main.call('batch:chooseMask', {})).toMatchObject({ name: 'coffee.mask-blob.png' });
      expect(answers.opens).toEqual([]); // not Ctrl+O's dialog (it listed .maskwork projects)
      for (const name of ['coffee.maskwork', 'coffee.psd']) {
        answers.masks.push(join(dir, 'in', name));
        const r = await main.callRaw('batch:chooseMask', {});
        expect(r.ok).toBe(false);
        expect(r.error.message).toBe(`${name} is not a mask image: choose a png, jpg, webp, tif, gif or avif mask (white = change).`);
      }
    } finally {
      await main.close();
    }
  }, 60_000);

  it('Redo on a photo whose mask is another size says what to do and sends nothing', async () => {
    const answers = new QueuedDialogs();
    const main = await startMain(env(), answers);
    try {
      // Start leaves such a photo out now; a batch that has one (the CLI's, or one the mask changed under) is made directly.
      const mask = join(dir, 'in', 'coffee.mask-blob.png');
      const started = await main.svc.batches.create({
        items: [
          { name: 'coffee.png', image: join(dir, 'in', 'coffee.png'), mask },
          { name: 'rocket.jpg', image: join(dir, 'in', 'rocket.jpg'), mask },
        ],
        settings: { prompt: 'remove the object', model: 'gemini-3.1-flash-image', featherPx: 4, colorMatch: true },
        mode: 'now',
      });
      await main.svc.batches.idle();
      const b = (await main.call<BatchView[]>('batch:list', {})).find((x) => x.id === started.id)!;
      expect(b.items.map((i) => i.state)).toEqual(['done', 'failed']);
      const sent = gemini.requests.length;
      const r = await main.callRaw('batch:redo', { batchId: b.id, itemId: 'item-2' });
      expect(r.ok).toBe(false);
      expect(r.error.message).toBe(
        'Redo would send rocket.jpg with the same mask, coffee.mask-blob.png, which is 600×400; the photo is 640×427. Save a mask of the photo’s size over coffee.mask-blob.png and press Redo, or start a new batch for rocket.jpg with its own mask.',
      );
      await main.svc.batches.idle();
      const after = (await main.call<BatchView[]>('batch:list', {})).find((x) => x.id === b.id)!;
      expect(after.items[1].state).toBe('failed');
      expect(after.state).toBe(b.state);
      expect(gemini.requests.length).toBe(sent);
      // The mask put right on disk: Redo goes.
      await copyFile(join(PHOTOS, 'rocket.mask-blob.png'), join(dir, 'in', 'coffee.mask-blob.png'));
      await main.call('batch:redo', { batchId: b.id, itemId: 'item-2' });
      await main.svc.batches.idle();
      const redone = (await main.call<BatchView[]>('batch:list', {})).find((x) => x.id === b.id)!;
      expect(redone.items[1].state).toBe('done');
      expect(gemini.requests.length).toBe(sent + 1);
    } finally {
      await main.close();
    }
  }, 60_000);

  it('a photo the one mask does not fit is priced as "cannot be sent" with the reason, and left out at Start (it also came back as a failed card)', async () => {
    const answers = new QueuedDialogs();
    const main = await startMain(env(), answers);
    try {
      answers.multiOpens.push([join(dir, 'in', 'coffee.png'), join(dir, 'in', 'rocket.jpg')]);
      const { files } = await main.call('batch:addImages', {});
      answers.opens.push(join(PHOTOS, 'coffee.mask-blob.png')); // the copy in `in` is rocket's mask after the Redo test
      const { maskId } = await main.call('batch:chooseMask', {});
      const fileIds = files.map((f: { fileId: string }) => f.fileId);
      const request = { fileIds, maskId, prompt: 'remove the object', model: 'gemini-3.1-flash-image', mode: 'now' as const };
      const e = await main.call('batch:estimate', request);
      expect(e.items[0].usd).toBeGreaterThan(0);
      // Its name, both sizes and what to do (it said only "The mask is 600×400 but the image is 640×427; they must be the same size.").
      expect(e.items[1]).toMatchObject({
        usd: null,
        error:
          'The mask for all, coffee.mask-blob.png, is 600×400 but the photo is 640×427; a mask must be the size of its photo. Start batch sends the other photos without it: give it a batch of its own with a 640×427 mask, or remove it.',
      });
      const sent = gemini.requests.length;
      const started = await main.call<BatchView>('batch:start', { ...request, featherPx: 4, colorMatch: true });
      expect(started.items.map((i) => i.name)).toEqual(['coffee.png']);
      await main.svc.batches.idle();
      const b = (await main.call<BatchView[]>('batch:list', {})).find((x) => x.id === started.id)!;
      expect(b.items.map((i) => [i.name, i.state])).toEqual([['coffee.png', 'done']]);
      expect(b.state).toBe('done');
      expect(gemini.requests.length).toBe(sent + 1);
      // With only that photo, Start says why and makes no batch.
      const before = (await main.call<BatchView[]>('batch:list', {})).length;
      const r = await main.callRaw('batch:start', { ...request, fileIds: [fileIds[1]], featherPx: 4, colorMatch: true });
      expect(r).toMatchObject({
        ok: false,
        error: {
          message:
            'The mask for all, coffee.mask-blob.png, is 600×400 but the photo is 640×427; a mask must be the size of its photo. Start batch sends the other photos without it: give it a batch of its own with a 640×427 mask, or remove it.',
        },
      });
      expect((await main.call<BatchView[]>('batch:list', {})).length).toBe(before);
    } finally {
      await main.close();
    }
  }, 60_000);
});

describe('masks found by name', () => {
  it('a colour file named like a mask is priced as "cannot be sent" with what a mask is, and left out of the batch', async () => {
    const byName = join(dir, 'by-name');
    await mkdir(byName);
    await copyFile(join(PHOTOS, 'coffee.png'), join(byName, 'coffee.png'));
    await copyFile(join(PHOTOS, 'coffee.mask-blob.png'), join(byName, 'coffee.mask.png'));
    await copyFile(join(PHOTOS, 'rocket.jpg'), join(byName, 'rocket.jpg'));
    // The photo itself saved under the mask's name, as happens with an export to the wrong file.
    await sharp(join(PHOTOS, 'rocket.jpg')).png().toFile(join(byName, 'rocket.mask.png'));
    const answers = new QueuedDialogs();
    answers.multiOpens.push([join(byName, 'coffee.png'), join(byName, 'rocket.jpg')]);
    const main = await startMain(env(), answers);
    try {
      const { files } = await main.call('batch:addImages', {});
      expect(files.map((f: { mask: string | null }) => f.mask)).toEqual(['coffee.mask.png', 'rocket.mask.png']);
      const fileIds = files.map((f: { fileId: string }) => f.fileId);
      const request = { fileIds, prompt: 'remove the object', model: 'gemini-3.1-flash-image', mode: 'now' as const };
      const e = await main.call('batch:estimate', request);
      expect(e.items[0].usd).toBeGreaterThan(0);
      expect(e.items[1]).toMatchObject({ usd: null, error: expect.stringMatching(/^rocket\.mask\.png is a colour photo, not a mask\./) });
      const started = await main.call<BatchView>('batch:start', { ...request, featherPx: 4, colorMatch: true });
      expect(started.items.map((i) => i.name)).toEqual(['coffee.png']);
      await main.svc.batches.idle();
    } finally {
      await main.close();
    }
  }, 60_000);

  it('a mask of another size found by name says its name, both sizes and what to do', async () => {
    const wrong = join(dir, 'wrong-size');
    await mkdir(wrong);
    await copyFile(join(PHOTOS, 'rocket.jpg'), join(wrong, 'rocket.jpg'));
    await copyFile(join(PHOTOS, 'coffee.mask-blob.png'), join(wrong, 'rocket.mask.png'));
    const answers = new QueuedDialogs();
    answers.multiOpens.push([join(wrong, 'rocket.jpg')]);
    const main = await startMain(env(), answers);
    try {
      const { files } = await main.call('batch:addImages', {});
      const request = { fileIds: [files[0].fileId], prompt: 'remove the object', model: 'gemini-3.1-flash-image', mode: 'now' as const };
      const e = await main.call('batch:estimate', request);
      expect(e.items[0]).toEqual({
        fileId: files[0].fileId,
        usd: null,
        error:
          'Its mask, rocket.mask.png, is 600×400 but the photo is 640×427; a mask must be the size of its photo. Save a 640×427 mask over rocket.mask.png and add the photo again (Add images…); until then Start batch leaves it out.',
      });
    } finally {
      await main.close();
    }
  }, 60_000);

  it('chelsea: the masks beside the photo that fit are named, for its own mask and for the one for all', async () => {
    const fits = join(dir, 'fits');
    await mkdir(fits);
    // chelsea.png is 451×300; rocket's mask (640×427) saved as its plain-named mask, its own three beside it.
    await copyFile(join(PHOTOS, 'chelsea.png'), join(fits, 'chelsea.png'));
    await copyFile(join(PHOTOS, 'rocket.mask-blob.png'), join(fits, 'chelsea-mask.png'));
    await copyFile(join(PHOTOS, 'chelsea.mask-blob.png'), join(fits, 'chelsea.mask-blob.png'));
    await mkdir(join(fits, 'masks'));
    for (const m of ['box', 'thin']) await copyFile(join(PHOTOS, `chelsea.mask-${m}.png`), join(fits, 'masks', `chelsea.mask-${m}.png`));
    const answers = new QueuedDialogs();
    answers.multiOpens.push([join(fits, 'chelsea.png')]);
    const main = await startMain(env(), answers);
    try {
      const { files } = await main.call('batch:addImages', {});
      expect(files[0].mask).toBe('chelsea-mask.png');
      const request = { fileIds: [files[0].fileId], prompt: 'remove the object', model: 'gemini-3.1-flash-image', mode: 'now' as const };
      expect((await main.call('batch:estimate', request)).items[0].error).toBe(
        'Its mask, chelsea-mask.png, is 640×427 but the photo is 451×300; a mask must be the size of its photo. chelsea.mask-blob.png, masks/chelsea.mask-box.png and masks/chelsea.mask-thin.png beside it are 451×300: save the one to use as chelsea-mask.png and add the photo again (Add images…); until then Start batch leaves it out.',
      );
      // One that fits, as the one for all: Start says the same.
      await rm(join(fits, 'masks'), { recursive: true });
      answers.opens.push(join(PHOTOS, 'coffee.mask-blob.png'));
      const { maskId } = await main.call('batch:chooseMask', {});
      const r = await main.callRaw('batch:start', { ...request, maskId, featherPx: 4, colorMatch: true });
      expect(r).toMatchObject({
        ok: false,
        error: {
          message:
            'The mask for all, coffee.mask-blob.png, is 600×400 but the photo is 451×300; a mask must be the size of its photo. Start batch sends the other photos without it: give it a batch of its own with a 451×300 mask (chelsea.mask-blob.png beside it is 451×300), or remove it.',
        },
      });
    } finally {
      await main.close();
    }
  }, 60_000);

  it('of several labelled masks, the one picked (batch:pickMask) is priced and sent; none is guessed before', async () => {
    const several = join(dir, 'several');
    await mkdir(several);
    await copyFile(join(PHOTOS, 'smarties.png'), join(several, 'smarties.png'));
    for (const m of ['blob', 'box', 'thin'])
      await copyFile(join(PHOTOS, `smarties.mask-${m}.png`), join(several, `smarties.mask-${m}.png`));
    const answers = new QueuedDialogs();
    answers.multiOpens.push([join(several, 'smarties.png')]);
    const main = await startMain(env(), answers);
    try {
      const { files } = await main.call('batch:addImages', {});
      expect(files[0]).toMatchObject({ mask: null, masks: ['smarties.mask-blob.png', 'smarties.mask-box.png', 'smarties.mask-thin.png'] });
      const fileId = files[0].fileId;
      const request = { fileIds: [fileId], prompt: 'remove the object', model: 'gemini-3.1-flash-image', mode: 'now' as const };
      const before = await main.call('batch:estimate', request);
      expect(before.items[0]).toMatchObject({
        usd: null,
        error: expect.stringMatching(/^It has 3 masks .*: choose the one to use in its row/),
      });
      // Not one of its own: refused.
      expect(await main.callRaw('batch:pickMask', { fileId, mask: 'coffee.mask-blob.png' })).toMatchObject({ ok: false });
      const picked = await main.call('batch:pickMask', { fileId, mask: 'smarties.mask-box.png' });
      expect(picked).toEqual({ fileId, name: 'smarties.png', mask: 'smarties.mask-box.png', masks: files[0].masks });
      const after = await main.call('batch:estimate', request);
      expect(after.items[0].usd).toBeGreaterThan(0);
      const started = await main.call<BatchView>('batch:start', { ...request, featherPx: 4, colorMatch: true });
      const record = main.svc.batches.get(started.id);
      expect(record.items.map((i) => i.mask)).toEqual([join(several, 'smarties.mask-box.png')]);
      await main.svc.batches.idle();
    } finally {
      await main.close();
    }
  }, 60_000);
});
