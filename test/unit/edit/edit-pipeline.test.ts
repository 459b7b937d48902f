/**
 * The edit pipeline through the real handler table and the real SDKs against the local
 * wire-protocol servers: candidates land at the region, and after export every pixel outside the
 * mask's feather band is bit-identical to the original, for every provider.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { type startOpenAIServer, PALETTE } from '../../servers';
import { REMOVE_PROMPT } from '../../../shared/prompts/remove-prompt';
import { startMain, startMainWithServers, maskForEdit, farFromMask, type CloudHarness, type MainHarness } from '../../support/main-harness';
import { featherBand } from '../../../shared/pixels/patch';
import { checkPatchPixels, cropRgba } from '../../../shared/ipc/patch-pixels';
import type { CandidateResult } from '../../../shared/ipc/contract-types';

const PHOTOS = resolve(__dirname, '../../../../shared/testdata/photos');
const workerBuilt = existsSync(resolve(__dirname, '../../../out/main/local-worker.js'));

let openai: Awaited<ReturnType<typeof startOpenAIServer>>;
let main: MainHarness;

let cloud: CloudHarness;
beforeAll(async () => {
  cloud = await startMainWithServers({});
  ({ openai, main } = cloud);
});
afterAll(async () => {
  await cloud?.close();
});

async function openPhoto(name: string) {
  return main.call('image:import', { bytes: new Uint8Array(await readFile(join(PHOTOS, name))), name });
}

async function runEdit(model: string, photo: string, maskName: string, extra: Record<string, unknown> = {}) {
  const img = await openPhoto(photo);
  const mask = await maskForEdit(join(PHOTOS, maskName));
  const { jobId } = await main.call('edit:start', {
    canvas: { width: img.width, height: img.height },
    layers: [{ assetId: img.assetId, x: 0, y: 0 }],
    mask: { png: mask.png, rect: mask.rect },
    prompt: 'remove the object and continue the background',
    model,
    n: 2,
    references: [],
    featherPx: 6,
    colorMatch: true,
    ...extra,
  });
  const result = await main.waitJob(jobId);
  return { img, mask, result };
}

/**
 * The candidate's raw pixels (what the renderer shows) are the asset PNG's pixels inside the alpha
 * bounds, exactly w × h × 4 bytes, and everything of the PNG outside them is transparent.
 */
async function expectPixelsOfAsset(c: CandidateResult, png: Uint8Array) {
  expect(c.patch).toBeUndefined();
  const px = checkPatchPixels(c.pixels, c.region);
  expect(px.rect).toEqual(c.opaque);
  const { data } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  const full = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  expect(Buffer.from(cropRgba(full, c.region.width, px.rect)).equals(Buffer.from(px.rgba))).toBe(true);
  let outside = 0;
  for (let y = 0; y < c.region.height; y++)
    for (let x = 0; x < c.region.width; x++) {
      const inside = x >= px.rect.x && x < px.rect.x + px.rect.width && y >= px.rect.y && y < px.rect.y + px.rect.height;
      if (!inside) outside += full[(y * c.region.width + x) * 4 + 3];
    }
  expect(outside).toBe(0);
}

describe.each([
  ['gpt-image-2', 'coffee.png', 'coffee.mask-blob.png'],
  ['gemini-3.1-flash-image', 'building.jpg', 'building.mask-box.png'],
  ['gemini-3-pro-image', 'smarties.png', 'smarties.mask-thin.png'],
  ...(workerBuilt ? [['local', 'chelsea.png', 'chelsea.mask-blob.png']] : []),
])('edit with %s on %s', (model, photo, maskName) => {
  it('returns candidates and an export that is bit-identical to the original outside the feather band', async () => {
    const { img, mask, result } = await runEdit(model, photo, maskName);
    expect(result.state === 'failed' ? result.error : result.state).toBe('done');
    if (result.state !== 'done') return;
    expect(result.candidates).toHaveLength(2);
    const c = result.candidates[0];
    expect(c.region.x).toBeLessThanOrEqual(mask.rect.x);
    expect(c.region.x + c.region.width).toBeGreaterThanOrEqual(mask.rect.x + mask.rect.width);
    // The PNG as the renderer reads it back for a kept layer (asset:patch), the same bytes as the asset.
    const { png } = await main.call('asset:patch', { assetId: c.assetId });
    expect(Buffer.from(png).equals(Buffer.from(await main.svc.store.get(c.assetId)))).toBe(true);
    const meta = await sharp(png).metadata();
    expect([meta.width, meta.height]).toEqual([c.region.width, c.region.height]);
    await expectPixelsOfAsset(c, png);
    // Only patches can be read back: not the original photo.
    const refused = await main.callRaw('asset:patch', { assetId: img.assetId });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'validation' } });

    const out = join(main.tmp, `${model}-export.png`);
    main.svc.dialogs.chooseExportPath = async () => out;
    await main.call('image:export', {
      canvas: { width: img.width, height: img.height },
      layers: [
        { assetId: img.assetId, x: 0, y: 0 },
        { assetId: c.assetId, x: c.region.x, y: c.region.y },
      ],
      format: 'png',
    });
    const exported = await sharp(out).raw().toBuffer({ resolveWithObject: true });
    const original = await sharp(join(PHOTOS, photo)).autoOrient().raw().toBuffer({ resolveWithObject: true });
    expect(exported.info.channels).toBe(original.info.channels);
    const far = farFromMask(mask.values, img.width, img.height, featherBand(6));
    const ch = original.info.channels;
    let outsideDiff = 0;
    let insideChanged = 0;
    for (let i = 0; i < img.width * img.height; i++) {
      let same = true;
      for (let k = 0; k < ch; k++) if (exported.data[i * ch + k] !== original.data[i * ch + k]) same = false;
      if (far[i] && !same) outsideDiff++;
      if (mask.values[i] > 127 && !same) insideChanged++;
    }
    expect(outsideDiff).toBe(0);
    // The edit did something inside the mask.
    expect(insideChanged).toBeGreaterThan(0);
  });
});

describe('failures never produce candidates', () => {
  it('a moderation refusal fails the job with the model named', async () => {
    const { result } = await runEdit('gpt-image-2', 'coffee.png', 'coffee.mask-box.png', { prompt: 'x [[moderate]]' });
    expect(result.state).toBe('failed');
    if (result.state === 'failed') {
      expect(result.error.kind).toBe('moderation');
      expect(result.error.message).toMatch(/GPT Image 2/);
      expect(result.error.message).not.toMatch(/sk-test/);
    }
  });

  it("an empty prompt for a cloud model sends main's removal prompt, as Photoshop's Generative Fill (it was refused)", async () => {
    const before = openai.requests.length;
    const { result } = await runEdit('gpt-image-2', 'coffee.png', 'coffee.mask-box.png', { prompt: '  ' });
    expect(result.state === 'failed' ? result.error : result.state).toBe('done');
    expect(openai.requests.slice(before).map((r) => r.fields.prompt)).toEqual([REMOVE_PROMPT]);
  });

  it('a retired model is refused with a clear message', async () => {
    const { result } = await runEdit('dall-e-2', 'coffee.png', 'coffee.mask-box.png');
    expect(result.state === 'failed' && result.error.message).toMatch(/retired/i);
  });

  it('cancelling mid-request ends in cancelled with no candidates', async () => {
    openai.script({ delayMs: 12000 });
    const img = await openPhoto('coffee.png');
    const mask = await maskForEdit(join(PHOTOS, 'coffee.mask-box.png'));
    const { jobId } = await main.call('edit:start', {
      canvas: { width: img.width, height: img.height },
      layers: [{ assetId: img.assetId, x: 0, y: 0 }],
      mask: { png: mask.png, rect: mask.rect },
      prompt: 'p',
      model: 'gpt-image-2',
      n: 1,
      references: [],
      featherPx: 4,
      colorMatch: false,
    });
    await new Promise((r) => setTimeout(r, 300));
    expect((await main.call('job:cancel', { jobId })).cancelled).toBe(true);
    const t0 = Date.now();
    const result = await main.waitJob(jobId);
    expect(result.state).toBe('cancelled');
    expect(Date.now() - t0).toBeLessThan(5000); // the server would answer after 12 s
    openai.clearScript();
  });

  /** One edit of coffee.png's box mask with `model` on a main of its own; its result. */
  async function coffeeBoxEdit(other: MainHarness, model: string) {
    const img = await other.call('image:import', { bytes: new Uint8Array(await readFile(join(PHOTOS, 'coffee.png'))), name: 'coffee.png' });
    const mask = await maskForEdit(join(PHOTOS, 'coffee.mask-box.png'));
    const { jobId } = await other.call('edit:start', {
      canvas: { width: img.width, height: img.height },
      layers: [{ assetId: img.assetId, x: 0, y: 0 }],
      mask: { png: mask.png, rect: mask.rect },
      prompt: 'p',
      model,
      n: 1,
      references: [],
      featherPx: 4,
      colorMatch: false,
    });
    return other.waitJob(jobId);
  }

  it('a service that cannot be reached (connection refused) is a network error that charges nothing; a reset one stays charged', async () => {
    // A port nothing listens on: the SDK gets ECONNREFUSED on every attempt, nothing reaches a service.
    const { createServer } = await import('node:net');
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as { port: number }).port;
    await new Promise((r) => probe.close(r));
    const other = await startMain({
      OPENAI_API_KEY: 'sk-test-openai-key-1234',
      OPENAI_BASE_URL: `http://127.0.0.1:${port}/v1`,
      MASKWORK_MAX_RETRIES: '0',
    });
    try {
      const r = await coffeeBoxEdit(other, 'gpt-image-2');
      expect(r.state === 'failed' && r.error.kind).toBe('network');
      expect(r.state === 'failed' && r.error.message).toMatch(/ECONNREFUSED/);
      expect(r.state === 'failed' && r.error.message).toMatch(/Nothing was sent, so nothing is charged\./);
      // Nothing was charged: not in the job's result, not in the ledger.
      expect(r.state === 'failed' && (r.spentRequests ?? 0)).toBe(0);
      expect(other.svc.ledger.summary().today.usd).toBe(0);
    } finally {
      await other.close();
    }
    // A socket reset after the request reached the service may be billed: it stays counted.
    const { mapOpenAIError } = await import('../../../electron/main/providers/error-mapping');
    const { APIConnectionError } = await import('openai');
    const reset = mapOpenAIError(
      new APIConnectionError({ message: 'Connection error.', cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }) }),
      'gpt-image-2',
    );
    expect(reset.info.notCharged).toBeUndefined();
  });

  it('a base URL on a port fetch blocks (6000, a "bad port") never connects: not sent, nothing charged, and the message says why', async () => {
    // Node's fetch, like Chromium, refuses the port before connecting; it read as a network error that may have been charged.
    const other = await startMain({
      OPENAI_API_KEY: 'sk-test-openai-key-1234',
      OPENAI_BASE_URL: 'http://127.0.0.1:6000/v1',
      MASKWORK_MAX_RETRIES: '0',
    });
    try {
      const r = await coffeeBoxEdit(other, 'gpt-image-2');
      expect(r.state === 'failed' && r.error.kind).toBe('network');
      expect(r.state === 'failed' && r.error.message).toMatch(/port 6000 is one that web requests may not use/);
      expect(r.state === 'failed' && r.error.message).toMatch(/nothing was sent and nothing is charged/);
      expect(r.state === 'failed' && (r.spentRequests ?? 0)).toBe(0);
      expect(other.svc.ledger.summary().today.usd).toBe(0);
    } finally {
      await other.close();
    }
  });

  it('a missing key is an auth error naming where to add it', async () => {
    const other = await startMain({});
    try {
      const r = await coffeeBoxEdit(other, 'gemini-3-pro-image');
      expect(r.state === 'failed' && r.error.kind).toBe('auth');
      expect(r.state === 'failed' && r.error.message).toMatch(/Settings/);
    } finally {
      await other.close();
    }
  });
});

describe('a 40 MP photo', () => {
  it('is edited through a region around the mask, never sent whole, and the result lands at full resolution', async () => {
    const W = 8000;
    const H = 5000;
    const big = await sharp(join(PHOTOS, 'colorful-cups.jpg')).resize(W, H, { fit: 'fill' }).jpeg({ quality: 85 }).toBuffer();
    const img = await main.call('image:import', { bytes: new Uint8Array(big), name: 'big.jpg' });
    expect([img.width, img.height]).toEqual([W, H]);
    const rect = { x: 5200, y: 3100, width: 420, height: 300 };
    const m = Buffer.alloc(rect.width * rect.height, 255);
    const png = new Uint8Array(
      await sharp(m, { raw: { width: rect.width, height: rect.height, channels: 1 } })
        .png()
        .toBuffer(),
    );
    const before = openai.requests.length;
    const { jobId } = await main.call('edit:start', {
      canvas: { width: W, height: H },
      layers: [{ assetId: img.assetId, x: 0, y: 0 }],
      mask: { png, rect },
      prompt: 'a cup',
      model: 'gpt-image-2',
      n: 1,
      references: [],
      featherPx: 8,
      colorMatch: true,
    });
    const result = await main.waitJob(jobId);
    expect(result.state === 'failed' ? result.error : result.state).toBe('done');
    if (result.state !== 'done') return;
    const sent = openai.requests.slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0].status).toBe(200);
    const [rw, rh] = String(sent[0].fields.size).split('x').map(Number);
    expect(rw * rh).toBeLessThanOrEqual(3_686_400); // a region-sized request, not 40 MP
    const c = result.candidates[0];
    expect(c.region.x).toBeLessThanOrEqual(rect.x);
    expect(c.region.y).toBeLessThanOrEqual(rect.y);
    expect(c.region.x + c.region.width).toBeGreaterThanOrEqual(rect.x + rect.width);
    expect(c.region.width * c.region.height).toBeLessThan((W * H) / 20);
    // The patch is at document resolution: one patch pixel per document pixel of the region.
    const patchPng = await main.svc.store.get(c.assetId);
    const meta = await sharp(patchPng).metadata();
    expect([meta.width, meta.height]).toEqual([c.region.width, c.region.height]);
    const { data } = await sharp(patchPng).raw().toBuffer({ resolveWithObject: true });
    const centre = ((rect.y + 150 - c.region.y) * c.region.width + (rect.x + 210 - c.region.x)) * 4;
    expect(data[centre + 3]).toBe(255);
    expect(data[3]).toBe(0); // the region's corner is outside the feather band
  });
});

describe('a photo with a wide-gamut profile (Display P3)', () => {
  it('gets the generated pixels converted into its own colour space, and keeps its profile on export', async () => {
    const p3 = await sharp(join(PHOTOS, 'coffee.png')).withIccProfile('p3').png().toBuffer();
    const img = await main.call('image:import', { bytes: new Uint8Array(p3), name: 'coffee-p3.png' });
    expect(img.hasIcc).toBe(true);
    const mask = await maskForEdit(join(PHOTOS, 'coffee.mask-box.png'));
    const { jobId } = await main.call('edit:start', {
      canvas: { width: 600, height: 400 },
      layers: [{ assetId: img.assetId, x: 0, y: 0 }],
      mask: { png: mask.png, rect: mask.rect },
      prompt: 'paint it',
      model: 'gpt-image-2',
      n: 1,
      references: [],
      featherPx: 0,
      colorMatch: false,
    });
    const result = await main.waitJob(jobId);
    expect(result.state === 'failed' ? result.error : result.state).toBe('done');
    if (result.state !== 'done') return;
    const c = result.candidates[0];
    const out = join(main.tmp, 'p3-export.png');
    main.svc.dialogs.chooseExportPath = async () => out;
    const exported = await main.call('image:export', {
      canvas: { width: 600, height: 400 },
      layers: [
        { assetId: img.assetId, x: 0, y: 0 },
        { assetId: c.assetId, x: c.region.x, y: c.region.y },
      ],
      format: 'png',
    });
    expect(exported.keptIcc).toBe(true);
    // The server painted the mask with PALETTE[0] in sRGB; in the exported P3 file that colour must be
    // stored as its P3 equivalent, so it looks the same once colour-managed.
    const cx = mask.rect.x + (mask.rect.width >> 1);
    const cy = mask.rect.y + (mask.rect.height >> 1);
    const native = await sharp(out).keepIccProfile().raw().toBuffer({ resolveWithObject: true });
    const q = (cy * 600 + cx) * native.info.channels;
    const expected = await sharp(Buffer.from(PALETTE[0]), { raw: { width: 1, height: 1, channels: 3 } })
      .withIccProfile('p3')
      .keepIccProfile()
      .raw()
      .toBuffer();
    for (let k = 0; k < 3; k++) expect(Math.abs(native.data[q + k] - expected[k])).toBeLessThanOrEqual(3);
    expect(Math.abs(native.data[q] - PALETTE[0][0]) + Math.abs(native.data[q + 1] - PALETTE[0][1])).toBeGreaterThan(20); // not the raw sRGB numbers
  });
});
