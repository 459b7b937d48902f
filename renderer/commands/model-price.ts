/**
 * What one click that sends the current request to another model costs, for the buttons that do
 * it without the Generate panel's cost line in sight ("Retry with GPT Image 2 · ≈ $0.079" under a
 * refusal, "Refine · ≈ $0.030" next to the strip): the estimate the panel would show with that model
 * chosen — the extension's tiles when the request fills one.
 */
import { currentEstimate } from './current-estimate';
import { currentOutpaintEstimate, outpaintMode } from './outpaint-client';
import type { EditorStore } from './store/store';
import { formatUsd } from '../../shared/money';

/** The estimate in dollars for `model` with `n` candidates (default: the panel's), or null when it cannot be estimated. */
export function usdWith(s: EditorStore, model: string, n?: number): number | null {
  const as = { ...s, gen: { ...s.gen, model, ...(n !== undefined ? { n } : {}) } };
  const e = outpaintMode(as) ? currentOutpaintEstimate(as) : currentEstimate(as);
  return e?.ok ? e.usd : null;
}

/** "≈ $0.079" (or "free") for `model` with `n` candidates (default: the panel's), or null when it cannot be estimated. */
export function priceWith(s: EditorStore, model: string, n?: number): string | null {
  const usd = usdWith(s, model, n);
  if (usd === null) return null;
  if (usd === 0) return 'free';
  return `≈ ${formatUsd(usd)}`;
}
