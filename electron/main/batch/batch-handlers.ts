/**
 * The Batch panel's channels: files and masks picked in main's dialogs (held by id), the price of
 * the whole batch before starting, the persisted queue, review marks, redo, previews and the export
 * of everything kept. `auto` is resolved here with the user's routing rules (Settings); with the
 * Batch API it may only pick a Nano Banana model.
 */
import { basename } from 'node:path';
import { AppError } from '../../../shared/errors';
import { getModel, offeredModels } from '../../../shared/models';
import { AUTO_MODEL, formatDecision, routeModel } from '../../../shared/routing';
import { batchPrice, batchQuality, type BatchMode } from '../../../shared/batch/batch-types';
import type { BatchEstimate, BatchFile } from '../../../shared/ipc/batch-contract';
import type { MainServices } from '../create-services';
import type { HandlerTable } from '../ipc/dispatch';
import { assertMaskFits, estimateItem, maskSizeAdvice, openItem } from './batch-item';
import { MaskSizeError } from '../edit/mask-file';
import type { EditRequest } from '../edit/run-edit';
import { exportKept, previewItem } from './batch-export';
import { view } from './batch-record-ops';
import { BatchFiles } from './batch-files';
import { assertGreyMask } from './mask-colour';
import { hasMaskImageExtension, MASK_IMAGE_NAMES } from '../../../shared/files/image-formats';
import { deleteClearedResults } from './batch-cleanup';
import { addDropped, removeDroppedCopies } from './batch-dropped';

/** What Auto sends through the Batch API when the rules pick a model it does not serve. */
export const BATCH_AUTO_MODEL = 'gemini-3.1-flash-image';

type BatchChannel = Extract<keyof HandlerTable, `batch:${string}`>;

/** The quality sent to `model`: the asked one if it has it, else Generate's default (medium); none without qualities. */
const qualityOf = (model: string, asked: 'low' | 'medium' | 'high' | 'auto' | undefined) =>
  batchQuality(getModel(model)?.qualities ?? [], asked);

/** `auto` → a concrete model and the reason; other ids unchanged. */
async function chooseModel(
  svc: MainServices,
  model: string,
  prompt: string,
  mode: BatchMode,
  quality?: 'low' | 'medium' | 'high' | 'auto',
): Promise<{ model: string; autoReason?: string }> {
  if (model !== AUTO_MODEL) {
    const spec = getModel(model);
    if (!spec) throw new AppError({ kind: 'invalid-request', message: `Unknown model “${model}”.`, rule: 'model' });
    return { model };
  }
  const usable = [];
  for (const m of offeredModels()) if (m.provider === 'local' || (await svc.keys.get(m.provider))) usable.push(m);
  const d = routeModel({
    prompt,
    geometry: { outpaint: null },
    preset: null,
    settings: svc.prefs.get().routing,
    models: usable,
    ...(quality ? { quality } : {}),
  });
  const spec = getModel(d.modelId);
  if (mode === 'batch-api' && spec?.provider !== 'gemini')
    return {
      model: BATCH_AUTO_MODEL,
      autoReason: `Nano Banana 2 — the Batch API serves Nano Banana models only (the rules picked ${d.modelName}: ${d.reason})`,
    };
  return { model: d.modelId, autoReason: formatDecision(d) };
}

export function batchHandlers(svc: MainServices): Pick<HandlerTable, BatchChannel> {
  const files = new BatchFiles();
  const planned = new Map<string, EditRequest>();
  const batches = svc.batches;
  const dialogs = svc.dialogs;
  const noDialog = () => new AppError({ kind: 'internal', message: 'This host cannot show that dialog.' });
  /** A file picked again keeps its id; its mask was looked for again, so its plan is made again. */
  const picked = (list: BatchFile[]) => {
    for (const f of list) for (const key of planned.keys()) if (key.startsWith(`${f.fileId}|`)) planned.delete(key);
    return { files: list };
  };
  return {
    'batch:addImages': async () => {
      if (!dialogs.chooseImagesToOpen) throw noDialog();
      const paths = await dialogs.chooseImagesToOpen();
      return paths?.length ? picked(files.add(paths)) : { canceled: true as const };
    },
    'batch:addFolder': async () => {
      if (!dialogs.chooseFolder) throw noDialog();
      const folder = await dialogs.chooseFolder('images');
      return folder ? picked(await files.addFolder(folder)) : { canceled: true as const };
    },
    'batch:addDropped': async (r) => picked((await addDropped(files, svc.store.dir, r)).files),
    'batch:pickMask': async (r) => {
      const f = files.pickMask(r.fileId, r.mask);
      for (const key of planned.keys()) if (key.startsWith(`${r.fileId}|`)) planned.delete(key);
      return f;
    },
    'batch:chooseMask': async () => {
      const path = await (dialogs.chooseMaskToOpen ?? dialogs.chooseImageToOpen).call(dialogs);
      if (!path) return { canceled: true as const };
      // A project or a PSD (a host's plain open dialog lists them) is no mask: said before it is read.
      if (!hasMaskImageExtension(basename(path)))
        throw new AppError({
          kind: 'invalid-request',
          message: `${basename(path)} is not a mask image: choose a ${MASK_IMAGE_NAMES} mask (white = change).`,
          rule: 'mask',
        });
      // A colour photo picked by mistake is refused now, with what a mask is (it was taken, and every photo failed).
      await assertGreyMask(path);
      return files.addMask(path);
    },
    'batch:estimate': async (r) => {
      const { model, autoReason } = await chooseModel(svc, r.model, r.prompt, r.mode, r.quality);
      const quality = qualityOf(model, r.quality);
      const out: BatchEstimate = { items: [], totalUsd: 0, standardUsd: 0, model, ...(autoReason ? { autoReason } : {}) };
      for (const fileId of r.fileIds) {
        try {
          // Opening and reading the mask once per file: typing the prompt re-prices without decoding again.
          const key = `${fileId}|${r.maskId ?? ''}`;
          let req = planned.get(key);
          if (!req) {
            const paths = files.resolve(fileId, r.maskId);
            // A mask found by name is checked as the one for all is when chosen: a colour file named
            // like a mask (`photo.mask.png` saved from the photo) went out and came back failed.
            if (!r.maskId) await assertGreyMask(paths.mask);
            req = (await openItem(svc, paths, { prompt: r.prompt, model, featherPx: 0, colorMatch: true })).req;
            planned.set(key, req);
          }
          const standard = estimateItem({ ...req, model, ...(quality ? { quality } : {}) }, 'now');
          out.items.push({ fileId, usd: batchPrice(standard, r.mode) });
          out.standardUsd += standard;
          out.totalUsd += batchPrice(standard, r.mode);
        } catch (e) {
          // A mask of another size is said with its name, both sizes and what to do (it had no next step).
          const said = e instanceof MaskSizeError ? await maskSizeAdvice(files.resolve(fileId, r.maskId), e, !!r.maskId) : e;
          out.items.push({ fileId, usd: null, error: said instanceof AppError ? said.message : String(said) });
        }
      }
      out.totalUsd = Math.round(out.totalUsd * 10000) / 10000;
      out.standardUsd = Math.round(out.standardUsd * 10000) / 10000;
      return out;
    },
    'batch:start': async (r) => {
      const { model, autoReason } = await chooseModel(svc, r.model, r.prompt, r.mode, r.quality);
      // A photo without its mask (none by name, or several, or one of another size) stays out, as the
      // price said ("1 cannot be sent"); the others go. It refused the whole batch; one whose mask was
      // another size went, and came back as a failed card too. With none left, that photo's reason is the answer.
      const items: ReturnType<BatchFiles['resolve']>[] = [];
      let left: AppError | null = null;
      for (const id of r.fileIds) {
        try {
          const item = files.resolve(id, r.maskId);
          if (!r.maskId) await assertGreyMask(item.mask);
          await assertMaskFits(svc, item, !!r.maskId);
          items.push(item);
        } catch (e) {
          if (!(e instanceof AppError) || (e.info.rule !== 'mask' && e.info.rule !== 'mask size')) throw e;
          left ??= e;
        }
      }
      if (!items.length && left) throw left;
      const quality = qualityOf(model, r.quality);
      const before = new Set(batches.list().map((b) => b.id));
      try {
        const b = await batches.create({
          items,
          settings: { prompt: r.prompt, model, ...(quality ? { quality } : {}), featherPx: r.featherPx, colorMatch: r.colorMatch },
          mode: r.mode,
          ...(autoReason ? { autoReason } : {}),
        });
        return view(b);
      } catch (e) {
        // A Batch API job Google refused is in the queue, failed with the reason: returned, so the
        // panel shows the reason there once (it also came back as an error, shown twice).
        const stored = batches.list().find((b) => !before.has(b.id));
        if (stored?.state === 'failed') return stored;
        throw e;
      }
    },
    'batch:watch': async (_r, ctx) => {
      batches.watch.watch((c) => ctx.emit('batch:changed', c));
      return { watching: true as const };
    },
    'batch:list': async () => batches.list(),
    'batch:cancel': async ({ batchId }) => view(await batches.cancel(batchId)),
    'batch:clearFinished': async () => {
      const cleared = await batches.clearFinished();
      const deleted = await deleteClearedResults(svc, cleared, batches.store.list(), batches.store.folder);
      await removeDroppedCopies(svc.store.dir, cleared, batches.store.list(), files.imagePaths());
      return { batches: batches.list(), cleared: cleared.length, deleted };
    },
    'batch:review': async ({ batchId, itemId, review }) => view(await batches.review(batchId, itemId, review)),
    'batch:redo': async ({ batchId, itemId }) => view(await batches.redo(batchId, itemId)),
    'batch:preview': async ({ batchId, itemId }) => {
      const item = batches.get(batchId).items.find((i) => i.id === itemId);
      if (!item) throw new AppError({ kind: 'not-found', message: `No item ${itemId} in batch ${batchId}.` });
      return previewItem(svc.store, item);
    },
    'batch:export': async ({ batchId, format, quality }) => {
      const b = batches.get(batchId);
      if (!dialogs.chooseFolder) throw noDialog();
      const folder = await dialogs.chooseFolder('export');
      if (!folder) return { canceled: true as const };
      const r = await exportKept(svc.store, b, folder, format, quality);
      await batches.store.save();
      return r;
    },
  };
}
