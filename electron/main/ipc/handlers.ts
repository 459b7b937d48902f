/**
 * The handler table: the implementation of every contract channel. The Electron `ipcMain`
 * registration, the dev host and the e2e harness all serve THIS table, so the browser tests exercise
 * the same code the app runs.
 */
import { AppError } from '../../../shared/errors';
import { openImageFile, exportToFile, safeFileName, suggestedExportName } from '../services/image-files';
import { importImage } from '../services/image-import';
import { awaitCheck } from '../services/image-check';
import { verifiedDropPath } from '../services/dropped-file';
import { MAX_FILE_BYTES } from '../services/image-limits';
import { MAX_PROJECT_BYTES } from '../project/project-container';
import type { HandlerTable } from './dispatch';
import type { JobServices, MainServices } from '../create-services';
import type { JobFn } from '../jobs/job-runner';
import { countedFor } from '../services/spend-ledger';
import { editJob } from '../edit/run-edit';
import { batchHandlers } from '../batch/batch-handlers';
import { outpaintJob } from '../edit/run-outpaint';
import { checkOutpaintBudget } from '../edit/outpaint-budget';
import { recoverSession } from '../services/session-recovery';
import { isProjectPath, loadProject, parsePayload, projectBytes } from '../project/project-files';
import { wallClock } from '../services/wall-clock';
import { mergeLayers, originalAsPatch } from '../edit/merge-layers';
import { pendingJobLayer } from '../export/pending-layer';
import { gatewayUrlProblem, normalizeGatewayUrl } from '../../../shared/models/gateway-url';
import { getModel } from '../../../shared/models';
import { warmLocalEngine } from '../providers/local-provider';
import { revertPath } from '../services/revert-path';
import { folderOfSource } from '../services/dialog-folder';

export function createHandlers(svc: MainServices): HandlerTable {
  return {
    'app:info': async () => ({ version: svc.version, host: svc.host, platform: process.platform }),
    'image:open': async ({ checkLater }) => {
      const path = await svc.dialogs.chooseImageToOpen();
      if (!path) return { canceled: true as const };
      return openPath(svc, path, checkLater);
    },
    'image:recent': async () => svc.recentPhotos.recent(),
    'image:reopen': async ({ recentPath, checkLater }) => {
      await svc.recentPhotos.check(recentPath);
      try {
        return await openPhoto(svc, recentPath, checkLater);
      } catch (e) {
        // Gone or unreadable now: said so (the error names the file), and it leaves the list.
        await svc.recentPhotos.forget(recentPath);
        if (!(e instanceof AppError)) throw e;
        throw new AppError({ ...e.info, message: `${e.info.message} It was taken off the recent photos.` }, { cause: e });
      }
    },
    'image:revert': async ({ original, path, checkLater }) => openPhoto(svc, await revertPath(svc.store, original, path), checkLater),
    'launch:watch': async (_req, ctx) => ({ waiting: svc.launchFiles.watch((name) => ctx.emit('launch:file', { name })) }),
    'launch:take': async ({ checkLater }) => {
      const next = svc.launchFiles.take();
      if (!next) return { none: true as const };
      return { ...(await openPath(svc, next.path, checkLater)), skipped: next.skipped };
    },
    'image:import': async ({ bytes, name, checkLater, path }) => {
      // Dropped from a file that still holds these bytes: opened from it, as Ctrl+O would (dropped-file.ts).
      const from = await verifiedDropPath(path, bytes, MAX_FILE_BYTES);
      if (from && !isProjectPath(from)) return openPhoto(svc, from, checkLater);
      return importImage(svc.store, bytes, name, undefined, { checkLater, openCutShort: true });
    },
    'image:check': async ({ assetId }) => awaitCheck(svc.store, assetId),
    'asset:put': async ({ bytes, kind }) => ({ assetId: await svc.store.put(bytes, kind) }),
    'image:export': async (req) => {
      const source = svc.store.info(req.layers[0].assetId);
      if (source?.kind !== 'img')
        throw new AppError({ kind: 'invalid-request', message: 'The first export layer must be an opened image.' });
      const chosen = await svc.dialogs.chooseExportPath(
        safeFileName(req.suggestedName) ?? suggestedExportName(source.name, req.format),
        req.format,
        await folderOfSource(svc.store, req.layers[0].assetId),
      );
      if (!chosen) return { canceled: true as const };
      const target = typeof chosen === 'string' ? { path: chosen, replaceExisting: true } : chosen;
      const { pendingLayer, ...exported } = req;
      const pending = pendingLayer ? pendingJobLayer(svc.jobs, pendingLayer) : undefined;
      return exportToFile(svc.store, { ...exported, ...(pending ? { pending } : {}) }, target.path, {
        replaceExisting: target.replaceExisting,
      });
    },
    'layers:merge': async ({ original, lower, upper }) => mergeLayers(svc.store, original, lower, upper),
    'layers:original': async ({ original }) => originalAsPatch(svc.store, original),
    'keys:status': async () => svc.keys.statusAll(),
    'keys:set': async ({ provider, key }) => svc.keys.set(provider, key),
    'keys:remove': async ({ provider }) => svc.keys.remove(provider),
    'providers:get': async () => ({ gateways: svc.gateways.list(), secureStorageAvailable: svc.keys.isSecure() }),
    'edit:start': async (req, ctx) => {
      const receivedAt = wallClock();
      return {
        jobId: svc.jobs.start(
          counted(svc, (s) => editJob(s, req, receivedAt, { areas: true })),
          (p) => ctx.emit('job:progress', p),
        ),
      };
    },
    'outpaint:start': async (req, ctx) => {
      const receivedAt = wallClock();
      checkOutpaintBudget(req, svc.env); // limits and memory before any work
      return {
        jobId: svc.jobs.start(
          counted(svc, (s) => outpaintJob(s, req, undefined, receivedAt)),
          (p) => ctx.emit('job:progress', p),
        ),
      };
    },
    'outpaint:prepare': async (req) => {
      // Within the limits only (a plan Generate would refuse is not prepared); the work runs meanwhile.
      checkOutpaintBudget(req, svc.env);
      // MASKWORK_OUTPAINT_PREPARE=0 turns it off (the bench measures a tile that could not be prepared).
      if (svc.env.MASKWORK_OUTPAINT_PREPARE === '0') return { preparing: false };
      svc.outpaintPrep.prepare(svc, req);
      return { preparing: true };
    },
    'engine:warm': async ({ model }) => {
      if (getModel(model)?.provider !== 'local') return { state: 'not-local' as const };
      return { state: warmLocalEngine() };
    },
    'gateways:set': async (g) => {
      const problem = gatewayUrlProblem(g.baseURL);
      if (problem) throw new AppError({ kind: 'invalid-request', message: problem, rule: 'baseURL' });
      const baseURL = normalizeGatewayUrl(g.baseURL);
      const previous = svc.gateways.get(g.id);
      // A key is bound to the address it was entered for: a new address must be given its key again.
      if (previous && normalizeGatewayUrl(previous.baseURL) !== baseURL) await svc.keys.remove(`gateway:${g.id}`);
      svc.gateways.upsert({ id: g.id, name: g.name, baseURL, modelIds: g.modelIds, template: g.template });
      return { gateways: svc.gateways.list(), secureStorageAvailable: svc.keys.isSecure() };
    },
    'gateways:remove': async ({ id }) => {
      svc.gateways.remove(id);
      await svc.keys.remove(`gateway:${id}`);
      return { gateways: svc.gateways.list(), secureStorageAvailable: svc.keys.isSecure() };
    },
    'asset:patch': async ({ assetId }) => {
      if (!assetId.startsWith('patch-')) throw new AppError({ kind: 'validation', message: 'Only patch images can be read back.' });
      return { png: await svc.store.get(assetId) };
    },
    'job:cancel': async ({ jobId }) => ({ cancelled: svc.jobs.cancel(jobId) }),
    'job:result': async ({ jobId, have }) => {
      const r = svc.jobs.result(jobId, have);
      return r.state === 'done' ? { ...r, sentAt: wallClock() } : r;
    },
    'project:autosave': async ({ project, tiles }) => {
      const payload = parsePayload(project);
      // The session offered at startup is written out before another document's save replaces it.
      const keptAside = await svc.recoveryOffer.beforeAutosave(payload.current.doc.id);
      const savedAt = Date.now();
      const bytes = await projectBytes(svc.store, payload, tiles, { embed: false, app: svc.version, savedAt });
      // Main's own record of the document's project file, so a recovered session saves back to it.
      const docId = payload.current.doc.id;
      const file = svc.projects.fileOf(docId);
      await svc.autosave.save(bytes, file ? { path: file, docId, savedAt } : null);
      return keptAside ? { savedAt, keptAside } : { savedAt };
    },
    'project:recover': async () => {
      const rec = await recoverSession(svc.store, svc.autosave, (path, docId) => svc.projects.link(path, docId));
      svc.recoveryOffer.offer(rec ? parsePayload(rec.project).current.doc.id : null);
      return rec;
    },
    'project:discard': async () => {
      svc.recoveryOffer.settle();
      return { discarded: await svc.autosave.clear() };
    },
    'project:save': async (req) =>
      (await svc.projects.save({ store: svc.store, dialogs: svc.dialogs, app: svc.version }, req)) ?? { canceled: true as const },
    'project:open': async ({ recentPath }) => svc.projects.openRecent(svc.store, recentPath),
    'project:revert': async ({ docId }) => svc.projects.revert(svc.store, docId),
    'project:import': async ({ bytes, name, path }) => {
      const from = await verifiedDropPath(path, bytes, MAX_PROJECT_BYTES);
      if (from && isProjectPath(from)) return svc.projects.open(svc.store, from);
      return loadProject(svc.store, bytes, name, undefined);
    },
    'project:recent': async () => svc.projects.recent(),
    'spend:summary': async () => svc.ledger.summary(),
    'prefs:get': async () => svc.prefs.get(),
    'prefs:routing': async ({ settings }) => svc.prefs.setRouting(settings),
    'prefs:presets': async ({ presets }) => svc.prefs.setPresets(presets),
    'prefs:spendCap': async (cap) => svc.prefs.setSpendCap(cap),
    'prefs:prompt': async ({ prompt, docKey }) => svc.prefs.recordPrompt(prompt, docKey ?? null),
    ...batchHandlers(svc),
  };
}

/** A job whose requests go into the app's ledger and also into the job's own spend (its result says what it cost). */
function counted(svc: MainServices, job: (svc: JobServices) => JobFn): JobFn {
  return async (ctx) => {
    // The job's hold under the spend cap (its worst case, taken before its first request) ends with it.
    const own = svc.ledger.forJob();
    try {
      return await job({ ...svc, ledger: countedFor(own, (usd, requests) => ctx.spent?.(usd, requests)) })(ctx);
    } finally {
      own.release();
    }
  };
}

/** A file main holds the path of (the open dialog's, or one the OS asked for): a project or a photo. */
async function openPath(svc: MainServices, path: string, checkLater?: boolean) {
  if (isProjectPath(path)) return { project: await svc.projects.open(svc.store, path) };
  return openPhoto(svc, path, checkLater);
}

/** A photo read from its file goes to the top of the recent photos. */
async function openPhoto(svc: MainServices, path: string, checkLater?: boolean) {
  const opened = await openImageFile(svc.store, path, { checkLater, openCutShort: true });
  await svc.recentPhotos.remember(path);
  return opened;
}
