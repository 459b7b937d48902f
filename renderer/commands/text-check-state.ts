/** The text check as the current editor state asks for it, and what one retry request costs. */
import type { ModelSpec } from '../../shared/models';
import type { EditorStore } from './store/store';
import { currentOption, modelOptions, sentPlanInput, sentReferences } from './current-estimate';
import { qualityFor } from '../model/edit-request';
import { computeEstimate } from '../model/estimate';
import { STRONGER_TEXT_MODEL, textCheckPlan, type TextCheckPlan } from '../model/text-check-request';

export function currentTextCheck(s: EditorStore): { spec: ModelSpec; plan: TextCheckPlan | null } {
  const { spec } = currentOption(s);
  const stronger = modelOptions(s).find((o) => o.value === STRONGER_TEXT_MODEL);
  return { spec, plan: textCheckPlan(s.gen.prompt, s.gen.textCheck, spec, !!stronger?.usable) };
}

/** Estimated USD of one retry request (one candidate) on `model` (default: the chosen one); null when unknown. */
export function retryRequestUsd(s: EditorStore, model?: string): number | null {
  if (!s.doc) return null;
  const spec = (model && modelOptions(s).find((o) => o.value === model)?.spec) || currentOption(s).spec;
  const e = computeEstimate({
    canvas: s.doc.canvas,
    bbox: sentPlanInput(s, spec).bbox,
    spec,
    quality: qualityFor(s.gen.quality, spec),
    imageSize: s.gen.imageSize,
    n: 1,
    references: sentReferences(s),
  });
  return e.ok ? e.usd : null;
}
