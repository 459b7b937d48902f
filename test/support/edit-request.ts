/**
 * An `edit:start` request for main's edit prep as the benches and tests send it: one photo layer at
 * the origin, a mask PNG in its rectangle, gpt-image-2, one candidate, a 12-px feather, colour match.
 */
import type { RequestOf } from '../../shared/ipc/contract';

export function plainEditRequest(o: {
  assetId: string;
  canvas: { width: number; height: number };
  mask: { png: Uint8Array; rect: { x: number; y: number; width: number; height: number } };
}): RequestOf<'edit:start'> {
  return {
    canvas: o.canvas,
    layers: [{ assetId: o.assetId, x: 0, y: 0 }],
    mask: o.mask,
    prompt: 'p',
    model: 'gpt-image-2',
    n: 1,
    references: [],
    featherPx: 12,
    colorMatch: true,
  } as RequestOf<'edit:start'>;
}
