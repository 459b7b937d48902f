/**
 * Who is told when a batch moves (`batch:changed`): the renderer that called `batch:watch` last (one
 * window; a reload watches again). A change is a batch's state, or an image's state, review, result or
 * spend, as the store reports it on each save; a batch told of is not told again until it moves. The
 * "Batch finished" notice waited for the renderer's next poll, up to 2 s.
 */
import type { BatchRecord } from '../../../shared/batch/batch-types';

export interface BatchChange {
  batchId: string;
  state: BatchRecord['state'];
}

const keyOf = (b: BatchRecord) =>
  `${b.state}|${b.remote?.state ?? ''}|${b.items.map((i) => `${i.state}:${i.review}:${i.spentUsd ?? 0}:${i.result?.assetId ?? ''}`).join()}`;

export class BatchWatch {
  private notify: ((c: BatchChange) => void) | undefined;
  private readonly told = new Map<string, string>();

  /** The listener told of every change from now on (it replaces the one before). */
  watch(notify: (c: BatchChange) => void): void {
    this.notify = notify;
  }

  /** Tells the listener of each batch that moved since it was last told. */
  changed(batches: readonly BatchRecord[]): void {
    for (const b of batches) {
      const key = keyOf(b);
      if (this.told.get(b.id) === key) continue;
      this.told.set(b.id, key);
      try {
        this.notify?.({ batchId: b.id, state: b.state });
      } catch {
        // a window gone: the next watch replaces it
      }
    }
  }
}
