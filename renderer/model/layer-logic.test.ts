import { describe, expect, it } from 'vitest';
import type { DocState, PatchLayer } from '../../shared/document/schema';
import { isKept } from './version-logic';
import {
  addOriginalCopy,
  copyName,
  dropListIndex,
  stackIndexOfListed,
  deleteLayer,
  duplicateLayer,
  layerMaskIds,
  maskTargetLayer,
  mergeDown,
  mergeDownRefusal,
  moveLayer,
  renameLayer,
  setLayerMask,
  setLayerOpacity,
  setLayerVisible,
  unionRect,
  withMaskAssets,
} from './layer-logic';

const L = (id: string, extra: Partial<PatchLayer> = {}): PatchLayer => ({
  id,
  name: `Layer ${id}`,
  assetId: `patch-${id.padEnd(32, '0')}`,
  x: 0,
  y: 0,
  width: 10,
  height: 10,
  ...extra,
});
const docWith = (...layers: PatchLayer[]): DocState => ({
  id: 'd',
  canvas: { width: 100, height: 100 },
  original: { assetId: `original-${'0'.repeat(32)}`, name: 'o.jpg', width: 100, height: 100, x: 0, y: 0, hasIcc: false, hasExif: false },
  maskId: 'mask-1',
  layers,
  versions: [],
});
const ids = (d: DocState) => d.layers.map((l) => l.id);

describe('layer transitions', () => {
  it('hides and shows a layer; the same state is no step', () => {
    const d = docWith(L('a'), L('b'));
    const hidden = setLayerVisible(d, 'b', false);
    expect(hidden.layers[1].visible).toBe(false);
    expect(hidden.layers[0]).toBe(d.layers[0]);
    expect(setLayerVisible(hidden, 'b', true).layers[1].visible).toBe(true);
    expect(setLayerVisible(d, 'b', true)).toBe(d);
    expect(setLayerVisible(d, 'zz', false)).toBe(d);
  });

  it('sets opacity clamped to 0…1 and ignores NaN', () => {
    const d = docWith(L('a'));
    expect(setLayerOpacity(d, 'a', 0.25).layers[0].opacity).toBe(0.25);
    expect(setLayerOpacity(d, 'a', 7).layers[0].opacity).toBeUndefined(); // 1 = the default: no change
    expect(setLayerOpacity(d, 'a', 7)).toBe(d);
    expect(setLayerOpacity(d, 'a', -3).layers[0].opacity).toBe(0);
    expect(setLayerOpacity(d, 'a', Number.NaN)).toBe(d);
  });

  it('renames with whitespace collapsed; a blank name is refused', () => {
    const d = docWith(L('a'));
    expect(renameLayer(d, 'a', '  Sky   fix ').layers[0].name).toBe('Sky fix');
    expect(renameLayer(d, 'a', '   ')).toBe(d);
    expect(renameLayer(d, 'a', 'x'.repeat(500)).layers[0].name).toHaveLength(200);
  });

  it('moves a layer up, down and to the ends (clamped)', () => {
    const d = docWith(L('a'), L('b'), L('c'));
    expect(ids(moveLayer(d, 'a', 2))).toEqual(['b', 'c', 'a']);
    expect(ids(moveLayer(d, 'c', 0))).toEqual(['c', 'a', 'b']);
    expect(ids(moveLayer(d, 'b', 99))).toEqual(['a', 'c', 'b']);
    expect(moveLayer(d, 'b', 1)).toBe(d);
    expect(ids(d)).toEqual(['a', 'b', 'c']);
  });

  it('deletes a layer', () => {
    const d = docWith(L('a'), L('b'));
    expect(ids(deleteLayer(d, 'a'))).toEqual(['b']);
    expect(deleteLayer(d, 'nope')).toBe(d);
  });

  it('duplicates right above, with properties and the same (immutable) mask', () => {
    const d = docWith(L('a', { opacity: 0.5, maskId: 'mask-9' }), L('b'));
    const dup = duplicateLayer(d, 'a', 'a2');
    expect(ids(dup)).toEqual(['a', 'a2', 'b']);
    expect(dup.layers[1]).toMatchObject({ name: 'Layer a copy', opacity: 0.5, maskId: 'mask-9', assetId: d.layers[0].assetId });
    expect(duplicateLayer(d, 'a', 'b')).toBe(d); // id already taken
    // A second copy of the same layer is "copy 2", as in Photoshop.
    expect(duplicateLayer(dup, 'a', 'a3').layers[1].name).toBe('Layer a copy 2');
    expect(copyName('y'.repeat(300))).toHaveLength(200);
  });

  it('names a copy of a copy "copy 2", "copy 3", as Photoshop does (not "copy copy")', () => {
    const d = docWith(L('a', { name: 'Sky copy' }), L('b', { name: 'Sky copy 2' }), L('c', { name: 'copy' }));
    const dup = duplicateLayer(d, 'a', 'a2');
    expect(dup.layers[1].name).toBe('Sky copy 3'); // "Sky copy 2" is taken
    expect(duplicateLayer(docWith(L('a', { name: 'Sky copy' })), 'a', 'a2').layers[1].name).toBe('Sky copy 2');
    expect(duplicateLayer(d, 'b', 'b2').layers[2].name).toBe('Sky copy 3');
    expect(duplicateLayer(docWith(L('a', { name: 'Sky copy 9' })), 'a', 'a2').layers[1].name).toBe('Sky copy 10');
    // A name that is only "copy" has no base: it is copied like any other name.
    expect(duplicateLayer(d, 'c', 'c2').layers[3].name).toBe('copy copy');
    expect(duplicateLayer(docWith(L('a', { name: 'Photocopy' })), 'a', 'a2').layers[1].name).toBe('Photocopy copy');
  });

  it('merges down into one layer with the lower id, refusing the lowest and hidden layers', () => {
    const d = docWith(L('a', { x: 5, y: 5 }), L('b', { x: 10, y: 0, opacity: 0.3, maskId: 'm' }), L('c'));
    expect(unionRect(d.layers[0], d.layers[1])).toEqual({ x: 5, y: 0, width: 15, height: 15 });
    const merged = mergeDown(d, 'b', { assetId: `patch-${'f'.repeat(32)}`, x: 5, y: 0, width: 15, height: 15 });
    expect(ids(merged)).toEqual(['a', 'c']);
    expect(merged.layers[0]).toEqual({
      id: 'a',
      name: 'Layer a',
      assetId: `patch-${'f'.repeat(32)}`,
      x: 5,
      y: 0,
      width: 15,
      height: 15,
      mergedFrom: [d.layers[0].assetId, d.layers[1].assetId],
    });
    // Merged again: what both were made of, lowest first, so a candidate kept as any of them reads as kept.
    const twice = mergeDown(merged, 'c', { assetId: `patch-${'e'.repeat(32)}`, x: 0, y: 0, width: 20, height: 20 });
    expect(twice.layers[0].mergedFrom).toEqual([d.layers[0].assetId, d.layers[1].assetId, `patch-${'f'.repeat(32)}`, d.layers[2].assetId]);
    expect(isKept(twice, d.layers[1].assetId)).toBe(true);
    expect(isKept(twice, `patch-${'9'.repeat(32)}`)).toBe(false);
    expect(mergeDown(d, 'a', merged.layers[0])).toBe(d);
    expect(mergeDownRefusal(d, 'a')).toMatch(/lowest/);
    expect(mergeDownRefusal(d, 'b')).toBeNull();
    const hidden = setLayerVisible(d, 'a', false);
    expect(mergeDownRefusal(hidden, 'b')).toMatch(/Show both/);
    expect(mergeDown(hidden, 'b', merged.layers[0])).toBe(hidden);
  });

  it('a copy of the original goes just above it, where the original sits, named as a copy', () => {
    const d = { ...docWith(L('a'), L('b')), original: { ...docWith().original, x: 7, y: 3 } };
    const copy = addOriginalCopy(d, { assetId: `patch-${'c'.repeat(32)}`, width: 100, height: 100 }, 'o1');
    expect(ids(copy)).toEqual(['o1', 'a', 'b']);
    expect(copy.layers[0]).toEqual({
      id: 'o1',
      name: 'o.jpg copy',
      assetId: `patch-${'c'.repeat(32)}`,
      x: 7,
      y: 3,
      width: 100,
      height: 100,
    });
    expect(copy.original).toBe(d.original); // the original itself is not touched
    expect(addOriginalCopy(copy, { assetId: `patch-${'c'.repeat(32)}`, width: 100, height: 100 }, 'o2').layers[0].name).toBe(
      'o.jpg copy 2',
    );
    expect(addOriginalCopy(copy, { assetId: `patch-${'c'.repeat(32)}`, width: 100, height: 100 }, 'o1')).toBe(copy);
  });

  it('a new layer mask drops the stale mask asset; removing the mask removes both', () => {
    const d = docWith(L('a', { maskId: 'm1', maskAssetId: `mask-${'1'.repeat(32)}` }));
    const painted = setLayerMask(d, 'a', 'm2');
    expect(painted.layers[0].maskId).toBe('m2');
    expect(painted.layers[0].maskAssetId).toBeUndefined();
    const removed = setLayerMask(d, 'a', null);
    expect('maskId' in removed.layers[0] || 'maskAssetId' in removed.layers[0]).toBe(false);
    expect(setLayerMask(docWith(L('a')), 'a', null).layers[0]).toEqual(L('a'));
  });

  it('fills mask assets for every layer with a mask, including versions, and refuses a missing one', () => {
    const d = docWith(L('a', { maskId: 'm1' }), L('b'));
    d.versions.push({
      id: 'v',
      layerId: 'a',
      model: 'local',
      prompt: '',
      requestSize: { width: 1, height: 1 },
      region: { x: 0, y: 0, width: 1, height: 1 },
      costUsd: 0,
      seconds: 0,
      createdAt: 0,
      layersAfter: [L('a', { maskId: 'm0' })],
    });
    expect(layerMaskIds(d).sort()).toEqual(['m0', 'm1']);
    const assets = new Map([
      ['m1', `mask-${'a'.repeat(32)}`],
      ['m0', `mask-${'b'.repeat(32)}`],
    ]);
    const out = withMaskAssets(d, assets);
    expect(out.layers[0].maskAssetId).toBe(`mask-${'a'.repeat(32)}`);
    expect(out.layers[1]).toBe(d.layers[1]);
    expect(out.versions[0].layersAfter![0].maskAssetId).toBe(`mask-${'b'.repeat(32)}`);
    expect(() => withMaskAssets(d, new Map())).toThrow(/not uploaded/);
  });

  it('resolves the mask target: a layer that is gone means the document mask', () => {
    const d = docWith(L('a'));
    expect(maskTargetLayer(d, 'a')?.id).toBe('a');
    expect(maskTargetLayer(d, 'gone')).toBeNull();
    expect(maskTargetLayer(d, null)).toBeNull();
  });
});

describe('dragging a layer row', () => {
  const rows = [0, 1, 2, 3].map((i) => ({ top: i * 30, bottom: i * 30 + 30 }));
  it('lands below every other row whose middle is above the pointer', () => {
    expect(dropListIndex(rows, 0, 5)).toBe(0);
    expect(dropListIndex(rows, 0, 50)).toBe(1); // past row 1's middle (45)
    expect(dropListIndex(rows, 0, 200)).toBe(3);
    expect(dropListIndex(rows, 3, -10)).toBe(0);
    expect(dropListIndex(rows, 2, 40)).toBe(1);
  });
  it('maps the listed order (top first) to the stack order (bottom first)', () => {
    expect(stackIndexOfListed(4, 0)).toBe(3);
    expect(stackIndexOfListed(4, 3)).toBe(0);
  });
});
