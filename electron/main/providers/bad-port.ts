/**
 * Node's fetch (undici), like Chromium, refuses to connect to the fetch standard's "bad ports" (6000
 * for X11, 6665–6669 for IRC, 5060 for SIP …) before any connection is made: `fetch failed`, caused
 * by a plain `Error('bad port')` with no code. Nothing was sent, but the failure read as a network
 * error that may have reached the service, so it was counted (and reported) as charged.
 */
import type { AppError } from '../../../shared/errors';
import { providerError } from './provider-error';

/** Whether `e` or its `cause` chain (bounded) is fetch's "bad port" refusal. */
export function isBadPort(e: unknown): boolean {
  let cur: unknown = e;
  for (let i = 0; i < 5 && cur && typeof cur === 'object'; i++) {
    if (cur instanceof Error && cur.message === 'bad port') return true;
    cur = (cur as { cause?: unknown }).cause;
  }
  return false;
}

/** "Did not connect to the gateway at http://127.0.0.1:6000/v1: port 6000 is … nothing was sent and nothing is charged. …" */
export function badPortError(at: { model: string; service: string; serviceURL?: string; keyHint?: string; requestId?: string }): AppError {
  let port = '';
  try {
    port = at.serviceURL ? new URL(at.serviceURL).port : '';
  } catch {}
  const where = at.serviceURL ? ` at ${at.serviceURL}` : '';
  const fix = at.keyHint === 'Settings → Gateways' ? ', and change its base URL in Settings → Gateways' : '';
  return providerError({
    kind: 'network',
    message: `Did not connect to ${at.service}${where}: ${port ? `port ${port}` : 'its port'} is one that web requests may not use (a blocked "bad port", as in browsers), so nothing was sent and nothing is charged. Run it on another port, such as 8080${fix}.`,
    model: at.model,
    requestId: at.requestId,
    notCharged: true,
  });
}
