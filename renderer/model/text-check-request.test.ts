import { describe, expect, it } from 'vitest';
import { resolveModel } from '../../shared/models';
import { DEFAULT_TEXT_CHECK, noneRightSummary, retryChargeSentence, textCheckPlan, worstCaseText } from './text-check-request';

const spec = (id: string) => resolveModel(id)!;

describe('text check request', () => {
  it('asks main to check the prompt’s text, with the retry budget the user set', () => {
    const plan = textCheckPlan("change 'V1.0' to 'V2.0'", { ...DEFAULT_TEXT_CHECK, retries: 2, maxUsd: 0.1 }, spec('gpt-image-2'), true);
    expect(plan?.request).toEqual({ text: 'V2.0', old: 'V1.0', retries: 2, maxUsd: 0.1 });
    expect(textCheckPlan('remove the sticker', DEFAULT_TEXT_CHECK, spec('gpt-image-2'), true)).toBeNull();
    expect(textCheckPlan('"V2.0"', DEFAULT_TEXT_CHECK, spec('local'), true)).toBeNull();
  });
  it('uses the Text field, never retries a script it cannot read, and goes to gpt-image-2 from Gemini only when allowed', () => {
    expect(textCheckPlan('new label', { ...DEFAULT_TEXT_CHECK, text: 'SALE' }, spec('gpt-image-2'), true)?.request).toEqual({
      text: 'SALE',
      retries: 0,
    });
    const cjk = textCheckPlan('写「新品」', { ...DEFAULT_TEXT_CHECK, retries: 3 }, spec('gemini-3.1-flash-image'), true);
    expect(cjk).toMatchObject({ unchecked: 'Chinese', request: { retries: 0 } });
    const s = { ...DEFAULT_TEXT_CHECK, retries: 2, stronger: true };
    expect(textCheckPlan('"V2"', s, spec('gemini-3.1-flash-image'), true)?.request.retryModel).toBe('gpt-image-2');
    expect(textCheckPlan('"V2"', s, spec('gemini-3.1-flash-image'), false)?.request.retryModel).toBeUndefined();
    expect(textCheckPlan('"V2"', s, spec('gpt-image-1.5'), true)?.request.retryModel).toBeUndefined();
  });
  it('shows the worst case: every allowed retry, capped by the dollars', () => {
    expect(worstCaseText(0.05, 0.02, { text: 'x', retries: 3 }).usd).toBeCloseTo(0.11, 9);
    const capped = worstCaseText(0.05, 0.02, { text: 'x', retries: 3, maxUsd: 0.045 });
    expect(capped).toMatchObject({ retries: 2, text: 'Up to $0.090: this request $0.050 + up to 2 retries × $0.020' });
    expect(worstCaseText(0.05, 0.02, { text: 'x', retries: 3, maxUsd: 0.01 }).text).toBe('$0.050: no retry fits the budget');
  });
});

describe('the line when no candidate reads right', () => {
  const v = (status: string) => ({ status, expected: 'SALE 20%' });
  it('says so, with the retries spent; nothing when one is right or nothing was checked', () => {
    expect(
      noneRightSummary([
        { textCheck: v('wrong'), attempt: 0 },
        { textCheck: v('wrong'), attempt: 2 },
      ]),
    ).toBe('No candidate reads “SALE 20%” right after 2 retries. Keep one by eye, or generate again.');
    expect(noneRightSummary([{ textCheck: v('unsure') }])).toBe(
      'No candidate reads “SALE 20%” right (the unsure ones may be right: look at their badges). Keep one by eye, or generate again.',
    );
    expect(noneRightSummary([{ textCheck: v('wrong') }, { textCheck: v('right'), attempt: 1 }])).toBeNull();
    expect(noneRightSummary([{ textCheck: v('not-checked') }, {}])).toBeNull();
  });
  it('after a cancel during the retries, says it was cancelled and what was kept', () => {
    // It said "No candidate reads “V2.0” right." with no word of the cancel.
    expect(noneRightSummary([{ textCheck: v('wrong'), attempt: 0 }], { biller: 'OpenAI' })).toBe(
      'Cancelled during the text retries: the candidate already made is kept, and it does not read “SALE 20%” right. Keep it by eye, or generate again.',
    );
    expect(
      noneRightSummary(
        [
          { textCheck: v('wrong'), attempt: 0 },
          { textCheck: v('unsure'), attempt: 1 },
        ],
        { biller: 'OpenAI' },
      ),
    ).toBe(
      'Cancelled during the text retries: the 2 candidates already made are kept, and none reads “SALE 20%” right (the unsure ones may be right: look at their badges). Keep one by eye, or generate again.',
    );
    expect(noneRightSummary([{ textCheck: v('wrong') }, { textCheck: v('right') }], { biller: 'OpenAI' })).toBe(
      'Cancelled during the text retries: the 2 candidates already made are kept.',
    );
  });
  it('after a cancel during the retries, says whether the retry that was out may be charged (it said nothing of it)', () => {
    const wrong = { textCheck: v('wrong'), attempt: 0, costUsd: 0.053 };
    // The ledger counted the first request and the retry that was out: the retry reached the service.
    expect(noneRightSummary([wrong], { biller: 'OpenAI', spentUsd: 0.106 })).toBe(
      'Cancelled during the text retries: the candidate already made is kept, and it does not read “SALE 20%” right. Keep it by eye, or generate again. ' +
        "The cancelled retry's request was sent and may be charged by OpenAI (≈ $0.053, counted in today's spend).",
    );
    // Retries from Nano Banana 2 to GPT Image 2: the retry's own price, whoever bills the first request.
    const kept = [wrong, { textCheck: v('right'), attempt: 1, costUsd: 0.053 }];
    expect(noneRightSummary(kept, { biller: 'OpenAI', spentUsd: 0.106 + 0.067 })).toBe(
      "Cancelled during the text retries: the 2 candidates already made are kept. The cancelled retry's request was sent and may be charged by OpenAI (≈ $0.067, counted in today's spend).",
    );
    // Nothing beyond the kept candidates: no retry was out (cancelled before it was sent, the ledger took it back).
    expect(noneRightSummary([wrong], { biller: 'Google', spentUsd: 0.053 })).toBe(
      'Cancelled during the text retries: the candidate already made is kept, and it does not read “SALE 20%” right. Keep it by eye, or generate again. The retry was not sent, so it is not charged.',
    );
    // The offline engine is free, and an unknown count says nothing.
    expect(noneRightSummary([{ ...wrong, costUsd: 0 }], { biller: null, spentUsd: 0 })).toBe(
      'Cancelled during the text retries: the candidate already made is kept, and it does not read “SALE 20%” right. Keep it by eye, or generate again.',
    );
    expect(retryChargeSentence([wrong], { biller: 'OpenAI' })).toBe('');
  });
});
