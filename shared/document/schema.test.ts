import { describe, expect, it } from 'vitest';
import {
  documentAssetIds,
  layerBlend,
  layerHasMask,
  layerOpacity,
  layerVisible,
  parseDocument,
  type DocState,
  type PatchLayer,
} from './schema';

const hex = (c: string) => c.repeat(32);
const layer = (extra: Partial<PatchLayer> = {}): PatchLayer => ({
  id: 'l1',
  name: 'A vase',
  assetId: `patch-${hex('a')}`,
  x: 10,
  y: 20,
  width: 64,
  height: 32,
  ...extra,
});
const doc = (layers: PatchLayer[]): DocState => ({
  id: 'doc-1',
  canvas: { width: 100, height: 100 },
  original: { assetId: `original-${hex('0')}`, name: 'p.jpg', width: 100, height: 100, x: 0, y: 0, hasIcc: false, hasExif: false },
  maskId: 'mask-1',
  layers,
  versions: [],
});

describe('layer properties in the document schema', () => {
  it('reads a layer saved before layer properties existed as visible, opaque, Normal, unmasked', () => {
    const parsed = parseDocument(JSON.stringify(doc([layer()])));
    expect(parsed).not.toBeNull();
    const l = parsed!.layers[0];
    expect([layerVisible(l), layerOpacity(l), layerBlend(l), layerHasMask(l)]).toEqual([true, 1, 'normal', false]);
  });

  it('keeps the properties a layer has', () => {
    const l = layer({
      visible: false,
      opacity: 0.4,
      blend: 'normal',
      maskId: 'mask-7',
      maskAssetId: `mask-${hex('b')}`,
      extension: { known: { x: 8, y: 4, width: 40, height: 20 } },
    });
    const parsed = parseDocument(JSON.stringify(doc([l])))!.layers[0];
    expect(parsed).toEqual(l);
    expect([layerVisible(parsed), layerOpacity(parsed), layerHasMask(parsed)]).toEqual([false, 0.4, true]);
  });

  it.each([
    ['opacity above 1', { opacity: 1.5 }],
    ['negative opacity', { opacity: -0.1 }],
    ['an unknown blend mode', { blend: 'multiply' }],
    ['a mask asset that is not an asset id', { maskAssetId: '../etc/passwd' }],
    ['visibility as text', { visible: 'no' }],
    ['an extension whose known part has no size', { extension: { known: { x: 0, y: 0, width: 0, height: 20 } } }],
  ])('refuses %s', (_, extra) => {
    expect(parseDocument(JSON.stringify(doc([layer(extra as Partial<PatchLayer>)])))).toBeNull();
  });

  it('lists layer mask assets among the assets a document needs', () => {
    const maskAsset = `mask-${hex('c')}`;
    const d = doc([layer({ maskAssetId: maskAsset })]);
    d.versions.push({
      id: 'v1',
      layerId: 'l1',
      model: 'local',
      prompt: '',
      requestSize: { width: 64, height: 32 },
      region: { x: 0, y: 0, width: 64, height: 32 },
      costUsd: 0,
      seconds: 1,
      createdAt: 1,
      layersAfter: [layer({ id: 'l0', assetId: `patch-${hex('d')}`, maskAssetId: `mask-${hex('e')}` })],
    });
    expect(documentAssetIds(d).sort()).toEqual(
      [`original-${hex('0')}`, `patch-${hex('a')}`, maskAsset, `patch-${hex('d')}`, `mask-${hex('e')}`].sort(),
    );
  });
});
