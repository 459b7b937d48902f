/**
 * File › Revert of a photo (`image:revert`): the renderer names the open document's photo asset and
 * the path it came from; main reads that file again only if it opened the asset from it — this session
 * (the asset's `sourcePath`) or an earlier one (its file identities, `<id>.sources.json`). Revert went
 * through the recent photos list, so a photo that had fallen off it (ten others opened since) could
 * not be reverted; the list is not what says which file a document came from.
 */
import { realpath } from 'node:fs/promises';
import { resolve } from 'node:path';
import { AppError } from '../../../shared/errors';
import type { AssetStore } from './asset-store';

export async function revertPath(store: AssetStore, original: string, path: string): Promise<string> {
  const p = resolve(path);
  const meta = store.info(original);
  if (meta?.kind === 'img' && meta.sourcePath === p) return p;
  const sources = await store.sourcesOf(original);
  const real = await realpath(p).catch(() => null);
  if (sources.some((k) => k.realPath === p || k.realPath === real)) return p;
  throw new AppError({ kind: 'invalid-request', message: 'Only the file the open photo was read from can be reverted to.' });
}
