/**
 * Glyphs whose hairlines binarise away, joined by the OCR's symbol boxes (shared/text-check/
 * word-segments.ts, joinRings), on committed renderings (test/fixtures/text/make-fixtures.ts)
 * through the code an edit job runs.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { shutdownOcr } from '../../../electron/main/text-check/ocr-engine';
import { checkOverOld as check } from '../../support/text-fixtures';

afterAll(async () => {
  await shutdownOcr();
});

describe('a high-contrast O that falls apart into two halves', () => {
  it('confirms Computer Modern Serif 32 px "OVEN 5" over "OVEN 4" by the old O, never "0VEN 5"', async () => {
    const right = await check('broken-cmu-oven-5.png', 'OVEN 5', 'broken-cmu-oven-4-old.png');
    expect(right).toMatchObject({ status: 'right', read: 'OVEN 5' });
    const wrong = await check('broken-cmu-0ven-5.png', 'OVEN 5', 'broken-cmu-oven-4-old.png');
    expect(wrong.status).not.toBe('right');
  });
});
