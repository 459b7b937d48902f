/**
 * A fresh large buffer is memory the kernel has not given yet: its first write to each 4 KB page
 * faults. On these machines that costs ≈ 2.6 ms per MB (64 MB: 170 ms; `bench`'s outpaint rows), so
 * an outpaint's working canvas — allocated whole, only the original drawn into it — paid for its new
 * area inside each tile's blend, after the model had answered. Touching the pages while the model
 * works moves that cost off the critical path: one byte per page rewritten with its own value (`|= 0`) (the
 * contents never change), in slices that yield to the event loop so an answer is handled on time,
 * and that wait while a critical stretch is open (critical-work.ts: an answer being turned into the
 * next request).
 */
import type { Rect } from '../../../shared/geometry/rect';
import { afterCritical } from './critical-work';

const PAGE = 4096;
/** Bytes of pages touched between two yields (≈ 1 MB: a few ms of faults). */
const SLICE_BYTES = 1 << 20;

const yieldToLoop = () => new Promise<void>((r) => setImmediate(r));

/**
 * Touches every page of `buf` (RGBA, `width` px wide) under `rects`, in their order and row by row,
 * then every page of the rest; stops early when `signal` aborts. A byte is touched every 4 KB and at
 * each range's end, so every page of the range is written whatever the buffer's alignment.
 */
export async function prefaultRects(buf: Uint8Array, width: number, rects: readonly Rect[], signal?: AbortSignal): Promise<void> {
  const rowBytes = width * 4;
  let sinceYield = 0;
  const range = async (from: number, to: number) => {
    for (let i = from; i < to; i += PAGE) buf[i] |= 0;
    buf[to - 1] |= 0;
    sinceYield += to - from;
    if (sinceYield >= SLICE_BYTES) {
      sinceYield = 0;
      await yieldToLoop();
      await afterCritical();
    }
  };
  for (const r of rects)
    for (let y = r.y; y < r.y + r.height; y++) {
      if (signal?.aborted) return;
      await range(y * rowBytes + r.x * 4, y * rowBytes + (r.x + r.width) * 4);
    }
  for (let at = 0; at < buf.length; at += SLICE_BYTES) {
    if (signal?.aborted) return;
    await range(at, Math.min(buf.length, at + SLICE_BYTES));
  }
}

/**
 * An outpaint's working canvas (`width` px wide), once `canvas` is rendered, faulted in under its
 * tiles' rects, then the rest; then the renderer's copy of the patch (`copyBytes()` bytes, known by
 * then) allocated, handed to `onCopy` (the candidate may take it before its pages are all faulted
 * in) and faulted in. A canvas that fails to render is left to whoever awaits it.
 */
export function prefaultThenCopy(
  canvas: Promise<{ working: Uint8Array }>,
  width: number,
  tiles: readonly { rect: Rect }[],
  copyBytes: () => number | undefined,
  onCopy: (copy: Uint8Array) => void,
  signal: AbortSignal,
): void {
  void canvas.then(
    async ({ working }) => {
      await prefaultRects(
        working,
        width,
        tiles.map((t) => t.rect),
        signal,
      );
      const bytes = copyBytes();
      if (!bytes || signal.aborted) return;
      const copy = new Uint8Array(bytes);
      onCopy(copy);
      await prefaultRects(copy, bytes / 4, [], signal);
    },
    () => {},
  );
}
