/**
 * The same ink on another advance (shared/text-check/glyph-spacing.ts): Routed Gothic's O is its 0's
 * very pixels set on a wider advance, its 1 its l's stem on a wider one. Committed renderings
 * (test/fixtures/text/make-fixtures.ts) judged over the old text through the code an edit job runs.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { shutdownOcr } from '../../../electron/main/text-check/ocr-engine';
import { checkOverOld } from '../../support/text-fixtures';

afterAll(async () => {
  await shutdownOcr();
});

describe('a glyph spaced unlike the old text is never marked right', () => {
  it('an O drawn for a zero between digits (Routed Gothic 56 px, "Code 7O8" over "Code 707")', async () => {
    const wrong = await checkOverOld('spacing-routed-code-7O8.png', 'Code 708', 'spacing-routed-code-707-old.png');
    expect(wrong.read).toBe('Code 708');
    expect(wrong.status).not.toBe('right');
    const right = await checkOverOld('spacing-routed-code-708.png', 'Code 708', 'spacing-routed-code-707-old.png');
    expect(right).toMatchObject({ status: 'right', read: 'Code 708' });
  });

  it('a 1 drawn for the l of a word (Routed Gothic 56 px, "Woo1 8" over "Wool 7")', async () => {
    const wrong = await checkOverOld('spacing-routed-woo1-8.png', 'Wool 8', 'spacing-routed-wool-7-old.png');
    expect(wrong.read).toBe('Wool 8');
    expect(wrong.status).not.toBe('right');
    const right = await checkOverOld('spacing-routed-wool-8.png', 'Wool 8', 'spacing-routed-wool-7-old.png');
    expect(right).toMatchObject({ status: 'right', read: 'Wool 8' });
  });
});
