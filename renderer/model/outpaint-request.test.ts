import { describe, expect, it } from 'vitest';
import { extendToAspect, planOutpaint, tileWaits } from '../../shared/geometry';
import { estimateCost, expectedSeconds, getModel } from '../../shared/models';
import type { DocState } from './document-types';
import { extendDocument } from './extend-document';
import {
  adaptOutpaintRequest,
  buildOutpaintRequest,
  computeOutpaintEstimate,
  hasExtension,
  knownRectOf,
  outpaintWhat,
} from './outpaint-request';

const spec = (id: string) => getModel(id)!;
const ext = extendToAspect({ width: 540, height: 960 }, '21:9', 'centre');
const original = { ...ext.originalAt, width: 540, height: 960 };

function doc(): DocState {
  return {
    id: 'd1',
    canvas: { ...ext.canvas },
    original: { assetId: 'asset-original', name: 'poster.png', width: 540, height: 960, ...ext.originalAt, hasIcc: false, hasExif: false },
    maskId: 'mask-1',
    layers: [
      { id: 'l1', name: 'a', assetId: 'asset-patch-1', x: 900, y: 10, width: 50, height: 50 },
      { id: 'l2', name: 'b', assetId: 'asset-patch-2', x: 0, y: 0, width: 10, height: 10 },
    ],
    versions: [],
  };
}

describe('computeOutpaintEstimate', () => {
  it('gpt-image-2: the request count and cost are the planner tiles priced one by one', () => {
    const settings = { n: 1, quality: 'medium' as const, featherPx: 32 };
    const e = computeOutpaintEstimate({ canvas: ext.canvas, original, spec: spec('gpt-image-2'), modelLabel: 'GPT Image 2', settings });
    if (!e.ok) throw new Error(e.error);
    const plan = planOutpaint({ canvas: ext.canvas, original, model: 'gpt-image-2', quality: 'medium', featherPx: 32 });
    if (!plan.ok) throw new Error(plan.reason);
    const usd = plan.tiles.reduce(
      (s, t) => s + estimateCost({ modelId: 'gpt-image-2', width: t.request.width, height: t.request.height, quality: 'medium' }).usd,
      0,
    );
    expect(e.requests).toBe(plan.tiles.length);
    expect(e.requests).toBeGreaterThan(1); // more than one legal tile for this crop
    expect(e.usd).toBeCloseTo(usd, 6);
    expect(e.text).toBe(`${e.requests} requests · ≈ $${usd.toFixed(3)} (GPT Image 2, medium)`);
    expect(e.detail.split('\n')).toHaveLength(e.tiles);
    const two = computeOutpaintEstimate({
      canvas: ext.canvas,
      original,
      spec: spec('gpt-image-2'),
      modelLabel: 'GPT Image 2',
      settings: { ...settings, n: 2 },
    });
    if (!two.ok) throw new Error(two.error);
    expect(two.requests).toBe(2 * e.requests);
    expect(two.usd).toBeCloseTo(2 * e.usd, 6);
  });

  it('expected time: a cloud model takes the longest chain of tiles that wait for each other (the two sides of 8:1 together); its candidates run side by side', () => {
    const e8 = extendToAspect({ width: 256, height: 256 }, '8:1', 'centre');
    const o8 = { ...e8.originalAt, width: 256, height: 256 };
    const settings = { n: 2, quality: 'medium' as const, featherPx: 24 };
    const e = computeOutpaintEstimate({ canvas: e8.canvas, original: o8, spec: spec('gpt-image-2'), modelLabel: 'GPT Image 2', settings });
    if (!e.ok || !e.expected) throw new Error('no estimate');
    const plan = planOutpaint({ canvas: e8.canvas, original: o8, model: 'gpt-image-2', quality: 'medium', featherPx: 24 });
    if (!plan.ok) throw new Error(plan.reason);
    const one = plan.tiles.map((t) => expectedSeconds(spec('gpt-image-2'), t.request)!);
    expect(plan.tiles).toHaveLength(4);
    // Centre, then the two sides at once, then the far edge after its side: three tiles' time, not four.
    expect(tileWaits(plan.tiles)[2]).toEqual([0]);
    const chain =
      one[0].high +
      Math.max(
        one[1].high + (tileWaits(plan.tiles)[3].includes(1) ? one[3].high : 0),
        one[2].high + (tileWaits(plan.tiles)[3].includes(2) ? one[3].high : 0),
      );
    // Two candidates at once (main's rule for a cloud model): one candidate's time, not two.
    expect(e.expected.high).toBe(chain);
    expect(e.expected.high).toBeLessThan(one.reduce((t, x) => t + x.high, 0));
    const single = computeOutpaintEstimate({
      canvas: e8.canvas,
      original: o8,
      spec: spec('gpt-image-2'),
      modelLabel: 'GPT Image 2',
      settings: { ...settings, n: 1 },
    });
    expect(single.ok && single.expected).toEqual(e.expected);
  });

  it('local: one free fill of the whole canvas per candidate', () => {
    const e = computeOutpaintEstimate({
      canvas: ext.canvas,
      original,
      spec: spec('local'),
      modelLabel: 'local',
      settings: { n: 1, featherPx: 32 },
    });
    expect(e).toMatchObject({ ok: true, requests: 1, tiles: 1, usd: 0 });
    if (e.ok) expect(e.text).toBe('1 candidate · $0.000 — free (offline)');
    // Its candidates run one after the other (main never runs the offline engine's side by side).
    const two = computeOutpaintEstimate({
      canvas: ext.canvas,
      original,
      spec: spec('local'),
      modelLabel: 'local',
      settings: { n: 2, featherPx: 32 },
    });
    if (!e.ok || !two.ok || !e.expected || !two.expected) throw new Error('no estimate');
    // Said as candidates, as the progress line counts them ("Tile 1 of 1, candidate 2"), not "2 passes".
    expect(two.text).toBe('2 candidates · $0.000 — free (offline)');
    expect(two.expected.high).toBeCloseTo(2 * e.expected.high, 9);
  });

  it('no extension, and planner failures, come back as the reason', () => {
    const none = computeOutpaintEstimate({
      canvas: { width: 540, height: 960 },
      original: { x: 0, y: 0, width: 540, height: 960 },
      spec: spec('local'),
      modelLabel: 'local',
      settings: { n: 1, featherPx: 32 },
    });
    expect(none).toEqual({ ok: false, error: 'Extend the canvas first (C)' });
    const far = computeOutpaintEstimate({
      canvas: { width: 100_000, height: 100 },
      original: { x: 0, y: 0, width: 100, height: 100 },
      spec: spec('gpt-image-1.5'),
      modelLabel: 'gpt-image-1.5',
      settings: { n: 1, featherPx: 32 },
    });
    expect(far.ok).toBe(false);
    if (!far.ok) expect(far.error).toMatch(/^[A-Z]/);
  });
});

describe('requests', () => {
  it('original first at its x,y, then the visible patches; the band is the feather', () => {
    const d = doc();
    expect(hasExtension(d)).toBe(true);
    expect(hasExtension({ ...d, canvas: { width: 540, height: 960 } })).toBe(false);
    const hideL2 = { ...d, layers: d.layers.map((l) => (l.id === 'l2' ? { ...l, visible: false } : l)) };
    const req = buildOutpaintRequest(hideL2, 'beach', 'gpt-image-2', spec('gpt-image-2'), {
      n: 9,
      quality: 'high',
      imageSize: '2K',
      featherPx: 32,
    });
    expect(req).toEqual({
      canvas: ext.canvas,
      original,
      layers: [
        { assetId: 'asset-original', x: original.x, y: 0 },
        { assetId: 'asset-patch-1', x: 900, y: 10 },
      ],
      prompt: 'beach',
      model: 'gpt-image-2',
      n: 4,
      quality: 'high',
      featherPx: 32,
    });
  });

  it('adapting to another model keeps canvas, layers and prompt and drops knobs it lacks', () => {
    const req = buildOutpaintRequest(doc(), 'beach', 'gpt-image-2', spec('gpt-image-2'), { n: 3, quality: 'low', featherPx: 40 });
    const local = adaptOutpaintRequest(req, 'local', spec('local'));
    expect(local.model).toBe('local');
    expect(local.quality).toBeUndefined();
    expect(local.layers).toEqual(req.layers);
    expect(local.original).toEqual(req.original);
    expect(local.featherPx).toBe(40);
    expect(local.prompt).toBe('beach');
  });
});

describe('a second extension around a kept one', () => {
  /** The poster extended to 21:9, its outpaint kept (a canvas-sized layer fading into the poster), then extended by `grow` px on the left and `down` px below. */
  function extendedTwice(change: Partial<DocState['layers'][number]> = {}, grow = 200, down = 100): DocState {
    const d = doc();
    const kept = {
      id: 'out1',
      name: 'Beach · GPT Image 2',
      assetId: 'asset-patch-9',
      x: 0,
      y: 0,
      ...ext.canvas,
      extension: { known: { ...original } },
      ...change,
    };
    const first = { ...d, layers: [...d.layers, kept] };
    const canvas = { width: ext.canvas.width + grow, height: ext.canvas.height + down };
    return extendDocument(first, canvas, { x: original.x + grow, y: original.y }, 'mask-2');
  }

  it('the kept extension is known: only the new area is filled, and fewer requests are planned', () => {
    const d = extendedTwice();
    expect(knownRectOf(d)).toEqual({ x: 200, y: 0, ...ext.canvas });
    expect(outpaintWhat(d)).toBe(
      `Generate fills the ${ext.canvas.width + 200}×1060 canvas around the ${ext.canvas.width}×960 you kept (the photo and its extension)`,
    );
    expect(outpaintWhat(doc())).toBe(`Generate fills the ${ext.canvas.width}×960 canvas around the 540×960 photo`);
    expect(hasExtension(d)).toBe(true);
    const req = buildOutpaintRequest(d, 'beach', 'gpt-image-2', spec('gpt-image-2'), { n: 1, featherPx: 32 });
    expect(req.original).toEqual({ x: 200, y: 0, ...ext.canvas });
    const settings = { n: 1, quality: 'medium' as const, featherPx: 32 };
    const known = computeOutpaintEstimate({
      canvas: d.canvas,
      original: req.original,
      spec: spec('gpt-image-2'),
      modelLabel: 'm',
      settings,
    });
    const all = computeOutpaintEstimate({
      canvas: d.canvas,
      original: { x: 200 + original.x, y: 0, width: 540, height: 960 },
      spec: spec('gpt-image-2'),
      modelLabel: 'm',
      settings,
    });
    if (!known.ok || !all.ok) throw new Error('no estimate');
    expect(known.usd).toBeLessThan(all.usd);
  });

  it('a hidden, faded or masked extension, or an ordinary patch, is not known: everything outside the original is filled again', () => {
    const poster = { x: 200 + original.x, y: 0, width: 540, height: 960 };
    expect(knownRectOf(extendedTwice({ visible: false }))).toEqual(poster);
    expect(knownRectOf(extendedTwice({ opacity: 0.5 }))).toEqual(poster);
    expect(knownRectOf(extendedTwice({ maskId: 'lm-1' }))).toEqual(poster);
    expect(knownRectOf(extendedTwice({ extension: undefined }))).toEqual(poster);
    // A layer whose known part reaches outside what is known does not fill around it.
    expect(knownRectOf(extendedTwice({ extension: { known: { x: 0, y: 0, width: 10, height: 10 } } }))).toEqual(poster);
  });

  it('extensions kept one after the other are known in any layer order; one covering the canvas leaves nothing to fill', () => {
    const d = extendedTwice();
    const second = { id: 'out2', name: 'b', assetId: 'asset-patch-8', x: 0, y: 0, ...d.canvas, extension: { known: knownRectOf(d) } };
    const third = extendDocument(
      { ...d, layers: [second, ...d.layers] },
      { width: d.canvas.width, height: d.canvas.height + 50 },
      { x: d.original.x, y: d.original.y + 50 },
      'mask-3',
    );
    expect(knownRectOf(third)).toEqual({ x: 0, y: 50, ...d.canvas });
    const covered = { ...d, layers: [...d.layers, second] };
    expect(knownRectOf(covered)).toEqual({ x: 0, y: 0, ...d.canvas });
    expect(hasExtension(covered)).toBe(false);
  });
});
