/**
 * A mask that reaches every edge of a photo whose shape no aspect of the model matches (building.jpg,
 * 868×600 ≈ 1.45:1; Nano Banana 2 / Pro make 4:3 or 3:2, gpt-image-1.5 1:1 or 3:2): the request is
 * padded past the photo's edges to 3:2, sent through the real SDKs to the local servers (which
 * enforce each model's sizes), and the answer is cropped back to the photo. The padding is mirrored
 * photo and never masked; the patch is the model's masked area only; the export is bit-identical to
 * the original outside the mask's feather band.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { startMainWithServers, farFromMask, type CloudHarness } from '../../support/main-harness';
import { featherBand } from '../../../shared/pixels/patch';
import { planRegion } from '../../../shared/geometry';

const PHOTOS = resolve(__dirname, '../../../../shared/testdata/photos');
const W = 868;
const H = 600;
/** A hole left unmasked in the middle, so the export has pixels outside the mask to compare. */
const HOLE = { x: 334, y: 225, width: 200, height: 150 };

let cloud: CloudHarness;
beforeAll(async () => {
  cloud = await startMainWithServers({});
});
afterAll(async () => {
  await cloud?.close();
});

function maskValues(): Uint8Array {
  const v = new Uint8Array(W * H).fill(255);
  for (let y = HOLE.y; y < HOLE.y + HOLE.height; y++) v.fill(0, y * W + HOLE.x, y * W + HOLE.x + HOLE.width);
  return v;
}

async function rgb(bytes: Buffer | Uint8Array) {
  const { data, info } = await sharp(bytes).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

describe.each([
  ['gemini-3.1-flash-image', 1264, 848],
  ['gemini-3-pro-image', 1264, 848],
  ['gpt-image-1.5', 1536, 1024],
])('a whole-photo mask on building.jpg with %s', (model, reqW, reqH) => {
  it('is sent padded to 3:2 (accepted by the server), cropped back, and changes nothing outside the mask', async () => {
    const { main, gemini, openai } = cloud;
    const plan = planRegion({ canvas: { width: W, height: H }, bbox: { x: 0, y: 0, width: W, height: H }, model });
    if (!plan.ok || !plan.frame) throw new Error('expected a padded plan');
    const pad = -plan.frame.x; // split evenly left and right
    expect(plan.frame).toEqual({ x: -pad, y: 0, width: W + 2 * pad, height: H });
    const bytes = new Uint8Array(await readFile(join(PHOTOS, 'building.jpg')));
    const img = await main.call('image:import', { bytes, name: 'building.jpg' });
    const values = maskValues();
    const png = new Uint8Array(
      await sharp(values, { raw: { width: W, height: H, channels: 1 } })
        .png()
        .toBuffer(),
    );
    const gBefore = gemini.requests.length;
    const oBefore = openai.requests.length;
    const { jobId } = await main.call('edit:start', {
      canvas: { width: W, height: H },
      layers: [{ assetId: img.assetId, x: 0, y: 0 }],
      mask: { png, rect: { x: 0, y: 0, width: W, height: H } },
      prompt: 'replace the whole background with a clear blue sky',
      model,
      n: 1,
      references: [],
      featherPx: 6,
      colorMatch: false,
    });
    const result = await main.waitJob(jobId);
    expect(result.state === 'failed' ? result.error : result.state).toBe('done');
    if (result.state !== 'done') return;
    const c = result.candidates[0];
    expect(c.region).toEqual({ x: 0, y: 0, width: W, height: H });
    expect(c.requestSize).toEqual({ width: reqW, height: reqH });

    // What was sent: the request size, the padding mirrored photo and never masked.
    let sentImage: Buffer;
    let keepAt: (mask: { data: Buffer; width: number }, x: number, y: number) => boolean;
    let colour: number[];
    let maskBytes: Buffer;
    if (model.startsWith('gemini')) {
      const sent = gemini.requests.slice(gBefore);
      expect(sent.map((r) => r.status)).toEqual([200]);
      expect(sent[0]).toMatchObject({ aspectRatio: '3:2', imageSize: '1K', outputSize: `${reqW}x${reqH}` });
      expect(sent[0].imageSizes.map((s) => [s.width, s.height])).toEqual([
        [reqW, reqH],
        [reqW, reqH],
      ]);
      [sentImage, maskBytes] = sent[0].images!;
      keepAt = (m, x, y) => m.data[(y * m.width + x) * 3] < 128; // black = keep
      colour = sent[0].colour!;
    } else {
      const sent = openai.requests.slice(oBefore);
      expect(sent.map((r) => r.status)).toEqual([200]);
      expect(sent[0].fields.size).toBe(`${reqW}x${reqH}`);
      sentImage = sent[0].files.find((f) => f.field === 'image')!.data!;
      maskBytes = sent[0].files.find((f) => f.field === 'mask')!.data!;
      const alpha = await sharp(maskBytes).ensureAlpha().extractChannel(3).toColourspace('b-w').raw().toBuffer();
      keepAt = (_m, x, y) => alpha[y * reqW + x] === 255; // opaque = keep
      colour = [255, 0, 0]; // the server's first candidate colour
    }
    const sentRgb = await rgb(sentImage);
    expect([sentRgb.width, sentRgb.height]).toEqual([reqW, reqH]);
    const maskRgb = await rgb(maskBytes);
    const sx = reqW / plan.frame.width;
    const padReq = Math.floor(pad * sx) - 1; // request columns entirely in the padding
    for (const y of [10, Math.round(reqH / 2), reqH - 10]) {
      for (let x = 0; x < padReq; x++) {
        expect(keepAt(maskRgb, x, y), `left pad (${x},${y})`).toBe(true);
        expect(keepAt(maskRgb, reqW - 1 - x, y), `right pad (${x},${y})`).toBe(true);
      }
      // Just inside the photo's edges the mask is the edit area.
      expect(keepAt(maskRgb, Math.ceil(pad * sx) + 3, y)).toBe(false);
      expect(keepAt(maskRgb, reqW - 1 - Math.ceil(pad * sx) - 3, y)).toBe(false);
    }
    // The left padding is the photo mirrored about its first column: each padding column looks like
    // the photo column as far inside the edge as it is outside (compared at request scale).
    const col = (x: number) => {
      let sum = 0;
      for (let y = 0; y < reqH; y++) sum += sentRgb.data[(y * reqW + x) * 3 + 1];
      return sum / reqH;
    };
    const edge = pad * sx;
    for (let k = 2; k < padReq - 2; k += 3) {
      expect(Math.abs(col(Math.round(edge - k)) - col(Math.round(edge + k))), `mirror column ${k}`).toBeLessThan(6);
    }

    // Cropped back: the region's columns next to the photo's edges are the model's masked area (the
    // server paints it one colour), not its kept padding (photo brightened by 3).
    const patch = await sharp(await main.svc.store.get(c.assetId))
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect([patch.info.width, patch.info.height]).toEqual([W, H]);
    for (const y of [20, 300, 580])
      for (const x of [3, 6, 9, 12, W - 13, W - 10, W - 7, W - 4]) {
        const p = (y * W + x) * 4;
        expect([...patch.data.subarray(p, p + 3)], `patch (${x},${y})`).toEqual(colour);
      }

    // Exported: bit-identical outside the feather band, changed inside.
    const out = join(main.tmp, `${model}-padded.png`);
    main.svc.dialogs.chooseExportPath = async () => out;
    await main.call('image:export', {
      canvas: { width: W, height: H },
      layers: [
        { assetId: img.assetId, x: 0, y: 0 },
        { assetId: c.assetId, x: c.region.x, y: c.region.y },
      ],
      format: 'png',
    });
    const exported = await sharp(out).raw().toBuffer({ resolveWithObject: true });
    const original = await sharp(join(PHOTOS, 'building.jpg')).autoOrient().raw().toBuffer({ resolveWithObject: true });
    const ch = original.info.channels;
    expect(exported.info.channels).toBe(ch);
    const far = farFromMask(values, W, H, featherBand(6));
    let farCount = 0;
    let outsideDiff = 0;
    let insideChanged = 0;
    for (let i = 0; i < W * H; i++) {
      let same = true;
      for (let k = 0; k < ch; k++) if (exported.data[i * ch + k] !== original.data[i * ch + k]) same = false;
      if (far[i]) farCount++;
      if (far[i] && !same) outsideDiff++;
      if (values[i] && !same) insideChanged++;
    }
    expect(farCount).toBeGreaterThan(10_000);
    expect(outsideDiff).toBe(0);
    expect(insideChanged).toBeGreaterThan(0.95 * (W * H - HOLE.width * HOLE.height));
  });
});
