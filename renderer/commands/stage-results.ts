/**
 * A finished job's candidates into the staging strip: their spend counted, every patch decoded at
 * once (the browser decodes off the main thread), then staged — or parked when they belong to a
 * photo that is not open, or dropped when the canvas size changed while the job ran. A job that knows
 * the document state it was made for is staged only over it (staging-history.ts `offerResults`).
 */
import type { CandidateResult } from '../../shared/ipc/contract-types';
import type { StagedCandidate } from '../model/staging-logic';
import { errorInfo } from './bridge';
import { candidatePatch, sourceBytes } from './candidate-assets';
import { modelOptions } from './current-estimate';
import type { EditTracer } from './edit-trace';
import type { EarlyPatches } from './early-patches';
import type { JobClientDeps, JobRequest } from './job-client-types';
import { billerOf } from '../model/charge-words';
import type { JobState } from './store/jobs-slice';
import { noneRightSummary } from '../model/text-check-request';
import { offerResults } from './staging-history';

/** What staging needs of the job client. */
export interface StageContext {
  store: JobClientDeps['store'];
  adoptPatch: JobClientDeps['adoptPatch'];
  trace: EditTracer;
  now: () => number;
  /** Candidates' pixels sent ahead of the result (renderer/commands/early-patches.ts). */
  early?: Pick<EarlyPatches, 'claim'>;
}

/**
 * Stages the candidates; returns how many are shown (0 when none or when they wait for another photo).
 * `keptOnCancel`: the job was cancelled during its text retries and these are what it made before.
 * `spentUsd`: what main's ledger counted for the job, which the session spend adds (a cancelled or
 * failed text retry's own request has no candidate; the candidates' cost alone left it out), and what
 * the cancel's line says may be charged. `sent`: the job's request (whom its text retries went to).
 */
export async function stageResults(
  ctx: StageContext,
  job: JobState,
  jobId: string,
  cands: CandidateResult[],
  keptOnCancel = false,
  spentUsd?: number,
  sent?: JobRequest,
): Promise<number> {
  const { trace, now } = ctx;
  const st = () => ctx.store.getState();
  const { docId, prompt, modelName, canvas } = job;
  const s = st();
  s.addSpend(docId, spentUsd ?? cands.reduce((sum, c) => sum + (c.costUsd || 0), 0));
  const elsewhere = s.doc?.id !== docId;
  if (!job.at && !elsewhere && s.doc && (s.doc.canvas.width !== canvas.width || s.doc.canvas.height !== canvas.height)) {
    s.notify('info', 'The canvas size changed while the job ran; its results were not staged.');
    return 0;
  }
  const options = modelOptions(s);
  const names = new Map(options.map((o) => [o.value, o.spec.name]));
  const staged: StagedCandidate[] = [];
  // All candidates decode at once (the browser decodes images off the main thread).
  const decoded = await Promise.all(
    cands.map(async (c) => {
      try {
        const t = trace.now();
        // Pixels that came ahead of the result (the bitmap is being built already), or the candidate's own.
        const early = c.pixels === undefined && !c.patch ? ctx.early?.claim(jobId, c) : null;
        const source = early ? early.source : candidatePatch(c);
        await ctx.adoptPatch(c.assetId, source, early?.built);
        trace.span(`renderer: ${'png' in source ? 'decode' : 'bitmap'} #${c.index}`, t, trace.now(), sourceBytes(source));
        return true;
      } catch (e) {
        s.notify('error', `Candidate ${c.index + 1} could not be decoded: ${errorInfo(e).message}`, 'bad-image');
        return false;
      }
    }),
  );
  for (const [i, c] of cands.entries()) {
    if (!decoded[i]) continue;
    staged.push({
      key: `${jobId}:${c.index}`,
      jobId,
      docId,
      ...(job.at ? { at: job.at } : {}),
      index: c.index,
      model: c.model,
      modelName: names.get(c.model) ?? modelName,
      prompt,
      assetId: c.assetId,
      region: { ...c.region },
      requestSize: { ...c.requestSize },
      costUsd: c.costUsd,
      seconds: c.seconds,
      requestId: c.requestId,
      ...(c.seed !== undefined ? { seed: c.seed } : {}),
      createdAt: now(),
      canvas: { ...canvas },
      ...(c.textCheck ? { textCheck: c.textCheck } : {}),
      ...(c.extension ? { extension: { known: { ...c.extension.known } } } : {}),
    });
  }
  // Staged only over the document state the job was made for (staging-history.ts says where they wait otherwise).
  if (staged.length && job.at && !offerResults(staged, job.at)) return 0;
  if (staged.length && elsewhere && !job.at) {
    // The job's document is not open: its results wait for it (Ctrl+Z back to it shows them).
    st().park(staged);
    s.notify(
      'info',
      `${staged.length === 1 ? 'The result' : `${staged.length} results`} for the photo you left are kept: undo (Ctrl/⌘ Z) back to it to see them.`,
    );
    return 0;
  }
  if (staged.length) {
    const t = trace.now();
    if (!job.at) st().stageCandidates(staged);
    trace.span('renderer: stage', t, trace.now());
    // The retries go to the text check's stronger model when it was chosen (Gemini → GPT Image 2): its biller.
    const retryModel = (sent?.kind === 'edit' && sent.req.textCheck?.retryModel) || job.model;
    const retrySpec = options.find((o) => o.value === retryModel)?.spec;
    const none = noneRightSummary(cands, keptOnCancel ? { spentUsd, biller: billerOf(retrySpec) } : null);
    if (none) s.notifyAboutStaged('info', none);
    return staged.length;
  }
  if (!cands.length) s.notify('info', 'The model returned no candidates; the document is unchanged.');
  return 0;
}
