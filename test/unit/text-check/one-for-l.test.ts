/**
 * A 1 drawn for the l of a word, which the flag rules took for the l (shared/text-check/one-for-l.ts;
 * the bench's `lword` probe set): committed renderings (test/fixtures/text/make-fixtures.ts) judged
 * over the old text through the code an edit job runs.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { shutdownOcr } from '../../../electron/main/text-check/ocr-engine';
import { checkOverOld } from '../../support/text-fixtures';

afterAll(async () => {
  await shutdownOcr();
});

describe('a 1 drawn for the l of a word is never marked right', () => {
  it('a narrow 1 (Dosis Book 96 px, "He1lo 5" over "Hello 4"), whose flag the depth rule skipped', async () => {
    const wrong = await checkOverOld('one-for-l-dosis-he1lo-5.png', 'Hello 5', 'one-for-l-dosis-hello-4-old.png');
    expect(wrong.read).toBe('Hello 5');
    expect(wrong.status).not.toBe('right');
    const right = await checkOverOld('one-for-l-dosis-hello-5.png', 'Hello 5', 'one-for-l-dosis-hello-4-old.png');
    expect(right).toMatchObject({ status: 'right', read: 'Hello 5' });
  });

  it('a leaning italic 1 (Nimbus Roman Italic 20 px, "Woo1 8" over "Wool 7"), on a line left leaning', async () => {
    const wrong = await checkOverOld('one-for-l-italic-woo1-8.png', 'Wool 8', 'one-for-l-italic-wool-7-old.png');
    expect(wrong.read).toBe('Wool 8');
    expect(wrong.status).not.toBe('right');
    const right = await checkOverOld('one-for-l-italic-wool-8.png', 'Wool 8', 'one-for-l-italic-wool-7-old.png');
    expect(right).toMatchObject({ status: 'right', read: 'Wool 8' });
  });
});
