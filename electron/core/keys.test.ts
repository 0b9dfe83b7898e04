import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, sign, verify } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { calculateJwkThumbprint } from 'jose';
import { describe, expect, it } from 'vitest';
import { InspectorError } from '../../shared/result';
import rfc7638 from './__fixtures__/rfc7638-3.1.json';
import { testRsaKey } from './__fixtures__/test-keys';
import { generateRsaKeyPair, jwkThumbprint, publicJwk, publicKeyPem, readKey, readPrivateKey, type ReadKeyOptions } from './keys';

const key = testRsaKey();
const PASSPHRASE = 'correct horse battery staple';

function refusal(text: string, options?: ReadKeyOptions, read = readKey): InspectorError {
  try {
    read(text, options);
  } catch (e) {
    if (e instanceof InspectorError) return e;
    throw e;
  }
  throw new Error('expected the key to be refused');
}

/** A self-signed certificate for the test key, made by openssl. */
function certificatePem(): string {
  const dir = mkdtempSync(join(tmpdir(), 'upi-cert-'));
  try {
    writeFileSync(join(dir, 'key.pem'), key.pkcs8Pem, { mode: 0o600 });
    execFileSync('/usr/bin/openssl', ['req', '-new', '-x509', '-key', join(dir, 'key.pem'), '-subj', '/CN=merchant-test', '-days', '1', '-out', join(dir, 'cert.pem')], { stdio: 'pipe' });
    return readFileSync(join(dir, 'cert.pem'), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

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
    ['X.509 certificate', certificatePem(), {}, 'public', 'x509-pem', /X\.509 certificate \(CN=merchant-test/],
  ];

  it.each(cases)('%s', async (_name, text, options, kind, format, description) => {
    const read = readKey(text, options);
    expect(read.kind).toBe(kind);
    expect(read.format).toBe(format);
    expect(read.description).toMatch(description);
    expect(read.bits).toBe(2048);
    expect(await jwkThumbprint(read.publicKey)).toBe(expected);
  });

  it('matches RFC 7638 §3.1’s published thumbprint for its example key', async () => {
    const read = readKey(JSON.stringify(rfc7638.jwk));
    expect(read.kid).toBe('2011-04-29');
    expect(await jwkThumbprint(read.publicKey)).toBe(rfc7638.thumbprint);
  });

  it('exports the public key as SPKI PEM and as {kty,n,e,kid,alg,use} JWK', () => {
    const read = readKey(key.pkcs1Pem);
    expect(publicKeyPem(read.privateKey!)).toBe(key.spkiPem);
    const jwk = publicJwk(read.publicKey, 'kid-1');
    expect(Object.keys(jwk)).toEqual(['kty', 'n', 'e', 'kid', 'alg', 'use']);
    expect(jwk).toEqual({ kty: 'RSA', n: key.publicJwk.n, e: key.publicJwk.e, kid: 'kid-1', alg: 'RS256', use: 'sig' });
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
    const e = refusal(text, { field: 'publicKey' });
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
    const bundle = `Bag Attributes\n    localKeyID: 01\n${certificatePem()}${key.pkcs8Pem}`;
    expect(readPrivateKey(bundle).kind).toBe('private');
  });

  it('takes the kid from a JWK, and the single key from a one-key JWK Set', () => {
    expect(readKey(JSON.stringify({ keys: [{ ...key.publicJwk, kid: 'set-kid' }] })).kid).toBe('set-kid');
  });
});

describe('refusals name what was found and what to do', () => {
  it('EC key in PKCS#8 PEM: not_rsa, names the curve, says RSA 2048+', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const e = refusal(String(ec.privateKey.export({ type: 'pkcs8', format: 'pem' })));
    expect(e.code).toBe('not_rsa');
    expect(e.message).toMatch(/PKCS#8 PEM holds an EC key \(curve P-256\), not an RSA key/);
    expect(e.message).toMatch(/RSA key of 2048 bits or more/);
    expect(e.field).toBe('text');
  });

  it('EC key in SEC1 PEM and as a JWK: not_rsa', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-384' });
    const sec1 = refusal(String(ec.privateKey.export({ type: 'sec1', format: 'pem' })));
    expect([sec1.code, sec1.message]).toEqual(['not_rsa', expect.stringMatching(/EC key \(curve P-384\)/)]);
    const jwk = refusal(JSON.stringify(ec.publicKey.export({ format: 'jwk' })));
    expect([jwk.code, jwk.message]).toEqual(['not_rsa', expect.stringMatching(/JWK holds an EC key \(curve P-384\)/)]);
  });

  it('Ed25519 key: not_rsa naming Ed25519', () => {
    const ed = generateKeyPairSync('ed25519');
    const e = refusal(String(ed.publicKey.export({ type: 'spki', format: 'pem' })));
    expect(e.code).toBe('not_rsa');
    expect(e.message).toMatch(/SPKI public key PEM holds an Ed25519 key, not an RSA key\. The UPI SDK signs with RS256/);
  });

  it('RSA 1024: weak_key stating the bits', () => {
    const weak = testRsaKey(1024);
    for (const text of [weak.pkcs8Pem, weak.spkiPem, JSON.stringify(weak.privateJwk)]) {
      const e = refusal(text);
      expect(e.code).toBe('weak_key');
      expect(e.message).toMatch(/This RSA key is 1024 bits; the UPI SDK needs RSA 2048 bits or more/);
    }
  });

  it('RSA 1024 for signing stays weak_key even when the caller passes allowWeak', () => {
    const e = refusal(testRsaKey(1024).pkcs8Pem, { allowWeak: true }, readPrivateKey);
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

  it('public key where a private one is needed: public_only', () => {
    const e = refusal(key.spkiPem, {}, readPrivateKey);
    expect(e.code).toBe('public_only');
    expect(e.message).toMatch(/This is a public key \(SPKI public key PEM\); signing needs the private key/);
  });

  it('damaged PEM: a character that is not base64', () => {
    const lines = key.pkcs8Pem.split('\n');
    lines[3] = `${lines[3]!.slice(0, 10)}#${lines[3]!.slice(11)}`;
    const e = refusal(lines.join('\n'));
    expect(e.code).toBe('damaged_pem');
    expect(e.message).toMatch(/PKCS#8 PEM is damaged: its body contains characters that are not base64 \("#"\)/);
  });

  it('damaged PEM: missing END line', () => {
    const cut = key.pkcs1Pem.slice(0, key.pkcs1Pem.indexOf('-----END'));
    const e = refusal(cut);
    expect(e.code).toBe('damaged_pem');
    expect(e.message).toMatch(/PKCS#1 PEM has no "-----END RSA PRIVATE KEY-----" line: the copy was cut off/);
  });

  it('damaged PEM: valid base64 but broken ASN.1', () => {
    const lines = key.pkcs8Pem.split('\n');
    lines[1] = `${lines[1]!.slice(0, 4)}AAAA${lines[1]!.slice(8)}`; // changes the DER length/tag bytes
    const e = refusal(lines.join('\n'));
    expect(e.code).toBe('damaged_pem');
    expect(e.message).toMatch(/its base64 decodes, but the bytes are not a valid PKCS#8 structure \(ASN\.1\)/);
  });

  it('damaged PEM: a line dropped (base64 cut short)', () => {
    const lines = key.spkiPem.split('\n');
    lines.splice(2, 1);
    const e = refusal(lines.join('\n'));
    expect(e.code).toBe('damaged_pem');
    expect(e.message).toMatch(/SPKI public key PEM is damaged/);
  });

  it('damaged JSON', () => {
    const text = JSON.stringify(key.publicJwk).slice(0, -10);
    const e = refusal(text);
    expect(e.code).toBe('damaged_json');
    expect(e.message).toMatch(/looks like a JWK .* but is not valid JSON: .*Paste the whole JSON object/);
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

  it('private JWK whose parts do not belong together: key_inconsistent', () => {
    const other = testRsaKey(2048, 'other');
    const e = refusal(JSON.stringify({ ...key.privateJwk, n: other.privateJwk.n }));
    expect(e.code).toBe('key_inconsistent');
    expect(e.message).toMatch(/This key \(RSA private JWK, converted to PKCS#8\) is internally inconsistent: .* signatures would never verify/);
  });

  it('encrypted PKCS#8 without a passphrase: passphrase_required on the passphrase field', () => {
    const e = refusal(key.encryptedPkcs8Pem(PASSPHRASE));
    expect(e.code).toBe('passphrase_required');
    expect(e.field).toBe('passphrase');
    expect(e.message).toMatch(/This encrypted PKCS#8 PEM is encrypted: type its passphrase/);
  });

  it('encrypted PKCS#8 with the wrong passphrase: wrong_passphrase', () => {
    const e = refusal(key.encryptedPkcs8Pem(PASSPHRASE), { passphrase: 'Tr0ub4dor&3' });
    expect(e.code).toBe('wrong_passphrase');
    expect(e.field).toBe('passphrase');
    expect(e.message).toMatch(/The passphrase does not decrypt this encrypted PKCS#8 PEM/);
  });

  it('legacy encrypted PKCS#1 (Proc-Type) needs its passphrase too', () => {
    const legacy = String(key.privateKey.export({ type: 'pkcs1', format: 'pem', cipher: 'aes-128-cbc', passphrase: PASSPHRASE }));
    expect(refusal(legacy).code).toBe('passphrase_required');
    expect(readKey(legacy, { passphrase: PASSPHRASE }).format).toBe('pkcs1-pem');
  });

  it('OpenSSH formats, bare base64 and random text each get their own hint', () => {
    expect(refusal('ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ user@host').message).toMatch(/ssh-keygen -e -m PKCS8/);
    expect(refusal('-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjE=\n-----END OPENSSH PRIVATE KEY-----').message).toMatch(/ssh-keygen -p -m PKCS8/);
    const body = key.spkiPem.split('\n').slice(1, -2).join('\n');
    expect(refusal(body).message).toMatch(/base64 body of a key without its "-----BEGIN …-----"/);
    expect(refusal('hello world').code).toBe('unrecognized_key_format');
  });

  it('a certificate request is not a key', () => {
    const e = refusal('-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----');
    expect(e.code).toBe('unsupported_key_format');
    expect(e.message).toMatch(/PEM "CERTIFICATE REQUEST" block, not an RSA key/);
  });
});

describe('generateRsaKeyPair', () => {
  it('makes an RSA key of the asked size with exponent 65537', async () => {
    const { privateKey, publicKey } = await generateRsaKeyPair(3072);
    expect(privateKey.asymmetricKeyDetails).toMatchObject({ modulusLength: 3072, publicExponent: 65537n });
    expect(publicKey.type).toBe('public');
  });
});
