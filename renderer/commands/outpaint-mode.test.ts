import { beforeEach, describe, expect, it } from 'vitest';
import { createEmptyMask, rasterizeRect, applyCoverage } from '../../shared/mask';
import { getMask, putMask } from './blob-store';
import { extendCanvas } from './canvas-commands';
import { useEditor } from './store/store';
import { outpaintBlocker, outpaintMode } from './outpaint-client';
import { APPLY_OR_DROP, generateBlocker } from './current-estimate';
import { multiGenerateBlocker } from './multi-generate';

const st = () => useEditor.getState();

beforeEach(() => {
  st().clearStaging();
  st().setJob(null);
  st().openDocument({
    id: `doc-${Math.random()}`,
    canvas: { width: 600, height: 400 },
    original: { assetId: 'asset-original', name: 'coffee.png', width: 600, height: 400, x: 0, y: 0, hasIcc: false, hasExif: false },
    maskId: putMask(createEmptyMask(600, 400)),
    layers: [],
    versions: [],
  });
});

describe('one Generate: when it means "fill the extension"', () => {
  it('after the canvas is extended (mask = new area + band) Generate outpaints', () => {
    expect(outpaintMode(st())).toBe(false);
    expect(extendCanvas({ width: 1200, height: 400 }, { x: 300, y: 0 })).toBeNull();
    expect(outpaintMode(st())).toBe(true);
  });

  it('a mask inside the photo on an extended canvas is an ordinary edit', () => {
    extendCanvas({ width: 1200, height: 400 }, { x: 300, y: 0 });
    const doc = st().doc!;
    const inside = applyCoverage(createEmptyMask(1200, 400), rasterizeRect({ x: 400, y: 100, width: 50, height: 50 }), 'add', 1);
    const id = putMask(inside);
    st().commit('Rectangle', (d) => ({ ...d, maskId: id }));
    expect(getMask(st().doc!.maskId).width).toBe(doc.canvas.width);
    expect(outpaintMode(st())).toBe(false);
  });

  it('once a kept layer covers the whole canvas, Generate edits again', () => {
    extendCanvas({ width: 1200, height: 400 }, { x: 300, y: 0 });
    st().commit('Keep', (d) => ({
      ...d,
      layers: [{ id: 'l1', name: 'Outpaint', assetId: 'asset-patch', x: 0, y: 0, width: 1200, height: 400 }],
    }));
    expect(outpaintMode(st())).toBe(false);
  });
});

describe('Generate with an extension typed but not applied', () => {
  it('says to apply the extension first (one model and several); with the bar empty, how to propose one; "Paint a mask or select an area first" with another tool', () => {
    st().setGen({ prompt: 'extend the table' });
    st().setTool('extend');
    st().setExtend({ sides: { left: 0, right: 300, top: 0, bottom: 0 } });
    expect(generateBlocker(st())).toBe('Apply the extension first (Enter), then Generate');
    expect(multiGenerateBlocker(st())).toBe('Apply the extension first (Enter), then Generate');
    st().setExtend({ sides: { left: 0, right: 0, top: 0, bottom: 0 } });
    expect(generateBlocker(st())).toBe('Pick a size above or drag an edge, then Enter (or paint a mask)');
    expect(multiGenerateBlocker(st())).toBe('Pick a size above or drag an edge, then Enter (or paint a mask)');
    st().setTool('brush');
    expect(generateBlocker(st())).toBe('Paint a mask or select an area first');
    expect(multiGenerateBlocker(st())).toBe('Paint a mask or select an area first');
  });

  it('with a mask left over, a proposal still blocks Generate and names both ways out (it ran an edit of the old mask)', () => {
    st().setGen({ prompt: 'extend the table' });
    const id = putMask(applyCoverage(createEmptyMask(600, 400), rasterizeRect({ x: 100, y: 100, width: 50, height: 50 }), 'add', 1));
    st().commit('Rectangle', (d) => ({ ...d, maskId: id }));
    st().setTool('extend');
    expect(generateBlocker(st())).not.toBe(APPLY_OR_DROP);
    st().setExtend({ sides: { left: 0, right: 300, top: 0, bottom: 0 } });
    expect(generateBlocker(st())).toBe(APPLY_OR_DROP);
    expect(multiGenerateBlocker(st())).toBe(APPLY_OR_DROP);
    expect(APPLY_OR_DROP).toBe('Apply the extension (Enter) to fill the new area, or drop it (Esc) to edit the mask');
  });

  it('on a canvas extended already, a further proposal blocks filling the extension too', () => {
    st().setGen({ prompt: 'extend the table' });
    extendCanvas({ width: 1200, height: 400 }, { x: 300, y: 0 });
    expect(outpaintMode(st())).toBe(true);
    st().setTool('extend');
    st().setExtend({ sides: { left: 0, right: 0, top: 200, bottom: 0 } });
    expect(outpaintBlocker(st())).toBe(APPLY_OR_DROP);
  });
});
