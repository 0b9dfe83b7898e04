import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testRsaKey } from '../__fixtures__/test-keys';
import { thrown } from '../__fixtures__/thrown';
import { readKey, readPrivateKey, type ReadKeyOptions } from './read';

const refusal = (text: string, options: ReadKeyOptions = {}) => thrown(() => readKey(text, options));

describe('not RSA: not_rsa names what the key is, and how to make one that works', () => {
  it('EC key in PKCS#8 PEM: names the curve, says RSA 2048+', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const e = refusal(String(ec.privateKey.export({ type: 'pkcs8', format: 'pem' })));
    expect(e.code).toBe('not_rsa');
    expect(e.message).toMatch(/PKCS#8 PEM holds an EC key \(curve P-256\), not an RSA key/);
    expect(e.message).toMatch(/RSA key of 2048 bits or more/);
    expect(e.fix).toMatch(/^Generate one in UPI Inspector, or with `openssl genpkey/);
    expect(e.field).toBe('text');
  });

  it('EC key in SEC1 PEM', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-384' });
    const sec1 = refusal(String(ec.privateKey.export({ type: 'sec1', format: 'pem' })));
    expect([sec1.code, sec1.message]).toEqual(['not_rsa', expect.stringMatching(/EC key \(curve P-384\)/)]);
  });

  it('Ed25519 key: names Ed25519', () => {
    const ed = generateKeyPairSync('ed25519');
    const e = refusal(String(ed.publicKey.export({ type: 'spki', format: 'pem' })));
    expect(e.code).toBe('not_rsa');
    expect(e.message).toMatch(/SPKI public key PEM holds an Ed25519 key, not an RSA key\. The UPI SDK signs with RS256/);
  });
});

describe('too few bits: weak_key', () => {
  it('RSA 1024: states the bits, and says to make a 2048-bit key', () => {
    const weak = testRsaKey(1024);
    for (const text of [weak.pkcs8Pem, weak.spkiPem, JSON.stringify(weak.privateJwk)]) {
      const e = refusal(text);
      expect(e.code).toBe('weak_key');
      expect(e.message).toMatch(/This RSA key is 1024 bits; the UPI SDK needs RSA 2048 bits or more/);
      expect(e.fix).toMatch(/^Make a new 2048-bit key .* and share its public key with Juspay\.$/);
    }
  });

  it('RSA 1024 for signing stays weak_key even when the caller passes allowWeak', () => {
    const e = thrown(() => readPrivateKey(testRsaKey(1024).pkcs8Pem, { allowWeak: true }));
    expect(e.code).toBe('weak_key');
    expect(e.message).toMatch(/1024 bits/);
  });

  it('RSA 512: weak_key even with allowWeak, saying it is too weak even to verify with', () => {
    const tiny = testRsaKey(512);
    for (const text of [tiny.pkcs8Pem, tiny.spkiPem, JSON.stringify(tiny.publicJwk)]) {
      for (const options of [{}, { allowWeak: true }]) {
        const e = refusal(text, options);
        expect(e.code).toBe('weak_key');
        expect(e.message).toMatch(/This RSA key is 512 bits, below the 1024 bits UPI Inspector reads even for verifying/);
      }
    }
  });
});
