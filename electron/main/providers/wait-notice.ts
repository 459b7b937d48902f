/**
 * "Waiting to try again" from inside an SDK call. The OpenAI SDK retries a 429 or a 5xx by itself,
 * after the Retry-After the service asked for, and the call just takes longer: the progress bar read
 * "Waiting for GPT Image 2 41 s · usually 1 s" for a minute with no word of a rate limit. The guarded
 * fetch (response-guard.ts) sees every answer; it tells the call that is waiting through an
 * AsyncLocalStorage the provider opens around its SDK call, so no SDK option is needed.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface WaitNotice {
  /** 429: the service limits requests; 5xx: it had a problem. */
  reason: 'rate-limit' | 'server';
  /** How long the service asked to wait, when it said (Retry-After). */
  afterMs?: number;
}

const listeners = new AsyncLocalStorage<(n: WaitNotice) => void>();

/** Runs `fn` (an SDK call) with `onWait` told of every answer after which it may wait and try again. */
export function withWaitNotices<T>(onWait: ((n: WaitNotice) => void) | undefined, fn: () => Promise<T>): Promise<T> {
  return onWait ? listeners.run(onWait, fn) : fn();
}

/** Tells the call this fetch belongs to, if it listens. */
export function noticeWait(n: WaitNotice): void {
  listeners.getStore()?.(n);
}

/** "OpenAI is limiting requests: trying again in 30 s" for the progress bar. */
export function waitWords(service: string, n: WaitNotice): string {
  const when = n.afterMs === undefined ? 'trying again shortly' : `trying again in ${Math.max(1, Math.ceil(n.afterMs / 1000))} s`;
  return n.reason === 'rate-limit' ? `${service} is limiting requests: ${when}` : `${service} had a problem: ${when}`;
}

/** The service a provider kind talks to, as messages name it ("OpenAI", "Gemini", "The gateway"). */
export function serviceName(provider: string): string {
  return provider === 'openai' ? 'OpenAI' : provider === 'gemini' ? 'Gemini' : 'The gateway';
}
