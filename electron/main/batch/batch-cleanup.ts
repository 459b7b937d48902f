/**
 * What Clear finished deletes with the batches it takes off the queue: their results. A batch's
 * result is a patch asset in the app's asset folder (`<userData>/assets/patch-….bin`), written when
 * the photo came back (one more per Redo); only the startup sweep removed them, three days later.
 * What Export kept wrote is the user's own file, in the user's folder: never touched. Nor is anything
 * else: the photos' copies (the open document may be the same photo; the startup sweep takes them
 * once nothing names them), a result something still names (another batch, the open document's
 * autosave) or bytes the editor made too in this session. When the autosave or a settings file
 * cannot be read, nothing is deleted.
 */
import type { BatchRecord } from '../../../shared/batch/batch-types';
import type { BatchClearResult } from '../../../shared/ipc/batch-contract';
import type { MainServices } from '../create-services';
import { liveAssetIds } from '../services/asset-sweep';
import { resultAssets } from './batch-record-ops';

export async function deleteClearedResults(
  svc: Pick<MainServices, 'store' | 'autosave'>,
  cleared: readonly BatchRecord[],
  left: readonly BatchRecord[],
  settingsDir: string | null,
): Promise<BatchClearResult['deleted']> {
  const ids = cleared.flatMap(resultAssets);
  if (!ids.length) return { results: 0, bytes: 0, kept: 0 };
  const live = await liveAssetIds(settingsDir ?? svc.autosave.dir, svc.autosave, svc.store);
  if (!live) return null;
  for (const b of left) for (const id of resultAssets(b)) live.add(id);
  const r = await svc.store.removeNow(ids, live);
  return { results: r.removed, bytes: r.bytes, kept: r.kept };
}
