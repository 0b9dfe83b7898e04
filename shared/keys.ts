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
  | 'x509-pem';

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

export const KEY_SIZES = [2048, 3072, 4096] as const;
export type KeySize = (typeof KEY_SIZES)[number];
