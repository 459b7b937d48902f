/**
 * Content-addressed store of the bytes behind every document asset (original files, accepted
 * patches, masks). The renderer only ever holds asset ids; main keeps the bytes on disk so a crash
 * loses nothing and pixels never travel back and forth.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors';

export type AssetKind = 'img' | 'patch' | 'mask' | 'reference';

export interface AssetMeta {
  id: string;
  kind: AssetKind;
  name?: string;
  sourcePath?: string;
}

export class AssetStore {
  private readonly meta = new Map<string, AssetMeta>();
  constructor(readonly dir: string) {}

  async put(bytes: Uint8Array, kind: AssetKind, extra: Omit<AssetMeta, 'id' | 'kind'> = {}): Promise<string> {
    const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 32);
    const id = `${kind}-${hash}`;
    await mkdir(this.dir, { recursive: true });
    const path = this.pathOf(id);
    const exists = await stat(path).then(
      () => true,
      () => false,
    );
    if (!exists) await writeFile(path, bytes);
    this.meta.set(id, { ...this.meta.get(id), ...extra, id, kind });
    return id;
  }

  async get(id: string): Promise<Uint8Array> {
    try {
      return new Uint8Array(await readFile(this.pathOf(id)));
    } catch {
      throw new AppError({ kind: 'not-found', message: `The image data for ${id} is missing from this session.` });
    }
  }

  /** True when the bytes of `id` are on disk (false for ids that are not asset ids). */
  async assetExists(id: string): Promise<boolean> {
    if (!/^[a-z]+-[0-9a-f]{32}$/.test(id)) return false;
    return stat(this.pathOf(id)).then(
      (st) => st.isFile(),
      () => false,
    );
  }

  info(id: string): AssetMeta | undefined {
    return this.meta.get(id);
  }

  private pathOf(id: string): string {
    if (!/^[a-z]+-[0-9a-f]{32}$/.test(id)) throw new AppError({ kind: 'validation', message: `Not an asset id: ${id}` });
    return join(this.dir, `${id}.bin`);
  }
}
