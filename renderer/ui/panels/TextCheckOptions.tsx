/**
 * Generate panel section for edits that write text: the Text field (or the prompt's quotes), what
 * will be checked, and "Retry until the text is right" (up to N more requests and at most $X) with
 * the worst case in dollars before starting.
 */
import { useEffect, useMemo, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useEditor } from '../../commands/store/store';
import { currentTextCheck, retryRequestUsd } from '../../commands/text-check-state';
import { NumberField } from '../NumberField';
import { revealInBox } from '../useReveal';
import { STRONGER_TEXT_MODEL, worstCaseText, type TextCheckSettings } from '../../model/text-check-request';
import './text-check.css';
import { formatUsd } from '../../../shared/money';

/** The retries ticking "Retry until the text is right" turns on. */
const DEFAULT_RETRIES = 2;

/** The text check planned for the next Generate, and the worst case of its retries when they are on. */
function useTextCheckPlan(firstUsd: number | null) {
  const { gen, doc, keyStatus, providerSettings } = useEditor(
    useShallow((s) => ({ gen: s.gen, doc: s.doc, keyStatus: s.keyStatus, providerSettings: s.providerSettings })),
  );
  const { spec, plan, retryUsd } = useMemo(() => {
    // The selected slices are the inputs; the rest of the state is read as it is now.
    const s = { ...useEditor.getState(), gen, doc, keyStatus, providerSettings };
    const c = currentTextCheck(s);
    return { ...c, retryUsd: retryRequestUsd(s, c.plan?.request.retryModel) };
  }, [gen, doc, keyStatus, providerSettings]);
  const worst =
    spec.provider !== 'local' && plan && !plan.unchecked && firstUsd !== null && retryUsd !== null
      ? worstCaseText(firstUsd, retryUsd, plan.request)
      : null;
  return { gen, spec, plan, worst };
}

/**
 * The most a Generate with text retries on can spend, for the line next to the button ("up to
 * $0.100 with 2 text retries"), or null when no retry will run. The retry option itself may be
 * scrolled out of view above: the line next to the button is the one a retoucher reads.
 */
export function useRetryWorstLine(firstUsd: number | null): string | null {
  const { gen, worst } = useTextCheckPlan(firstUsd);
  if (!worst || gen.multiOn || gen.textCheck.retries <= 0 || !worst.retries) return null;
  return `up to ${formatUsd(worst.usd)} with ${worst.retries} text ${worst.retries === 1 ? 'retry' : 'retries'}`;
}

export function TextCheckOptions({ firstUsd }: { firstUsd: number | null }) {
  const { gen, spec, plan, worst } = useTextCheckPlan(firstUsd);
  const tc = gen.textCheck;
  const set = (patch: Partial<TextCheckSettings>) =>
    useEditor.getState().setGen({ textCheck: { ...useEditor.getState().gen.textCheck, ...patch } });
  // Ticked at the panel's fold, the box's limits and their worst case were under the footer: they come
  // into view (the box staying in view too), once, as the tick lands.
  const retryRef = useRef<HTMLDivElement>(null);
  const lastRef = useRef<HTMLDivElement>(null);
  const revealTick = useRef(false);
  useEffect(() => {
    if (!revealTick.current || tc.retries <= 0) return;
    revealTick.current = false;
    if (retryRef.current) revealInBox(retryRef.current, lastRef.current ?? retryRef.current);
  });
  if (spec.provider === 'local') return null;
  return (
    <fieldset className="text-check-options" aria-label="Text check">
      {/* The name beside the field, as Model's (above it, it took a line: at 1280×800 the field was below the fold). */}
      <label className="field text-field">
        <span>Text</span>
        <input
          type="text"
          data-testid="text-field"
          aria-label="Text"
          placeholder={plan && !tc.text ? plan.requested.text : 'Words it should show (optional)'}
          value={tc.text}
          onChange={(e) => set({ text: e.target.value })}
        />
      </label>
      {plan && (
        <div className="muted" data-testid="text-check-summary">
          {plan.unchecked
            ? `“${plan.requested.text}” cannot be checked: ${plan.unchecked} (the installed OCR reads Latin text only)`
            : `Each candidate is read back and checked for “${plan.requested.text}”${plan.requested.old ? ` (replacing “${plan.requested.old}”)` : ''}`}
        </div>
      )}
      {plan && !plan.unchecked && gen.multiOn && (
        <div className="muted" data-testid="text-check-multi">
          With several models at once every candidate is checked and the spelled-right ones go first; nothing is retried.
        </div>
      )}
      {plan && !plan.unchecked && !gen.multiOn && (
        <>
          {/* The checkbox on its own line; its two limits below it, each label on one line (the panel is narrow). */}
          <div className="retry-text" ref={retryRef}>
            <label className="inline">
              <input
                type="checkbox"
                data-testid="retry-text"
                aria-label="Retry until the text is right"
                checked={tc.retries > 0}
                onChange={(e) => {
                  revealTick.current = e.target.checked;
                  set({ retries: e.target.checked ? Math.max(1, tc.retries || DEFAULT_RETRIES) : 0 });
                }}
              />
              Retry until the text is right
            </label>
            <div className="retry-limits">
              <label>
                up to
                <NumberField
                  className="num"
                  data-testid="retry-text-n"
                  aria-label="More requests"
                  min={0}
                  max={10}
                  // Unticked, it shows (greyed) the count ticking the box will use, not a 0.
                  value={tc.retries > 0 ? tc.retries : DEFAULT_RETRIES}
                  disabled={tc.retries === 0}
                  onValue={(v) => v !== null && set({ retries: v })}
                />
                more requests
              </label>
              <label title="The most the retries may spend; empty: no cap">
                and at most $
                <NumberField
                  className="num retry-usd"
                  data-testid="retry-text-usd"
                  aria-label="Retry budget in dollars"
                  min={0}
                  step={0.05}
                  integer={false}
                  allowEmpty
                  placeholder="no cap"
                  value={tc.maxUsd ?? null}
                  onValue={(v) => set({ maxUsd: v })}
                />
              </label>
            </div>
          </div>
          {spec.provider === 'gemini' && tc.retries > 0 && (
            <label className="inline" title="GPT-Image-2 renders text more reliably than the Gemini models">
              <input
                type="checkbox"
                data-testid="retry-text-stronger"
                aria-label="Retry with GPT-Image-2"
                checked={tc.stronger}
                onChange={(e) => set({ stronger: e.target.checked })}
              />
              Retry with {STRONGER_TEXT_MODEL}
            </label>
          )}
          {worst && tc.retries > 0 && (
            <div className="cost-worst" data-testid="text-check-worst" ref={lastRef}>
              {worst.text}
            </div>
          )}
        </>
      )}
    </fieldset>
  );
}
