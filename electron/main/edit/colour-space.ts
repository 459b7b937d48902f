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

/** Answers of {@link sourceIccPath} by asset folder and id (an asset's bytes never change). */
const known = new Map<string, Promise<string | null>>();
/** Originals remembered; the oldest is forgotten beyond this. */
const KNOWN_MAX = 64;

/**
 * Path of the original's ICC profile written next to the assets, or null when untagged. Remembered
 * per asset: the lookup reads the whole file, and while an export deflates on every thread of
 * libuv's pool a file read waits for a free thread (it once held a CLI fill for 0.8 s).
 */
export function sourceIccPath(store: AssetStore, assetId: string): Promise<string | null> {
  const key = `${store.dir}\0${assetId}`;
  let answer = known.get(key);
  if (!answer) {
    answer = lookUpIcc(store, assetId);
    answer.catch(() => known.delete(key)); // a failed read is tried again next time
    known.set(key, answer);
    if (known.size > KNOWN_MAX) known.delete(known.keys().next().value!);
  }
  return answer;
}

async function lookUpIcc(store: AssetStore, assetId: string): Promise<string | null> {
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
