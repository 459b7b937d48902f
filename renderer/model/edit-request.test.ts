import { describe, expect, it } from 'vitest';
import { getModel } from '../../shared/models';
import type { DocState } from './document-types';
import { adaptRequest, effectiveGrowPx, maskRectFor, qualityFor, requestLayers, settingsForModel, type EditRequest } from './edit-request';

const doc: DocState = {
  id: 'doc',
  canvas: { width: 1000, height: 800 },
  original: { assetId: 'img-original-0001', name: 'a.jpg', width: 1000, height: 800, x: 0, y: 0, hasIcc: false, hasExif: false },
  maskId: 'mask-1',
  layers: [
    { id: 'L1', name: 'a', assetId: 'patch-aaaa-1', x: 10, y: 20, width: 100, height: 100 },
    { id: 'L2', name: 'b', assetId: 'patch-bbbb-2', x: 30, y: 40, width: 100, height: 100 },
  ],
  versions: [],
};

describe('edit request', () => {
  it('grows the mask rect by twice the feather and clips it to the canvas', () => {
    expect(maskRectFor({ x: 100, y: 100, width: 50, height: 40 }, 12, doc.canvas)).toEqual({ x: 76, y: 76, width: 98, height: 88 });
    expect(maskRectFor({ x: 5, y: 790, width: 990, height: 10 }, 12, doc.canvas)).toEqual({ x: 0, y: 766, width: 1000, height: 34 });
    expect(maskRectFor({ x: 5, y: 5, width: 5, height: 5 }, 0, doc.canvas)).toEqual({ x: 5, y: 5, width: 5, height: 5 });
  });

  it('sends the original first, then the visible patch layers with their opacity and layer mask', () => {
    const hidden = { ...doc, layers: [{ ...doc.layers[0], visible: false }, doc.layers[1]] };
    expect(requestLayers(hidden)).toEqual([
      { assetId: 'img-original-0001', x: 0, y: 0 },
      { assetId: 'patch-bbbb-2', x: 30, y: 40 },
    ]);
    const props = {
      ...doc,
      layers: [{ ...doc.layers[0], opacity: 0.4, maskId: 'mask-3', maskAssetId: `mask-${'c'.repeat(32)}` }, doc.layers[1]],
    };
    expect(requestLayers(props)[1]).toEqual({ assetId: 'patch-aaaa-1', x: 10, y: 20, opacity: 0.4, maskAssetId: `mask-${'c'.repeat(32)}` });
    expect(requestLayers(doc)).toHaveLength(3);
  });

  it('restricts settings to the model', () => {
    const s = {
      n: 4,
      quality: 'high' as const,
      imageSize: '4K' as const,
      references: ['r1-aaaaaaaa', 'r2-aaaaaaaa'],
      featherPx: 300,
      colorMatch: true,
    };
    const local = settingsForModel(s, getModel('local')!);
    expect(local).toMatchObject({ n: 4, quality: undefined, imageSize: undefined, references: [], featherPx: 256 });
    const gpt = settingsForModel(s, getModel('gpt-image-2')!);
    expect(gpt).toMatchObject({ n: 4, quality: 'high', imageSize: undefined, references: ['r1-aaaaaaaa', 'r2-aaaaaaaa'] });
    const pro = settingsForModel({ ...s, imageSize: '512' as const }, getModel('gemini-3-pro-image')!);
    expect(pro).toMatchObject({ quality: undefined, imageSize: undefined });
    expect(qualityFor(undefined, getModel('gpt-image-2')!)).toBe('medium');
  });

  it('adapts a refused request to another model, keeping pixels, mask and prompt', () => {
    const req: EditRequest = {
      canvas: doc.canvas,
      layers: requestLayers(doc),
      mask: { png: new Uint8Array([1, 2, 3]), rect: { x: 0, y: 0, width: 10, height: 10 } },
      prompt: 'a red car',
      model: 'gpt-image-2',
      n: 4,
      quality: 'high',
      references: ['r1-aaaaaaaa'],
      featherPx: 12,
      colorMatch: true,
    };
    const out = adaptRequest(req, 'gemini-3.1-flash-image', getModel('gemini-3.1-flash-image')!);
    expect(out.model).toBe('gemini-3.1-flash-image');
    expect(out.mask).toBe(req.mask);
    expect(out.layers).toBe(req.layers);
    expect(out.prompt).toBe('a red car');
    expect('quality' in out).toBe(false);
    expect(out.n).toBe(4);
    expect(out.references).toEqual(['r1-aaaaaaaa']);
    const local = adaptRequest(req, 'local', getModel('local')!);
    expect(local.references).toEqual([]);
  });
});

describe('grow before sending', () => {
  it('is on by default for the offline engine only, and can be switched either way', () => {
    expect(effectiveGrowPx({ grow: null, growPx: 6 }, { provider: 'local' })).toBe(6);
    expect(effectiveGrowPx({ grow: null, growPx: 6 }, { provider: 'openai' })).toBe(0);
    expect(effectiveGrowPx({ grow: true, growPx: 10 }, { provider: 'gemini' })).toBe(10);
    expect(effectiveGrowPx({ grow: false, growPx: 10 }, { provider: 'local' })).toBe(0);
    expect(effectiveGrowPx({ grow: true, growPx: 500 }, { provider: 'local' })).toBe(64);
  });
});
