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

describe('wroteLine with the text checked', () => {
  const verdict = (output: string, status: string, read: string, distance: number) => ({
    output,
    attempt: 0,
    expected: 'V2.0',
    reading: read,
    status,
    read,
    distance,
    similarity: 1 - distance / 4,
    oldGone: true,
  });
  it('says per file what was read, and how many are right', () => {
    const text = wroteLine({
      outputs: ['s-1.png', 's-2.png'],
      estimatedCostUsd: 0.08,
      textCheck: { candidates: [verdict('s-1.png', 'right', 'V2.0', 0), verdict('s-2.png', 'wrong', 'V2.O', 1)] },
    });
    expect(text).toBe(
      'Wrote s-1.png, s-2.png · ≈ $0.080\nText “V2.0”: 1 of 2 spelled right\n  s-1.png: Spelled right: V2.0\n  s-2.png: 1 character wrong: read V2.O, asked for V2.0\n',
    );
  });
  it('says when none is right', () => {
    const text = wroteLine({ outputs: ['s.png'], textCheck: { candidates: [verdict('s.png', 'wrong', 'xx', 4)] } });
    expect(text.split('\n')[1]).toBe('Text “V2.0”: none spelled right');
  });
});
