/**
 * Outpaint, inside the Generate panel, shown while the canvas is larger than the original: its own
 * prompt (follows the main prompt until edited), the overlap band, how many requests the planner
 * needs and what they cost, and "Fill extension". Model, candidates and quality are the panel's.
 */
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useEditor } from '../store/store';
import { setBand } from '../store/canvas-commands';
import { currentOutpaintEstimate, generateOutpaint, outpaintBlocker } from '../generate/outpaint-client';
import { hasExtension } from '../generate/outpaint-request';

export function OutpaintSection() {
  const { doc, gen, keyStatus, providerSettings, job, bandPx } = useEditor(
    useShallow((s) => ({
      doc: s.doc,
      gen: s.gen,
      keyStatus: s.keyStatus,
      providerSettings: s.providerSettings,
      job: s.job,
      bandPx: s.extend.bandPx,
    })),
  );
  const { estimate, blocker } = useMemo(() => {
    // The selected slices are the inputs; the rest of the state is read as it is now.
    const current = useEditor.getState();
    const s = { ...current, doc, gen, keyStatus, providerSettings, job, extend: { ...current.extend, bandPx } };
    const estimate = currentOutpaintEstimate(s);
    return { estimate, blocker: outpaintBlocker(s, estimate) };
  }, [doc, gen, keyStatus, providerSettings, job, bandPx]);
  if (!doc || !hasExtension(doc)) return null;
  const setGen = useEditor.getState().setGen;
  const following = gen.outpaintPrompt === null;
  return (
    <section className="outpaint-section" data-testid="outpaint-section" aria-label="Outpaint">
      <h4>Outpaint</h4>
      <div className="muted">
        Fill the {doc.canvas.width}×{doc.canvas.height} canvas around the {doc.original.width}×{doc.original.height} original
      </div>
      <textarea
        className="prompt"
        data-testid="outpaint-prompt"
        aria-label="Outpaint prompt"
        rows={2}
        placeholder="What should the new area show? Empty: extend the scene naturally"
        value={gen.outpaintPrompt ?? gen.prompt}
        onChange={(e) => setGen({ outpaintPrompt: e.target.value })}
        onKeyDown={(e) => {
          if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
            e.preventDefault();
            e.stopPropagation();
            e.currentTarget.blur();
            void generateOutpaint();
          }
        }}
      />
      <div className="row">
        {following ? (
          <span className="muted">Same prompt as above</span>
        ) : (
          <button
            type="button"
            className="link"
            data-testid="outpaint-prompt-follow"
            onClick={() => setGen({ outpaintPrompt: null })}
            title="Use the prompt above"
          >
            Use the prompt above
          </button>
        )}
        <span className="spacer" />
        <label className="inline" title="Overlap band blended into the original (px)">
          Band
          <input
            type="number"
            className="num"
            data-testid="outpaint-band"
            aria-label="Outpaint overlap band (px)"
            min={0}
            max={256}
            value={bandPx}
            onChange={(e) => setBand(Number(e.target.value))}
          />
          px
        </label>
      </div>
      {estimate?.ok && (
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
      {!job && blocker && (
        <div className="blocker" data-testid="outpaint-blocker" role="note">
          {blocker}
        </div>
      )}
      <div className="row">
        <button
          type="button"
          className="primary"
          data-testid="outpaint-generate"
          disabled={!!blocker}
          onClick={() => void generateOutpaint()}
          title="Generate the new area (one job, one progress bar)"
        >
          Fill extension
        </button>
      </div>
    </section>
  );
}
