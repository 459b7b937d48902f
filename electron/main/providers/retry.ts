/**
 * A small retry loop for SDKs that do not retry on their own (@google/genai without retryOptions).
 * Exponential backoff with jitter, honouring a server-supplied Retry-After when it is reasonable,
 * and stopping at once when the caller aborts.
 */

/** What the classifier says about one failed attempt. */
export interface RetryDecision {
  retry: boolean;
  /** Server-requested delay (Retry-After / RetryInfo), in ms. */
  afterMs?: number;
}

/** Options for {@link withRetries}. */
export interface RetryOptions {
  /** Retries after the first attempt (0 = try once). */
  maxRetries: number;
  signal: AbortSignal;
  /** Backoff base (first retry waits about this long). Default 500 ms. */
  baseMs?: number;
  /** Backoff cap. Default 8000 ms. */
  capMs?: number;
  /** Longest server-requested delay we wait for; above it we give up at once. Default 60 s. */
  maxServerDelayMs?: number;
  /** Decides whether a failure is worth another attempt. */
  classify: (error: unknown) => RetryDecision;
  /** Called before each wait, for logging/progress. */
  onRetry?: (attempt: number, delayMs: number, error: unknown) => void;
  /** Jitter source, 0..1 (tests may pin it). Default Math.random. */
  random?: () => number;
}

/** Backoff for retry number `retry` (0-based): min(base·2^retry, cap), minus up to 25 % jitter. */
export function backoffMs(retry: number, baseMs: number, capMs: number, random: () => number = Math.random): number {
  const raw = Math.min(baseMs * 2 ** retry, capMs);
  return raw * (1 - random() * 0.25);
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason ?? new DOMException('Aborted', 'AbortError'));
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason ?? new DOMException('Aborted', 'AbortError'));
    };
    const timer = setTimeout(
      () => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      },
      Math.max(0, ms),
    );
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Runs `attempt` until it succeeds, the classifier says stop, retries run out, or the signal
 * aborts; rethrows the last error. A server delay above `maxServerDelayMs` ends retrying at once
 * (waiting minutes inside an interactive edit helps nobody; the error carries the delay).
 */
export async function withRetries<T>(attempt: (index: number) => Promise<T>, o: RetryOptions): Promise<T> {
  const base = o.baseMs ?? 500;
  const cap = o.capMs ?? 8000;
  const maxServer = o.maxServerDelayMs ?? 60_000;
  for (let i = 0; ; i++) {
    try {
      return await attempt(i);
    } catch (e) {
      if (o.signal.aborted || i >= o.maxRetries) throw e;
      const d = o.classify(e);
      if (!d.retry) throw e;
      if (d.afterMs !== undefined && d.afterMs > maxServer) throw e;
      const wait = d.afterMs !== undefined && d.afterMs >= 0 ? d.afterMs : backoffMs(i, base, cap, o.random);
      o.onRetry?.(i + 1, wait, e);
      try {
        await abortableSleep(wait, o.signal);
      } catch {
        throw e; // aborted while waiting: surface the failure; the mapper reports 'cancelled'
      }
    }
  }
}
