/**
 * The old text's lettering when a shared glyph was paired with the wrong ink, and a lowercase o
 * confirmed by the old text's own o (shared/text-check/reference-glyphs.ts), on committed renderings
 * (test/fixtures/text/make-fixtures.ts) through the code an edit job runs.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { shutdownOcr } from '../../../electron/main/text-check/ocr-engine';
import { checkOverOld as check } from '../../support/text-fixtures';

afterAll(async () => {
  await shutdownOcr();
});

describe('the old text as the reference, past glyphs paired with the wrong ink', () => {
  it('confirms Karmilla 96 px "Box 306" over "Box 305" (its 3 measured with part of the 0), not "Box 3O6"', async () => {
    const right = await check('lettering-karmilla-box-306.png', 'Box 306', 'lettering-karmilla-box-305-old.png');
    expect(right).toMatchObject({ status: 'right', read: 'Box 306' });
    const wrong = await check('lettering-karmilla-box-3O6.png', 'Box 306', 'lettering-karmilla-box-305-old.png');
    expect(wrong.status).not.toBe('right');
  });

  it('confirms the o of Lemonada 20 px "Lemon 250" by the old o, never a zero drawn for it', async () => {
    const right = await check('lettering-lemonada-lemon-250.png', 'Lemon 250', 'lettering-lemonada-lemon-240-old.png');
    expect(right).toMatchObject({ status: 'right', read: 'Lemon 250' });
    const wrong = await check('lettering-lemonada-lem0n-250.png', 'Lemon 250', 'lettering-lemonada-lemon-240-old.png');
    expect(wrong.status).not.toBe('right');
  });
});
