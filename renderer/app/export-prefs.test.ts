import { describe, expect, it } from 'vitest';
import { DEFAULT_EXPORT, parseExportPrefs, qualityFor } from './export-prefs';

describe('export settings', () => {
  it('reads what was stored, clamps the quality, and falls back to PNG on anything else', () => {
    expect(parseExportPrefs('{"format":"jpeg","quality":85}')).toEqual({ format: 'jpeg', quality: 85 });
    expect(parseExportPrefs('{"format":"webp","quality":400}')).toEqual({ format: 'webp', quality: 100 });
    expect(parseExportPrefs('{"format":"gif","quality":"x"}')).toEqual(DEFAULT_EXPORT);
    expect(parseExportPrefs('not json')).toEqual(DEFAULT_EXPORT);
    expect(parseExportPrefs(null)).toEqual(DEFAULT_EXPORT);
  });

  it('PNG sends no quality; JPEG and WebP send theirs', () => {
    expect(qualityFor({ format: 'png', quality: 50 })).toBeUndefined();
    expect(qualityFor({ format: 'jpeg', quality: 50 })).toBe(50);
  });
});
