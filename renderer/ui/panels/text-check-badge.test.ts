import { describe, expect, it } from 'vitest';
import { readingLine } from './TextCheckBadge';

describe('the text badge tooltip reading', () => {
  it('is one line, its runs of spaces and breaks as one space', () => {
    expect(readingLine('SALE\n  50 %\t\nOFF ')).toBe('SALE 50 % OFF');
  });
  it('says (nothing) when nothing was read', () => {
    expect(readingLine(' \n ')).toBe('(nothing)');
  });
  it('is cut at 80 characters', () => {
    const line = readingLine('a b '.repeat(40));
    expect(line).toHaveLength(80);
    expect(line.endsWith('…')).toBe(true);
  });
});
