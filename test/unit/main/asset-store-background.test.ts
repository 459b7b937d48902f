/** AssetStore.putInBackground: the id at once, the bytes on disk meanwhile, reads wait for the write. */
import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AssetStore } from '../../../electron/main/services/asset-store';

describe('AssetStore.putInBackground', () => {
  it('returns the content id before the write and serves reads after it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'maskwork-assets-'));
    try {
      const store = new AssetStore(join(dir, 'assets'));
      const bytes = new Uint8Array(200_000).map((_, i) => i & 255);
      const id = store.putInBackground(bytes, 'patch');
      expect(id).toBe(store.idOf(bytes, 'patch'));
      expect(await store.assetExists(id)).toBe(true);
      expect(Buffer.from(await store.get(id)).equals(Buffer.from(bytes))).toBe(true);
      await store.settled();
      expect((await readFile(join(dir, 'assets', `${id}.bin`))).length).toBe(bytes.length);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('a write that fails reads as a missing asset', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'maskwork-assets-'));
    try {
      // The asset folder's path is taken by a file, so mkdir fails.
      await writeFile(join(dir, 'assets'), 'not a folder');
      const store = new AssetStore(join(dir, 'assets'));
      const id = store.putInBackground(new Uint8Array([1, 2, 3]), 'patch');
      await expect(store.get(id)).rejects.toThrow(/missing/);
      expect(await store.assetExists(id)).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
