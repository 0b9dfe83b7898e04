import { sign, verify } from 'node:crypto';
import { calculateJwkThumbprint } from 'jose';
import { describe, expect, it } from 'vitest';
import { certificatePem, testRsaKey } from '../__fixtures__/test-keys';
import { thrown } from '../__fixtures__/thrown';
import { jwkThumbprint } from './export';
import { readKey, readPrivateKey, type ReadKeyOptions } from './read';

const key = testRsaKey();
const PASSPHRASE = 'correct horse battery staple';

describe('one key, every format, one thumbprint', async () => {
  const expected = await calculateJwkThumbprint({ kty: 'RSA', n: key.publicJwk.n!, e: key.publicJwk.e! }, 'sha256');
  const cases: Array<[string, string, ReadKeyOptions, string, string, RegExp]> = [
    ['PKCS#8 PEM', key.pkcs8Pem, {}, 'private', 'pkcs8-pem', /^PKCS#8 PEM$/],
    ['PKCS#1 PEM', key.pkcs1Pem, {}, 'private', 'pkcs1-pem', /^PKCS#1 PEM, converted to PKCS#8$/],
    ['encrypted PKCS#8 PEM', key.encryptedPkcs8Pem(PASSPHRASE), { passphrase: PASSPHRASE }, 'private', 'encrypted-pkcs8-pem', /Encrypted PKCS#8 PEM/],
    ['private JWK', JSON.stringify(key.privateJwk), {}, 'private', 'jwk-private', /RSA private JWK, converted to PKCS#8/],
    ['SPKI PEM', key.spkiPem, {}, 'public', 'spki-pem', /SPKI/],
    ['PKCS#1 public PEM', key.pkcs1PublicPem, {}, 'public', 'pkcs1-public-pem', /PKCS#1 public key PEM, converted to SPKI/],
    ['public JWK', JSON.stringify(key.publicJwk), {}, 'public', 'jwk-public', /RSA public JWK/],
    ['X.509 certificate', certificatePem(key), {}, 'public', 'x509-pem', /X\.509 certificate \(CN=merchant-test/],
  ];

  it.each(cases)('%s', async (_name, text, options, kind, format, description) => {
    const read = readKey(text, options);
    expect(read.kind).toBe(kind);
    expect(read.format).toBe(format);
    expect(read.description).toMatch(description);
    expect(read.bits).toBe(2048);
    expect(await jwkThumbprint(read.publicKey)).toBe(expected);
  });
});

describe('allowWeak: a merchant’s old 1024-bit key, read for verifying', () => {
  const weak = testRsaKey(1024);
  const cases: Array<[string, string, string]> = [
    ['PKCS#8 private PEM', weak.pkcs8Pem, 'private'],
    ['PKCS#1 private PEM', weak.pkcs1Pem, 'private'],
    ['private JWK', JSON.stringify(weak.privateJwk), 'private'],
    ['SPKI public PEM', weak.spkiPem, 'public'],
    ['PKCS#1 public PEM', weak.pkcs1PublicPem, 'public'],
    ['public JWK', JSON.stringify(weak.publicJwk), 'public'],
  ];

  it.each(cases)('%s is read with allowWeak and verifies the key’s own 128-byte signature', (_name, text, kind) => {
    const read = readKey(text, { field: 'publicKey', allowWeak: true });
    expect([read.kind, read.bits]).toEqual([kind, 1024]);
    const signature = sign('sha256', Buffer.from('a.b'), weak.privateKey);
    expect(signature).toHaveLength(128);
    expect(verify('sha256', Buffer.from('a.b'), read.publicKey, signature)).toBe(true);
  });

  it.each(cases)('%s is refused without allowWeak, naming the field', (_name, text) => {
    const e = thrown(() => readKey(text, { field: 'publicKey' }));
    expect([e.code, e.field]).toEqual(['weak_key', 'publicKey']);
  });
});

describe('pasted text that is still a key', () => {
  it('accepts a PEM with literal \\n sequences (copied out of JSON or .env files)', () => {
    const escaped = key.pkcs8Pem.trim().replace(/\n/g, '\\n');
    expect(readKey(escaped).kind).toBe('private');
  });

  it('accepts a PEM whose line breaks were lost or turned into CRLF', () => {
    const oneLine = key.pkcs1Pem.replace(/\n(?!-----END)/g, '').replace('-----END', '\n-----END');
    expect(readKey(oneLine).format).toBe('pkcs1-pem');
    expect(readKey(key.pkcs8Pem.replace(/\n/g, '\r\n')).format).toBe('pkcs8-pem');
  });

  it('takes the private key out of a certificate + key bundle', () => {
    const bundle = `Bag Attributes\n    localKeyID: 01\n${certificatePem(key)}${key.pkcs8Pem}`;
    expect(readPrivateKey(bundle).kind).toBe('private');
  });
});

describe('refusals that are not about the format', () => {
  it('nothing pasted: empty_key, saying what to paste', () => {
    const e = thrown(() => readKey('  \n '));
    expect([e.code, e.field, e.message]).toEqual(['empty_key', 'text', 'The key is empty.']);
    expect(e.fix).toBe('Paste a PEM or JWK, or open a key file.');
  });

  it('public key where a private one is needed: public_only', () => {
    const e = thrown(() => readPrivateKey(key.spkiPem));
    expect(e.code).toBe('public_only');
    expect(e.message).toMatch(/This is a public key \(SPKI public key PEM\); signing needs the private key/);
    expect(e.fix).toMatch(/Use the merchant's private key/);
  });

  it('private JWK whose parts do not belong together: key_inconsistent', () => {
    const other = testRsaKey(2048, 'other');
    const e = thrown(() => readKey(JSON.stringify({ ...key.privateJwk, n: other.privateJwk.n })));
    expect(e.code).toBe('key_inconsistent');
    expect(e.message).toMatch(/This key \(RSA private JWK, converted to PKCS#8\) is internally inconsistent: .* signatures would never verify/);
    expect(e.fix).toBe('Export the key again from its source.');
  });
});
