import { describe, expect, it } from 'vitest';
import { offeredModels } from '../models/catalog';
import { checkRegionPlan, regionAspectReachable } from './plan-checks';
import type { Rect, Size } from './rect';
import { canvasRect } from './rect';
import type { RegionInput } from './region';
import { planRegion } from './region';
import { MAX_PAD_FACTOR, frameCrop, framePadding } from './region-pad';

const whole = (c: Size): Rect => canvasRect(c);

function padded(input: RegionInput) {
  const plan = planRegion(input);
  if (!plan.ok) throw new Error(plan.reason);
  expect(checkRegionPlan(input, plan)).toEqual([]);
  return plan;
}

describe('a request padded past the photo when no region inside it has an aspect the model makes', () => {
  it('Ctrl+A on building.jpg (868×600 ≈ 1.45:1) with Nano Banana 2: 3:2, 13 px mirrored past each side', () => {
    const canvas = { width: 868, height: 600 };
    const plan = padded({ canvas, bbox: whole(canvas), model: 'gemini-3.1-flash-image' });
    expect(plan.region).toEqual(whole(canvas));
    // 3:2 at 1K is 1264×848 (1.4906): 600 px tall needs 894 px across, 26 more than the photo has.
    expect(plan.request).toEqual({ width: 1264, height: 848, imageSize: '1K', aspect: '3:2' });
    expect(plan.frame).toEqual({ x: -13, y: 0, width: 894, height: 600 });
    expect(framePadding(plan.region, plan.frame!)).toEqual({ left: 13, top: 0, right: 13, bottom: 0 });
    expect(plan.scaleX).toBeCloseTo(1264 / 894, 12);
    expect(plan.scaleY).toBeCloseTo(848 / 600, 12);
  });

  it('a colour range over all of colorful-cups.jpg (2560×1600, 16:10) with Nano Banana 2 / Pro: 3:2, padded top and bottom', () => {
    const canvas = { width: 2560, height: 1600 };
    for (const model of ['gemini-3.1-flash-image', 'gemini-3-pro-image']) {
      const plan = padded({ canvas, bbox: whole(canvas), model });
      expect(plan.request).toMatchObject({ width: 2528, height: 1696, aspect: '3:2', imageSize: '2K' });
      // 16:9 would need 2867 px across (12 % more); 3:2 needs 1717 px down (7 %).
      expect(plan.frame).toEqual({ x: 0, y: -58, width: 2560, height: 1717 });
    }
  });

  it('gpt-image-1.5: 868×600 to 1536×1024 (900×600), and a 16:10 photo (past its widest 3:2) to 2560×1707', () => {
    const building = { width: 868, height: 600 };
    const a = padded({ canvas: building, bbox: whole(building), model: 'gpt-image-1.5' });
    expect(a.request).toEqual({ width: 1536, height: 1024 });
    expect(a.frame).toEqual({ x: -16, y: 0, width: 900, height: 600 });
    const cups = { width: 2560, height: 1600 };
    const b = padded({ canvas: cups, bbox: whole(cups), model: 'gpt-image-1.5' });
    expect(b.request).toEqual({ width: 1536, height: 1024 });
    expect(b.frame).toEqual({ x: 0, y: -53, width: 2560, height: 1707 });
  });

  it('pads only beyond the edges the region touches, keeping the region as tight as the canvas makes it', () => {
    // A mask reaching left and right but leaving 50 px above and below: 16:9 needs the least padding,
    // from a region exactly as tall as the mask (any taller would need more).
    const canvas = { width: 2560, height: 1600 };
    const plan = padded({ canvas, bbox: { x: 0, y: 50, width: 2560, height: 1500 }, model: 'gemini-3.1-flash-image' });
    expect(plan.request.aspect).toBe('16:9');
    expect(plan.region).toEqual({ x: 0, y: 50, width: 2560, height: 1500 });
    expect(plan.frame).toEqual({ x: -64, y: 50, width: 2688, height: 1500 });
    // A tall photo between 3:4 and 2:3, nearer 3:4 (0.73): padded left and right.
    const tall = { width: 730, height: 1000 };
    const t = padded({ canvas: tall, bbox: whole(tall), model: 'gemini-3-pro-image' });
    expect(t.request.aspect).toBe('3:4');
    expect(framePadding(t.region, t.frame!)).toMatchObject({ top: 0, bottom: 0 });
    expect(t.frame!.width - t.region.width).toBe(Math.round(1000 * (896 / 1200)) - 730);
  });

  it('does not pad when a strip of photo lets the region grow (the old advice still holds)', () => {
    const canvas = { width: 868, height: 600 };
    const plan = padded({ canvas, bbox: { x: 0, y: 0, width: 868, height: 570 }, model: 'gemini-3.1-flash-image' });
    expect(plan.frame).toBeUndefined();
    expect(plan.region.width / plan.region.height).toBeCloseTo(1264 / 848, 2);
  });

  it('never pads for gpt-image-2 (any aspect in 1:3–3:1) or the offline engine on the same shapes', () => {
    for (const canvas of [
      { width: 868, height: 600 },
      { width: 2560, height: 1600 },
      { width: 730, height: 1000 },
    ]) {
      for (const model of ['gpt-image-2', 'local']) {
        const plan = padded({ canvas, bbox: whole(canvas), model });
        expect(plan.frame).toBeUndefined();
      }
    }
  });

  it('still refuses a mask far longer than any picture the model makes, naming the models that can', () => {
    const canvas = { width: 4000, height: 1000 };
    const pro = planRegion({ canvas, bbox: whole(canvas), model: 'gemini-3-pro-image' });
    // 4:1 against 21:9 would be a frame 1.7× the photo's height; gpt-image-2 stops at 3:1 (1.33×).
    expect(pro).toMatchObject({ ok: false, code: 'needs-tiling' });
    expect(!pro.ok && pro.reason).toMatch(/too long and thin .* choose Nano Banana 2 or the offline engine$/);
    const three = { width: 3000, height: 1000 };
    expect(padded({ canvas: three, bbox: whole(three), model: 'gemini-3-pro-image' }).request.aspect).toBe('21:9');
  });

  it('every whole-photo mask from 1:3 to 3:1 plans on every model: legal, padded only past the edges and only when needed', () => {
    for (const m of offeredModels()) {
      for (let a = 1 / 3; a <= 3.0001; a *= 1.013) {
        const canvas = a >= 1 ? { width: Math.round(1200 * a), height: 1200 } : { width: 1200, height: Math.round(1200 / a) };
        const input: RegionInput = { canvas, bbox: whole(canvas), model: m.id };
        const plan = planRegion(input);
        if (!plan.ok) {
          // Only a photo longer than the model's widest aspect by more than the padding allows.
          expect(plan.reason, `${m.id} ${canvas.width}×${canvas.height}`).toMatch(/too long and thin/);
          continue;
        }
        expect(checkRegionPlan(input, plan), `${m.id} ${canvas.width}×${canvas.height}`).toEqual([]);
        expect(plan.frame !== undefined).toBe(!regionAspectReachable(input));
        if (plan.frame) {
          expect(plan.frame.width * plan.frame.height).toBeLessThanOrEqual(MAX_PAD_FACTOR * canvas.width * canvas.height);
        }
      }
    }
  });
});

describe('frameCrop', () => {
  it('is the region inside its frame, as fractions of the frame', () => {
    expect(frameCrop({ x: 0, y: 10, width: 100, height: 50 }, { x: -20, y: 10, width: 140, height: 50 })).toEqual({
      x0: 20 / 140,
      y0: 0,
      x1: 120 / 140,
      y1: 1,
    });
  });
});
