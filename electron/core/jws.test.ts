import { execFileSync, spawnSync } from 'node:child_process';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CompactSign, compactVerify, importPKCS8, importSPKI } from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import rfc from './__fixtures__/rfc7515-a2.json';
import { testRsaKey } from './__fixtures__/test-keys';
import { encodeBase64url, rs256Verify, signJws, signJwsBytes } from './jws';

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
    const signature = Buffer.from(rfc.expected.signature, 'base64url');
    expect(rs256Verify(`${rfc.expected.protected}.${rfc.expected.payload}`, signature, publicKey)).toBe(true);
    const changed = rfc.expected.payload.replace(/^eyJpc3MiOiJqb2Ui/, 'eyJpc3MiOiJqb2Ki');
    expect(changed).not.toBe(rfc.expected.payload);
    expect(rs256Verify(`${rfc.expected.protected}.${changed}`, signature, publicKey)).toBe(false);
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

describe('encodeBase64url', () => {
  it('encodes without padding, in the URL-safe alphabet', () => {
    expect(encodeBase64url(new Uint8Array([0xfb, 0xff]))).toBe('-_8');
    expect(encodeBase64url('{"alg":"RS256"}')).toBe('eyJhbGciOiJSUzI1NiJ9');
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
    expect(rs256Verify(signed.signingInput, readFileSync(files.sig), createPublicKey(key.spkiPem))).toBe(true);
  });
});
