/**
 * The photos opened lately from a file (the open dialog, or a file the OS asked to open), newest
 * first, kept in `recent-photos.json` beside the settings (in memory without a settings folder). As
 * with the recent projects, picking one of these paths is the only way the renderer can name a photo
 * to open; a photo that is no longer there is said so and leaves the list.
 */
import { basename, resolve } from 'node:path';
import * as v from 'valibot';
import { AppError } from '../../../shared/errors';
import type { RecentPhoto } from '../../../shared/ipc/contract-types';
import { readRecentList, writeRecentList } from './recent-list';

/** Recent photos remembered. */
export const RECENT_PHOTOS_MAX = 10;

const ListSchema = v.array(v.object({ path: v.pipe(v.string(), v.maxLength(4096)), name: v.string(), openedAt: v.number() }));

export class RecentPhotos {
  private list: RecentPhoto[] | null = null;

  constructor(private readonly file: string | null) {}

  async recent(): Promise<RecentPhoto[]> {
    this.list ??= await readRecentList(this.file, ListSchema, RECENT_PHOTOS_MAX);
    return this.list;
  }

  /** `path` was opened: it goes to the top. */
  async remember(path: string, openedAt = Date.now()): Promise<void> {
    const p = resolve(path);
    const rest = (await this.recent()).filter((r) => r.path !== p);
    await this.store([{ path: p, name: basename(p), openedAt }, ...rest].slice(0, RECENT_PHOTOS_MAX));
  }

  /** `path` leaves the list (it could not be opened any more). */
  async forget(path: string): Promise<void> {
    await this.store((await this.recent()).filter((r) => r.path !== path));
  }

  /** Throws unless `path` is one of the list's (the renderer can name no other). */
  async check(path: string): Promise<void> {
    if (!(await this.recent()).some((r) => r.path === path))
      throw new AppError({ kind: 'invalid-request', message: 'Only a photo from the recent photos list can be opened this way.' });
  }

  private async store(list: RecentPhoto[]): Promise<void> {
    this.list = list;
    await writeRecentList(this.file, list);
  }
}
