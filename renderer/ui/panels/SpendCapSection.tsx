/**
 * Settings → Spend cap: "Stop paid requests above $[ ] per day and $[ ] per month". Off by default
 * (both empty); either may be set. Saved in main as it is typed (prefs:spendCap), where every paid
 * request is checked against it before it is sent; the offline engine is never capped.
 */
import { useEffect, useState } from 'react';
import { MAX_CAP_USD, type SpendCap } from '../../../shared/prefs/spend-cap';
import { saveSpendCap } from '../../commands/providers-client';
import { useEditor } from '../../commands/store/store';

type Limit = 'dailyUsd' | 'monthlyUsd';

/** The field's text → an amount, undefined (empty: that limit off), or null (not an amount). */
function amountOf(text: string): number | undefined | null {
  const t = text.trim().replace(/^\$/, '');
  if (!t) return undefined;
  const v = Number(t);
  return /^\d*\.?\d*$/.test(t) && Number.isFinite(v) && v <= MAX_CAP_USD ? v : null;
}

function CapField({ limit, label, per }: { limit: Limit; label: string; per: string }) {
  const saved = useEditor((s) => s.prefs?.spendCap?.[limit]);
  const [text, setText] = useState(saved === undefined ? '' : String(saved));
  const [bad, setBad] = useState(false);
  // Changed elsewhere (another window, a refusal): the field follows while it is not being typed in.
  useEffect(() => {
    if (document.activeElement?.getAttribute('aria-label') !== label) setText(saved === undefined ? '' : String(saved));
  }, [saved, label]);
  return (
    <>
      <label className="inline">
        ${' '}
        <input
          type="text"
          inputMode="decimal"
          className="num"
          aria-label={label}
          placeholder="off"
          value={text}
          onChange={(e) => {
            const next = e.currentTarget.value;
            setText(next);
            const v = amountOf(next);
            setBad(v === null);
            if (v === null) return;
            const cap: SpendCap = { ...(useEditor.getState().prefs?.spendCap ?? {}) };
            const { [limit]: _old, ...rest } = cap;
            void saveSpendCap(v === undefined ? rest : { ...rest, [limit]: v });
          }}
          // Left with a value that is not an amount: the field shows the cap in use again (the reason stays beside it).
          onBlur={() => {
            if (amountOf(text) === null) setText(saved === undefined ? '' : String(saved));
          }}
        />{' '}
        {per}
      </label>
      {bad && (
        <span className="routing-refused spend-cap-refused" role="status">
          Not an amount in dollars (up to ${MAX_CAP_USD.toLocaleString('en-US')}); the cap in use is unchanged.
        </span>
      )}
    </>
  );
}

export function SpendCapSection() {
  return (
    <section className="settings-section" aria-label="Spend cap">
      <h4>Spend cap</h4>
      <p className="muted">
        Stop paid requests (OpenAI, Google) that would take the spend above these amounts; empty is no limit. A request above the cap is
        refused before it is sent, with its whole worst case (every candidate, text retry and extension tile). Offline fill is free and
        never capped.
      </p>
      <div className="row spend-cap-row">
        <span>Stop paid requests above</span> <CapField limit="dailyUsd" label="Spend cap per day (USD)" per="per day" /> <span>or</span>{' '}
        <CapField limit="monthlyUsd" label="Spend cap per month (USD)" per="per month" />
      </div>
    </section>
  );
}
