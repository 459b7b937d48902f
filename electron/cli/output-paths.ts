/**
 * Where the CLI writes: the format from the extension, numbered names for several candidates, and
 * the never-overwrite rule checked before any work (nothing is generated, or paid for, only to be
 * refused at the end). Main checks again when it writes.
 */
import { lstat, stat } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { AppError } from '../../shared/errors';
import { layerName } from '../../shared/document/layer-name';

/** The output format from the extension. The depth follows the source where the format allows it (PNG, TIFF, PSD). */
export function formatOf(path: string): 'png' | 'jpeg' | 'webp' | 'tiff' | 'psd' {
  const ext = extname(path).toLowerCase();
  if (ext === '.png') return 'png';
  if (ext === '.jpg' || ext === '.jpeg') return 'jpeg';
  if (ext === '.webp') return 'webp';
  if (ext === '.tif' || ext === '.tiff') return 'tiff';
  if (ext === '.psd') return 'psd';
  throw new AppError({
    kind: 'invalid-request',
    message: `--out must end in .png, .jpg, .webp, .tif, .tiff or .psd (got “${basename(path)}”).`,
  });
}

/** A PSD or TIFF layer name for a kept result: the app's layer name rule (shared/document/layer-name.ts) with the model id ("Glass vase · gpt-image-2"). */
export function resultLayerName(model: string, prompt: string): string {
  return layerName(model, prompt);
}

/** `out.png` for one candidate asked; `out-1.png`, `out-2.png`, … when several were asked (however many arrive). */
export function candidatePaths(out: string, asked: number): string[] {
  if (asked === 1) return [out];
  const ext = extname(out);
  const stem = basename(out, ext);
  return Array.from({ length: asked }, (_, i) => join(dirname(out), `${stem}-${i + 1}${ext}`));
}

/**
 * Refuses (exit 1, before any work) when one of `paths` exists — a file, a folder or a link — unless
 * `overwrite`; and, `overwrite` or not, when the folder they go into does not exist (the edit was made,
 * then "Could not write “…/r.png”: ENOENT").
 */
export async function refuseExisting(paths: readonly string[], overwrite: boolean): Promise<void> {
  for (const folder of new Set(paths.map((p) => dirname(p)))) {
    const isFolder = await stat(folder).then(
      (s) => s.isDirectory(),
      () => false,
    );
    if (!isFolder)
      throw new AppError({
        kind: 'io',
        message: `The folder ${folder} does not exist; nothing was done. Create it first, or choose another --out.`,
        rule: 'no-folder',
      });
  }
  if (overwrite) return;
  for (const p of paths) {
    const there = await lstat(p).then(
      () => true,
      () => false,
    );
    if (there) {
      throw new AppError({
        kind: 'io',
        message: `${p} already exists; nothing was done. Choose another --out, or pass --overwrite to replace it.`,
        rule: 'exists',
      });
    }
  }
}
