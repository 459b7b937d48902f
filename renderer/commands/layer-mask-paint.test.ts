import { beforeEach, describe, expect, it } from 'vitest';
import { createEmptyMask } from '../../shared/mask';
import type { DocState } from '../model/document-types';
import { putMask } from './blob-store';
import { NOTHING_TO_SHOW, paintLayerMask } from './layer-commands';
import { useEditor } from './store/store';

const st = () => useEditor.getState();
const brush = { size: 6, hardness: 1, opacity: 1 } as never;
const stroke = [
  { x: 10, y: 10 },
  { x: 20, y: 10 },
] as never;

beforeEach(() => {
  const doc: DocState = {
    id: `doc-${Math.random()}`,
    canvas: { width: 64, height: 48 },
    original: { assetId: 'img-a', name: 'a.jpg', width: 64, height: 48, x: 0, y: 0, hasIcc: false, hasExif: false },
    maskId: putMask(createEmptyMask(64, 48)),
    layers: [{ id: 'l1', name: 'Kept', assetId: 'patch-1', x: 0, y: 0, width: 32, height: 32 }],
    versions: [],
  };
  st().openDocument(doc);
  for (const t of [...st().toasts]) st().dismiss(t.id);
});

describe('painting a layer mask', () => {
  it('the brush on a layer with no mask (all shown) changes nothing: no step, a message says the eraser hides', () => {
    const steps = st().past.length;
    expect(paintLayerMask('l1', stroke, brush, false)).toBeNull();
    expect(st().past.length).toBe(steps);
    expect(st().doc!.layers[0].maskId).toBeUndefined();
    expect(st().toasts.map((t) => t.message)).toEqual([NOTHING_TO_SHOW]);
  });

  it('the eraser gives it a mask in one step, and the brush brings it back in another', () => {
    const steps = st().past.length;
    const id = paintLayerMask('l1', stroke, brush, true);
    expect(id).toBeTruthy();
    expect(st().past.length).toBe(steps + 1);
    expect(st().doc!.layers[0].maskId).toBe(id);
    expect(paintLayerMask('l1', stroke, brush, false)).not.toBe(id);
    expect(st().past.length).toBe(steps + 2);
    expect(st().toasts).toHaveLength(0);
  });
});
