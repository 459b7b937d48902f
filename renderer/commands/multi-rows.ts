/** The several-models list's rows: every offered model with its count, estimate and usual time. */
import type { EditorStore } from './store/store';
import { expectedForRun } from '../../shared/routing/latency';
import { modelOptions, sentPlanInput, sentReferences } from './current-estimate';
import { qualityFor } from '../model/edit-request';
import { computeEstimate } from '../model/estimate';
import { nRange } from '../model/model-options';
import type { MultiRow } from '../model/multi-plan';

/** Every offered model with its count, the estimate of its request and its usual time. */
export function multiRows(s: EditorStore): MultiRow[] {
  const doc = s.doc;
  const refs = sentReferences(s);
  return modelOptions(s).map((o) => {
    const range = nRange(o.spec);
    const n = Math.min(range.max, Math.max(0, Math.round(s.gen.multi[o.value] ?? 0)));
    if (!doc)
      return {
        value: o.value,
        spec: o.spec,
        usable: o.usable,
        n,
        estimate: { ok: false, error: 'Open a photo first', shared: true },
        expected: null,
      };
    const { bbox, parts } = sentPlanInput(s, o.spec);
    const e = computeEstimate({
      canvas: doc.canvas,
      bbox,
      parts,
      spec: o.spec,
      quality: qualityFor(s.gen.quality, o.spec),
      imageSize: s.gen.imageSize,
      n: Math.max(1, n),
      references: refs,
    });
    return {
      value: o.value,
      spec: o.spec,
      usable: o.usable,
      n,
      estimate: e.ok
        ? { ok: true, usd: e.usd, approximate: e.approximate, ...(e.areas && e.areas.length > 1 ? { areas: e.areas.length } : {}) }
        : { ok: false, error: e.error, ...(e.code === 'empty-mask' ? { shared: true } : {}) },
      expected: e.ok ? expectedForRun(o.spec, e.request, s.prefs?.latency ?? {}, Math.max(1, n), e.areas?.length ?? 1) : null,
    };
  });
}
