import { describe, expect, it } from 'vitest';
import { progressLine } from './progress-line';

function sink(isTTY: boolean) {
  const out: string[] = [];
  return { out, s: { isTTY, write: (t: string) => out.push(t) } };
}

describe('progressLine', () => {
  it('on a terminal rewrites one line in place and ends it once', () => {
    const { out, s } = sink(true);
    const p = progressLine(s, true);
    p.update(0.08, 'Generating');
    p.update(0.5, 'Generating');
    p.end();
    p.end();
    expect(out).toEqual([`\r${'8% Generating'.padEnd(60)}`, `\r${'50% Generating'.padEnd(60)}`, '\n']);
  });
  it('off a terminal says each stage once, on its own line', () => {
    const { out, s } = sink(false);
    const p = progressLine(s, true);
    for (const [f, st] of [
      [0.01, 'Preparing…'],
      [0.08, 'Generating'],
      [0.5, 'Generating'],
      [0.9, 'Compositing'],
    ] as const)
      p.update(f, st);
    p.end();
    expect(out).toEqual(['Preparing…\n', 'Generating\n', 'Compositing\n']);
  });
  it('says nothing when disabled (--json)', () => {
    const { out, s } = sink(true);
    const p = progressLine(s, false);
    p.update(0.5, 'Generating');
    p.end();
    expect(out).toEqual([]);
  });
});
