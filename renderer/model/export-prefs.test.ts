import { describe, expect, it } from 'vitest';
import { DEFAULT_EXPORT, exportOptionsFor, parseExportPrefs, qualityFor, formatOfOriginal } from './export-prefs';

describe('export settings', () => {
  it('reads what was stored, clamps the quality, and falls back to PNG on anything else', () => {
    expect(parseExportPrefs('{"format":"jpeg","quality":85}')).toEqual({ ...DEFAULT_EXPORT, format: 'jpeg', quality: 85 });
    expect(parseExportPrefs('{"format":"webp","quality":400}')).toEqual({ ...DEFAULT_EXPORT, format: 'webp', quality: 100 });
    expect(parseExportPrefs('{"format":"psd","tiffCompression":"lzw","includePrompts":true}')).toEqual({
      ...DEFAULT_EXPORT,
      format: 'psd',
      tiffCompression: 'lzw',
      includePrompts: true,
    });
    expect(parseExportPrefs('{"format":"tiff","tiffCompression":"zip","includePrompts":"yes"}')).toEqual({
      ...DEFAULT_EXPORT,
      format: 'tiff',
    });
    expect(parseExportPrefs('{"format":"gif","quality":"x"}')).toEqual(DEFAULT_EXPORT);
    expect(parseExportPrefs('not json')).toEqual(DEFAULT_EXPORT);
    expect(parseExportPrefs(null)).toEqual(DEFAULT_EXPORT);
  });

  it('PNG, TIFF and PSD send no quality; JPEG and WebP send theirs', () => {
    expect(qualityFor({ ...DEFAULT_EXPORT, format: 'png', quality: 50 })).toBeUndefined();
    expect(qualityFor({ ...DEFAULT_EXPORT, format: 'tiff', quality: 50 })).toBeUndefined();
    expect(qualityFor({ ...DEFAULT_EXPORT, format: 'psd', quality: 50 })).toBeUndefined();
    expect(qualityFor({ ...DEFAULT_EXPORT, format: 'jpeg', quality: 50 })).toBe(50);
  });

  it("keeping a JPEG original's data is on unless it was turned off, and travels with the options", () => {
    expect(DEFAULT_EXPORT.jpegKeepOriginal).toBe(true);
    expect(parseExportPrefs('{"format":"jpeg"}').jpegKeepOriginal).toBe(true);
    expect(parseExportPrefs('{"format":"jpeg","jpegKeepOriginal":false}').jpegKeepOriginal).toBe(false);
    expect(parseExportPrefs('{"format":"jpeg","jpegKeepOriginal":"no"}').jpegKeepOriginal).toBe(true);
    expect(exportOptionsFor({ ...DEFAULT_EXPORT, jpegKeepOriginal: false }).jpegKeepOriginal).toBe(false);
  });
});

describe('the format before one was chosen', () => {
  it("is the original's own (JPEG for a camera JPEG, as Save As offers), else PNG; a stored choice wins", () => {
    expect(['IMG_0042.JPG', 'a.jpeg', 'scan.tif', 'x.webp', 'layers.psd', 'shot.png', 'raw.heic', undefined].map(formatOfOriginal)).toEqual(
      ['jpeg', 'jpeg', 'tiff', 'webp', 'psd', 'png', 'png', 'png'],
    );
    expect(parseExportPrefs(null, 'jpeg').format).toBe('jpeg');
    expect(parseExportPrefs('{"quality": 80}', 'jpeg')).toMatchObject({ format: 'jpeg', quality: 80 });
    expect(parseExportPrefs('{"format": "png"}', 'jpeg').format).toBe('png');
  });
});
