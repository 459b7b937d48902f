/**
 * Web Worker for whole-mask operations that can take a second on a 40 MP mask (grow, shrink,
 * feather): the UI thread stays responsive while they run. Pure shared/mask code on typed arrays.
 */
import { featherMask, growMask, type TiledMask } from '../../shared/mask';

export type MaskOpRequest = { id: number; op: 'grow' | 'feather'; px: number; mask: TiledMask };
export type MaskOpResponse = { id: number; mask: TiledMask } | { id: number; error: string };

self.onmessage = (e: MessageEvent<MaskOpRequest>) => {
  const { id, op, px, mask } = e.data;
  try {
    const out = op === 'grow' ? growMask(mask, px) : featherMask(mask, px);
    // Unchanged tiles are shared with the input; send everything back (structured clone).
    (self as unknown as Worker).postMessage({ id, mask: out } satisfies MaskOpResponse);
  } catch (err) {
    (self as unknown as Worker).postMessage({ id, error: err instanceof Error ? err.message : String(err) } satisfies MaskOpResponse);
  }
};
