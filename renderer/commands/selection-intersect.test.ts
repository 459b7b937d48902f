/** Shift+Alt intersects, as in Photoshop: the mask stays only where the new selection overlaps it. */
import { describe, expect, it } from 'vitest';
import { effectiveMode } from '../ui/tools/selection-mode';
import { getMask } from './blob-store';
import { applyEllipse, applyRect } from './mask-commands';
import { useEditor } from './store/store';
import { openBlankDoc } from './job-state-fixture';
import { readMaskRegion } from '../../shared/mask';

const st = () => useEditor.getState();
const at = (x: number, y: number) => readMaskRegion(getMask(st().doc!.maskId), { x, y, width: 1, height: 1 })[0];

describe('intersect', () => {
  it('is what Shift and Alt held together ask for; each alone still adds / subtracts', () => {
    expect(effectiveMode('add', true, true)).toBe('intersect');
    expect(effectiveMode('replace', true, false)).toBe('add');
    expect(effectiveMode('add', false, true)).toBe('subtract');
  });

  it('keeps the overlap only, with the smaller value on a soft edge, as one step', () => {
    openBlankDoc(100);
    applyRect({ x: 0, y: 0, width: 60, height: 60 }, 'replace');
    applyRect({ x: 40, y: 40, width: 60, height: 60 }, 'intersect');
    expect(st().label).toBe('Rectangle intersect');
    expect([at(50, 50), at(10, 10), at(90, 90), at(50, 10)]).toEqual([255, 0, 0, 0]);
    // An ellipse over the overlap: its antialiased rim keeps the smaller value, outside it nothing.
    applyEllipse({ x: 40, y: 40, width: 20, height: 20 }, 'intersect');
    expect(at(50, 50)).toBe(255);
    expect(at(41, 41)).toBe(0);
    st().undo();
    expect(at(41, 41)).toBe(255);
  });

  it('with no overlap leaves an empty mask', () => {
    openBlankDoc(100);
    applyRect({ x: 0, y: 0, width: 30, height: 30 }, 'replace');
    applyRect({ x: 50, y: 50, width: 30, height: 30 }, 'intersect');
    expect(at(10, 10)).toBe(0);
    expect(at(60, 60)).toBe(0);
  });
});
