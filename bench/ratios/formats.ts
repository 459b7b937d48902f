/**
 * Pro formats (issue 11): export of a 24 MP 16-bit TIFF with 5 kept 1 MP layers, as 16-bit TIFF
 * (deflate) and as a layered 16-bit PSD, each next to sharp writing the already flattened 16-bit
 * image alone as TIFF (deflate, horizontal predictor) — the floor is the encode only; the product
 * also decodes the original, composites the layers at 16 bits and (PSD) writes every layer. File
 * sizes are in the note.
 */
import sharp from 'sharp';
import { startMain } from '../../test/support/main-harness';
import { encodePatchPng } from '../../electron/main/edit/colour-space';
import { renderExport, type ExportRequest } from '../../electron/main/services/image-export';
import { BIG, bigJpeg, ellipse } from './photo';
import { paired, type RatioRow } from './ratio';

const mb = (n: number) => `${(n / 2 ** 20).toFixed(0)} MB`;

export async function formatRatios(runs: number): Promise<RatioRow[]> {
  const main = await startMain({});
  try {
    // The 24 MP photo as a 16-bit TIFF (8-bit values × 257 plus a ramp in the low bits).
    const { data, info } = await sharp(await bigJpeg())
      .raw()
      .toBuffer({ resolveWithObject: true });
    const samples = new Uint16Array(data.length);
    for (let i = 0; i < data.length; i++) samples[i] = data[i] * 257 + (i % 251);
    const tiff16 = await sharp(samples, { raw: { width: info.width, height: info.height, channels: 3 } })
      .toColourspace('rgb16')
      .tiff({ compression: 'deflate', predictor: 'horizontal' })
      .toBuffer();
    const img = await main.call('image:import', { bytes: new Uint8Array(tiff16), name: 'big16.tif' });
    const layers: ExportRequest['layers'] = [{ assetId: img.assetId, x: 0, y: 0 }];
    const S = 1024;
    const disc = await sharp(ellipse(S, S), { raw: { width: S, height: S, channels: 1 } })
      .blur(5)
      .raw()
      .toBuffer();
    for (let k = 0; k < 5; k++) {
      const rgba = new Uint8Array(S * S * 4);
      for (let i = 0; i < S * S; i++) {
        rgba[i * 4] = (i * 7 + k * 40) & 255;
        rgba[i * 4 + 1] = ((i >> 10) + k * 20) & 255;
        rgba[i * 4 + 2] = (i * 3) & 255;
        rgba[i * 4 + 3] = disc[i];
      }
      const id = await main.svc.store.put(await encodePatchPng(rgba, S, S, null), 'patch');
      layers.push({ assetId: id, x: 300 + k * 1050, y: 400 + (k % 2) * 1800, name: `Layer ${k + 1} · gpt-image-2` });
    }
    const base = { canvas: BIG, layers, provenance: { models: ['gpt-image-2'] } };
    // The floor's input: the flattened 16-bit picture, already in memory.
    const flatTiff = (await renderExport(main.svc.store, { ...base, format: 'tiff' })).bytes;
    const flat = await sharp(flatTiff).toColourspace('rgb16').raw({ depth: 'ushort' }).toBuffer();
    const flat16 = new Uint16Array(flat.buffer, flat.byteOffset, flat.byteLength / 2);
    let floorBytes = 0;
    const floorFn = async () => {
      const b = await sharp(flat16, { raw: { width: BIG.width, height: BIG.height, channels: 3 } })
        .toColourspace('rgb16')
        .tiff({ compression: 'deflate', predictor: 'horizontal' })
        .toBuffer();
      floorBytes = b.byteLength;
    };
    const rows: RatioRow[] = [];
    for (const format of ['tiff', 'psd'] as const) {
      let bytes = 0;
      const row = await paired({
        id: `export-${format}16`,
        measure: `export 24 MP 16-bit TIFF with 5 kept 1 MP layers as 16-bit ${format === 'tiff' ? 'TIFF (deflate)' : 'layered PSD'}`,
        floor: 'sharp: the flattened 16-bit image alone → TIFF (deflate)',
        target: format === 'tiff' ? 3 : 4,
        runs,
        warmup: 1,
        product: async () => {
          bytes = (await renderExport(main.svc.store, { ...base, format })).bytes.byteLength;
        },
        floorFn,
      });
      row.note = `${format.toUpperCase()} ${mb(bytes)} vs the floor's flattened TIFF ${mb(floorBytes)} (source TIFF ${mb(tiff16.byteLength)})`;
      rows.push(row);
    }
    return rows;
  } finally {
    await main.close();
  }
}
