/**
 * Object select's gestures, as in Photoshop's Object Selection: every drag is a rectangle (Shift adds
 * the object found in it, Alt subtracts it), begun inside the open selection's rectangle too (a Shift
 * drag there painted an "object" stroke); a Shift / Alt click in or near it is the refining hint.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { docPoint, screenPoint } from '../../../shared/geometry/point';

const calls = vi.hoisted(() => ({ rects: [] as unknown[][], hints: [] as unknown[][], open: true }));
vi.mock('../../commands/select-commands', () => ({
  objectSelectRect: (...a: unknown[]) => {
    calls.rects.push(a);
    return Promise.resolve();
  },
  refineObject: (...a: unknown[]) => {
    calls.hints.push(a);
    return Promise.resolve();
  },
  // The open selection's rectangle: 100..300 both ways.
  objectStrokeAt: (p: { x: number; y: number }, reach: number) =>
    calls.open && p.x >= 100 - reach && p.x <= 300 + reach && p.y >= 100 - reach && p.y <= 300 + reach,
}));

import { openBlankDoc } from '../../commands/job-state-fixture';
import { useEditor } from '../../commands/store/store';
import { createObjectTool } from './object-tool';
import type { LiveSurface, ToolPointer } from './tool-types';

const live = {
  ctx: new Proxy({}, { get: () => () => {} }),
  clear: () => {},
  toScreen: (x: number, y: number) => ({ x, y }),
  scale: () => 1,
} as unknown as LiveSurface;

function ptr(x: number, y: number, keys: { shift?: boolean; alt?: boolean }): ToolPointer {
  return {
    doc: docPoint(x, y),
    screen: screenPoint(x, y),
    shift: !!keys.shift,
    alt: !!keys.alt,
    button: 0,
    detail: 1,
    pressure: 0.5,
    pointerType: 'mouse',
  };
}

/** A press at `a`, moves to `b` in steps, release at `b`, the keys held throughout. */
function gesture(a: [number, number], b: [number, number], keys: { shift?: boolean; alt?: boolean } = {}) {
  const tool = createObjectTool();
  tool.down(ptr(a[0], a[1], keys), live);
  for (let i = 1; i <= 5; i++) tool.move(ptr(a[0] + ((b[0] - a[0]) * i) / 5, a[1] + ((b[1] - a[1]) * i) / 5, keys), live);
  tool.up(ptr(b[0], b[1], keys), live);
  expect(tool.state()).toBe('idle');
}

beforeEach(() => {
  openBlankDoc(500);
  calls.rects.length = 0;
  calls.hints.length = 0;
  calls.open = true;
});

describe('object select gestures', () => {
  it('a Shift-drag begun inside the open rectangle is a rectangle that adds (it painted an "object" stroke)', () => {
    gesture([150, 150], [400, 420], { shift: true });
    expect(calls.hints).toEqual([]);
    expect(calls.rects).toEqual([[{ x: 150, y: 150, width: 250, height: 270 }, 'add']]);
  });

  it('a Shift-drag begun outside it, or with no selection open, adds too', () => {
    gesture([450, 450], [350, 320], { shift: true });
    calls.open = false;
    gesture([150, 150], [250, 250], { shift: true });
    expect(calls.hints).toEqual([]);
    expect(calls.rects.map((r) => r[1])).toEqual(['add', 'add']);
  });

  it('an Alt-drag inside it subtracts; a plain drag is a new selection', () => {
    gesture([150, 150], [250, 250], { alt: true });
    gesture([120, 130], [200, 210]);
    expect(calls.hints).toEqual([]);
    expect(calls.rects.map((r) => r[1])).toEqual(['subtract', useEditor.getState().selectionMode]);
  });

  it('a Shift-click in or near the rectangle is the "object" hint, an Alt-click the "not object" one', () => {
    const size = useEditor.getState().brush.size;
    gesture([200, 200], [201, 202], { shift: true });
    gesture([300 + size, 200], [300 + size, 200], { shift: true }); // within a brush width and a half
    gesture([200, 220], [200, 220], { alt: true });
    expect(calls.rects).toEqual([]);
    expect(calls.hints).toEqual([
      [[{ x: 201, y: 202 }], size, true],
      [[{ x: 300 + size, y: 200 }], size, true],
      [[{ x: 200, y: 220 }], size, false],
    ]);
  });

  it('a Shift-click far from the rectangle, or a plain click, does nothing', () => {
    gesture([480, 480], [480, 480], { shift: true });
    gesture([200, 200], [200, 200]);
    expect(calls.rects).toEqual([]);
    expect(calls.hints).toEqual([]);
  });
});
