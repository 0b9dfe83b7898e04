import { describe, expect, it } from 'vitest';
import { privateJwkValues, testRsaKey } from '../__fixtures__/test-keys';
import { holdsPrivateMaterial, REDACTED, redactPrivateMaterial } from './redact';

const key = testRsaKey();
const body = (pem: string) => pem.split('\n')[3]!;

describe('private key material is removed before anything is stored', () => {
  it.each([
    ['PKCS#8 PEM', key.pkcs8Pem],
    ['PKCS#1 PEM', key.pkcs1Pem],
    ['encrypted PKCS#8 PEM', key.encryptedPkcs8Pem('pw')],
  ])('a %s in the middle of a log, keeping the text around it', (_name, pem) => {
    const { text, redacted } = redactPrivateMaterial(`before the key\n${pem}after the key`);
    expect(redacted).toBe(true);
    expect(text).toBe(`before the key\n${REDACTED}\nafter the key`);
  });

  it('a PEM escaped inside a JSON string (\\n for newlines), and one cut off before its END line', () => {
    const escaped = JSON.stringify({ note: key.pkcs8Pem });
    const cut = key.pkcs1Pem.split('\n').slice(0, 6).join('\n');
    for (const pasted of [escaped, `2024-01-01 I/App: ${escaped}`, `${cut}`]) {
      const { text } = redactPrivateMaterial(pasted);
      expect(text).toContain(REDACTED);
      expect(text).not.toContain('PRIVATE KEY');
      expect(text).not.toContain(body(key.pkcs8Pem));
      expect(text).not.toContain(body(key.pkcs1Pem));
    }
  });

  it('a private JWK, as JSON and escaped in a string: every private member, and nothing else', () => {
    const jwk = JSON.stringify(key.privateJwk);
    for (const pasted of [jwk, JSON.stringify({ key: jwk }), `log: ${JSON.stringify(JSON.stringify(key.privateJwk))}`]) {
      const { text, redacted } = redactPrivateMaterial(pasted);
      expect(redacted).toBe(true);
      for (const secret of privateJwkValues(key.privateJwk)) expect(text).not.toContain(secret);
      expect(text).toContain(key.publicJwk.n!);
    }
  });

  it('base64 DER of a private key without its PEM armour', () => {
    const der = key.privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
    const { text } = redactPrivateMaterial(`key=${der} end`);
    expect(text).toBe(`key=${REDACTED} end`);
  });

  it('leaves public keys, signatures, requests and responses exactly as pasted', () => {
    const harmless = [
      key.spkiPem,
      key.pkcs1PublicPem,
      JSON.stringify(key.publicJwk),
      key.publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
      // A response's own "p" or "q" members are data, not a JWK's primes.
      JSON.stringify({ requestId: 'r', payload: { status: 'SUCCESS', p: 'AAAAAAAAAAAAAAAAAAAA', q: 'BBBBBBBBBBBBBBBB' } }),
      'x'.repeat(2000),
    ];
    for (const text of harmless) {
      expect(redactPrivateMaterial(text)).toEqual({ text, redacted: false });
      expect(holdsPrivateMaterial(text)).toBe(false);
    }
  });
});
