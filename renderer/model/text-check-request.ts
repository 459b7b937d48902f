/**
 * Text check settings → the `textCheck` field of an edit request, and the worst-case cost shown
 * before starting. The requested text comes from the Text field or the prompt's quotes.
 */
import type { RequestOf } from '../../shared/ipc/contract';
import type { ModelSpec } from '../../shared/models';
import { worstCaseUsd } from '../../shared/text-check/budget';
import { requestedText, type RequestedText } from '../../shared/text-check/requested-text';
import { uncheckableScript } from '../../shared/text-check/scripts';
import { formatUsd } from '../../shared/money';

export interface TextCheckSettings {
  /** The Text field; empty = take the text from the prompt's quotes. */
  text: string;
  /** "Retry until the text is right": more requests allowed (0 = off). */
  retries: number;
  /** Dollar cap of those retries; null = none. */
  maxUsd: number | null;
  /** With a Gemini model: retry on gpt-image-2, which renders text more reliably. */
  stronger: boolean;
}

export const DEFAULT_TEXT_CHECK: TextCheckSettings = { text: '', retries: 0, maxUsd: null, stronger: false };

/** The model retries go to when the user allows a stronger text model. */
export const STRONGER_TEXT_MODEL = 'gpt-image-2';

export type TextCheckRequest = NonNullable<RequestOf<'edit:start'>['textCheck']>;

export interface TextCheckPlan {
  requested: RequestedText;
  /** Script the OCR cannot read ("Chinese"), or null. */
  unchecked: string | null;
  request: TextCheckRequest;
}

/** null when neither the Text field nor the prompt asks for text, or for the offline engine (it never writes text). */
export function textCheckPlan(prompt: string, s: TextCheckSettings, spec: ModelSpec, strongerUsable: boolean): TextCheckPlan | null {
  if (spec.provider === 'local') return null;
  const requested = requestedText(prompt, s.text);
  if (!requested) return null;
  const unchecked = uncheckableScript(requested.text);
  const request: TextCheckRequest = { text: requested.text, retries: unchecked ? 0 : s.retries };
  if (requested.old) request.old = requested.old;
  if (s.maxUsd !== null && request.retries > 0) request.maxUsd = s.maxUsd;
  if (request.retries > 0 && s.stronger && strongerUsable && spec.provider === 'gemini') request.retryModel = STRONGER_TEXT_MODEL;
  return { requested, unchecked, request };
}

/** "Up to $0.160: this request $0.053 + up to 2 retries × $0.053". */
export function worstCaseText(firstUsd: number, retryUsd: number, req: TextCheckRequest): { usd: number; retries: number; text: string } {
  const w = worstCaseUsd(firstUsd, retryUsd, req.retries, req.maxUsd);
  const usd = formatUsd;
  const text = w.retries
    ? `Up to ${usd(w.usd)}: this request ${usd(firstUsd)} + up to ${w.retries} ${w.retries === 1 ? 'retry' : 'retries'} × ${usd(retryUsd)}`
    : `${usd(firstUsd)}: no retry fits the budget`;
  return { ...w, text };
}

/**
 * A cancel during the text retries, as main's job result says it: what the spend ledger counted for
 * the job (`spentUsd`, absent when unknown) and who bills the retries (null: the offline engine, free).
 */
export interface RetriesCancelled {
  spentUsd?: number;
  biller: string | null;
}

/**
 * What the cancelled retry costs, as a sentence: the ledger's count beyond the kept candidates' cost
 * is the request that was out when the cancel came (retries go one at a time). It reached the
 * service, so it may be charged (the service may have made the image and billed it); nothing beyond
 * them means no retry was sent (the ledger took it back). '' when that cannot be told or it is free.
 */
export function retryChargeSentence(cands: readonly { costUsd?: number }[], c: RetriesCancelled): string {
  if (c.biller === null || c.spentUsd === undefined) return '';
  const extra = c.spentUsd - cands.reduce((sum, x) => sum + (x.costUsd || 0), 0);
  if (extra < 0.0005) return 'The retry was not sent, so it is not charged.';
  return `The cancelled retry's request was sent and may be charged by ${c.biller} (≈ ${formatUsd(extra)}, counted in today's spend).`;
}

/**
 * The line that sums up a text-checked job none of whose candidates reads right ("No candidate reads
 * “SALE 20%” right after 2 retries: …"), or null (one is right, or nothing was checked). Without it
 * the strip showed only red badges, with no word on whether the retries had run out. `cancelled`: the
 * job was cancelled during its retries and kept the candidates already made (main's `keptOnCancel`):
 * the line says so, whatever they read ("No candidate reads … right" read as if the retries ran out),
 * and whether the retry that was out may be charged (it said nothing of it, as if only the kept
 * candidates cost anything).
 */
export function noneRightSummary(
  cands: readonly { textCheck?: { status: string; expected: string }; attempt?: number; costUsd?: number }[],
  cancelled: RetriesCancelled | null = null,
): string | null {
  const checked = cands.filter((c) => c.textCheck && c.textCheck.status !== 'not-checked');
  const noneRight = checked.length > 0 && !checked.some((c) => c.textCheck!.status === 'right');
  const unsure = checked.some((c) => c.textCheck!.status === 'unsure') ? ' (the unsure ones may be right: look at their badges)' : '';
  if (cancelled) {
    const one = cands.length === 1;
    const kept = `Cancelled during the text retries: ${one ? 'the candidate already made is kept' : `the ${cands.length} candidates already made are kept`}`;
    const charge = retryChargeSentence(cands, cancelled);
    const said = (line: string) => (charge ? `${line} ${charge}` : line);
    if (!noneRight) return said(`${kept}.`);
    const expected = checked[0].textCheck!.expected;
    return said(
      `${kept}, and ${one ? 'it does not read' : 'none reads'} “${expected}” right${unsure}. Keep ${one ? 'it' : 'one'} by eye, or generate again.`,
    );
  }
  if (!noneRight) return null;
  const retries = Math.max(0, ...cands.map((c) => c.attempt ?? 0));
  const after = retries ? ` after ${retries} ${retries === 1 ? 'retry' : 'retries'}` : '';
  return `No candidate reads “${checked[0].textCheck!.expected}” right${after}${unsure}. Keep one by eye, or generate again.`;
}
