/**
 * Runs grow/feather in the mask worker when the page can start one (the app, the browser tests),
 * and inline otherwise (Node unit tests). Tiles that came back identical to the input's are swapped
 * for the input's own objects, so the new mask still shares memory with the old one and the overlay
 * cache stays warm.
 */
import { featherMask, growMask, type Tile, type TiledMask } from '../../shared/mask';
import type { MaskOpRequest, MaskOpResponse } from './mask-ops-worker';

let worker: Worker | null | undefined;
let nextId = 1;
const pending = new Map<number, (r: MaskOpResponse) => void>();

function getWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker = typeof Worker === 'undefined' ? null : new Worker(new URL('./mask-ops-worker.ts', import.meta.url), { type: 'module' });
    worker?.addEventListener('message', (e: MessageEvent<MaskOpResponse>) => {
      pending.get(e.data.id)?.(e.data);
      pending.delete(e.data.id);
    });
  } catch {
    worker = null;
  }
  return worker;
}

export async function runMaskOp(op: 'grow' | 'feather', mask: TiledMask, px: number): Promise<TiledMask> {
  const w = getWorker();
  if (!w) return op === 'grow' ? growMask(mask, px) : featherMask(mask, px);
  const id = nextId++;
  const res = await new Promise<MaskOpResponse>((resolve) => {
    pending.set(id, resolve);
    w.postMessage({ id, op, px, mask } satisfies MaskOpRequest);
  });
  if ('error' in res) throw new Error(res.error);
  return reuseTiles(mask, res.mask);
}

function sameTile(a: Tile, b: Tile): boolean {
  if (a === b) return true;
  if (typeof a === 'number' || typeof b === 'number') return false;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Returns `before` itself when nothing changed; otherwise the new mask with unchanged tiles shared. */
function reuseTiles(before: TiledMask, after: TiledMask): TiledMask {
  let changed = false;
  const tiles = after.tiles.map((t, i) => {
    if (sameTile(before.tiles[i], t)) return before.tiles[i];
    changed = true;
    return t;
  });
  return changed ? { ...after, tiles } : before;
}
