/**
 * sharp/libvips floors for the pixel work of one edit's spans, on the sizes the measured edit had:
 * what each step would cost if libvips did exactly that work (median of 5 runs after a warm-up).
 */
import sharp from 'sharp';
import { BIG, bigJpeg, ellipse } from './photo';
import { timeIt } from './ratio';
import { REQUEST_JPEG } from '../../electron/main/edit/request-pixels';

export interface SpanFloor {
  /** Span family name (without the candidate number). */
  span: string;
  what: string;
  floorMs: number;
}

interface Sizes {
  region: { x: number; y: number; width: number; height: number };
  request: { width: number; height: number };
}

/**
 * Prepares the floors once (decodes the photo), then `measure(sizes)` times each floor op once on
 * those sizes: the bench calls it right after each edit, so floor and product see the same load.
 */
export async function spanFloors(): Promise<{ measure(sizes: Sizes): Promise<SpanFloor[]> }> {
  const photo = await sharp(await bigJpeg())
    .ensureAlpha()
    .raw()
    .toBuffer();
  const raw = (width: number, height: number, channels: 1 | 3 | 4) => ({ raw: { width, height, channels } });
  return {
    async measure({ region, request }: Sizes): Promise<SpanFloor[]> {
      const { width: W, height: H } = region;
      const cut = () =>
        sharp(photo, raw(BIG.width, BIG.height, 4))
          .extract({ left: region.x, top: region.y, width: W, height: H })
          .raw()
          .toBuffer();
      const regionRgba = await cut();
      const mask = ellipse(W, H);
      const maskPng = await sharp(mask, raw(W, H, 1))
        .png()
        .toBuffer();
      const generatedPng = await sharp(regionRgba, raw(W, H, 4))
        .removeAlpha()
        .resize(request.width, request.height, { fit: 'fill' })
        .png()
        .toBuffer();
      const patchPng = await sharp(regionRgba, raw(W, H, 4))
        .png({ compressionLevel: 3 })
        .toBuffer();
      const rgb = await sharp(regionRgba, raw(W, H, 4))
        .removeAlpha()
        .raw()
        .toBuffer();
      const out: SpanFloor[] = [];
      const add = async (span: string, what: string, fn: () => Promise<unknown>) => out.push({ span, what, floorMs: await timeIt(fn) });
      await add('renderer: mask encode', 'sharp PNG-encodes the grey mask rect', () =>
        sharp(mask, raw(W, H, 1))
          .png()
          .toBuffer(),
      );
      await add('main: mask decode', 'sharp decodes the mask PNG', () => sharp(maskPng).raw().toBuffer());
      await add('main: region pixels', 'sharp crops the region out of the decoded photo', cut);
      await add('main: request encode', 'sharp resizes the region to the request, JPEG q92 (+ mask)', () =>
        Promise.all([
          sharp(regionRgba, raw(W, H, 4))
            .removeAlpha()
            .resize(request.width, request.height, { fit: 'fill', kernel: 'linear' })
            .jpeg(REQUEST_JPEG)
            .toBuffer(),
          sharp(mask, raw(W, H, 1))
            .resize(request.width, request.height, { fit: 'fill', kernel: 'linear' })
            .raw()
            .toBuffer(),
        ]),
      );
      await add('main: decode + scale', 'sharp decodes the response PNG and scales it to the region (lanczos3)', () =>
        sharp(generatedPng).ensureAlpha().resize(W, H, { fit: 'fill', kernel: 'lanczos3' }).raw().toBuffer(),
      );
      await add('main: patch build', 'sharp blurs the mask and composites the candidate through it', async () => {
        const alpha = await sharp(mask, raw(W, H, 1))
          .blur(5.3)
          .raw()
          .toBuffer();
        const patch = await sharp(rgb, raw(W, H, 3))
          .joinChannel(alpha, raw(W, H, 1))
          .raw()
          .toBuffer();
        return sharp(regionRgba, raw(W, H, 4))
          .composite([{ input: patch, ...raw(W, H, 4) }])
          .raw()
          .toBuffer();
      });
      await add('main: patch encode', 'sharp PNG-encodes the RGBA region (level 3)', () =>
        sharp(regionRgba, raw(W, H, 4))
          .png({ compressionLevel: 3 })
          .toBuffer(),
      );
      await add('renderer: decode', 'sharp decodes the patch PNG', () => sharp(patchPng).raw().toBuffer());
      return out;
    },
  };
}
