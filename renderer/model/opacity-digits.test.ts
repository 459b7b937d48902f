import { describe, expect, it } from 'vitest';
import { DIGIT_PAIR_MS, opacityFromDigit, type DigitState } from './opacity-digits';

/** The opacities a run of digits sets, each [digit, ms]. */
function typed(keys: [number, number][]): number[] {
  let st: DigitState | null = null;
  return keys.map(([d, at]) => {
    const r = opacityFromDigit(st, d, at);
    st = r.next;
    return Math.round(r.opacity * 100);
  });
}

describe('brush opacity from the number keys (Photoshop)', () => {
  it('one digit sets tens, 0 is 100 %', () => {
    expect(typed([[4, 0]])).toEqual([40]);
    expect(typed([[0, 0]])).toEqual([100]);
  });
  it('two digits typed quickly spell the percentage: 4 5 = 45 %, 0 5 = 5 %', () => {
    expect(
      typed([
        [4, 0],
        [5, 300],
      ]),
    ).toEqual([40, 45]);
    expect(
      typed([
        [0, 0],
        [5, 200],
      ]),
    ).toEqual([100, 5]);
  });
  it('slowly, each digit is its own; a third quick digit starts again', () => {
    expect(
      typed([
        [4, 0],
        [5, DIGIT_PAIR_MS + 1],
      ]),
    ).toEqual([40, 50]);
    expect(
      typed([
        [4, 0],
        [5, 100],
        [6, 200],
      ]),
    ).toEqual([40, 45, 60]);
  });
});
