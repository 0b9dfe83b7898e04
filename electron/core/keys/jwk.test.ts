import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testRsaKey } from '../__fixtures__/test-keys';
import { thrown } from '../__fixtures__/thrown';
import { readKey } from './read';

const key = testRsaKey();
const refusal = (text: string) => thrown(() => readKey(text));

describe('JWKs that are keys', () => {
  it('takes the kid from a JWK, and the single key from a one-key JWK Set', () => {
    expect(readKey(JSON.stringify({ ...key.publicJwk, kid: 'own-kid' })).kid).toBe('own-kid');
    expect(readKey(JSON.stringify({ keys: [{ ...key.publicJwk, kid: 'set-kid' }] })).kid).toBe('set-kid');
  });
});

describe('JWK refusals', () => {
  it('damaged JSON', () => {
    const e = refusal(JSON.stringify(key.publicJwk).slice(0, -10));
    expect(e.code).toBe('damaged_json');
    expect(e.message).toMatch(/looks like a JWK .* but is not valid JSON: /);
    expect(e.fix).toMatch(/^Paste the whole JSON object/);
  });

  it('a JWK Set of two keys: paste the one meant', () => {
    const e = refusal(JSON.stringify({ keys: [key.publicJwk, testRsaKey(2048, 'other').publicJwk] }));
    expect([e.code, e.message]).toEqual(['unsupported_key_format', 'This is a JWK Set with 2 keys.']);
    expect(e.fix).toMatch(/one object from "keys"/);
  });

  it('JWK missing n or e', () => {
    const { n: _n, ...noN } = key.publicJwk;
    const e = refusal(JSON.stringify(noN));
    expect(e.code).toBe('jwk_missing_members');
    expect(e.message).toMatch(/RSA JWK has no "n" \(the modulus\)/);
    const { e: _e, ...noE } = key.publicJwk;
    expect(refusal(JSON.stringify(noE)).message).toMatch(/no "e" \(the public exponent\)/);
  });

  it('private JWK without its CRT members', () => {
    const { p: _p, q: _q, ...partial } = key.privateJwk;
    const e = refusal(JSON.stringify(partial));
    expect(e.code).toBe('jwk_missing_members');
    expect(e.message).toMatch(/lacks p, q: signing needs the full form/);
  });

  it('EC key as a JWK: not_rsa naming the curve', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-384' });
    const e = refusal(JSON.stringify(ec.publicKey.export({ format: 'jwk' })));
    expect([e.code, e.message]).toEqual(['not_rsa', expect.stringMatching(/JWK holds an EC key \(curve P-384\)/)]);
  });
});
