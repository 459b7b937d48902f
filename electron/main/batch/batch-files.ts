/**
 * Files picked for a batch in main's dialogs, held by opaque id (the renderer never sends a path).
 * A per-file mask is found by name as the CLI does it: beside the image as `<stem>.mask.png` or
 * `<stem>-mask.png`, or in a `masks/` folder next to it as `<stem>.png`, `<stem>.mask.png` or
 * `<stem>-mask.png`. Files named like masks are matched, never listed as images.
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import type { BatchFile } from '../../../shared/ipc/batch-contract';

/** What a batch lists: the formats the app opens by name, a PSD as its merged image (services/psd-import.ts). */
export const IMAGE_EXT = new Set(['.jpg', '.jpeg', '.png', '.webp', '.tif', '.tiff', '.psd']);
const MASK_NAME = /[.-]mask\.png$/i;

/** A file named like a mask (`<stem>.mask.png`, `<stem>-mask.png`): matched to its image, never listed as one. */
export const isMaskName = (name: string) => MASK_NAME.test(name);

/**
 * The names a mask of the image `<stem>.*` may have, in the order they are tried: beside the image
 * only the mask-named ones (there `<stem>.png` is an image, maybe the image itself); in a masks
 * folder of its own also `<stem>.png`.
 */
export function maskNamesFor(stem: string, besideImage: boolean): string[] {
  return [...(besideImage ? [] : [`${stem}.png`]), `${stem}.mask.png`, `${stem}-mask.png`];
}

/** The mask of `image` found by name, or null. */
export function findMaskByName(image: string): string | null {
  const dir = dirname(image);
  const stem = basename(image, extname(image));
  const candidates = [...maskNamesFor(stem, true).map((n) => join(dir, n)), ...maskNamesFor(stem, false).map((n) => join(dir, 'masks', n))];
  return candidates.find((p) => existsSync(p)) ?? null;
}

export class BatchFiles {
  private readonly files = new Map<string, { path: string; mask: string | null }>();

  /** Registers picked image paths (mask-named files are skipped) and returns them by id. */
  add(paths: string[]): BatchFile[] {
    const out: BatchFile[] = [];
    for (const p of paths) {
      const path = resolve(p);
      if (!IMAGE_EXT.has(extname(path).toLowerCase()) || isMaskName(basename(path))) continue;
      const mask = findMaskByName(path);
      const fileId = `f-${randomUUID().slice(0, 12)}`;
      this.files.set(fileId, { path, mask });
      out.push({ fileId, name: basename(path), mask: mask ? basename(mask) : null });
    }
    return out;
  }

  /** Every image of a folder, sorted by name. */
  async addFolder(folder: string): Promise<BatchFile[]> {
    let names: string[];
    try {
      names = (await readdir(folder)).sort();
    } catch {
      throw new AppError({ kind: 'io', message: `Cannot read the folder ${basename(folder)}.` });
    }
    const files = this.add(names.map((n) => join(folder, n)));
    if (!files.length)
      throw new AppError({ kind: 'invalid-request', message: `No images (jpg, png, webp, tif, psd) in ${basename(folder)}.` });
    return files;
  }

  /** Registers the one mask for all files. */
  addMask(path: string): { maskId: string; name: string } {
    const maskId = `m-${randomUUID().slice(0, 12)}`;
    this.files.set(maskId, { path: resolve(path), mask: null });
    return { maskId, name: basename(path) };
  }

  /** The image path and its mask: the one mask for all, else its own by name. */
  resolve(fileId: string, maskId?: string): { name: string; image: string; mask: string } {
    const f = this.files.get(fileId);
    if (!f) throw new AppError({ kind: 'not-found', message: 'That file is no longer in the batch list; add it again.' });
    const one = maskId ? this.files.get(maskId)?.path : undefined;
    if (maskId && !one) throw new AppError({ kind: 'not-found', message: 'Choose the mask again.' });
    const mask = one ?? f.mask;
    if (!mask)
      throw new AppError({
        kind: 'invalid-request',
        message: `No mask for ${basename(f.path)}: choose one mask for all, or put ${basename(f.path, extname(f.path))}-mask.png beside it.`,
        rule: 'mask',
      });
    return { name: basename(f.path), image: f.path, mask };
  }
}
