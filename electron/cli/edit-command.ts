/**
 * `maskwork edit` and `maskwork fill`: one masked edit through the app's own pipeline, written as
 * files with the input's exact dimensions (and its EXIF/ICC). Pixels outside the mask's feather band
 * are the input's, bit for bit.
 */
import { resolve } from 'node:path';
import { planRegion } from '../../shared/geometry';
import { estimateCost } from '../../shared/models';
import { flag, int, intOr, list, oneOf, optional, parseOptions, required, UsageError } from './args';
import type { CandidateResult } from '../../shared/ipc/contract-types';
import type { TimingSpan } from '../../shared/timing/spans';
import { worstCaseUsd } from '../../shared/text-check/budget';
import { requestedText } from '../../shared/text-check/requested-text';
import { asGiven, CliSession, unwrap } from './cli-session';
import { readMaskFile } from '../main/edit/mask-file';
import { assertGreyMask } from '../main/batch/mask-colour';
import { withMaskAdvice } from './mask-advice';
import { autoReport, chooseModelFor, modelOption, qualityFor, readRules, type Quality } from './model-choice';
import { AUTO_MODEL, formatDecision } from '../../shared/routing';
import { candidatePaths, formatOf, refuseExisting, resultLayerName } from './output-paths';
import { progressLine } from './progress-line';

const QUALITIES: Quality[] = ['low', 'medium', 'high', 'auto'];
const SEED = () => int(0, 2 ** 31 - 1);

export const FILL_OPTIONS = { image: required(), mask: required(), out: required(), seed: SEED(), overwrite: flag(), json: flag() };
export const EDIT_OPTIONS = {
  ...FILL_OPTIONS,
  // Left out (or empty), a cloud model removes what is masked: main sends shared/prompts REMOVE_PROMPT.
  prompt: optional(),
  model: modelOption(),
  n: intOr(1, 10, 1),
  quality: oneOf(QUALITIES),
  ref: list(),
  feather: intOr(0, 256, 4),
  'no-color-match': flag(),
  text: optional(),
  'retry-text': intOr(0, 10, 0),
  rules: optional(),
};

export interface EditOptions {
  image: string;
  mask: string;
  out: string;
  model: string;
  prompt: string;
  n: number;
  quality?: Quality;
  refs: string[];
  featherPx: number;
  colorMatch: boolean;
  seed?: number;
  overwrite: boolean;
  json: boolean;
  /** Text the edit should show (else the prompt's quoted text), checked with the offline OCR. */
  text?: string;
  /** More requests allowed until the text is right. */
  retryText?: number;
  /** `--model auto`: a routing rules file (else the default rules). */
  rules?: string;
}

/** Parsed `fill` options → an edit with the offline engine and no feather (bit-identical outside the mask). */
export function fillOptionsOf(a: {
  image: string;
  mask: string;
  out: string;
  seed?: number;
  overwrite: boolean;
  json: boolean;
}): EditOptions {
  return { ...a, model: 'local', prompt: '', n: 1, refs: [], featherPx: 0, colorMatch: false };
}

/** `edit`/`fill` argv → options (usage errors, exit 2, for anything the command does not take). */
export function parseEdit(argv: readonly string[], fill: boolean): EditOptions {
  if (fill) return fillOptionsOf(parseOptions('fill', argv, FILL_OPTIONS));
  return editOptionsOf(parseOptions('edit', argv, EDIT_OPTIONS));
}

/** Parsed `edit` options (also from compare and batch) → what runEdit takes. */
export function editOptionsOf(a: {
  image: string;
  mask: string;
  out: string;
  prompt?: string;
  model: string;
  n: number;
  quality?: Quality;
  ref: string[];
  feather: number;
  'no-color-match': boolean;
  seed?: number;
  overwrite: boolean;
  json: boolean;
  text?: string;
  'retry-text'?: number;
  rules?: string;
}): EditOptions {
  const { ref, feather, 'no-color-match': noColorMatch, 'retry-text': retryText, ...rest } = a;
  return { ...rest, prompt: a.prompt ?? '', refs: ref, featherPx: feather, colorMatch: !noColorMatch, retryText: retryText ?? 0 };
}

export async function runEdit(o: EditOptions, warn: (line: string) => void): Promise<Record<string, unknown>> {
  if (o.rules && o.model !== AUTO_MODEL) throw new UsageError('--rules applies only with --model auto');
  const { spec, auto } = chooseModelFor(o.model, {
    prompt: o.prompt,
    outpaint: null,
    quality: o.quality,
    env: process.env,
    rules: await readRules(o.rules),
  });
  if (auto && !o.json) warn(`Auto picked ${formatDecision(auto)}`);
  const quality = qualityFor(spec, auto && !spec.qualities.length ? undefined : o.quality);
  const image = resolve(o.image);
  const out = resolve(o.out);
  formatOf(out);
  const asked = spec.provider === 'local' ? null : requestedText(o.prompt, o.text);
  if (o.retryText && !asked) throw new UsageError('--retry-text needs --text or a quoted text in --prompt (and a cloud model)');
  const textCheck = asked ? { text: asked.text, ...(asked.old ? { old: asked.old } : {}), retries: o.retryText ?? 0 } : null;
  const paths = candidatePaths(out, o.n + (textCheck?.retries ?? 0));
  await refuseExisting(paths, o.overwrite);

  const t0 = performance.now();
  const progress = progressLine(process.stderr, !o.json);
  const session = CliSession.start((p) => progress.update(p.fraction, p.stage));
  try {
    // The mask is read and decoded while the image opens (both are mostly libvips work).
    const opening = asGiven(o.image, session.openImage(image));
    const reading = asGiven(
      o.mask,
      withMaskAdvice(readMaskFile(resolve(o.mask), opening), image, { given: o.mask, path: resolve(o.mask) }),
    );
    reading.catch(() => {}); // an image that fails to open is the error reported, below
    // A colour photo given as the mask (the image itself, by mistake) is refused, as the app's batch
    // refuses it: it was thresholded and filled wherever the photo is bright.
    const grey = asGiven(o.mask, assertGreyMask(resolve(o.mask)));
    grey.catch(() => {});
    const img = await opening;
    const mask = await reading;
    await grey;
    const refs = [];
    for (const r of o.refs) refs.push((await asGiven(r, session.openImage(resolve(r)))).assetId);
    const tOpen = performance.now();
    const plan = planRegion({ canvas: { width: img.width, height: img.height }, bbox: mask.rect, model: spec, quality });
    const estimate = plan.ok
      ? estimateCost({
          modelId: spec,
          width: plan.request.width,
          height: plan.request.height,
          quality,
          n: o.n,
          imageSize: plan.request.imageSize,
          referenceImages: refs.length,
        })
      : null;
    const retryUsd =
      plan.ok && textCheck?.retries
        ? estimateCost({
            modelId: spec,
            width: plan.request.width,
            height: plan.request.height,
            quality,
            n: 1,
            imageSize: plan.request.imageSize,
            referenceImages: refs.length,
          }).usd
        : 0;
    const { jobId } = unwrap(
      await session.api.edit.start({
        canvas: { width: img.width, height: img.height },
        layers: [{ assetId: img.assetId, x: 0, y: 0 }],
        mask,
        prompt: o.prompt,
        model: spec.id,
        n: o.n,
        ...(quality ? { quality } : {}),
        references: refs,
        featherPx: o.featherPx,
        colorMatch: o.colorMatch,
        ...(o.seed !== undefined ? { seed: o.seed } : {}),
        ...(textCheck ? { textCheck } : {}),
      }),
    );
    const base = { assetId: img.assetId, x: 0, y: 0 };
    const canvas = { width: img.width, height: img.height };
    const layerName = resultLayerName(spec.id, o.prompt);
    // The first candidate's file is written while the edit runs: main encodes the rows outside its
    // region at once and waits for the job only for the rest (a PNG; other formats wait whole).
    // Not with a text check, which may reorder the candidates.
    const early =
      plan.ok && !textCheck
        ? session
            .exportTo(
              paths[0],
              {
                canvas,
                layers: [base],
                provenance: { models: [spec.id] },
                pendingLayer: {
                  jobId,
                  candidate: 0,
                  rect: { x: 0, y: plan.region.y, width: img.width, height: plan.region.height },
                  name: layerName,
                },
              },
              o.overwrite,
            )
            .then(
              () => true,
              () => false,
            )
        : null;
    const candidates = await session.candidatesOf(jobId, progress);
    const tGen = performance.now();
    const firstWritten = early !== null && (await early);
    const written = paths.slice(0, candidates.length);
    const warnings: string[] = [];
    if (candidates.length < o.n && !textCheck?.retries) {
      const w = `${spec.id} returned ${candidates.length} of the ${o.n} candidates asked for; wrote ${written.length} file${written.length === 1 ? '' : 's'}.`;
      warnings.push(w);
      warn(w);
    }
    for (const [i, c] of candidates.entries()) {
      // Written already — unless that export failed (e.g. the region moved), then it is written now.
      if (i === 0 && firstWritten) continue;
      await session.exportTo(
        written[i],
        {
          canvas,
          layers: [base, { assetId: c.assetId, x: c.region.x, y: c.region.y, name: layerName }],
          provenance: { models: [spec.id] },
        },
        o.overwrite,
      );
    }
    const tEnd = performance.now();
    const c0 = candidates[0];
    return {
      model: spec.id,
      ...autoReport(auto),
      quality: quality ?? null,
      image: { path: image, width: img.width, height: img.height },
      mask: { bbox: mask.rect },
      region: c0.region,
      requestSize: c0.requestSize,
      candidatesRequested: o.n,
      candidatesReceived: candidates.length,
      ...(warnings.length ? { warnings } : {}),
      estimatedCostUsd: estimate ? Math.round(estimate.usd * 10000) / 10000 : 0,
      costBasis: estimate?.basis,
      timings: {
        openMs: Math.round(tOpen - t0),
        generateMs: Math.round(tGen - tOpen),
        writeMs: Math.round(tEnd - tGen),
        totalMs: Math.round(tEnd - t0),
        // Main's spans of the first candidate (prep, provider, decode, patch…), ms from the command's start.
        ...(c0.spans?.length ? { spans: relativeSpans(c0.spans, performance.timeOrigin + t0) } : {}),
      },
      outputs: written,
      // What the export said (the JPEG's kept data, a 16-bit source written as 8 bits): on stderr too.
      ...(session.notes.length ? { notes: session.notes } : {}),
      // The offline engine: each output's seed (in the order of outputs); `--seed` with it repeats that output.
      ...seedsOf(candidates),
      requestIds: candidates.map((c) => c.requestId).filter(Boolean),
      ...(textCheck ? { textCheck: textCheckReport(candidates, written, textCheck.retries, estimate?.usd ?? 0, retryUsd) } : {}),
    };
  } finally {
    session.close();
    // The OCR worker thread would keep the process alive.
    if (textCheck) await (await import('../main/text-check/ocr-engine')).shutdownOcr();
  }
}

/** `{ seeds }` when the candidates carry the offline engine's seed (one per candidate), else nothing. */
export function seedsOf(candidates: readonly CandidateResult[]): { seeds?: number[] } {
  const seeds = candidates.map((c) => c.seed);
  return seeds.length && seeds.every((s) => s !== undefined) ? { seeds: seeds as number[] } : {};
}

function relativeSpans(spans: readonly TimingSpan[], origin: number) {
  const ms = (t: number) => Math.round((t - origin) * 10) / 10;
  return spans.map((s) => ({ name: s.name, startMs: ms(s.start), endMs: ms(s.end), ...(s.bytes !== undefined ? { bytes: s.bytes } : {}) }));
}

/** `--json` text check: per candidate (best first) what the OCR read and how it matches, and the requests sent. */
function textCheckReport(candidates: CandidateResult[], outputs: string[], retries: number, firstUsd: number, retryUsd: number) {
  const attempts = candidates.reduce((m, c) => Math.max(m, c.attempt ?? 0), 0);
  return {
    retriesAllowed: retries,
    requests: attempts + 1,
    costUsd: Math.round(candidates.reduce((s, c) => s + c.costUsd, 0) * 10000) / 10000,
    worstCaseCostUsd: Math.round(worstCaseUsd(firstUsd, retryUsd, retries, undefined).usd * 10000) / 10000,
    candidates: candidates.map((c, i) => ({ output: outputs[i], attempt: c.attempt ?? 0, ...c.textCheck })),
  };
}
