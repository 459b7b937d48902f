import { describe, expect, it } from 'vitest';
import { wroteLine } from './wrote-line';

describe('wroteLine', () => {
  it('names each file with its seed when the offline engine made them', () => {
    expect(wroteLine({ outputs: ['a-1.png', 'a-2.png'], seeds: [41, 42], estimatedCostUsd: 0 })).toBe(
      'Wrote a-1.png (seed 41), a-2.png (seed 42)\n',
    );
  });
  it('gives the estimate of a cloud edit and no seed', () => {
    expect(wroteLine({ outputs: ['out.png'], estimatedCostUsd: 0.0527 })).toBe('Wrote out.png · ≈ $0.053\n');
  });
  it('leaves the seeds out when they do not match the files one to one', () => {
    expect(wroteLine({ outputs: ['a.png', 'b.png'], seeds: [1] })).toBe('Wrote a.png, b.png\n');
  });
});
