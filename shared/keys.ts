/** Key material as the renderer may see it: identity and provenance, never private parts. */

export type KeyKind = 'private' | 'public';

/** What a key was imported from, so the UI can say "PKCS#1 PEM, converted to PKCS#8". */
export type KeySourceFormat =
  | 'generated'
  | 'pkcs8-pem'
  | 'pkcs1-pem'
  | 'encrypted-pkcs8-pem'
  | 'jwk-private'
  | 'spki-pem'
  | 'pkcs1-public-pem'
  | 'jwk-public'
  | 'x509-pem'
  | 'pkcs8-der'
  | 'pkcs1-der'
  | 'encrypted-pkcs8-der'
  | 'spki-der'
  | 'pkcs1-public-der'
  | 'x509-der';

export interface KeyInfo {
  id: string;
  kid: string;
  label: string;
  kind: KeyKind;
  bits: number;
  /** RFC 7638 SHA-256 thumbprint of the public JWK, base64url. */
  thumbprint: string;
  createdAt: string;
  source: { format: KeySourceFormat; description: string; fileName?: string };
}

export interface PublicKeyExport {
  id: string;
  kid: string;
  pem: string;
  jwk: { kty: 'RSA'; n: string; e: string; kid: string; alg: 'RS256'; use: 'sig' };
  thumbprint: string;
}

export type VaultState = 'unlocked' | 'locked' | 'damaged';
/** safeStorage: OS keychain; passphrase: scrypt + AES-256-GCM; session: in memory, gone on exit. */
export type VaultMode = 'safeStorage' | 'passphrase' | 'session';

export interface VaultStatus {
  state: VaultState;
  mode: VaultMode;
  /** The vault file, so a damaged one can be found and kept. */
  path: string | null;
  keyCount: number;
  /** Why the vault is damaged or locked, in words for the user. */
  message?: string;
  /** True when no vault file exists yet: unlocking will create one with this passphrase. */
  isNew?: boolean;
}

/** The vault's settings: minutes without a call from the window before a passphrase vault locks itself (null: never). */
export interface VaultSettings {
  autoLockMinutes: number | null;
}

export const KEY_SIZES = [2048, 3072, 4096] as const;
export type KeySize = (typeof KEY_SIZES)[number];

/** The UPI SDK signs with RSA of 2048 bits or more; Juspay asks merchants for 2048-bit keys. */
export const MIN_SIGNING_BITS = 2048;
/**
 * Keys from 1024 bits up are still read for verifying: a merchant's old 1024-bit key makes 128-byte
 * signatures, and proving that is how a "Merchant signature mismatch" ticket gets closed.
 */
export const MIN_VERIFY_BITS = 1024;

/** Something worth knowing about a key the vault just took in; the key was added or changed regardless. */
export interface KeyWarning {
  /** `kid_shared`: another vault key with a different public key carries the same kid. `weak_key`: under 2048 bits, verify only. */
  code: 'kid_shared' | 'weak_key';
  message: string;
  fix: string;
  /** The keys the warning is about (for kid_shared, every key carrying that kid). */
  keys?: Array<{ id: string; label: string; thumbprint: string }>;
}

/** What keys:import, keys:generate and keys:rename answer: the key as stored, and what to watch out for. */
export type KeyInfoWithWarnings = KeyInfo & { warnings: KeyWarning[] };

/** A private key the SDK can sign with: under 2048 bits a key is kept for verifying only. */
export function canSign(key: Pick<KeyInfo, 'kind' | 'bits'>): boolean {
  return key.kind === 'private' && key.bits >= MIN_SIGNING_BITS;
}

/**
 * The other keys carrying this key's kid with a different public key. Juspay holds exactly one public
 * key per kid, so at most one of them verifies there. The public and private halves of one pair share
 * a thumbprint and do not count.
 */
export function keysSharingKid(key: Pick<KeyInfo, 'id' | 'kid' | 'thumbprint'>, keys: readonly KeyInfo[]): KeyInfo[] {
  if (key.kid === '') return [];
  return keys.filter((k) => k.id !== key.id && k.kid === key.kid && k.thumbprint !== key.thumbprint);
}
