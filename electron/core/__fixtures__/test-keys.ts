/**
 * Keys for tests, generated at test time (a 2048-bit key takes ~100 ms) so no private key is committed
 * except the RFC test vectors next to this file. Cached per process: each test file pays once.
 */
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestRsaKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  pkcs8Pem: string;
  pkcs1Pem: string;
  spkiPem: string;
  pkcs1PublicPem: string;
  privateJwk: Record<string, string>;
  publicJwk: Record<string, string>;
  encryptedPkcs8Pem(passphrase: string): string;
}

const cache = new Map<string, TestRsaKey>();

export function testRsaKey(bits = 2048, name = 'default'): TestRsaKey {
  const cacheKey = `${bits}/${name}`;
  const cached = cache.get(cacheKey);
  if (cached) return cached;
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: bits });
  const key: TestRsaKey = {
    privateKey,
    publicKey,
    pkcs8Pem: String(privateKey.export({ type: 'pkcs8', format: 'pem' })),
    pkcs1Pem: String(privateKey.export({ type: 'pkcs1', format: 'pem' })),
    spkiPem: String(publicKey.export({ type: 'spki', format: 'pem' })),
    pkcs1PublicPem: String(publicKey.export({ type: 'pkcs1', format: 'pem' })),
    privateJwk: privateKey.export({ format: 'jwk' }) as Record<string, string>,
    publicJwk: publicKey.export({ format: 'jwk' }) as Record<string, string>,
    encryptedPkcs8Pem: (passphrase) =>
      String(privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase })),
  };
  cache.set(cacheKey, key);
  return key;
}

/** Every private value of a JWK: none of them may ever appear in a channel's output. */
export function privateJwkValues(jwk: Record<string, string>): string[] {
  return ['d', 'p', 'q', 'dp', 'dq', 'qi'].map((m) => jwk[m]).filter((v): v is string => typeof v === 'string');
}

/** A self-signed certificate for `key`, made by openssl. */
export function certificatePem(key: TestRsaKey): string {
  const dir = mkdtempSync(join(tmpdir(), 'upi-cert-'));
  try {
    writeFileSync(join(dir, 'key.pem'), key.pkcs8Pem, { mode: 0o600 });
    execFileSync('/usr/bin/openssl', ['req', '-new', '-x509', '-key', join(dir, 'key.pem'), '-subj', '/CN=merchant-test', '-days', '1', '-out', join(dir, 'cert.pem')], { stdio: 'pipe' });
    return readFileSync(join(dir, 'cert.pem'), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
