/**
 * Outpainting behind the one Generate button: when the mask reaches into an extension that is not
 * filled yet, Generate runs the tiled outpaint plan (estimate: requests and price for the chosen
 * model), with the one prompt. The job then runs through job-client.ts like any edit — one progress
 * bar, Cancel, candidates staged in the same strip, Keep adds the canvas-sized patch layer.
 */
import { shortModelName } from '../../shared/models/display-name';
import { placeholderBlocker } from '../model/prompt-placeholder';
import { withLayerMaskAssets } from '../commands/layer-mask-assets';
import type { EditorStore } from './store/store';
import { useEditor } from './store/store';
import { providerLabel, withArticle } from '../model/model-options';
import { currentOption, fillsExtension, proposalBlocker } from './current-estimate';
import { beginJob, failStart, sendJob } from './app-job-client';
import { editTracer } from './edit-trace';
import { acceptsSeed } from '../model/prompt-tools';
import {
  buildOutpaintRequest,
  computeOutpaintEstimate,
  hasExtension,
  knownRectOf,
  type OutpaintEstimate,
  type OutpaintRequest,
  type OutpaintSettings,
} from '../model/outpaint-request';

/** The prompt sent: the one prompt of the Generate panel. */
export function outpaintPrompt(s: EditorStore): string {
  return s.gen.prompt;
}

/** True when Generate means "fill the extension" (see fillsExtension). */
export function outpaintMode(s: EditorStore): boolean {
  return fillsExtension(s);
}

function settings(s: EditorStore): OutpaintSettings {
  return { n: s.gen.n, quality: s.gen.quality, imageSize: s.gen.imageSize, featherPx: s.extend.bandPx };
}

/** Requests and cost of filling the extension with the chosen model (null without a document). */
export function currentOutpaintEstimate(s: EditorStore): OutpaintEstimate | null {
  const doc = s.doc;
  if (!doc) return null;
  const opt = currentOption(s);
  // The model's short name, as the edit's cost line says it ("Nano Banana 2"; a gateway's own name):
  // the whole "Nano Banana 2 (Gemini 3.1 Flash Image)" took the line to three lines at 1280×800.
  return computeOutpaintEstimate({
    canvas: doc.canvas,
    original: knownRectOf(doc),
    spec: opt.spec,
    modelLabel: shortModelName(opt.spec.name),
    settings: settings(s),
  });
}

/** Why the outpaint cannot run now, or null. */
export function outpaintBlocker(s: EditorStore, estimate = currentOutpaintEstimate(s)): string | null {
  if (!s.doc) return 'Open a photo first';
  if (!hasExtension(s.doc)) return 'Extend the canvas first (C)';
  if (s.job) return 'A job is running';
  const pending = proposalBlocker(s);
  if (pending) return pending;
  if (estimate && !estimate.ok) return estimate.error;
  const opt = currentOption(s);
  if (!opt.usable && opt.keyProvider)
    return `Set ${withArticle(providerLabel(opt.keyProvider, s.providerSettings.gateways))} key in Settings (⚙)`;
  return placeholderBlocker(s.gen.prompt);
}

/** The `outpaint:start` request Generate sends now (layer masks uploaded first). */
export async function outpaintRequestOf(s: EditorStore): Promise<OutpaintRequest> {
  const opt = currentOption(s);
  const req = buildOutpaintRequest(await withLayerMaskAssets(s.doc!), outpaintPrompt(s), opt.value, opt.spec, settings(s));
  if (s.gen.seed !== undefined && acceptsSeed(opt.spec)) req.seed = s.gen.seed;
  return req;
}

/** Generate on an extension: the tiled outpaint plan as one job. */
export async function generateOutpaint(): Promise<void> {
  // Traced like an edit (Settings → Log edit timings; the bench): keypress → candidate shown.
  editTracer.begin();
  const s = useEditor.getState();
  const blocker = outpaintBlocker(s);
  if (blocker) {
    if (!s.job) s.notify('info', blocker);
    return;
  }
  const doc = s.doc!;
  const opt = currentOption(s);
  const prompt = outpaintPrompt(s);
  const req = await outpaintRequestOf(s);
  const estimate = currentOutpaintEstimate(s);
  beginJob(doc.id, opt.value, opt.spec.name, prompt, 'outpaint', doc.canvas, estimate?.ok ? estimate.expected : null);
  try {
    await sendJob({ kind: 'outpaint', req }, doc.id);
  } catch (e) {
    failStart(e);
  }
}
