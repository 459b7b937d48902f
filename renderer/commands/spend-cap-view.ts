/**
 * The spend cap as the Generate panel shows it: what is left ("$1.20 left today") and whether the
 * next Generate's worst case would go above it. Main's check is the real one (spend-gate.ts); this
 * one uses the same words so the warning before Generate reads as main's refusal would.
 */
import { capLeft, capRefusal, capUsd, capIsOn, type PeriodSpend } from '../../shared/prefs/spend-cap';
import { worstCaseText } from '../model/text-check-request';
import { currentEstimate, pendingExtension, proposalBlocker } from './current-estimate';
import { multiRows } from './multi-generate';
import { multiTotal } from '../model/multi-plan';
import { currentOutpaintEstimate, outpaintMode } from './outpaint-client';
import { currentTextCheck, retryRequestUsd } from './text-check-state';
import type { EditorStore } from './store/store';

/**
 * The most the next Generate can spend: an extension's every tile, several models' sum, or an edit
 * with its text retries. Null while an extension proposed and not applied blocks Generate: it runs
 * nothing then (the warning priced the old mask's edit).
 */
export function nextGenerateWorstUsd(s: EditorStore): number | null {
  if (outpaintMode(s)) {
    if (proposalBlocker(s)) return null;
    const o = currentOutpaintEstimate(s);
    return o?.ok ? o.usd : null;
  }
  if (pendingExtension(s)) return null;
  if (s.gen.multiOn) return multiTotal(multiRows(s)).usd;
  const e = currentEstimate(s);
  if (!e?.ok) return null;
  const { spec, plan } = currentTextCheck(s);
  const retryUsd = plan && !plan.unchecked && spec.provider !== 'local' ? retryRequestUsd(s, plan.request.retryModel) : null;
  return plan && retryUsd !== null ? worstCaseText(e.usd, retryUsd, plan.request).usd : e.usd;
}

export interface CapView {
  /** "Spend cap: $1.20 left today". */
  left: string;
  /** Main's refusal, said before Generate, when the next Generate would go above the cap. */
  warning: string | null;
}

/**
 * Main's refusal, in its words, of a paid request of `usd` sent now (the Refine button's one
 * candidate: main refuses it above the cap as it does a Generate), or null when it fits or the cap
 * is off (or the ledger is not read yet).
 */
export function capWarningFor(s: EditorStore, usd: number | null): string | null {
  const cap = s.prefs?.spendCap;
  if (usd === null || !capIsOn(cap) || !s.spend) return null;
  return capRefusal(cap, { today: s.spend.today.usd, month: s.spend.month.usd }, usd);
}

/** Null while the cap is off (or the ledger is not read yet). */
export function spendCapView(s: EditorStore): CapView | null {
  const cap = s.prefs?.spendCap;
  if (!capIsOn(cap) || !s.spend) return null;
  const spent: PeriodSpend = { today: s.spend.today.usd, month: s.spend.month.usd };
  const left = capLeft(cap, spent);
  if (!left) return null;
  const worst = nextGenerateWorstUsd(s);
  return { left: `Spend cap: ${capUsd(left.usd)} left ${left.words}`, warning: worst === null ? null : capRefusal(cap, spent, worst) };
}
