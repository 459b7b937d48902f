/**
 * A plain selection makes a new selection, as in Photoshop (it added to the mask); Shift adds, Alt
 * subtracts, both intersect. Over a mask the brush painted, the replacement says so and is one step.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { docPoint } from '../../shared/geometry/point';
import { readMaskRegion } from '../../shared/mask';
import { modeBadge, modeInEffect, selectionCursor } from '../ui/tools/held-modifiers';
import { getMask } from './blob-store';
import { openBlankDoc } from './job-state-fixture';
import { applyLasso, applyRect, clearCurrentMask, paintStroke } from './mask-commands';
import { NEW_OVER_PAINTING } from './painted-mask';
import { useEditor } from './store/store';

const st = () => useEditor.getState();
const at = (x: number, y: number) => readMaskRegion(getMask(st().doc!.maskId), { x, y, width: 1, height: 1 })[0];
const told = () => st().toasts.filter((t) => t.message === NEW_OVER_PAINTING).length;
const brush = { size: 10, hardness: 1, opacity: 1 };

beforeEach(() => {
  openBlankDoc(100);
  for (const t of st().toasts) st().dismiss(t.id);
});

describe('new selection (the default, as in Photoshop)', () => {
  it('is the options bar mode at start; Shift adds, Alt subtracts, Shift+Alt intersects over it', () => {
    expect(st().selectionMode).toBe('replace');
    expect(modeInEffect('replace', { shift: false, alt: false })).toBe('replace');
    expect(modeInEffect('replace', { shift: true, alt: false })).toBe('add');
    expect(modeInEffect('replace', { shift: false, alt: true })).toBe('subtract');
    expect(modeInEffect('replace', { shift: true, alt: true })).toBe('intersect');
    expect(modeInEffect('subtract', { shift: false, alt: false })).toBe('subtract');
  });

  it('a second plain marquee replaces the first, as one step; undo brings the first back', () => {
    applyRect({ x: 0, y: 0, width: 30, height: 30 }, st().selectionMode);
    applyRect({ x: 60, y: 60, width: 30, height: 30 }, st().selectionMode);
    expect([at(10, 10), at(70, 70)]).toEqual([0, 255]);
    expect(st().label).toBe('Rectangle');
    expect(told()).toBe(0); // a marquee replaced: nothing painted was lost
    st().undo();
    expect([at(10, 10), at(70, 70)]).toEqual([255, 0]);
  });

  it('over a painted mask: replaced as one step, a message says so, Ctrl+Z brings the painting back', () => {
    paintStroke([docPoint(20, 20)], brush, false);
    expect(at(20, 20)).toBe(255);
    applyRect({ x: 60, y: 60, width: 30, height: 30 }, 'replace');
    expect([at(20, 20), at(70, 70)]).toEqual([0, 255]);
    expect(told()).toBe(1);
    st().undo();
    expect([at(20, 20), at(70, 70)]).toEqual([255, 0]);
  });

  it('Shift adds to the painting (no message); the painting is still there for the next new selection to tell', () => {
    paintStroke([docPoint(20, 20)], brush, false);
    applyRect({ x: 60, y: 60, width: 30, height: 30 }, 'add');
    expect([at(20, 20), at(70, 70)]).toEqual([255, 255]);
    expect(told()).toBe(0);
    paintStroke([docPoint(20, 20)], brush, true); // the eraser keeps what else was painted: still painted
    paintStroke([docPoint(40, 40)], brush, false);
    applyLasso([docPoint(0, 60), docPoint(30, 60), docPoint(0, 90)], 'replace');
    expect(told()).toBe(1);
  });

  it('a cleared mask holds no painting: a new selection after Ctrl+D says nothing', () => {
    paintStroke([docPoint(20, 20)], brush, false);
    clearCurrentMask();
    applyRect({ x: 60, y: 60, width: 30, height: 30 }, 'replace');
    applyRect({ x: 10, y: 60, width: 30, height: 30 }, 'replace');
    expect(told()).toBe(0);
  });

  it('the cursor carries the sign of the mode in effect, as Photoshop: + add, − subtract, × intersect', () => {
    expect(['replace', 'add', 'subtract', 'intersect'].map((m) => modeBadge(m as never))).toEqual(['', '+', '−', '×']);
    expect(selectionCursor('replace')).toBe('crosshair');
    expect(selectionCursor('add')).toMatch(/^url\("data:image\/svg\+xml,.*"\) 11 11, crosshair$/);
    expect(decodeURIComponent(selectionCursor('subtract'))).toContain('>−</text>');
  });
});

describe('painting carried through a nudge', () => {
  it('a painted mask nudged with the arrows is still painting: a new selection over it says so', async () => {
    const { nudgeDocumentMask } = await import('./mask-nudge');
    paintStroke([docPoint(20, 20)], brush, false);
    nudgeDocumentMask(3, 0);
    applyRect({ x: 60, y: 60, width: 30, height: 30 }, 'replace');
    expect(told()).toBe(1);
  });
});
