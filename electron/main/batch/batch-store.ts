/**
 * The persisted batch queue (`batches.json` in the settings folder; memory without one): every batch
 * with its items, states, review marks and result asset ids, so a restart finds the queue as it was
 * (running items go back to queued, Batch API jobs are polled again). Writes go to a temp file that
 * is renamed over the old one, one at a time; a damaged file is kept aside, never silently dropped.
 */
import { readFileSync, renameSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { BatchRecord } from '../../../shared/batch/batch-types';

interface StoreFile {
  version: 1;
  batches: BatchRecord[];
}

const isRecord = (b: unknown): b is BatchRecord => {
  const r = b as BatchRecord;
  return (
    !!r &&
    typeof r === 'object' &&
    typeof r.id === 'string' &&
    typeof r.prompt === 'string' &&
    typeof r.model === 'string' &&
    Array.isArray(r.items) &&
    r.items.every((i) => i && typeof i.id === 'string' && typeof i.image === 'string' && typeof i.mask === 'string')
  );
};

export class BatchStore {
  private batches: BatchRecord[] = [];
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly file: string | null) {
    if (!file) return;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return; // none yet
    }
    try {
      const parsed = JSON.parse(text) as StoreFile;
      if (parsed?.version !== 1 || !Array.isArray(parsed.batches)) throw new Error('not a batch queue');
      this.batches = parsed.batches.filter(isRecord);
    } catch {
      try {
        renameSync(file, `${file}.unreadable-${Date.now()}`);
      } catch {
        /* keep going with an empty queue */
      }
    }
  }

  /** The settings folder the queue is kept in (null: memory only). */
  get folder(): string | null {
    return this.file ? dirname(this.file) : null;
  }

  list(): BatchRecord[] {
    return this.batches;
  }

  get(id: string): BatchRecord | undefined {
    return this.batches.find((b) => b.id === id || b.remote?.name === id || b.remote?.name === `batches/${id}`);
  }

  add(b: BatchRecord): void {
    this.batches.push(b);
  }

  remove(id: string): void {
    this.batches = this.batches.filter((b) => b.id !== id);
  }

  /** Hears every change {@link changed} or {@link save} reports (the batch service's watchers). */
  onChange?: (batches: readonly BatchRecord[]) => void;

  /** Reports a change not written yet (a request's spend, counted as it is sent). */
  changed(): void {
    this.onChange?.(this.batches);
  }

  /** Writes the queue (serialised: the last call's state wins, never a torn file), and reports the change. */
  save(): Promise<void> {
    this.changed();
    if (!this.file) return Promise.resolve();
    const file = this.file;
    const text = JSON.stringify({ version: 1, batches: this.batches } satisfies StoreFile);
    const write = this.writing.then(async () => {
      await mkdir(dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      await writeFile(tmp, text);
      await rename(tmp, file);
    });
    // A failed write is the caller's to report; the next save still writes (it stopped every later one).
    this.writing = write.catch(() => {});
    return write;
  }
}
