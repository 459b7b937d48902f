/**
 * Colour spaces around a model call. Models work in sRGB, so region pixels are read converted to
 * sRGB (sharp's default for tagged files) and results come back in sRGB. The export keeps the
 * original's own profile and pixel values (no conversion), so a patch must be in the original's
 * colour space too: it is converted from sRGB to the source profile and carries that profile, which
 * also makes the renderer (a colour-managed browser) show it correctly. Untagged originals are
 * treated as sRGB and need nothing.
 */
import { writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import type { AssetStore } from '../services/asset-store';

/** Path of the original's ICC profile written next to the assets (cached), or null when untagged. */
export async function sourceIccPath(store: AssetStore, assetId: string): Promise<string | null> {
  const path = join(store.dir, `${assetId}.icc`);
  if (existsSync(path)) return path;
  const { icc } = await sharp(await store.get(assetId)).metadata();
  if (!icc) return null;
  await writeFile(path, icc);
  return path;
}

/** Encodes an sRGB RGBA patch as PNG in the original's colour space (with its profile embedded). */
export async function encodePatchPng(rgba: Uint8Array, width: number, height: number, iccPath: string | null): Promise<Uint8Array> {
  let img = sharp(rgba, { raw: { width, height, channels: 4 } });
  if (iccPath) img = img.withIccProfile(iccPath);
  return new Uint8Array(await img.png({ compressionLevel: 3 }).toBuffer());
}
