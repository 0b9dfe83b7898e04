import { execFileSync, spawnSync } from 'node:child_process';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CompactSign, compactVerify, importPKCS8, importSPKI } from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import rfc from './__fixtures__/rfc7515-a2.json';
import { testRsaKey } from './__fixtures__/test-keys';
import { decodeBase64url, encodeBase64url, isBase64url, rs256Verify, signJws, signJwsBytes, verifyJwsSegments } from './jws';

const OPENSSL = '/usr/bin/openssl';

describe('RFC 7515 Appendix A.2 (RS256)', () => {
  const privateKey = createPrivateKey({ key: rfc.jwk, format: 'jwk' });
  const publicKey = createPublicKey(privateKey);

  it('reproduces the RFC’s protected header, payload, signing input and signature byte for byte', () => {
    const signed = signJwsBytes(rfc.protectedHeader, rfc.payload, privateKey);
    expect(signed.protected).toBe(rfc.expected.protected);
    expect(signed.signaturePayload).toBe(rfc.expected.payload);
    expect([...Buffer.from(signed.signingInput, 'ascii')]).toEqual(rfc.expectedSigningInputBytes);
    expect(signed.signature).toBe(rfc.expected.signature);
  });

  it('verifies the RFC’s signature over the segments as given, and not over one changed byte', () => {
    expect(verifyJwsSegments(rfc.expected.protected, rfc.expected.payload, rfc.expected.signature, publicKey)).toBe(true);
    const changed = rfc.expected.payload.replace(/^eyJpc3MiOiJqb2Ui/, 'eyJpc3MiOiJqb2Ki');
    expect(changed).not.toBe(rfc.expected.payload);
    expect(verifyJwsSegments(rfc.expected.protected, changed, rfc.expected.signature, publicKey)).toBe(false);
  });
});

describe('signJws', () => {
  const key = testRsaKey();

  it('writes the header as {"kid","alg"} and the claims in the order given, unpadded base64url', () => {
    const claims = { merchantId: 'M1', merchantCustomerId: 'C1', merchantChannelId: 'CH1', timestamp: '1668389349848' };
    const signed = signJws({ kid: 'uat833359804655bb748702e324111', alg: 'RS256' }, claims, key.privateKey);
    expect(Buffer.from(signed.protected, 'base64url').toString()).toBe('{"kid":"uat833359804655bb748702e324111","alg":"RS256"}');
    expect(Buffer.from(signed.signaturePayload, 'base64url').toString()).toBe(
      '{"merchantId":"M1","merchantCustomerId":"C1","merchantChannelId":"CH1","timestamp":"1668389349848"}',
    );
    for (const segment of [signed.protected, signed.signaturePayload, signed.signature]) expect(segment).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(signed.signingInput).toBe(`${signed.protected}.${signed.signaturePayload}`);
  });

  it('is deterministic: the same key and claims give the same signature', () => {
    const a = signJws({ kid: 'k', alg: 'RS256' }, { merchantId: 'a' }, key.privateKey);
    const b = signJws({ kid: 'k', alg: 'RS256' }, { merchantId: 'a' }, key.privateKey);
    expect(b).toEqual(a);
  });

  it('matches jose’s CompactSign output exactly, and jose verifies ours', async () => {
    const header = { kid: 'kid-1', alg: 'RS256' };
    const claims = { merchantId: 'M', merchantCustomerId: 'C', merchantChannelId: 'CH', timestamp: '1700000000000' };
    const ours = signJws(header, claims, key.privateKey);
    const joseKey = await importPKCS8(key.pkcs8Pem, 'RS256');
    const theirs = await new CompactSign(new TextEncoder().encode(JSON.stringify(claims))).setProtectedHeader(header).sign(joseKey);
    expect(`${ours.signingInput}.${ours.signature}`).toBe(theirs);
    const verified = await compactVerify(`${ours.signingInput}.${ours.signature}`, await importSPKI(key.spkiPem, 'RS256'));
    expect(new TextDecoder().decode(verified.payload)).toBe(JSON.stringify(claims));
  });
});

describe('verifyJwsSegments', () => {
  const key = testRsaKey();

  it('verifies over the received text, whatever key order or whitespace the sender’s JSON had', () => {
    // Nimbus writes kid before alg, others alg before kid, some add spaces: re-serialising would break these.
    const signed = signJwsBytes('{ "alg" : "RS256", "kid" : "x" }', '{"timestamp":"1", "merchantId":"M"}', key.privateKey);
    expect(verifyJwsSegments(signed.protected, signed.signaturePayload, signed.signature, key.publicKey)).toBe(true);
    const reserialised = encodeBase64url(JSON.stringify(JSON.parse('{ "alg" : "RS256", "kid" : "x" }')));
    expect(verifyJwsSegments(reserialised, signed.signaturePayload, signed.signature, key.publicKey)).toBe(false);
  });

  it('does not quietly accept a signature in standard base64 or with padding', () => {
    const signed = signJws({ kid: 'k', alg: 'RS256' }, { merchantId: 'M' }, key.privateKey);
    const standard = Buffer.from(signed.signature, 'base64url').toString('base64');
    expect(standard).toMatch(/[+/=]/);
    expect(rs256Verify(signed.signingInput, Buffer.from(standard, 'base64'), key.publicKey)).toBe(true); // the bytes are right…
    expect(verifyJwsSegments(signed.protected, signed.signaturePayload, standard, key.publicKey)).toBe(false); // …the encoding is not
    expect(verifyJwsSegments(signed.protected, signed.signaturePayload, `${signed.signature}=`, key.publicKey)).toBe(false);
  });

  it('returns false, not an exception, for a truncated or empty signature', () => {
    const signed = signJws({ kid: 'k', alg: 'RS256' }, { merchantId: 'M' }, key.privateKey);
    expect(verifyJwsSegments(signed.protected, signed.signaturePayload, signed.signature.slice(0, 40), key.publicKey)).toBe(false);
    expect(verifyJwsSegments(signed.protected, signed.signaturePayload, '', key.publicKey)).toBe(false);
  });
});

describe('base64url helpers', () => {
  it('encode without padding and refuse the standard alphabet on decode, naming the characters', () => {
    expect(encodeBase64url(new Uint8Array([0xfb, 0xff]))).toBe('-_8');
    expect(isBase64url('-_8')).toBe(true);
    expect(isBase64url('+/8=')).toBe(false);
    expect(isBase64url('abcde')).toBe(false); // length 5 ≡ 1 (mod 4) cannot be base64
    expect(decodeBase64url('-_8')).toEqual(Buffer.from([0xfb, 0xff]));
    expect(() => decodeBase64url('+/8=', 'signature')).toThrow(/signature is not unpadded base64url.*"\+", "\/", "="/);
  });
});

describe('OpenSSL cross-check over protected.signaturePayload', () => {
  const key = testRsaKey();
  const dir = mkdtempSync(join(tmpdir(), 'upi-jws-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const signed = signJws(
    { kid: 'uat833359804655bb748702e324111', alg: 'RS256' },
    { merchantId: 'stock', merchantCustomerId: 'cust-1', merchantChannelId: 'stockapp', timestamp: '1668389349848' },
    key.privateKey,
  );
  const files = {
    key: join(dir, 'key.pem'),
    pub: join(dir, 'pub.pem'),
    input: join(dir, 'input.txt'),
    sig: join(dir, 'sig.bin'),
    tampered: join(dir, 'tampered.txt'),
  };
  writeFileSync(files.key, key.pkcs8Pem, { mode: 0o600 });
  writeFileSync(files.pub, key.spkiPem);
  writeFileSync(files.input, signed.signingInput);

  it('openssl dgst -sign over the same bytes gives our signature exactly', () => {
    execFileSync(OPENSSL, ['dgst', '-sha256', '-sign', files.key, '-out', files.sig, files.input]);
    expect(readFileSync(files.sig).toString('base64url')).toBe(signed.signature);
  });

  it('openssl dgst -verify accepts our signature and rejects it over changed claims', () => {
    writeFileSync(files.sig, Buffer.from(signed.signature, 'base64url'));
    const ok = spawnSync(OPENSSL, ['dgst', '-sha256', '-verify', files.pub, '-signature', files.sig, files.input], { encoding: 'utf8' });
    expect(ok.stdout.trim()).toBe('Verified OK');
    expect(ok.status).toBe(0);
    writeFileSync(files.tampered, signed.signingInput.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')));
    const bad = spawnSync(OPENSSL, ['dgst', '-sha256', '-verify', files.pub, '-signature', files.sig, files.tampered], { encoding: 'utf8' });
    expect(bad.status).not.toBe(0);
    expect(bad.stdout).toMatch(/Verification failure/i);
  });

  it('our verifier accepts a signature made by openssl', () => {
    execFileSync(OPENSSL, ['dgst', '-sha256', '-sign', files.key, '-out', files.sig, files.input]);
    const opensslSignature = readFileSync(files.sig).toString('base64url');
    expect(verifyJwsSegments(signed.protected, signed.signaturePayload, opensslSignature, createPublicKey(key.spkiPem))).toBe(true);
  });
});
