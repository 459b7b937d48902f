/** The batch queue's file: one failed write does not stop the later ones (they all failed after it). */
import { describe, expect, it, vi } from 'vitest';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BatchStore } from './batch-store';

vi.mock('electron', () => ({}));

describe('BatchStore.save', () => {
  it('writes again after a write that failed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'maskwork-batchstore-'));
    try {
      const file = join(dir, 'batches.json');
      const store = new BatchStore(file);
      // A folder where the temp file goes: that write fails.
      const blocker = `${file}.${process.pid}.tmp`;
      await mkdir(blocker);
      await expect(store.save()).rejects.toThrow();
      await rm(blocker, { recursive: true });
      await store.save();
      expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ version: 1, batches: [] });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
