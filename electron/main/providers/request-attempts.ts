/**
 * What each HTTP attempt of one provider call did, as Node's fetch (undici) reports it on its
 * diagnostics channels: whether the request's body was written in full, and the status the service
 * answered with. The spend ledger asks it whether a call that failed or was cancelled can have been
 * charged — a request cancelled while the SDK waited out a rate limit, or before its upload had
 * finished, never reached the service as a request it could bill.
 *
 * Attempts are tied to the call by an AsyncLocalStorage context (undici creates its request in the
 * caller's async context) and followed by request object afterwards.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { subscribe } from 'node:diagnostics_channel';

/** One HTTP attempt of a call. */
export interface Attempt {
  /** The body's last byte was written to the socket. */
  bodySent: boolean;
  /** The status of the answer's head, once it came. */
  status?: number;
}

/** The attempts of one provider call, in the order they were made. */
export interface AttemptLog {
  readonly attempts: Attempt[];
}

const current = new AsyncLocalStorage<AttemptLog>();
const byRequest = new WeakMap<object, Attempt>();
let subscribed = false;

function listen(): void {
  if (subscribed) return;
  subscribed = true;
  subscribe('undici:request:create', (m) => {
    const log = current.getStore();
    const request = (m as { request?: object }).request;
    if (!log || !request) return;
    const a: Attempt = { bodySent: false };
    log.attempts.push(a);
    byRequest.set(request, a);
  });
  subscribe('undici:request:bodySent', (m) => {
    const a = byRequest.get((m as { request: object }).request);
    if (a) a.bodySent = true;
  });
  subscribe('undici:request:headers', (m) => {
    const { request, response } = m as { request: object; response?: { statusCode?: number } };
    const a = byRequest.get(request);
    if (a && typeof response?.statusCode === 'number') a.status = response.statusCode;
  });
}

/** Runs `call` with its HTTP attempts recorded in `log`. */
export function withAttemptLog<T>(log: AttemptLog, call: () => Promise<T>): Promise<T> {
  listen();
  return current.run(log, call);
}

/** A status with which the service refuses a request before making anything: 4xx (bad key, invalid request, rate limit). */
const refused = (status: number | undefined) => status !== undefined && status >= 400 && status < 500;

/**
 * Whether a failed or cancelled call may have been charged, by its attempts: some attempt's body
 * reached the service and was not refused with a 4xx. `lastNotCharged` says the call's own error
 * already holds its last attempt not charged (a safety block before anything was made). Undefined
 * when no attempt was seen at all: the caller decides by the error alone, as before this log.
 */
export function mayHaveBeenCharged(log: AttemptLog, lastNotCharged = false): boolean | undefined {
  const n = log.attempts.length;
  if (!n) return undefined;
  return log.attempts.some((a, i) => a.bodySent && !refused(a.status) && !(lastNotCharged && i === n - 1));
}
