import { constants, sign, type KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testRsaKey } from './__fixtures__/test-keys';
import { rs256Verify } from './jws';
import { settleAhead, takeAhead, verifyAhead } from './verify-ahead';

describe('verifications started ahead on a worker', () => {
  it('answer what rs256Verify answers: a good signature, another key’s, other bytes, garbage', async () => {
    const merchant = testRsaKey();
    const other = testRsaKey(2048, 'other');
    const good = sign('sha256', Buffer.from('eyJh.eyJi'), { key: merchant.privateKey, padding: constants.RSA_PKCS1_PADDING });
    const cases: Array<[string, Uint8Array, KeyObject]> = [
      ['eyJh.eyJi', good, merchant.publicKey],
      ['eyJh.eyJi', good, other.publicKey],
      ['eyJh.eyJj', good, merchant.publicKey],
      ['eyJh.eyJi', new Uint8Array([1, 2, 3]), merchant.publicKey],
    ];
    for (const [input, signature, key] of cases) verifyAhead(input, signature, key);
    await settleAhead();
    const ahead = cases.map(([input, signature, key]) => takeAhead(key, input, signature));
    expect(ahead).toEqual([true, false, false, false]);
    // Taken once: rs256Verify then verifies by itself, with the same answers.
    expect(cases.map(([input, signature, key]) => takeAhead(key, input, signature))).toEqual([undefined, undefined, undefined, undefined]);
    expect(cases.map(([input, signature, key]) => rs256Verify(input, signature, key))).toEqual(ahead);
  });

  it('rs256Verify uses an answer that came and verifies itself when none did', async () => {
    const merchant = testRsaKey();
    const signature = sign('sha256', Buffer.from('a.b'), { key: merchant.privateKey, padding: constants.RSA_PKCS1_PADDING });
    verifyAhead('a.b', signature, merchant.publicKey);
    // Asked before the worker answered: verified here, and the late answer is dropped.
    expect(rs256Verify('a.b', signature, merchant.publicKey)).toBe(true);
    await settleAhead();
    expect(takeAhead(merchant.publicKey, 'a.b', signature)).toBeUndefined();
  });
});
