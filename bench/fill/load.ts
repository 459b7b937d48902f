/**
 * Loading the photo test set (Node only): photos as RGBA, masks as one byte per pixel.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import type { RgbaImage } from '../../shared/engine';

/** The three mask kinds shipped beside every photo. */
export const MASK_KINDS = ['thin', 'blob', 'box'] as const;
export type MaskKind = (typeof MASK_KINDS)[number];

/** One photo of the set with the paths of its masks. */
export interface PhotoEntry {
  name: string;
  path: string;
  masks: Record<MaskKind, string>;
}

/** Photo directory: `$MASKWORK_PHOTOS`, else `../shared/testdata/photos` relative to the repo. */
export function photoDir(): string {
  return resolve(process.env.MASKWORK_PHOTOS ?? join(process.cwd(), '..', 'shared', 'testdata', 'photos'));
}

/** Lists photos that have all three masks, sorted by name. */
export function listPhotos(dir = photoDir()): PhotoEntry[] {
  if (!existsSync(dir)) throw new Error(`photo directory not found: ${dir}`);
  const files = readdirSync(dir);
  const out: PhotoEntry[] = [];
  for (const f of files.sort()) {
    if (!/\.(png|jpe?g|webp)$/i.test(f) || f.includes('.mask-')) continue;
    const name = f.replace(/\.[^.]+$/, '');
    const masks = {} as Record<MaskKind, string>;
    let complete = true;
    for (const kind of MASK_KINDS) {
      const m = `${name}.mask-${kind}.png`;
      if (!files.includes(m)) complete = false;
      masks[kind] = join(dir, m);
    }
    if (complete) out.push({ name, path: join(dir, f), masks });
  }
  return out;
}

/** Decodes any image file to 8-bit RGBA. */
export async function loadRgba(path: string): Promise<RgbaImage> {
  const { data, info } = await sharp(path).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.length) };
}

/** Decodes a mask file to one byte per pixel (first channel; white = hole). */
export async function loadMask(path: string, width: number, height: number): Promise<Uint8Array> {
  const { data, info } = await sharp(path).raw().toBuffer({ resolveWithObject: true });
  if (info.width !== width || info.height !== height) {
    throw new Error(`mask ${path} is ${info.width}x${info.height}, photo is ${width}x${height}`);
  }
  const out = new Uint8Array(width * height);
  for (let i = 0; i < out.length; i++) out[i] = data[i * info.channels];
  return out;
}
