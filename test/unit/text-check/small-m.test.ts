/**
 * The rn/m check on committed renderings (test/fixtures/text/make-fixtures.ts) through the code an
 * edit job runs (shared/text-check/m-check.ts).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { checkCandidate, prepareTextCheck } from '../../../electron/main/text-check/check-candidates';
import { shutdownOcr } from '../../../electron/main/text-check/ocr-engine';
import { checkOverOld, fixtureRgba } from '../../support/text-fixtures';

afterAll(async () => {
  await shutdownOcr();
});

/** The candidate over a region that showed only its background before the edit (no old text). */
async function checkAlone(name: string, text: string) {
  const cand = await fixtureRgba(name);
  const base = new Uint8Array(cand.px.length);
  for (let i = 0; i < base.length; i += 4) base.set(cand.px.subarray(0, 4), i);
  const mask = new Uint8Array(cand.width * cand.height).fill(1);
  const ctx = await prepareTextCheck({ text }, base, mask, { width: cand.width, height: cand.height }, '');
  return checkCandidate(ctx!, base, cand.width, cand.px);
}

describe('a small m', () => {
  it('is never the ink of another glyph paired with it (URW Gothic Demi Oblique 20 px "Norrn 2" read "Norm 2")', async () => {
    // The OCR boxed the r over the whole "rrn"; the word's ink paired the 2 beside it with the m,
    // tall enough to pass the size gate as a readable m.
    const wrong = await checkOverOld('m-gothic-norrn-2.png', 'Norm 2', 'm-gothic-norm-3-old.png');
    expect(wrong.read).toBe('Norm 2');
    expect(wrong.status).not.toBe('right');
    const right = await checkOverOld('m-gothic-norm-2.png', 'Norm 2', 'm-gothic-norm-3-old.png');
    expect(right).toMatchObject({ status: 'right', read: 'Norm 2' });
  });

  it('with stems a read pixel from even is right when its word is set loose (DejaVu Sans Mono 20 px "Summer")', async () => {
    expect(await checkAlone('m-mono-summer.png', 'Summer')).toMatchObject({ status: 'right', read: 'Summer' });
    expect((await checkAlone('m-mono-surnmer.png', 'Summer')).status).not.toBe('right');
  });
});
