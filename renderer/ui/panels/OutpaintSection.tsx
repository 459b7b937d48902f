/**
 * Inside the Generate panel while Generate means "fill the extension" (commands/outpaint-client.ts
 * outpaintMode): what will be filled and the overlap band; `OutpaintCostLine`, in the Generate
 * button's sticky footer, says how many requests the plan needs and what they cost. The prompt,
 * model, candidates and the Generate button are the panel's own.
 */
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useEditor } from '../../commands/store/store';
import { currentOption } from '../../commands/current-estimate';
import { NumberField } from '../NumberField';
import { setBand } from '../../commands/canvas-commands';
import { currentOutpaintEstimate } from '../../commands/outpaint-client';
import { outpaintWhat } from '../../model/outpaint-request';

export function OutpaintSection() {
  const doc = useEditor((s) => s.doc);
  const bandPx = useEditor((s) => s.extend.bandPx);
  const local = useEditor((s) => currentOption(s).spec.provider === 'local');
  if (!doc) return null;
  return (
    <fieldset className="outpaint-section" data-testid="outpaint-section" aria-label="Outpaint">
      <div className="muted" data-testid="outpaint-what">
        {outpaintWhat(doc)}
      </div>
      <div className="row">
        <label
          className="inline"
          title={
            local
              ? 'How far the new area blends into the photo (px). The offline engine fills the new area alone and continues from the photo’s edge: the photo stays as it is'
              : 'How far the new area blends into the photo (px)'
          }
        >
          Blend into the photo
          <NumberField
            className="num"
            data-testid="outpaint-band"
            aria-label="Outpaint overlap band (px)"
            min={0}
            max={256}
            value={bandPx}
            onValue={(v) => v !== null && setBand(v)}
          />
          px
        </label>
      </div>
    </fieldset>
  );
}

/** The plan's requests and cost ("4 requests · ≈ $0.290") and what blocks it, right above Generate. */
/** `priced` false: the blocker alone (an extension proposed and not applied: Generate runs nothing). */
export function OutpaintCostLine({ blocker, priced = true }: { blocker: string | null; priced?: boolean }) {
  const { doc, gen, keyStatus, providerSettings, extend } = useEditor(
    useShallow((s) => ({
      doc: s.doc,
      gen: s.gen,
      keyStatus: s.keyStatus,
      providerSettings: s.providerSettings,
      extend: s.extend,
    })),
  );
  const estimate = useMemo(
    () => currentOutpaintEstimate({ ...useEditor.getState(), doc, gen, keyStatus, providerSettings, extend }),
    [doc, gen, keyStatus, providerSettings, extend],
  );
  if (!doc) return null;
  return (
    <>
      {priced && estimate?.ok && (
        <div
          className="cost-usd outpaint-estimate"
          data-testid="outpaint-estimate"
          data-requests={estimate.requests}
          data-usd={estimate.usd}
          title={estimate.detail}
        >
          {estimate.text}
        </div>
      )}
      {blocker && (
        <div className="blocker" data-testid="outpaint-blocker" role="note">
          {blocker}
        </div>
      )}
    </>
  );
}
