/**
 * One Generate that asks several models at once (e.g. GPT Image 2 ×2 + Nano Banana 2 ×2 + local ×1).
 * Each model is its own `edit:start` job in main, started together; the candidates of each are
 * staged as soon as that model answers (labelled with model, time and cost, grouped by job). A model
 * that fails or is refused only marks its own entry: the other models' candidates are kept.
 * Cancel stops every job still running. Nothing here changes the document. Each job's result is
 * fetched once it ends by a job finisher (job-finisher.ts: events and answers in any order, a poll).
 */
import type { LineageStep } from '../../shared/document/schema';
import { withLayerMaskAssets } from './layer-mask-assets';
import type { CandidateResult } from '../../shared/ipc/contract-types';
import { readJobProgress } from '../../shared/ipc/job-progress';
import { getMask } from './blob-store';
import { api, errorInfo, unwrap } from './bridge';
import { encodeMaskPng } from './mask-encode';
import { adoptPatch, candidatePatch } from './candidate-assets';
import { offerResults } from './staging-history';
import { currentMaskBounds, currentOption, modelOptions, pendingExtension, sentReferences } from './current-estimate';
import { effectiveGrowPx, maskRectFor, requestLayers, settingsForModel, type EditRequest } from '../model/edit-request';
import { billerOf, chargeClause, withCharge } from '../model/charge-words';
import { nRange, providerLabel } from '../model/model-options';
import { refreshSpend } from './spend-client';
import { knownOnCanvas, refinedExtension, type StagedCandidate } from '../model/staging-logic';
import { type MultiRow, cancelledRunMessage, chosenRows, multiBlocker, multiTotal, runActive } from '../model/multi-plan';
import { capRefusal } from '../../shared/prefs/spend-cap';
import { acceptsSeed } from '../model/prompt-tools';
import { textCheckPlan } from '../model/text-check-request';
import { placeholderBlocker } from '../model/prompt-placeholder';
import { NO_MASK } from '../model/estimate';
import { countDownMessage, markKeyRejected, withModelNames } from './job-error-report';
import type { MultiEntryState, MultiRun } from './store/jobs-slice';
import { useEditor, type EditorStore } from './store/store';
import { runMaskOp } from '../workers/mask-ops-client';
import { createJobFinisher, type EndedResult } from './job-finisher';
import { sayJobRunning } from './busy-hint';
import { multiRows } from './multi-rows';

export { multiRows };

let runCounter = 0;
/** The progress listener is installed once, at the first several-models Generate, for the window's life. */
let listening = false;
/** jobId → [run id, model value] of the current run. */
const jobs = new Map<string, [number, string]>();
const finisher = createJobFinisher({
  result: (jobId) => unwrap(api().job.result({ jobId })),
  ended: (jobId, r) => finish(jobId, r),
  // The result could not be fetched: only this model's entry fails.
  lost: (jobId, e) => {
    const hit = jobs.get(jobId);
    jobs.delete(jobId);
    if (hit) useEditor.getState().patchMultiEntry(hit[0], hit[1], { state: 'failed', error: errorInfo(e).message });
  },
});

/**
 * Turns "several models at once" on or off. Turned on with no model counted yet, it starts from the
 * model chosen above and its candidate count (when that model can run), so Generate stays usable.
 */
export function setMultiOn(on: boolean): void {
  const s = useEditor.getState();
  if (!on || Object.values(s.gen.multi).some((n) => n > 0)) {
    s.setGen({ multiOn: on });
    return;
  }
  // The model the single Generate would ask (with Auto: the one its rules pick now) starts with its count.
  const chosen = currentOption(s).value;
  const row = multiRows(s).find((r) => r.value === chosen && r.usable);
  const n = row ? Math.max(1, Math.min(nRange(row.spec).max, s.gen.n)) : 0;
  s.setGen({ multiOn: true, ...(row ? { multi: { ...s.gen.multi, [row.value]: n } } : {}) });
}

/** Why the several-models Generate cannot run now, or null. */
export function multiGenerateBlocker(s: EditorStore, rows = multiRows(s)): string | null {
  if (!s.doc) return 'Open a photo first';
  if (s.job || runActive(s.multiRun?.entries)) return 'A job is running';
  const pending = pendingExtension(s);
  if (pending) return pending;
  if (!currentMaskBounds(s)) return NO_MASK;
  const options = modelOptions(s);
  return (
    multiBlocker(rows, (spec) =>
      providerLabel(options.find((o) => o.spec === spec)?.keyProvider ?? spec.provider, s.providerSettings.gateways),
    ) ?? placeholderBlocker(s.gen.prompt)
  );
}

function ensureEvents(): void {
  if (listening) return;
  listening = true;
  api().events.onJobProgress((payload: unknown) => {
    const p = readJobProgress(payload);
    const hit = p && jobs.get(p.jobId);
    if (!hit) return;
    const [runId, model] = hit;
    useEditor.getState().patchMultiEntry(runId, model, { fraction: p.fraction });
    finisher.progress(p);
  });
}

/** The Generate button / Ctrl+Enter while "Ask several models at once" is on. */
export async function generateMulti(): Promise<void> {
  const s = useEditor.getState();
  const rows = multiRows(s);
  const blocker = multiGenerateBlocker(s, rows);
  if (blocker) {
    s.notify('info', blocker);
    return;
  }
  // Above the spend cap none of the models is started: main checks each model's job on its own, and
  // would refuse only those that no longer fit (the others ran). Main's check stays the real one.
  const spent = s.spend && { today: s.spend.today.usd, month: s.spend.month.usd };
  const overCap = spent && capRefusal(s.prefs?.spendCap, spent, multiTotal(rows).usd);
  if (overCap) return s.notify('error', overCap, 'invalid-request');
  await runModels(chosenRows(rows), { prompt: s.gen.prompt });
}

/**
 * "Refine with…": the selected candidate, composited over the photo, becomes the new source for
 * `model` with the same mask and the prompt in the box (the candidate's own prompt when the box is
 * empty). Its result records the lineage (draft → refined) in its version when kept.
 */
export async function refineWith(model: string, key?: string): Promise<void> {
  const s = useEditor.getState();
  const c = key ? s.staging.items.find((x) => x.key === key) : s.staging.items[s.staging.selected];
  const opt = modelOptions(s).find((o) => o.value === model);
  if (!c || !opt || !s.doc || c.docId !== s.doc.id) return;
  const prompt = s.gen.prompt.trim() ? s.gen.prompt : c.prompt;
  const row = multiRows({ ...s, gen: { ...s.gen, multi: { [model]: 1 } } }).find((r) => r.value === model)!;
  if (sayJobRunning(s)) return;
  const blocker = multiGenerateBlocker({ ...s, gen: { ...s.gen, prompt } }, [{ ...row, n: 1 }]);
  if (blocker) {
    s.notify('info', blocker);
    return;
  }
  const lineage: LineageStep[] = [...(c.lineage ?? []), { model: c.model, modelName: c.modelName, prompt: c.prompt, costUsd: c.costUsd }];
  const extensionKnown = knownOnCanvas(c);
  await runModels([{ ...row, n: 1 }], {
    prompt,
    extraLayers: [{ assetId: c.assetId, x: c.region.x, y: c.region.y }],
    lineage,
    ...(extensionKnown ? { extensionKnown } : {}),
  });
}

interface RunOptions {
  prompt: string;
  /** Layers composited on top of the document's for this request (a candidate being refined). */
  extraLayers?: EditRequest['layers'];
  lineage?: LineageStep[];
  extensionKnown?: MultiRun['extensionKnown'];
}

/** One job per row, started together; each model's candidates are staged when it answers. */
async function runModels(chosen: readonly MultiRow[], o: RunOptions): Promise<void> {
  const s = useEditor.getState();
  ensureEvents();
  const doc = s.doc!;
  const run: MultiRun = {
    id: ++runCounter,
    docId: doc.id,
    at: doc,
    canvas: { ...doc.canvas },
    prompt: o.prompt,
    startedAt: Date.now(),
    entries: chosen.map(
      (r): MultiEntryState => ({ model: r.value, modelName: r.spec.name, n: r.n, jobId: null, state: 'starting', fraction: 0 }),
    ),
    ...(o.lineage ? { lineage: o.lineage } : {}),
    ...(o.extensionKnown ? { extensionKnown: o.extensionKnown } : {}),
  };
  jobs.clear();
  finisher.clear();
  s.setMultiRun(run);
  s.supersede('generate'); // a new run: the last Generate's failures are stale (a refusal stayed over this run's work)
  const bounds = currentMaskBounds(s)!;
  const references = sentReferences(s).map((r) => r.assetId);
  // Started one after another (each waits only for main's "started"), so they run side by side.
  for (const r of chosen) {
    const st = useEditor.getState();
    try {
      const settings = settingsForModel(
        {
          n: r.n,
          quality: st.gen.quality,
          imageSize: st.gen.imageSize,
          references,
          featherPx: st.gen.featherPx,
          colorMatch: st.gen.colorMatch,
        },
        r.spec,
      );
      const grow = effectiveGrowPx(st.gen, r.spec);
      const rect = maskRectFor(
        { x: bounds.x - grow, y: bounds.y - grow, width: bounds.width + 2 * grow, height: bounds.height + 2 * grow },
        settings.featherPx,
        doc.canvas,
      );
      const mask = getMask(doc.maskId);
      const png = await encodeMaskPng(grow ? await runMaskOp('grow', mask, grow) : mask, rect);
      const docLayers = requestLayers(await withLayerMaskAssets(doc));
      const req: EditRequest = {
        canvas: { ...doc.canvas },
        layers: [...docLayers, ...(o.extraLayers ?? [])],
        mask: { png, rect },
        prompt: run.prompt,
        model: r.value,
        ...settings,
      };
      if (req.quality === undefined) delete req.quality;
      if (req.imageSize === undefined) delete req.imageSize;
      if (st.gen.seed !== undefined && acceptsSeed(r.spec)) req.seed = st.gen.seed;
      // Every candidate's text is read back as in a single Generate, without retries: several
      // models at once (or a refine) is already the second try.
      const textCheck = textCheckPlan(run.prompt, st.gen.textCheck, r.spec, false)?.request;
      if (textCheck)
        req.textCheck = {
          text: textCheck.text,
          retries: 0,
          ...(textCheck.old ? { old: textCheck.old } : {}),
          ...(o.extraLayers?.length ? { documentLayers: docLayers.length } : {}),
        };
      const { jobId } = await unwrap(api().edit.start(req));
      jobs.set(jobId, [run.id, r.value]);
      useEditor.getState().patchMultiEntry(run.id, r.value, { jobId, state: 'running' });
      // Checked at once: a job that ended before its id was known here is fetched now.
      finisher.follow(jobId);
    } catch (e) {
      const info = errorInfo(e);
      // Refused before it started: nothing was sent ("Nothing was charged."; the offline engine says nothing of it).
      const said = withCharge(
        withModelNames(useEditor.getState(), info.message, info.model, r.value),
        chargeClause(0, 0, billerOf(r.spec)),
      );
      useEditor.getState().patchMultiEntry(run.id, r.value, { state: 'failed', error: said });
      if (info.kind === 'auth') markKeyRejected(useEditor.getState(), r.value);
      useEditor.getState().notify('error', namedOnce(r.spec.name, said), info.kind);
      const retryAt = countDownMessage(useEditor.getState(), namedOnce(r.spec.name, said), info);
      if (retryAt) useEditor.getState().patchMultiEntry(run.id, r.value, { retryAt });
    }
  }
}

/**
 * A model's failure, its name said once: main's messages name the model already ("Nano Banana 2 (Gemini
 * 3.1 Flash Image) rejected the request"), and the toast put the name before it again.
 */
export function namedOnce(name: string, message: string): string {
  return message.includes(name) ? message : `${name}: ${message}`;
}

/** Stages a finished job's candidates, or marks its entry failed or cancelled (once per job). */
async function finish(jobId: string, r: EndedResult): Promise<void> {
  const hit = jobs.get(jobId);
  if (!hit) return;
  const [runId, model] = hit;
  jobs.delete(jobId);
  const s = useEditor.getState();
  const run = s.multiRun;
  if (!run || run.id !== runId) return;
  const entry = run.entries.find((e) => e.model === model)!;
  if (r.state === 'done') {
    try {
      const staged = await stage(run, entry, jobId, r.candidates, r.spentUsd);
      s.patchMultiEntry(runId, model, {
        state: 'done',
        fraction: 1,
        // The cards' own time (the model's, as main measured it): the line said the run's, 10.2 s beside 8.5 s.
        seconds: r.candidates.length ? Math.max(...r.candidates.map((c) => c.seconds)) : (Date.now() - run.startedAt) / 1000,
        costUsd: r.candidates.reduce((t, c) => t + (c.costUsd || 0), 0),
        received: staged,
      });
    } catch (e) {
      s.patchMultiEntry(runId, model, { state: 'failed', error: errorInfo(e).message });
    }
  } else if (r.state === 'failed') {
    s.addSpend(run.docId, r.spentUsd ?? 0);
    // Whether it was charged, as the spend ledger counted it, on its line and in the message.
    const spec = modelOptions(s).find((o) => o.value === model || o.spec.id === model)?.spec;
    const said = withCharge(
      withModelNames(s, r.error.message, r.error.model, model),
      chargeClause(r.spentUsd, r.spentRequests, billerOf(spec)),
    );
    if (r.error.kind === 'auth') markKeyRejected(s, model);
    s.notify('error', namedOnce(entry.modelName, said), r.error.kind, 'generate');
    // A rate limit's "try again in 12 s" counts down in the message and on the line, as a single model's does.
    const retryAt = countDownMessage(useEditor.getState(), namedOnce(entry.modelName, said), r.error);
    s.patchMultiEntry(runId, model, { state: 'failed', error: said, ...(retryAt ? { retryAt } : {}) });
  } else {
    s.addSpend(run.docId, r.spentUsd ?? 0); // requests sent before the cancel may be billed
    // Its line says what the requests it had sent are charged, as a single job's cancel does.
    s.patchMultiEntry(runId, model, {
      state: 'cancelled',
      ...(r.spentUsd ? { spentUsd: r.spentUsd } : {}),
      ...(r.spentRequests ? { spentRequests: r.spentRequests } : {}),
    });
    const ended = useEditor.getState().multiRun;
    const said = ended?.id === runId ? cancelledRunMessage(ended.entries) : null;
    if (said) s.notify('info', said);
  }
  void refreshSpend();
}

/** `spentUsd`: the ledger's count for the job (a cancelled or failed text retry's request has no candidate). */
async function stage(run: MultiRun, entry: MultiEntryState, jobId: string, cands: CandidateResult[], spentUsd?: number): Promise<number> {
  const s = useEditor.getState();
  s.addSpend(run.docId, spentUsd ?? cands.reduce((t, c) => t + (c.costUsd || 0), 0));
  const staged: StagedCandidate[] = [];
  for (const c of cands) {
    try {
      await adoptPatch(c.assetId, candidatePatch(c));
    } catch (e) {
      s.notify('error', `A ${entry.modelName} candidate could not be decoded: ${errorInfo(e).message}`, 'bad-image');
      continue;
    }
    staged.push({
      key: `${jobId}:${c.index}`,
      jobId,
      docId: run.docId,
      ...(run.at ? { at: run.at } : {}),
      index: c.index,
      model: c.model,
      modelName: entry.modelName,
      prompt: run.prompt,
      assetId: c.assetId,
      region: { ...c.region },
      requestSize: { ...c.requestSize },
      costUsd: c.costUsd,
      seconds: c.seconds,
      requestId: c.requestId,
      ...(c.seed !== undefined ? { seed: c.seed } : {}),
      createdAt: Date.now(),
      canvas: { ...run.canvas },
      ...(c.textCheck ? { textCheck: c.textCheck } : {}),
      ...(run.lineage ? { lineage: run.lineage } : {}),
    });
    const extension = refinedExtension(c.region, run.extensionKnown);
    if (extension) staged[staged.length - 1].extension = extension;
  }
  if (!staged.length) return 0;
  // The run's first answer is shown; a later model's does not move the selection off the candidate
  // being judged (it switched to the last model's while the first was being looked at).
  const opts = { rankByText: true, keepSelected: stagedRuns.has(run.id) };
  stagedRuns.add(run.id);
  if (run.at) {
    offerResults(staged, run.at, opts);
    return staged.length;
  }
  if (useEditor.getState().doc?.id !== run.docId) useEditor.getState().park(staged);
  else useEditor.getState().stageCandidates(staged, opts);
  return staged.length;
}

/** The runs that have staged candidates already. */
const stagedRuns = new Set<number>();

/** The user has read the failures of the last run: their lines go (the run goes when nothing is left). */
export function dismissMultiFailures(): void {
  const s = useEditor.getState();
  const run = s.multiRun;
  if (!run) return;
  const entries = run.entries.filter((e) => e.state !== 'failed');
  s.setMultiRun(entries.length ? { ...run, entries } : null);
}

/** Cancels every model of the run that is still working (what already arrived stays staged). */
export async function cancelMulti(): Promise<void> {
  const run = useEditor.getState().multiRun;
  if (!run) return;
  for (const e of run.entries)
    if (e.jobId && e.state === 'running') await unwrap(api().job.cancel({ jobId: e.jobId })).catch(() => undefined);
}
