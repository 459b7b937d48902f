/**
 * A candidate's chained-tile request copies (issue 16): each chained tile's request is written into a
 * copy of its ahead colour made while the model works (`aheadCopy`), or of its fill made ahead — in
 * the preparation, or in the job from the earlier tiles' requests standing in for their answers
 * (chain-fill-ahead.ts). Each copy is handed over once; a fill ahead never writes into a copy that
 * was taken.
 */
import type { OutpaintTile } from '../../../shared/geometry';
import { fillAhead, type Refill } from './chain-fill-ahead';
import type { ChainedAhead, TileAnswer } from './chain-ahead';
import type { TileRequestBytes } from './outpaint-tile-steps';
import { decodeAnswer } from './tile-scale';

export class ChainCopies {
  private readonly copies: (Uint8Array | undefined)[] = [];
  // Per tile whose copy was pre-filled ahead: what to fill again once the answers are in.
  private readonly refills: (Refill | null | undefined)[] = [];
  private readonly taken = new Set<number>();

  /** Tile i's copy, made now (none once the tile has taken its own); `refill` when it is filled ahead already. */
  offer(i: number, copy: Uint8Array | undefined, refill?: Refill | null): boolean {
    if (this.taken.has(i)) return false;
    this.copies[i] = copy;
    if (refill !== undefined) this.refills[i] = refill;
    return true;
  }

  /** True while `copy` is tile i's and not taken: a fill ahead may still write into it. */
  holds(i: number, copy: Uint8Array): boolean {
    return !this.taken.has(i) && this.copies[i] === copy;
  }

  filled(i: number, refill: Refill | null): void {
    this.refills[i] = refill;
  }

  /**
   * Tile i's copy (with what to fill again when it was filled ahead), handed over once; undefined
   * when it is not made yet — the request is then made in a fresh buffer rather than waiting for it.
   */
  take(i: number): { copy: Uint8Array | undefined; refill: Refill | null | undefined } {
    this.taken.add(i);
    const out = { copy: this.copies[i], refill: this.refills[i] };
    this.copies[i] = undefined;
    this.refills[i] = undefined;
    return out;
  }
}

/** An earlier tile as a fill ahead reads it: its request as sent and its blend weight, once known. */
export interface EarlierTile {
  tile: OutpaintTile;
  request: TileRequestBytes | undefined;
  weight: (() => Uint8Array) | undefined;
}

/**
 * Fills `copy` ahead (chain-fill-ahead.ts) with the earlier tiles' requests, decoded, standing in for
 * their answers. Undefined when one of them is not known yet or `stop` said so (before anything was
 * written, or between steps: see `fillAhead`).
 */
export async function fillFromRequests(
  part: ChainedAhead,
  copy: Uint8Array,
  earlier: readonly EarlierTile[],
  o: { modelName: string; canvas: () => Uint8Array | null; canvasWidth: number; rect: OutpaintTile['rect']; stop: () => boolean },
): Promise<Refill | null | undefined> {
  const standIns = await Promise.all(
    earlier.map(async ({ tile, request, weight }): Promise<TileAnswer | null> => {
      if (!request || !weight) return null;
      const a = await decodeAnswer(request.requestImage, o.modelName, tile.request);
      return { ...a, rect: tile.rect, weight: weight() };
    }),
  );
  if (o.stop() || !standIns.every((a) => a !== null)) return undefined;
  return fillAhead(part, o.canvas(), o.canvasWidth, o.rect, standIns as TileAnswer[], copy, o.stop);
}
