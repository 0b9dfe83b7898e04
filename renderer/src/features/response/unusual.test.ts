import { describe, expect, it } from 'vitest';
import { responseFindings } from '../../../../shared/diagnostics/response';
import { accountRows, parseResponseText } from '../../../../shared/response';
import { hasUnusualValue, unusualReason } from './unusual';

describe('unusual account values', () => {
  it('MPIN and ATM PIN lengths other than 4 or 6, OTP lengths outside 4 to 8, are unusual, with the rule in words', () => {
    expect(unusualReason('mpinLength', 4)).toBeNull();
    expect(unusualReason('mpinLength', 6)).toBeNull();
    expect(unusualReason('mpinLength', 5)).toBe('MPIN length 5 is outside what banks use (4 or 6 digits).');
    expect(unusualReason('mpinLength', -1)).toBe('MPIN length -1 is outside what banks use (4 or 6 digits).');
    expect(unusualReason('atmPinLength', 99)).toBe('ATM PIN length 99 is outside what banks use (4 or 6 digits).');
    for (const ok of [4, 5, 6, 7, 8]) expect(unusualReason('otpLength', ok)).toBeNull();
    expect(unusualReason('otpLength', 3)).toContain('4 to 8');
    expect(unusualReason('otpLength', 6.5)).toContain('outside');
  });

  it('a length that is not a number is unusual; an absent one is not', () => {
    expect(unusualReason('otpLength', 'six')).toBe('OTP length is not a number ("six"): the PIN or OTP screen needs a digit count.');
    expect(unusualReason('otpLength', {})).toContain('not a number (an object)');
    expect(unusualReason('otpLength', undefined)).toBeNull();
    expect(unusualReason('otpLength', null)).toBeNull();
  });

  it('booleans that are neither true nor false are unusual; text fields never are', () => {
    expect(unusualReason('mpinSet', 'yes')).toBe('mpinSet is neither true nor false ("yes").');
    expect(unusualReason('mpinSet', false)).toBeNull();
    expect(unusualReason('isInitialTopUpDone', 'topup_txn_pending')).toBeNull();
    expect(unusualReason('isInitialTopUpDone', 'maybe')).toContain('topup_txn_pending');
    expect(unusualReason('bankName', '')).toBeNull();
  });

  it('the table highlights exactly the accounts the findings count as unusual or not numeric', () => {
    const lengths = [4, 6, 5, -1, 99, 'x', 8, 3, 9];
    const accounts = lengths.map((n, i) => ({ bankName: `Bank ${i}`, mpinLength: i % 3 === 0 ? n : 4, otpLength: i % 3 === 1 ? n : 6, atmPinLength: i % 3 === 2 ? n : 6 }));
    const parsed = parseResponseText(JSON.stringify({ payload: { status: 'LINKED', vpaAccounts: [{ vpa: 'a@b', accounts }] } }));
    if (!parsed.ok) throw new Error(parsed.message);
    const highlighted = accountRows(parsed.response).filter(hasUnusualValue).length;
    const findings = responseFindings(parsed, {}).filter((f) => f.id === 'account.length-unusual' || f.id === 'account.length-not-numeric');
    const counted = findings.reduce((sum, f) => sum + Number(/in (\d+) accounts?/.exec(f.message)?.[1] ?? 0), 0);
    expect(highlighted).toBeGreaterThan(0);
    expect(counted).toBe(highlighted);
  });
});
