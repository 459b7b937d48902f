/**
 * The offline engine's expectations for the mask or extension at hand (see model/local-engine-hint.ts),
 * shown in the Generate panel only while the local engine is the chosen model.
 */
import { useId, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { countMaskPixels } from '../../../shared/mask';
import { getMask } from '../../commands/blob-store';
import { useEditor } from '../../commands/store/store';
import { currentOption, currentPlanBox, fillsExtension } from '../../commands/current-estimate';
import { proposedState } from '../../commands/outpaint-prepare';
import {
  LOCAL_HINT_NO_MASK,
  localEngineHint,
  localTextWarning,
  spotHint,
  type LocalHint,
  type LocalHintInput,
} from '../../model/local-engine-hint';

let countCache: { maskId: string; pixels: number } | null = null;

function maskedPixels(maskId: string): number {
  if (countCache?.maskId !== maskId) countCache = { maskId, pixels: countMaskPixels(getMask(maskId)) };
  return countCache.pixels;
}

function inputOf(s: ReturnType<typeof useEditor.getState>): LocalHintInput | null {
  if (!s.doc) return null;
  // An extension proposed and not applied yet: what the engine would make of it once applied (the
  // line said "texture only · no new objects" over an 8:1 proposal, and turned orange only on Apply).
  const proposed = proposedState(s)?.doc;
  if (proposed) return { canvas: proposed.canvas, original: proposed.original, hole: null, extending: true };
  const box = currentPlanBox(s);
  return {
    canvas: s.doc.canvas,
    original: s.doc.original,
    hole: box ? { pixels: maskedPixels(s.doc.maskId), width: box.width, height: box.height } : null,
    extending: fillsExtension(s),
  };
}

function hintFor(s: ReturnType<typeof useEditor.getState>) {
  const input = currentOption(s).spec.provider === 'local' ? inputOf(s) : null;
  return input && (localEngineHint(input) ?? LOCAL_HINT_NO_MASK);
}

/**
 * Under the Model list, one line with the gist ("▸ Expect  texture only · no new objects or text", in
 * the warning's colour when a cloud model would do better), the whole note folded under it as a
 * Photoshop panel section folds: at the panel's end it was cut at its fold at 1280×800 (an extension
 * showed a line and a half of its seven). Folded again whenever it goes away (another model chosen):
 * unfolded, it is read once, and its lines would hold the controls below out of view.
 */
export function LocalEngineHint() {
  // Re-render when the document, the mask, the chosen model or the keys change; the mask bounds and
  // pixel count are cached per mask id, so computing the hint on render is cheap.
  useEditor(useShallow((s) => [s.doc, s.gen, s.keyStatus, s.providerSettings, s.extend, s.tool]));
  const hint = hintFor(useEditor.getState());
  return hint ? <HintNote hint={hint} /> : null;
}

function HintNote({ hint }: { hint: LocalHint }) {
  const [open, setOpen] = useState(false);
  const bodyId = useId();
  const summaryId = useId();
  const boxRef = useRef<HTMLDivElement>(null);
  const toggle = () => {
    setOpen(!open);
    // Unfolded, all of it comes into view (the panel scrolls it up when it reaches past the fold).
    if (!open) requestAnimationFrame(() => boxRef.current?.scrollIntoView({ block: 'nearest' }));
  };
  return (
    <div
      className="local-engine-hint"
      role="note"
      aria-label="What to expect from the offline engine"
      data-testid="local-engine-hint"
      ref={boxRef}
    >
      <button
        type="button"
        className="group-fold"
        aria-expanded={open}
        aria-controls={bodyId}
        aria-label="What to expect"
        aria-describedby={summaryId}
        title={open ? 'Fold the note to one line' : `${hint.expect}${hint.suggestCloud ? ` ${hint.suggestCloud}` : ''}`}
        onClick={toggle}
      >
        <span aria-hidden="true">{open ? '▾' : '▸'}</span> Expect
        <span id={summaryId} className={`group-summary ${hint.suggestCloud ? 'hint-warn' : 'muted'}`} data-testid="local-engine-short">
          {hint.short}
        </span>
      </button>
      <div id={bodyId} className="hint-body" hidden={!open}>
        <p className="muted">{hint.expect}</p>
        {hint.suggestCloud && (
          <p className="warning" data-testid="local-engine-suggest-cloud">
            {hint.suggestCloud}
          </p>
        )}
      </div>
    </div>
  );
}

/**
 * Under the Model list, before Generate, while the offline engine is the model Generate will use and the
 * prompt asks for text: it cannot write it (it ran such a prompt silently and smeared the sign).
 */
export function LocalTextWarning() {
  useEditor(useShallow((s) => [s.doc, s.gen, s.keyStatus, s.providerSettings, s.prefs]));
  const s = useEditor.getState();
  const text =
    s.doc && !s.gen.multiOn && currentOption(s).spec.provider === 'local'
      ? localTextWarning(s.gen.prompt, s.prefs?.routing, fillsExtension(s))
      : null;
  if (!text) return null;
  return (
    <p className="warning" role="note" aria-label="The offline engine cannot write text" data-testid="local-engine-text">
      {text}
    </p>
  );
}

/**
 * While a cloud model is chosen and the mask is a spot: the offline engine would do, free — with a
 * button that chooses it (`onUse`, the panel's own model pick).
 */
export function SpotHint({ onUse }: { onUse: () => void }) {
  useEditor(useShallow((s) => [s.doc, s.gen, s.keyStatus, s.providerSettings, s.extend, s.tool]));
  const s = useEditor.getState();
  const input = !s.gen.multiOn && currentOption(s).spec.provider !== 'local' ? inputOf(s) : null;
  const text = input && spotHint(input);
  if (!text) return null;
  return (
    <div className="local-engine-hint" role="note" aria-label="A spot: the offline engine would do" data-testid="spot-hint">
      <p className="muted">{text}</p>
      <button type="button" onClick={onUse}>
        Use the offline engine
      </button>
    </div>
  );
}
