import { describe, expect, it } from 'vitest';
import { BACKEND_ERRORS, describeErrorCode, describeStatus, matchBackendErrors } from './catalog';

describe('status, error codes and backend messages', () => {
  it('explains each status with a next step', () => {
    for (const s of ['NOPERMISSION', 'FRESH', 'BOUND', 'LINKED', 'FAILURE']) {
      const info = describeStatus(s);
      expect(info.kind).toBe('documented');
      expect(info.nextStep.length).toBeGreaterThan(10);
    }
    expect(describeStatus('NOPERMISSION').nextStep).toMatch(/permission/);
    expect(describeStatus('FRESH').nextStep).toMatch(/bind/);
    expect(describeStatus('BOUND').nextStep).toMatch(/link/);
    expect(describeStatus('REGISTERED').kind).toBe('sibling');
    expect(describeStatus('constructor').kind).toBe('unknown');
    expect(describeStatus('linked').meaning).toMatch(/LINKED/);
  });

  it('knows JP_000–JP_007 as documented, JP_008–JP_019 as unconfirmed', () => {
    for (let i = 0; i <= 19; i++) {
      const code = `JP_${String(i).padStart(3, '0')}`;
      expect(describeErrorCode(code).kind, code).toBe(i <= 7 ? 'documented' : 'unconfirmed');
    }
    expect(describeErrorCode('JP_017').meaning).toMatch(/initiate/);
    expect(describeErrorCode('JP_003').meaning).toMatch(/wrong type/);
    expect(describeErrorCode('JP_020').kind).toBe('unknown');
    expect(describeErrorCode('toString').kind).toBe('unknown');
  });

  it('names any JSON in errorCode without failing, even an object whose own "toString" is not a function (found by npm run fuzz)', () => {
    expect(describeErrorCode({ toString: true })).toMatchObject({ code: 'an object', kind: 'unknown' });
    expect(describeErrorCode(['JP_001'])).toMatchObject({ code: 'an array (1 item)', kind: 'unknown' });
    expect(describeErrorCode(7)).toMatchObject({ code: '7', kind: 'unknown' });
  });

  it('matches backend messages loosely', () => {
    expect(BACKEND_ERRORS).toHaveLength(7);
    expect(matchBackendErrors('Merchant signature mismatch').map((e) => e.key)).toEqual(['Merchant signature mismatch']);
    expect(matchBackendErrors('error: session expired').map((e) => e.key)).toEqual(['SESSION_EXPIRED']);
    expect(matchBackendErrors('DEVICE_FINGERPRINT_MISMATCH').map((e) => e.key)).toEqual(['DEVICE_FINGERPRINT_MISMATCH']);
    expect(matchBackendErrors('Invalid merchant id or merchant channel id')[0]?.check).toMatch(/merchantChannelId/);
    expect(matchBackendErrors('all good')).toEqual([]);
    expect(matchBackendErrors(undefined)).toEqual([]);
  });
});
