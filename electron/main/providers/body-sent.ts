/**
 * When the next HTTP request body has left main: Node's fetch (undici) publishes
 * `undici:request:bodySent` once the last byte of a request body is written to its socket. Work that
 * can wait for the model (the patch plan) waits for this, so it never holds up the upload on main's
 * thread. Any request's body counts (two jobs at once may start each other's waiting work a moment
 * early: only an optimisation rides on it), and a fallback timer covers a request that never sends.
 */
import { subscribe } from 'node:diagnostics_channel';

const waiting = new Set<() => void>();
let subscribed = false;

function onBodySent(): void {
  const now = [...waiting];
  waiting.clear();
  for (const w of now) w();
}

/** Resolves when a request body has been sent after this call, or after `fallbackMs`. */
export function nextBodySent(fallbackMs: number): Promise<void> {
  if (!subscribed) {
    subscribe('undici:request:bodySent', onBodySent);
    subscribed = true;
  }
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      waiting.delete(done);
      resolve();
    };
    const timer = setTimeout(done, fallbackMs);
    waiting.add(done);
  });
}
