import { describe, expect, it } from 'vitest';
import { applyCoverage } from './apply-coverage';
import { createEmptyMask, maskToArray } from './index';
import { trimCoverage } from './trim-coverage';

describe('trimCoverage', () => {
  it('cuts a coverage down to its non-zero box, and adds or subtracts exactly what the whole did', () => {
    const rect = { x: 300, y: 200, width: 400, height: 300 };
    const data = new Uint8Array(rect.width * rect.height);
    for (let y = 50; y < 120; y++) for (let x = 30; x < 250; x++) data[y * rect.width + x] = (x * 7 + y) % 256;
    data[299 * rect.width + 10] = 9; // a lone pixel far down-left
    const cov = { rect, data };
    const t = trimCoverage(cov);
    expect(t.rect).toEqual({ x: 310, y: 250, width: 240, height: 250 });
    const base = applyCoverage(
      createEmptyMask(1000, 700),
      { rect: { x: 0, y: 0, width: 1000, height: 700 }, data: new Uint8Array(700_000).fill(100) },
      'add',
    );
    for (const mode of ['add', 'subtract'] as const)
      expect(maskToArray(applyCoverage(base, t, mode))).toEqual(maskToArray(applyCoverage(base, cov, mode)));
  });

  it('an all-zero coverage becomes empty; a full one is returned as it is', () => {
    const rect = { x: 5, y: 6, width: 20, height: 10 };
    expect(trimCoverage({ rect, data: new Uint8Array(200) })).toEqual({
      rect: { x: 5, y: 6, width: 0, height: 0 },
      data: new Uint8Array(0),
    });
    const full = { rect, data: new Uint8Array(200).fill(1) };
    expect(trimCoverage(full)).toBe(full);
  });
});
