/**
 * `maskwork batch edit … --batch-api` and `maskwork batch status|fetch|cancel ID`: the app's batch
 * queue (BatchService) from the command line. Submitting sends every image as one Gemini Batch API
 * job (half price, results within 24 h) and returns at once with the job's id and state; the queue
 * record (paths, outputs, settings) is kept in the CLI's state folder so a later `fetch` can write
 * the results: `$MASKWORK_STATE_DIR`, else `$XDG_STATE_HOME/maskwork`, else `~/.local/state/maskwork`.
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { AppError } from '../../shared/errors';
import { batchCounts, BATCH_API_PRICE_FACTOR, type BatchRecord } from '../../shared/batch/batch-types';
import { BatchService } from '../main/batch/batch-service';
import { BatchStore } from '../main/batch/batch-store';
import { outputStems } from '../main/batch/batch-files';
import { openImageFile, exportToFile } from '../main/services/image-files';
import type { AssetStore } from '../main/services/asset-store';
import { CliSession } from './cli-session';
import { refuseExisting } from './output-paths';
import { UsageError, flag, parseOptions } from './args';
import type { Quality } from './model-choice';
import { exporting, interrupted, reportSubject } from './interrupt';
import { batchApiInterrupted, cancelInterrupted, statusInterrupted } from './batch-api-interrupt';

export function stateDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.MASKWORK_STATE_DIR) return resolve(env.MASKWORK_STATE_DIR);
  return join(env.XDG_STATE_HOME ? resolve(env.XDG_STATE_HOME) : join(homedir(), '.local', 'state'), 'maskwork');
}

function withService<T>(fn: (svc: BatchService, session: CliSession) => Promise<T>): Promise<T> {
  const session = CliSession.start(() => {});
  const service = new BatchService(session.svc, new BatchStore(join(stateDir(), 'cli-batches.json')));
  return fn(service, session).finally(() => {
    service.stop();
    session.close();
  });
}

/** What `--json` prints about a batch: its Batch API id and state, the items and the cost. */
export function report(b: BatchRecord, alreadyWritten: ReadonlySet<string> = new Set()) {
  const counts = batchCounts(b.items);
  return {
    batchId: b.remote?.name ?? null,
    id: b.id,
    mode: b.mode,
    model: b.model,
    state: b.state,
    remoteState: b.remote?.state ?? null,
    requests: b.items.filter((i) => i.state !== 'failed' || i.result).length,
    done: counts.done,
    failed: counts.failed + counts.cancelled,
    estimatedCostUsd: b.estimateUsd,
    priceBasis: b.mode === 'batch-api' ? `Gemini Batch API: ${BATCH_API_PRICE_FACTOR * 100} % of the standard price` : 'standard price',
    items: b.items.map((i) => ({
      image: i.image,
      state: i.state,
      ...(i.output ? { output: i.output } : {}),
      ...(alreadyWritten.has(i.id) ? { alreadyWritten: true } : {}),
      ...(i.error ? { error: i.error } : {}),
      ...(i.result ? { costUsd: i.result.costUsd, requestId: i.result.requestId } : {}),
    })),
  };
}

export interface SubmitInput {
  images: Array<{ image: string; mask: string }>;
  out: string;
  format: 'png' | 'jpg' | 'webp';
  prompt: string;
  model: string;
  quality?: Quality;
  featherPx: number;
  colorMatch: boolean;
  overwrite: boolean;
}

/** Submits the images as one Batch API job; outputs are checked now (and again when fetched). */
export async function submitBatchApi(o: SubmitInput) {
  const ext = o.format;
  const stems = outputStems(o.images.map(({ image }) => basename(image)));
  const items = o.images.map(({ image, mask }, n) => ({
    name: basename(image),
    image,
    mask,
    output: join(resolve(o.out), `${stems[n]}.${ext}`),
  }));
  await refuseExisting(
    items.map((i) => i.output),
    o.overwrite,
  );
  return withService(async (service, session) => {
    // Ctrl+C / SIGTERM: nothing more is sent, a job on its way is cancelled at Google, and the report
    // says which (batch-api-interrupt.ts).
    const stop = new AbortController();
    session.onStop(() => stop.abort());
    const before = new Set(service.store.list().map((b) => b.id));
    reportSubject(() => batchApiInterrupted(service.store.list().find((b) => !before.has(b.id))));
    const b = await service.create(
      {
        items,
        settings: { prompt: o.prompt, model: o.model, quality: o.quality, featherPx: o.featherPx, colorMatch: o.colorMatch },
        mode: 'batch-api',
        format: ext === 'jpg' ? 'jpeg' : ext,
      },
      stop.signal,
    );
    return report(b);
  });
}

/** `batch status|fetch|cancel ID`. Exit code: 0 done, 1 failed, 3 not finished yet (status/fetch). */
export async function runBatchId(
  verb: 'status' | 'fetch' | 'cancel',
  argv: string[],
): Promise<{ report: ReturnType<typeof report>; code: number }> {
  const [id, ...rest] = argv;
  if (!id || id.startsWith('--')) throw new UsageError(`batch ${verb} needs the batch id (batches/… or the local id)`);
  const o = parseOptions(`batch ${verb}`, rest, verb === 'fetch' ? { json: flag(), overwrite: flag() } : { json: flag() });
  return withService(async (service, session) => {
    const known = service.store.get(id);
    if (!known) throw new AppError({ kind: 'not-found', message: `No batch ${id} in ${stateDir()} (submit with --batch-api first).` });
    let b = known;
    let already: ReadonlySet<string> = new Set();
    if (verb === 'cancel') {
      // Interrupted: the line says whether the job was cancelled at Google, from the record.
      reportSubject(() => cancelInterrupted(service.store.get(id) ?? known));
      b = await service.cancel(id);
    } else if (verb === 'status') {
      // Interrupted: the line says the job is unchanged and how to ask again (it was the generic one).
      reportSubject(() => statusInterrupted(service.store.get(id) ?? known));
      b = await service.refresh(id, false);
    } else {
      // Results are made in this session's temp folder, so a batch fetched before is fetched again.
      await service.reopenIfMissing(id);
      const name = known.remote?.name ?? id;
      // Interrupted: no result is written after it; the line says how to get them later.
      reportSubject((files, wrote) => ({
        text: `${files}; \`maskwork batch fetch ${name}${wrote ? ' --overwrite' : ''}\` writes the results later`,
        json: { batchId: name },
      }));
      b = await service.refresh(id);
      if (b.state === 'done') already = await writeOutputs(session.svc.store, service, b, 'overwrite' in o && !!o.overwrite);
    }
    const remote = b.remote?.state;
    const ready = verb === 'status' && remote !== undefined && ['succeeded', 'failed', 'cancelled', 'expired'].includes(remote);
    const finished = ready || b.state === 'done' || b.state === 'failed' || b.state === 'cancelled';
    const failed = b.state === 'failed' || b.state === 'cancelled' || b.items.some((i) => i.state === 'failed');
    const code = verb === 'cancel' ? 0 : !finished ? 3 : failed || (ready && remote !== 'succeeded') ? 1 : 0;
    return { report: report(b, already), code };
  });
}

/**
 * Writes every finished item's result to its output file (refusing existing files unless overwrite).
 * A file an earlier fetch of this batch wrote is left as it is and the item stays done: fetching
 * again marked every item failed ("already exists"), exit 1, and `batch status` said so from then on.
 * Returns the ids of the items left so.
 */
async function writeOutputs(store: AssetStore, service: BatchService, b: BatchRecord, overwrite: boolean): Promise<Set<string>> {
  const already = new Set<string>();
  for (const item of b.items) {
    if (interrupted()) break;
    if (item.state !== 'done' || !item.result || !item.output) continue;
    if (item.written && !overwrite && existsSync(item.output)) {
      already.add(item.id);
      continue;
    }
    try {
      const img = await openImageFile(store, item.image);
      const written = exportToFile(
        store,
        {
          canvas: { width: img.width, height: img.height },
          layers: [
            { assetId: img.assetId, x: 0, y: 0 },
            { assetId: item.result.assetId, x: item.result.region.x, y: item.result.region.y },
          ],
          format: b.format ?? 'png',
          // The edit record names the model (it said "Maskwork" alone), as `batch` without --batch-api does.
          provenance: { models: [b.model] },
          ...(overwrite ? { allowOverwriteSource: true } : {}),
        },
        item.output,
        { replaceExisting: overwrite },
      );
      // Tracked: an interrupt's report names the files written before it.
      await exporting(written, item.output);
      item.written = true;
    } catch (e) {
      item.state = 'failed';
      item.error = e instanceof AppError ? e.info : { kind: 'io', message: String(e) };
    }
  }
  await service.store.save();
  return already;
}
