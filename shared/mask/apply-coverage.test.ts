import { describe, it, expect } from 'vitest';
import { applyCoverage, coverageLut } from './apply-coverage';
import { maskFromArray, maskToArray } from './mask-region';
import { TILE_SIZE, createEmptyMask, createFullMask, getMaskValue, type Coverage } from './tiled-mask';

function uniformCoverage(x: number, y: number, width: number, height: number, v: number): Coverage {
  return { rect: { x, y, width, height }, data: new Uint8Array(width * height).fill(v) };
}

/** Index of the first differing byte, or -1 (cheaper than deep-equal on big arrays). */
function firstDiff(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length) return -2;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return i;
  return -1;
}

function constMask(w: number, h: number, v: number) {
  return maskFromArray(w, h, new Uint8Array(w * h).fill(v));
}

describe('selection modes: union and cut', () => {
  it('a soft-edged selection added twice is the same; cut by itself it leaves nothing, not a faint edge', () => {
    const W = 64;
    const soft = new Uint8Array(W * W);
    for (let i = 0; i < soft.length; i++) soft[i] = (i * 7) % 256; // every edge value there is
    const cov: Coverage = { rect: { x: 0, y: 0, width: W, height: W }, data: soft };
    const once = applyCoverage(createEmptyMask(W, W), cov, 'union');
    const twice = applyCoverage(once, cov, 'union');
    expect(firstDiff(maskToArray(twice), maskToArray(once))).toBe(-1);
    const gone = maskToArray(applyCoverage(twice, cov, 'cut'));
    expect(Math.max(...gone)).toBe(0);
    // The paint modes, for comparison, leave a trace (why selections do not use them).
    const painted = applyCoverage(applyCoverage(createEmptyMask(W, W), cov, 'add'), cov, 'subtract');
    expect(Math.max(...maskToArray(painted))).toBeGreaterThan(50);
    // Cut by a partial selection lowers by its value.
    expect(coverageLut('cut', 1)[(200 << 8) | 80]).toBe(120);
    expect(coverageLut('union', 1)[(200 << 8) | 80]).toBe(200);
  });
});

describe('coverageLut', () => {
  it('implements the add / subtract / replace formulas', () => {
    const add = coverageLut('add', 1);
    expect(add[(100 << 8) | 0]).toBe(100);
    expect(add[(100 << 8) | 255]).toBe(255);
    expect(add[(100 << 8) | 51]).toBe(Math.round(100 + (51 * 155) / 255)); // 131
    const sub = coverageLut('subtract', 0.5);
    expect(sub[(200 << 8) | 255]).toBe(100);
    expect(sub[(200 << 8) | 0]).toBe(200);
    const rep = coverageLut('replace', 0.5);
    expect(rep[(200 << 8) | 255]).toBe(128);
    expect(rep[(200 << 8) | 0]).toBe(0);
  });
});

describe('applyCoverage', () => {
  it('adds with opacity: m + a(255-m)/255', () => {
    const m = constMask(10, 10, 100);
    const out = applyCoverage(m, uniformCoverage(2, 2, 3, 3, 200), 'add', 0.5);
    const a = 200 * 0.5;
    expect(getMaskValue(out, 3, 3)).toBe(Math.round(100 + (a * 155) / 255)); // 161
    expect(getMaskValue(out, 1, 1)).toBe(100);
    expect(getMaskValue(out, 5, 5)).toBe(100);
  });

  it('subtracts with opacity: m(1 - a/255)', () => {
    const m = constMask(10, 10, 200);
    const out = applyCoverage(m, uniformCoverage(0, 0, 10, 10, 255), 'subtract', 0.25);
    expect(getMaskValue(out, 4, 4)).toBe(150);
    const gone = applyCoverage(m, uniformCoverage(0, 0, 10, 10, 255), 'subtract');
    expect(getMaskValue(gone, 4, 4)).toBe(0);
    expect(gone.tiles[0]).toBe(0);
  });

  it('replaces with the coverage value times opacity, including zeros', () => {
    const m = constMask(10, 10, 200);
    const cov = uniformCoverage(0, 0, 4, 1, 0);
    cov.data[1] = 255;
    cov.data[2] = 100;
    const out = applyCoverage(m, cov, 'replace', 0.5);
    expect([0, 1, 2, 3, 4].map((x) => getMaskValue(out, x, 0))).toEqual([0, 128, 50, 0, 200]);
  });

  it('clips coverage extending outside the mask', () => {
    const m = createEmptyMask(10, 10);
    const out = applyCoverage(m, uniformCoverage(-5, 8, 20, 10, 255), 'add');
    const arr = maskToArray(out);
    let count = 0;
    for (const v of arr) if (v === 255) count++;
    expect(count).toBe(20);
    expect(getMaskValue(out, 0, 8)).toBe(255);
    expect(getMaskValue(out, 9, 9)).toBe(255);
    expect(getMaskValue(out, 9, 7)).toBe(0);
  });

  it('returns the input mask when the coverage misses it or changes nothing', () => {
    const m = createEmptyMask(300, 300);
    expect(applyCoverage(m, uniformCoverage(400, 400, 5, 5, 255), 'add')).toBe(m);
    expect(applyCoverage(m, uniformCoverage(10, 10, 5, 5, 255), 'subtract')).toBe(m);
    expect(applyCoverage(m, uniformCoverage(10, 10, 5, 5, 0), 'add')).toBe(m);
    const f = createFullMask(300, 300);
    expect(applyCoverage(f, uniformCoverage(10, 10, 5, 5, 255), 'add')).toBe(f);
  });

  it('leaves the input unchanged and shares untouched tiles by reference', () => {
    const m0 = applyCoverage(createEmptyMask(600, 520), uniformCoverage(0, 0, 600, 520, 90), 'add');
    const before = maskToArray(m0);
    const out = applyCoverage(m0, uniformCoverage(300, 10, 5, 5, 255), 'add');
    expect(out === m0).toBe(false);
    expect(firstDiff(maskToArray(m0), before)).toBe(-1);
    for (let i = 0; i < out.tiles.length; i++) {
      if (i === 1) expect(out.tiles[i] === m0.tiles[i]).toBe(false);
      else expect(out.tiles[i] === m0.tiles[i]).toBe(true);
    }
    expect(getMaskValue(out, 302, 12)).toBe(255);
    expect(getMaskValue(out, 299, 12)).toBe(90);
  });

  it('collapses tiles that become uniform and only allocates touched tiles', () => {
    const m = createEmptyMask(600, 520);
    const out = applyCoverage(m, uniformCoverage(256, 0, 256, 256, 255), 'add');
    expect(out.tiles[1]).toBe(255);
    expect(out.tiles.filter((t) => t !== 0)).toHaveLength(1);
    const partial = applyCoverage(m, uniformCoverage(250, 0, 10, 10, 255), 'add');
    expect(partial.tiles[0]).toBeInstanceOf(Uint8Array);
    expect(partial.tiles[1]).toBeInstanceOf(Uint8Array);
    expect(partial.tiles[2]).toBe(0);
    const back = applyCoverage(partial, uniformCoverage(250, 0, 10, 10, 255), 'subtract');
    expect(back.tiles.every((t) => t === 0)).toBe(true);
  });

  it('keeps edge tile bytes outside the mask at 0 when materialising a full tile', () => {
    const m = createFullMask(300, 270);
    const out = applyCoverage(m, uniformCoverage(290, 260, 5, 5, 255), 'subtract');
    const edge = out.tiles[3] as Uint8Array;
    expect(edge).toBeInstanceOf(Uint8Array);
    expect(edge[0]).toBe(255);
    expect(edge[43]).toBe(255);
    expect(edge[44]).toBe(0);
    expect(edge[14 * TILE_SIZE]).toBe(0);
    expect(edge[(264 - 256) * TILE_SIZE + (292 - 256)]).toBe(0);
  });

  it('rejects a coverage whose data does not match its rect', () => {
    expect(() =>
      applyCoverage(createEmptyMask(10, 10), { rect: { x: 0, y: 0, width: 3, height: 3 }, data: new Uint8Array(8) }, 'add'),
    ).toThrow(RangeError);
  });
});
