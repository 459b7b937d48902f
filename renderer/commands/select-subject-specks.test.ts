/**
 * Select subject keeps the mask when it finds only specks: on colorful-cups.jpg it found 1 783
 * scattered pixels of 4 MP and replaced a cup selected with object select by them, silently.
 */
import { describe, expect, it } from 'vitest';
import { MIN_SUBJECT_SHARE, standsOut } from './select-commands';

const cut = (on: number, size: number) => {
  const data = new Uint8Array(size);
  for (let i = 0; i < on; i++) data[i * 7 < size ? i * 7 : i] = 255;
  return { data };
};

describe('a subject that stands out', () => {
  it('selects at least 0.1 % of the photo at half coverage or more', () => {
    const photo = 2560 * 1600;
    expect(MIN_SUBJECT_SHARE).toBe(0.001);
    expect(standsOut(cut(1783, photo), photo)).toBe(false);
    expect(standsOut(cut(5000, photo), photo)).toBe(true);
    // Faint coverage does not count: 10 000 pixels at a quarter are no selection the panel would use.
    expect(standsOut({ data: new Uint8Array(10_000).fill(64) }, photo)).toBe(false);
  });
});
