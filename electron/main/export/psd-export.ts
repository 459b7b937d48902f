/**
 * PSD export: the original as the bottom layer ("Original"), each kept result as its own layer —
 * named by the renderer (short prompt · model), its feathered alpha as the layer's transparency,
 * hidden layers hidden — the current mask as a hidden grey layer on top, the merged image equal to
 * the flat export, the ICC profile, the EXIF (orientation 1: the layers are upright) and the XMP
 * edit record kept. 16-bit documents give a 16-bit PSD
 * (the 8-bit patches scaled by 257).
 */
import sharp from 'sharp';
import type { AssetStore } from '../services/asset-store';
import type { ExportRequest, ExportSource } from '../services/image-export';
import {
  decodeLayerMask,
  decodePatch,
  decodeUpright,
  extendCanvas,
  flatten,
  withMaskAndOpacity,
  type Depth,
  type RawImage,
  type RawPatch,
} from './composite-raw';
import { writePsd, type PsdLayer } from './psd-writer';
import { MASK_LAYER_NAME } from './psd-own-layers';
import { exifWithOrientation1 } from './tiff-tags';

function patchImage(p: RawPatch, depth: Depth): RawImage {
  if (depth === 8) return { width: p.width, height: p.height, channels: 4, depth, data: p.rgba };
  const data = new Uint16Array(p.rgba.length);
  for (let i = 0; i < data.length; i++) data[i] = p.rgba[i] * 257;
  return { width: p.width, height: p.height, channels: 4, depth, data };
}

/** A layer mask as a one-channel image at the document's depth. */
function maskPlane(mask: Uint8Array, width: number, height: number, depth: Depth): RawImage {
  const data = depth === 16 ? Uint16Array.from(mask, (v) => v * 257) : mask;
  return { width, height, channels: 1, depth, data };
}

async function maskImage(bytes: Uint8Array, depth: Depth): Promise<RawImage> {
  const { data, info } = await sharp(bytes).extractChannel(0).raw().toBuffer({ resolveWithObject: true });
  const n = info.width * info.height;
  const out = depth === 16 ? new Uint16Array(n * 3) : new Uint8Array(n * 3);
  const k = depth === 16 ? 257 : 1;
  for (let i = 0; i < n; i++) out[3 * i] = out[3 * i + 1] = out[3 * i + 2] = data[i] * k;
  return { width: info.width, height: info.height, channels: 3, depth, data: out };
}

export async function encodePsd(store: AssetStore, src: ExportSource, req: ExportRequest): Promise<Uint8Array> {
  const { depth } = src;
  const [base, ...rest] = req.layers;
  const upright = await decodeUpright(src.original, depth, src.cmyk);
  const decoded = await Promise.all(rest.map(async (l) => decodePatch(await store.get(l.assetId), l.x, l.y)));
  const masks = await Promise.all(
    rest.map(async (l, i) =>
      l.maskAssetId ? decodeLayerMask(await store.get(l.maskAssetId), decoded[i].width, decoded[i].height) : undefined,
    ),
  );
  const layers: PsdLayer[] = [{ name: 'Original', hidden: false, left: base.x, top: base.y, image: upright }];
  rest.forEach((l, i) => {
    const mask = masks[i];
    layers.push({
      name: l.name?.trim() || `Result ${i + 1}`,
      hidden: !!l.hidden,
      opacity: l.opacity,
      left: l.x,
      top: l.y,
      image: patchImage(decoded[i], depth),
      ...(mask ? { mask: maskPlane(mask, decoded[i].width, decoded[i].height, depth) } : {}),
    });
  });
  if (req.mask) {
    const image = await maskImage(await store.get(req.mask.assetId), depth);
    layers.push({ name: MASK_LAYER_NAME, hidden: true, left: req.mask.x, top: req.mask.y, image });
  }
  const canvas = extendCanvas(upright, req.canvas.width, req.canvas.height, src.extend.left, src.extend.top);
  const merged = flatten(
    canvas,
    decoded.map((p, i) => withMaskAndOpacity(p, masks[i], rest[i].opacity ?? 1)).filter((_, i) => !rest[i].hidden),
  );
  return writePsd({
    width: req.canvas.width,
    height: req.canvas.height,
    depth,
    merged,
    layers,
    icc: src.meta.icc && !src.cmyk ? src.meta.icc : undefined,
    exif: src.exif ? exifWithOrientation1(src.exif) : undefined,
    xmp: src.xmp,
    dpi: src.meta.density,
  });
}
