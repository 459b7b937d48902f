/**
 * Main-process pixel work as ratios to sharp doing the same work in the same run:
 *  - edit prep on the 24 MP photo (mask → region → request image + mask) vs sharp cropping the same
 *    region out of the decoded photo, resizing it (and the mask) to the request size and encoding
 *    the same JPEG q92;
 *  - feather + colour-match patch of a 2048² candidate vs sharp blurring the mask (same spread) and
 *    compositing the generated pixels through it over the original;
 *  - export of the 24 MP photo with 5 kept 1 MP layers (JPEG q95) vs sharp compositing the same
 *    five PNGs over the same file and encoding the same JPEG.
 */
import { join } from 'node:path';
import sharp from 'sharp';
import { startMain } from '../../test/support/main-harness';
import { prepareEdit } from '../../electron/main/edit/run-edit';
import { clearRegionCache } from '../../electron/main/edit/region-pixels';
import { encodePatchPng } from '../../electron/main/edit/colour-space';
import { renderExport } from '../../electron/main/services/image-export';
import { buildPatch } from '../../shared/pixels/patch';
import { BIG, bigJpeg, ellipse } from './photo';
import { paired, type RatioRow } from './ratio';
import { plainEditRequest } from '../../test/support/edit-request';
import { REQUEST_JPEG } from '../../electron/main/edit/request-pixels';

export async function pixelRatios(runs: number): Promise<RatioRow[]> {
  const rows: RatioRow[] = [];
  const main = await startMain({ OPENAI_API_KEY: 'sk-bench-0000000000' });
  try {
    const big = await bigJpeg();
    const img = await main.call('image:import', { bytes: new Uint8Array(big), name: 'big.jpg' });
    rows.push(await editPrep(main, img.assetId, big, runs));
    rows.push(await composite(runs));
    rows.push(...(await exportRows(main, img.assetId, runs)));
  } finally {
    clearRegionCache();
    await main.close();
  }
  return rows;
}

async function editPrep(main: Awaited<ReturnType<typeof startMain>>, assetId: string, big: Buffer, runs: number): Promise<RatioRow> {
  // A 700×500 brush blob in the middle of the photo.
  const rect = { x: 2600, y: 1700, width: 700, height: 500 };
  const png = new Uint8Array(
    await sharp(ellipse(rect.width, rect.height), { raw: { width: rect.width, height: rect.height, channels: 1 } })
      .png()
      .toBuffer(),
  );
  const req = plainEditRequest({ assetId, canvas: BIG, mask: { png, rect } });
  clearRegionCache();
  const first = await prepareEdit(main.svc, req as never);
  const { region, request } = first;
  // The floor starts from the decoded photo too (the product caches it after the first edit).
  const rgba = await sharp(big).ensureAlpha().raw().toBuffer();
  const raw4 = { raw: { width: BIG.width, height: BIG.height, channels: 4 as const } };
  const mask = first.regionMask;
  const floorFn = () =>
    Promise.all([
      sharp(rgba, raw4)
        .extract({ left: region.x, top: region.y, width: region.width, height: region.height })
        .removeAlpha()
        .resize(request.width, request.height, { fit: 'fill', kernel: 'linear' })
        .jpeg(REQUEST_JPEG)
        .toBuffer(),
      sharp(mask, { raw: { width: region.width, height: region.height, channels: 1 } })
        .resize(request.width, request.height, { fit: 'fill', kernel: 'linear' })
        .raw()
        .toBuffer(),
    ]);
  return paired({
    id: 'edit-prep',
    measure: `edit prep, 24 MP photo (${region.width}×${region.height} region → ${request.width}×${request.height})`,
    floor: 'sharp: crop + resize + JPEG q92 (+ mask resize) of the decoded photo',
    target: 1.5,
    runs,
    warmup: 2,
    product: () => prepareEdit(main.svc, req as never),
    floorFn,
  });
}

async function composite(runs: number): Promise<RatioRow> {
  const N = 2048;
  const generated = new Uint8Array(N * N * 4);
  const original = new Uint8Array(N * N * 4);
  for (let i = 0; i < generated.length; i++) {
    generated[i] = (i * 31) & 255;
    original[i] = (i * 17) & 255;
  }
  for (let i = 3; i < generated.length; i += 4) generated[i] = original[i] = 255;
  // The floor gets the candidate as RGB (what a model returns); the product's RGBA copy is made outside the timing too.
  const generatedRgb = new Uint8Array(N * N * 3);
  for (let i = 0, j = 0; i < generated.length; i += 4, j += 3) generatedRgb.set(generated.subarray(i, i + 3), j);
  // A disc of radius 700 in the middle (the mask of a 2048² region).
  const mask = new Uint8Array(N * N);
  const disc = ellipse(1400, 1400);
  for (let y = 0; y < 1400; y++) mask.set(disc.subarray(y * 1400, (y + 1) * 1400), (y + 324) * N + 324);
  const featherPx = 12;
  // Two box blurs of radius r have variance 2·((2r+1)² − 1)/12: the same spread as a Gaussian of this σ.
  const r = Math.ceil(featherPx / 2);
  const sigma = Math.sqrt((2 * ((2 * r + 1) ** 2 - 1)) / 12);
  const raw = (channels: 1 | 3 | 4) => ({ raw: { width: N, height: N, channels } });
  const floorFn = async () => {
    const alpha = await sharp(mask, raw(1)).blur(sigma).raw().toBuffer();
    const patch = await sharp(generatedRgb, raw(3)).joinChannel(alpha, raw(1)).raw().toBuffer();
    return sharp(original, raw(4))
      .composite([{ input: patch, ...raw(4) }])
      .raw()
      .toBuffer();
  };
  return paired({
    id: 'composite',
    measure: 'feather + colour-match patch of a 2048² candidate',
    floor: `sharp: blur the mask (σ ${sigma.toFixed(1)}) + composite the candidate through it over the original`,
    target: 1.0,
    runs,
    warmup: 3,
    product: () => buildPatch({ width: N, height: N, generated, original, mask, featherPx, colourMatch: true }),
    floorFn,
  });
}

async function exportRows(main: Awaited<ReturnType<typeof startMain>>, assetId: string, runs: number): Promise<RatioRow[]> {
  // Five kept 1 MP layers (1024², an opaque disc with a soft 12 px edge), spread over the photo.
  const S = 1024;
  const layers = [{ assetId, x: 0, y: 0 }];
  const paths: Array<{ input: string; left: number; top: number }> = [];
  const disc = ellipse(S, S);
  for (let k = 0; k < 5; k++) {
    const rgba = new Uint8Array(S * S * 4);
    for (let i = 0; i < S * S; i++) {
      rgba[i * 4] = (i * 7 + k * 40) & 255;
      rgba[i * 4 + 1] = ((i >> 10) + k * 20) & 255;
      rgba[i * 4 + 2] = (i * 3) & 255;
      rgba[i * 4 + 3] = disc[i];
    }
    const alpha = await sharp(disc, { raw: { width: S, height: S, channels: 1 } })
      .blur(5)
      .raw()
      .toBuffer();
    for (let i = 0; i < S * S; i++) rgba[i * 4 + 3] = alpha[i];
    const id = await main.svc.store.put(await encodePatchPng(rgba, S, S, null), 'patch');
    const x = 300 + k * 1050;
    const y = 400 + (k % 2) * 1800;
    layers.push({ assetId: id, x, y });
    paths.push({ input: join(main.svc.store.dir, `${id}.bin`), left: x, top: y });
  }
  const original = join(main.svc.store.dir, `${assetId}.bin`);
  const floorFn = () => sharp(original).composite(paths).removeAlpha().jpeg({ quality: 95, chromaSubsampling: '4:4:4' }).toBuffer();
  const whole = await paired({
    id: 'export',
    measure: 'export 24 MP JPEG q95 with 5 kept 1 MP layers (the whole picture re-encoded)',
    floor: 'sharp: composite the same 5 PNGs over the file + JPEG q95',
    target: 1.3,
    runs,
    warmup: 1,
    product: () => renderExport(main.svc.store, { canvas: BIG, layers, format: 'jpeg', jpegKeepOriginal: false }),
    floorFn,
  });
  // The default for a JPEG original: its compressed data kept outside the layers' MCUs
  // (export/jpeg-export.ts) — read to coefficients, the covered MCUs encoded, written, and the result
  // decoded once to check the promise. Same floor: what a whole re-encode costs libvips.
  const kept = await paired({
    id: 'export-jpeg-kept',
    measure: "export 24 MP JPEG with 5 kept 1 MP layers, the original's data kept outside them",
    floor: 'sharp: composite the same 5 PNGs over the file + JPEG q95',
    target: 1.5,
    runs,
    warmup: 1,
    product: async () => {
      const r = await renderExport(main.svc.store, { canvas: BIG, layers, format: 'jpeg' });
      if (!r.notes.some((n) => n.includes('was kept'))) throw new Error('the export did not keep the original JPEG data');
      return r;
    },
    floorFn,
  });
  return [whole, kept];
}
