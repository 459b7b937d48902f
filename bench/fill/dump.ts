/**
 * Writes fills of one photo × mask kind as PNGs for eyeballing (dev tool).
 *
 *   node scripts/run-ts.mjs bench/fill/dump.ts NAME KIND [OUTDIR]   (KIND: thin, blob, box or outpaint)
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { diffusionFill, fillRegionFor, inpaint, maskBounds, type RgbaImage } from '../../shared/engine';
import { listAllPhotos, loadRgba, maskOf, type MaskKind } from './load';
import { centreHalfMask } from './outpaint';
import { teleaFill } from './telea';

const [name, kind = 'box', outDir = 'bench-results/dump'] = process.argv.slice(2);
const photo = listAllPhotos().find((p) => p.name === name);
if (!photo) throw new Error(`no photo ${name}`);
const image = await loadRgba(photo.path);
const mask =
  kind === 'outpaint' ? centreHalfMask(image.width, image.height) : await maskOf(photo, kind as MaskKind, image.width, image.height);
const bounds = maskBounds(mask, image.width, image.height)!;
const rect = fillRegionFor(bounds, image.width, image.height);
mkdirSync(outDir, { recursive: true });
const save = (img: RgbaImage, tag: string) =>
  sharp(Buffer.from(img.data.buffer, img.data.byteOffset, img.data.length), { raw: { width: img.width, height: img.height, channels: 4 } })
    .extract({ left: rect.x, top: rect.y, width: rect.width, height: rect.height })
    .png()
    .toFile(join(outDir, `${name}-${kind}-${tag}.png`));
await save(image, 'truth');
await save(inpaint(image, mask, { seed: 1 }), 'inpaint');
await save(diffusionFill(image, mask), 'diffusion');
await save(teleaFill(image, mask), 'telea');
