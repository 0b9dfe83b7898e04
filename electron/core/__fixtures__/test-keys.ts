/**
 * Keys for tests, generated at test time (a 2048-bit key takes ~100 ms) so no private key is committed
 * except the RFC test vectors next to this file. Cached per process: each test file pays once.
 */
import { generateKeyPairSync, type KeyObject } from 'node:crypto';

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
