import { describe, expect, it } from 'vitest';
import { depthNote, exportedMessage, exportPromise, lossyNote } from './export-message';

describe('the export toast', () => {
  const base = { width: 6000, height: 4000, format: 'png', path: '/tmp/a.png' };
  it('names what of the original went with the file in one parenthesis', () => {
    expect(exportedMessage({ ...base, keptIcc: true, keptExif: true })).toBe(
      'Exported 6000×4000 PNG to /tmp/a.png (colour profile and EXIF kept).',
    );
    expect(exportedMessage({ ...base, keptExif: true })).toBe('Exported 6000×4000 PNG to /tmp/a.png (EXIF kept).');
    expect(exportedMessage({ ...base, depth: 16, keptIcc: true })).toBe(
      'Exported 6000×4000 16-bit PNG to /tmp/a.png (colour profile kept).',
    );
    expect(exportedMessage(base)).toBe('Exported 6000×4000 PNG to /tmp/a.png.');
  });
  it('names the XMP and the edit record when they went into the file, as the dialog promised', () => {
    expect(exportedMessage({ ...base, keptIcc: true, keptExif: true, keptXmp: true, editRecord: true })).toBe(
      'Exported 6000×4000 PNG to /tmp/a.png (colour profile, EXIF and XMP kept, with an edit record of the AI models used).',
    );
    expect(exportedMessage({ ...base, keptExif: true, editRecord: true })).toBe(
      'Exported 6000×4000 PNG to /tmp/a.png (EXIF kept, with an edit record of the AI models used).',
    );
    expect(exportedMessage({ ...base, editRecord: true })).toBe(
      'Exported 6000×4000 PNG to /tmp/a.png (with an edit record of the AI models used).',
    );
    expect(exportedMessage({ ...base, keptXmp: true })).toBe('Exported 6000×4000 PNG to /tmp/a.png (XMP kept).');
  });
  it('the dialog promises only what the photo has', () => {
    expect(exportPromise({ hasIcc: true, hasExif: true })).toBe(
      'Full resolution, EXIF, colour profile and XMP (if any) kept, with an edit record (AI models used), to a new file.',
    );
    expect(exportPromise({ hasIcc: false, hasExif: true })).toBe(
      'Full resolution, EXIF and XMP (if any) kept (the photo has no colour profile), with an edit record (AI models used), to a new file.',
    );
    expect(exportPromise({ hasIcc: false, hasExif: false })).toBe(
      'Full resolution, XMP (if any) kept (the photo has no EXIF or colour profile), with an edit record (AI models used), to a new file.',
    );
  });
});

describe('the lossy note', () => {
  it('says when every pixel is encoded again, and only then', () => {
    expect(lossyNote('webp', 90, false)).toMatch(/^WebP below quality 100 encodes every pixel again/);
    expect(lossyNote('webp', 100, false)).toBeNull();
    expect(lossyNote('jpeg', 95, false)).toMatch(/^This JPEG is encoded whole/);
    expect(lossyNote('jpeg', 95, true)).toBeNull();
    expect(lossyNote('png', 90, false)).toBeNull();
    expect(lossyNote('tiff', 90, false)).toBeNull();
  });
});

describe('the bit depth the chosen format writes', () => {
  it('PNG, TIFF and PSD follow the original; JPEG and WebP hold 8 (a 16-bit original: the dialog says what is lost)', () => {
    expect(depthNote('tiff', 16)).toBe('TIFF: 16 bits per channel, as the original.');
    expect(depthNote('tiff', 8)).toBe('TIFF: 8 bits per channel, as the original (a 16-bit original gives 16).');
    expect(depthNote('psd', undefined)).toBe('PSD: 8 bits per channel, as the original (a 16-bit original gives 16).');
    expect(depthNote('webp', 8)).toBe('WebP: 8 bits per channel.');
    expect(depthNote('jpeg', 16)).toBeNull();
  });
});
