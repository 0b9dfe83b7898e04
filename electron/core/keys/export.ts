/**
 * Keys going out: public halves as SPKI PEM or JWK with their RFC 7638 thumbprint, PKCS#8 only for the
 * vault's encrypted store, KeyInfo for keys that are not in the vault, and new key pairs.
 */
import { createPublicKey, generateKeyPair as generateKeyPairCallback, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import { calculateJwkThumbprint } from 'jose';
import { InspectorError } from '../../../shared/result';
import { MIN_SIGNING_BITS, type KeyInfo, type KeySize, type PublicKeyExport } from '../../../shared/keys';
import type { ReadKey } from './read';
import { weakKey } from './rsa-policy';

/** Generates an RSA key pair off the main thread (4096 bits can take seconds). */
export async function generateRsaKeyPair(bits: KeySize): Promise<{ privateKey: KeyObject; publicKey: KeyObject }> {
  if (bits < MIN_SIGNING_BITS) throw weakKey(bits, 'text');
  const generate = promisify(generateKeyPairCallback);
  return generate('rsa', { modulusLength: bits, publicExponent: 0x10001 });
}

export function publicKeyPem(key: KeyObject): string {
  return String(toPublic(key).export({ type: 'spki', format: 'pem' }));
}

/** PKCS#8 PEM of a private key: only for the vault's encrypted store, never for a channel. */
export function privateKeyPkcs8Pem(key: KeyObject): string {
  return String(key.export({ type: 'pkcs8', format: 'pem' }));
}

export function publicJwk(key: KeyObject, kid: string): PublicKeyExport['jwk'] {
  const { n, e } = rsaPublicMembers(key);
  return { kty: 'RSA', n, e, kid, alg: 'RS256', use: 'sig' };
}

/** RFC 7638 SHA-256 thumbprint of the public JWK: the same for every format the key arrives in. */
export async function jwkThumbprint(key: KeyObject): Promise<string> {
  const { n, e } = rsaPublicMembers(key);
  return calculateJwkThumbprint({ kty: 'RSA', n, e }, 'sha256');
}

function toPublic(key: KeyObject): KeyObject {
  return key.type === 'private' ? createPublicKey(key) : key;
}

function rsaPublicMembers(key: KeyObject): { n: string; e: string } {
  const jwk = toPublic(key).export({ format: 'jwk' });
  if (typeof jwk.n !== 'string' || typeof jwk.e !== 'string') throw new InspectorError('internal', 'The key has no RSA modulus.');
  return { n: jwk.n, e: jwk.e };
}

/**
 * KeyInfo for a key that is not in the vault (a pasted public key, the CLI's --key-file), so results
 * describe every key the same way.
 */
export async function looseKeyInfo(
  read: ReadKey,
  options: { id: string; label: string; kid?: string; fileName?: string; createdAt?: string },
): Promise<KeyInfo> {
  const source: KeyInfo['source'] = options.fileName
    ? { format: read.format, description: read.description, fileName: options.fileName }
    : { format: read.format, description: read.description };
  return {
    id: options.id,
    kid: options.kid ?? read.kid ?? '',
    label: options.label,
    kind: read.kind,
    bits: read.bits,
    thumbprint: await jwkThumbprint(read.publicKey),
    createdAt: options.createdAt ?? new Date(0).toISOString(),
    source,
  };
}
