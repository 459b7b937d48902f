/**
 * The Generate panel's region and price (currentEstimate) are those of the request the job sends: the
 * job grows the mask by the Edge's grow before sending it (on by default for the offline engine), and
 * main plans the region around what it receives. The panel planned around the mask as painted, so it
 * said "520×432 region at full size" while the kept version read 532×444 (found by hand on desk-stuff.jpg).
 */
import { describe, expect, it } from 'vitest';
import { growMask, maskBounds, maskFromArray, thresholdMask } from '../../shared/mask';
import { MASK_ON } from '../../shared/mask/threshold';
import { planRegion, type Rect } from '../../shared/geometry';
import { resolveModel } from '../../shared/models';
import { getMask, putMask } from './blob-store';
import { useEditor } from './store/store';
import { currentEstimate } from './current-estimate';
import { multiRows } from './multi-rows';
import { retryRequestUsd } from './text-check-state';

const st = () => useEditor.getState();
const W = 400;
const H = 300;

function openWithMask(box: Rect) {
  const mask = new Uint8Array(W * H);
  for (let y = box.y; y < box.y + box.height; y++) mask.fill(255, y * W + box.x, y * W + box.x + box.width);
  st().openDocument({
    id: `doc-grow-${box.x}`,
    canvas: { width: W, height: H },
    original: { assetId: 'asset-original', name: 'a.png', width: W, height: H, x: 0, y: 0, hasIcc: false, hasExif: false },
    maskId: putMask(maskFromArray(W, H, mask)),
    layers: [],
    versions: [],
  });
  st().setProviderInfo({ keyStatus: [{ provider: 'openai', isSet: true, last4: '1111' }] });
}

/** The region main plans for the mask the job sends (grown by `grow` as the job grows it). */
function sentRegion(model: string, grow: number): Rect {
  const doc = st().doc!;
  const sent = grow ? growMask(getMask(doc.maskId), grow) : getMask(doc.maskId);
  const bbox = maskBounds(thresholdMask(sent, MASK_ON))!;
  const spec = resolveModel(model)!;
  const plan = planRegion({ canvas: doc.canvas, bbox, model: spec, quality: spec.qualities.length ? 'medium' : undefined });
  if (!plan.ok) throw new Error(plan.reason);
  return plan.region;
}

describe('the estimate plans the region the job sends', () => {
  it('the offline engine (grow on by default): the region around the grown mask, as the kept version says', () => {
    openWithMask({ x: 120, y: 90, width: 100, height: 80 });
    st().setGen({ multiOn: false, model: 'local', n: 1, prompt: '', grow: null, growPx: 6 });
    const e = currentEstimate(st());
    expect(e?.ok).toBe(true);
    const grown = sentRegion('local', 6);
    expect(grown).not.toEqual(sentRegion('local', 0));
    expect(e?.ok && e.region).toEqual(grown);
    expect(e?.ok && e.sizeText).toBe(`${grown.width}×${grown.height} region at full size`);
  });

  it('a grow near the photo edge stays inside the photo', () => {
    openWithMask({ x: 0, y: 0, width: 60, height: 40 });
    st().setGen({ multiOn: false, model: 'local', n: 1, prompt: '', grow: null, growPx: 12 });
    const e = currentEstimate(st());
    expect(e?.ok && e.region).toEqual(sentRegion('local', 12));
  });

  it('a cloud model: no grow by default (the region as painted); with grow ticked, the grown one, and the price of it', () => {
    openWithMask({ x: 120, y: 90, width: 100, height: 80 });
    st().setGen({ multiOn: false, model: 'gpt-image-2', n: 1, prompt: 'a vase', grow: null, growPx: 6 });
    const off = currentEstimate(st());
    expect(off?.ok && off.region).toEqual(sentRegion('gpt-image-2', 0));
    st().setGen({ grow: true, growPx: 40 });
    const on = currentEstimate(st());
    expect(on?.ok && on.region).toEqual(sentRegion('gpt-image-2', 40));
    // The several-models row and a text retry are priced on the same grown request.
    st().setGen({ multiOn: true, multi: { 'gpt-image-2': 1 } });
    const row = multiRows(st()).find((r) => r.value === 'gpt-image-2');
    expect(row?.estimate.ok && row.estimate.usd).toBeCloseTo(on?.ok ? on.usd : Number.NaN, 9);
    st().setGen({ multiOn: false });
    expect(retryRequestUsd(st())).toBeCloseTo(on?.ok ? on.usd : Number.NaN, 9);
    st().setGen({ grow: null, growPx: 6 });
  });
});
