import { describe, expect, it } from 'vitest';
import { billerOf, chargeClause, withCharge } from './charge-words';
import { formatUsd } from '../../shared/money';

describe('chargeClause: whether a failed or cancelled request is charged, as the spend ledger counted it', () => {
  it('what the ledger counts "may be charged" by the service that bills it, with the estimate it counted', () => {
    expect(chargeClause(0.314, 3, 'OpenAI')).toBe("3 requests were sent and may be charged by OpenAI (≈ $0.314, counted in today's spend)");
    expect(chargeClause(0.105, 1, 'Google')).toBe("1 request was sent and may be charged by Google (≈ $0.105, counted in today's spend)");
    // The amount as the candidate's card says it (a $0.027 request read "≈ $0.03" in the cancel message).
    expect(chargeClause(0.027, 1, 'OpenAI')).toContain(`≈ ${formatUsd(0.027)},`);
    expect(chargeClause(0.027, 1, 'OpenAI')).toContain('≈ $0.027,');
    expect(chargeClause(0.004, 1, 'OpenAI')).toBe("1 request was sent and may be charged by OpenAI (≈ $0.004, counted in today's spend)");
  });
  it('what the ledger took back, or nothing sent: "Nothing was charged" (it said nothing); the offline engine: nothing said', () => {
    expect(chargeClause(0, 2, 'OpenAI')).toBe('Nothing was charged');
    expect(chargeClause(undefined, undefined, 'Google')).toBe('Nothing was charged');
    expect(chargeClause(0.2, 1, null)).toBe('');
  });
  it('who bills: OpenAI, Google, the gateway; nobody for the offline engine', () => {
    expect(billerOf({ provider: 'openai' })).toBe('OpenAI');
    expect(billerOf({ provider: 'gemini' })).toBe('Google');
    expect(billerOf({ provider: 'gateway' })).toBe('the gateway');
    expect(billerOf({ provider: 'local' })).toBeNull();
  });
  it('ends the message with it, once: a message that says it already is left as it is', () => {
    expect(withCharge('GPT Image 2 rejected the request — size: invalid', 'Nothing was charged')).toBe(
      'GPT Image 2 rejected the request — size: invalid. Nothing was charged.',
    );
    expect(withCharge('OpenAI did not answer in time. Try again.', 'Nothing was charged')).toBe(
      'OpenAI did not answer in time. Try again. Nothing was charged.',
    );
    const network = 'Could not reach OpenAI. Check the network connection. Nothing was sent, so nothing is charged.';
    expect(withCharge(network, 'Nothing was charged')).toBe(network);
    expect(withCharge('Offline fill failed.', '')).toBe('Offline fill failed.');
  });
});
