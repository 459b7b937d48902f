/**
 * Work on the path from a model's answer to the next request (a chained outpaint tile's request is
 * made from the earlier tile's answer) goes first: background work that only prepares for later —
 * faulting in the pages of the working canvas while the model works (prefault.ts) — waits while any
 * such stretch is open. In the bench an answer often came while the canvas was still being faulted
 * in, and the request's own steps then shared main's thread, and the kernel's page-fault path, with
 * it. Module-wide: any job's critical stretch pauses every job's background faulting.
 *
 * An outpaint tile's request made after Generate (not prepared) is critical too, from the tile's start
 * until the request is made: the canvas's faulting and the work an outpaint does while the model
 * works (the patch's shape, the blend weight: `whileWaiting` after the body is sent or 500 ms) wait
 * for it (`MASKWORK_REQUEST_CRITICAL=0`: they do not).
 */

let open = 0;
const waiting = new Set<() => void>();

/** Opens a critical stretch; the returned function closes it (calling it again does nothing). */
export function holdCritical(): () => void {
  open++;
  let closed = false;
  return () => {
    if (closed) return;
    closed = true;
    open--;
    if (open === 0) {
      const now = [...waiting];
      waiting.clear();
      for (const w of now) w();
    }
  };
}

/** Resolves at once when no critical stretch is open, else when the last one closes. */
export function afterCritical(): Promise<void> {
  return open === 0 ? Promise.resolve() : new Promise((resolve) => waiting.add(resolve));
}
