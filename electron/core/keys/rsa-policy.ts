/**
 * What UPI Inspector accepts as a key: RSA only (the UPI SDK signs RS256), 2048 bits or more to sign,
 * 1024 or more to verify a merchant's old key. Every reader in this folder ends here, so a refusal
 * names what the key is and how to make one that works.
 */
import { createPublicKey, type KeyObject } from 'node:crypto';
import { InspectorError } from '../../../shared/result';
import { MIN_SIGNING_BITS, MIN_VERIFY_BITS, type KeySourceFormat } from '../../../shared/keys';
import { capitalise } from '../../../shared/words';
import type { ReadKey } from './read';

/** The one command that makes a key Juspay accepts, for messages. */
export const OPENSSL_GENERATE = '`openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out key.pem`';
const GENERATE_HINT = `generate one in UPI Inspector, or with ${OPENSSL_GENERATE}`;
/** The fix for any key that is not RSA. */
export const GENERATE_FIX = `${capitalise(GENERATE_HINT)}.`;
/** What happened, after naming what a non-RSA key is. */
export const RS256_NEEDS_RSA = `The UPI SDK signs with RS256, which needs an RSA key of ${MIN_SIGNING_BITS} bits or more.`;

export function rsaBits(key: KeyObject): number {
  return key.asymmetricKeyDetails?.modulusLength ?? 0;
}

/**
 * Refuses anything the SDK cannot sign with: non-RSA types, RSA-PSS-only keys, RSA under 2048 bits.
 * With `allowWeak` (verification only), RSA from 1024 bits passes; under 1024 never does.
 */
export function assertUsableRsa(key: KeyObject, found: string, field = 'text', options: { allowWeak?: boolean } = {}): number {
  if (key.asymmetricKeyType !== 'rsa') {
    throw new InspectorError('not_rsa', `${capitalise(found)} holds ${describeKeyType(key)}, not an RSA key. ${RS256_NEEDS_RSA}`, { fix: GENERATE_FIX, field });
  }
  const bits = rsaBits(key);
  if (bits < MIN_VERIFY_BITS || (bits < MIN_SIGNING_BITS && options.allowWeak !== true)) throw weakKey(bits, field);
  return bits;
}

export function weakKey(bits: number, field: string): InspectorError {
  const tooWeakToRead = bits < MIN_VERIFY_BITS ? `, below the ${MIN_VERIFY_BITS} bits UPI Inspector reads even for verifying` : '';
  return new InspectorError('weak_key', `This RSA key is ${bits} bits${tooWeakToRead}; the UPI SDK needs RSA ${MIN_SIGNING_BITS} bits or more.`, {
    fix: `Make a new ${MIN_SIGNING_BITS}-bit key (${GENERATE_HINT}) and share its public key with Juspay.`,
    field,
  });
}

/** A private key read from text, once the policy has passed it. */
export function privateRead(privateKey: KeyObject, format: KeySourceFormat, description: string, name: string, field: string, allowWeak: boolean): ReadKey {
  const bits = assertUsableRsa(privateKey, `this ${name}`, field, { allowWeak });
  return { kind: 'private', privateKey, publicKey: createPublicKey(privateKey), bits, format, description };
}

/** A public key read from text, once the policy has passed it. */
export function publicRead(publicKey: KeyObject, format: KeySourceFormat, description: string, name: string, field: string, allowWeak: boolean): ReadKey {
  const bits = assertUsableRsa(publicKey, `this ${name}`, field, { allowWeak });
  return { kind: 'public', publicKey, bits, format, description };
}

const CURVE_NAMES: Record<string, string> = {
  prime256v1: 'P-256',
  secp384r1: 'P-384',
  secp521r1: 'P-521',
  secp256k1: 'secp256k1',
};

function describeKeyType(key: KeyObject): string {
  switch (key.asymmetricKeyType) {
    case 'ec': {
      const curve = key.asymmetricKeyDetails?.namedCurve;
      return curve ? `an EC key (curve ${CURVE_NAMES[curve] ?? curve})` : 'an EC key';
    }
    case 'ed25519':
      return 'an Ed25519 key';
    case 'ed448':
      return 'an Ed448 key';
    case 'x25519':
    case 'x448':
      return `an ${key.asymmetricKeyType.toUpperCase()} key-agreement key`;
    case 'dsa':
      return 'a DSA key';
    case 'rsa-pss':
      return 'an RSA-PSS key (restricted to PSS signatures, RS256 uses PKCS#1 v1.5)';
    default:
      return `a ${key.asymmetricKeyType ?? 'non-RSA'} key`;
  }
}
