import { describe, expect, it } from 'vitest';
import { exportedMessage } from './export-message';

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
});
