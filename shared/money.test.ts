import { describe, expect, it } from 'vitest';
import { formatUsd } from './money';

describe('formatUsd', () => {
  it('three decimals under a dollar, cents from a dollar up', () => {
    expect(formatUsd(0)).toBe('$0.000');
    expect(formatUsd(0.027)).toBe('$0.027');
    expect(formatUsd(0.05)).toBe('$0.050');
    expect(formatUsd(0.0314)).toBe('$0.031');
    expect(formatUsd(1.2)).toBe('$1.20');
    expect(formatUsd(5.123)).toBe('$5.12');
    expect(formatUsd(Number.NaN)).toBe('$0.000');
  });
});
