/**
 * Work that can be done while a model works: run once, when `start` resolves (typically the
 * request's body has left main: `nextBodySent`) or when first asked for, whichever comes first — so it
 * never holds up the upload and is never waited for longer than it takes. Its error is thrown when
 * asked for.
 */
export function whileWaiting<T>(fn: () => T, start: Promise<void>): () => T {
  let done: { value: T } | { error: unknown } | null = null;
  const run = () => {
    if (done) return done;
    try {
      done = { value: fn() };
    } catch (error) {
      done = { error };
    }
    return done;
  };
  void start.then(run);
  return () => {
    const d = run();
    if ('error' in d) throw d.error;
    return d.value;
  };
}
