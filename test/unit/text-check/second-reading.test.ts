/**
 * A second reading of a line the first reading got wrong only outside the near-miss families
 * (shared/text-check/misread.ts; electron/main/text-check/check-candidates.ts, judgeCandidate), on
 * committed renderings (test/fixtures/text/make-fixtures.ts) with the old text under the mask, as an
 * edit job reads them.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { shutdownOcr } from '../../../electron/main/text-check/ocr-engine';
import { judgeOverOld as check } from '../../support/text-fixtures';

afterAll(async () => {
  await shutdownOcr();
});

describe('a misread line is read a second time', () => {
  it('marks a right line right when the first reading added a letter no near miss involves', async () => {
    // Okolaks 32 px: the first reading is "Parks 31" (an s that is not there); read as one raw line, "Park 31".
    const { first, verdict } = await check('second-okolaks-park-31.png', 'Park 31', 'second-okolaks-park-21-old.png');
    expect(first).toMatchObject({ status: 'wrong', read: 'Parks 31' });
    expect(verdict).toMatchObject({ status: 'right', read: 'Park 31' });
  });

  it('never confirms an O or 0 on a second reading: Okolaks draws them with the same pixels', async () => {
    // "0VEN 5" asked as "OVEN 5": first read "OUEN 5", then "OVEN 5" — and the width rules take its 0 for the O.
    const { first, verdict } = await check('second-okolaks-0ven-5.png', 'OVEN 5', 'second-okolaks-oven-4-old.png');
    expect(first.status).toBe('wrong');
    expect(verdict).toMatchObject({ status: 'unsure', read: 'OVEN 5', note: 'O/0 unclear' });
  });
});
