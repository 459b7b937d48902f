/**
 * Whether a request that failed or was cancelled is charged, said at the end of its message, in the
 * spend ledger's terms (electron/main/services/spend-ledger.ts, send-counted.ts): what the ledger
 * took back — refused with a 4xx, never reached the service, cancelled before it was sent — is
 * "Nothing was charged."; what it counts — the request reached the service and was not refused — "may
 * be charged" (a timeout, a dropped connection, a server error or a cancel after sending: the service
 * may have made the image and billed it, as providers.md says of Gemini's client-side abort), with the
 * estimate the ledger counted. A failure used to say nothing when nothing was charged, and "is
 * charged" of a request that may not have been.
 */
import type { ModelSpec } from '../../shared/models';
import { formatUsd } from '../../shared/money';

/** Who bills a model's requests ("OpenAI", "Google", "the gateway"); null for the offline engine (free). */
export function billerOf(spec: Pick<ModelSpec, 'provider'> | undefined): string | null {
  switch (spec?.provider) {
    case 'local':
      return null;
    case 'openai':
      return 'OpenAI';
    case 'gemini':
      return 'Google';
    case 'gateway':
      return 'the gateway';
    default:
      return 'the service';
  }
}

/**
 * "1 request was sent and may be charged by OpenAI (≈ $0.07, counted in today's spend)", "Nothing was
 * charged", or '' for the offline engine. No final stop: the caller ends the sentence.
 */
export function chargeClause(usd: number | undefined, requests: number | undefined, biller: string | null): string {
  if (biller === null) return '';
  if (!usd || usd <= 0) return 'Nothing was charged';
  const n = requests && requests > 0 ? requests : 0;
  const sent = n === 1 ? '1 request was sent' : `${n || 'Some'} requests were sent`;
  return `${sent} and may be charged by ${biller} (≈ ${formatUsd(usd)}, counted in today's spend)`;
}

/** A message that already says whether it was charged ("Nothing was sent, so nothing is charged."). */
export const saysCharge = (message: string): boolean => /\bcharged\b/i.test(message);

/** `message` with the clause as its last sentence (unless it says so already). */
export function withCharge(message: string, clause: string): string {
  if (!clause || saysCharge(message)) return message;
  return `${message.replace(/\.?\s*$/, '.')} ${clause}.`;
}
