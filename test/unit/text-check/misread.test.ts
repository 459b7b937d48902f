/**
 * Which "wrong" readings are worth a second, single-line reading (shared/text-check/misread.ts):
 * only those whose differences from the request involve no character of a near-miss family.
 */
import { describe, expect, it } from 'vitest';
import { editScript, misreadOnly } from '../../../shared/text-check/misread';
import type { TextVerdict } from '../../../shared/text-check/text-match';

const wrong = (expected: string, read: string, extra: Partial<TextVerdict> = {}): TextVerdict => ({
  status: 'wrong',
  expected,
  read,
  reading: read,
  distance: 1,
  similarity: 0.8,
  ...extra,
});

describe('misreadOnly', () => {
  it('re-reads a line misread only in letters outside the near-miss families', () => {
    // Readings of right candidates in old-style figures (Junction, Goudy Bookletter 1911).
    expect(misreadOnly(wrong('Storm 9', 'Storm g'))).toBe(true);
    expect(misreadOnly(wrong('Storm 9', 'Storm ¢'))).toBe(true);
    expect(misreadOnly(wrong('Park 31', 'Park a1'))).toBe(true);
    expect(misreadOnly(wrong('OVEN 5', 'OVFN 5'))).toBe(true);
    expect(misreadOnly(wrong('Gain 0.8', 'Gain 0,8'))).toBe(true);
    expect(misreadOnly(wrong('Hall 50', 'Hall 50.'))).toBe(true);
  });

  it('never re-reads a difference in O/0, a bare stem or r/n/m', () => {
    expect(misreadOnly(wrong('V2.0', 'V2.O'))).toBe(false);
    expect(misreadOnly(wrong('Size 11', 'Size 1'))).toBe(false);
    expect(misreadOnly(wrong('Hall 12', 'Ha1l 12'))).toBe(false);
    expect(misreadOnly(wrong('modern', 'nodern'))).toBe(false);
    expect(misreadOnly(wrong('Turn left', 'Tum left'))).toBe(false);
    expect(misreadOnly(wrong('Version 3.1', 'Version 3.7'))).toBe(false);
    expect(misreadOnly(wrong('No. 1 choice', 'No. 1 cholce'))).toBe(false);
    expect(misreadOnly(wrong('Octa 7', 'Ccta 7'))).toBe(false);
    expect(misreadOnly(wrong('Octa 7', 'Octay'))).toBe(false);
    expect(misreadOnly(wrong('Row 90', 'Row go'))).toBe(false);
    expect(misreadOnly(wrong('OVEN 5', 'OVEN j5'))).toBe(false);
    expect(misreadOnly(wrong('Park 31', 'Pask 31'))).toBe(false);
  });

  it('never re-reads a wrong digit, a glyph veto, the old text or a right reading', () => {
    expect(misreadOnly(wrong('Only 7,99 €', 'Only 7,98 €'))).toBe(false);
    expect(misreadOnly(wrong('V2.0', 'V2.0', { distance: 1, note: 'looks like "O"' }))).toBe(false);
    expect(misreadOnly(wrong('Hall 50', 'Hafl 50', { oldGone: false }))).toBe(false);
    expect(misreadOnly({ ...wrong('Hall 50', 'Hall 50'), status: 'right', distance: 0 })).toBe(false);
    expect(misreadOnly({ ...wrong('Hall 50', 'Hall 50'), status: 'unsure' })).toBe(false);
    expect(misreadOnly(wrong('Hall 50', ''))).toBe(false);
  });

  it('aligns the request with the reading character by character', () => {
    expect(editScript('abc', 'axc').map((o) => o.op)).toEqual(['match', 'sub', 'match']);
    expect(editScript('abc', 'ac').map((o) => o.op)).toEqual(['match', 'del', 'match']);
    expect(editScript('ac', 'abc').map((o) => o.op)).toEqual(['match', 'ins', 'match']);
  });
});
