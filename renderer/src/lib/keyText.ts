/**
 * A first look at pasted key text, before the main side reads it: enough to tell the user what they
 * pasted ("PKCS#1 private key: it will be converted to PKCS#8"). The main side decides for real.
 */
import { conversionCommand, isBinaryAsText } from '../../../shared/key-file';

export type KeyTextKind =
  | 'pkcs1-private'
  | 'pkcs8-private'
  | 'encrypted-pkcs8'
  | 'legacy-encrypted-pkcs1'
  | 'spki-public'
  | 'pkcs1-public'
  | 'certificate'
  | 'jwk-private'
  | 'jwk-public'
  | 'openssh-public'
  | 'openssh-private'
  | 'binary'
  | 'unknown';

export interface KeyTextGuess {
  kind: KeyTextKind;
  description: string;
}

const DESCRIPTIONS: Record<KeyTextKind, string> = {
  'pkcs1-private': 'PKCS#1 RSA private key (BEGIN RSA PRIVATE KEY): it will be converted to PKCS#8 on import.',
  'pkcs8-private': 'PKCS#8 private key (BEGIN PRIVATE KEY).',
  'encrypted-pkcs8': 'Encrypted PKCS#8 private key: you will be asked for its passphrase.',
  'legacy-encrypted-pkcs1': 'Legacy encrypted PKCS#1 key (Proc-Type: 4,ENCRYPTED): you will be asked for its passphrase.',
  'spki-public': 'Public key (SPKI, BEGIN PUBLIC KEY): it can verify, not sign.',
  'pkcs1-public': 'PKCS#1 RSA public key (BEGIN RSA PUBLIC KEY): it can verify, not sign.',
  certificate: 'X.509 certificate: its public key can verify, not sign.',
  'jwk-private': 'JWK with private parts (d, p, q…).',
  'jwk-public': 'Public JWK: it can verify, not sign.',
  'openssh-public': 'OpenSSH public key: convert it first with',
  'openssh-private': 'OpenSSH private key: convert a copy to PKCS#8 first with',
  binary: 'This is a binary file pasted as text, so its bytes are lost: open the file itself instead (Open key file…).',
  unknown: 'Not a PEM block, JWK or OpenSSH key that this tool recognises.',
};

/** `fileName` names the file in the conversion command an OpenSSH key gets. */
export function guessKeyText(text: string, fileName?: string): KeyTextGuess | null {
  const t = text.trim();
  if (!t) return null;
  let kind: KeyTextKind = 'unknown';
  if (isBinaryAsText(t)) return { kind: 'binary', description: DESCRIPTIONS.binary };
  if (/^(ssh-ed25519|ecdsa-sha2-\S+|ssh-dss)\s+AAAA/.test(t)) {
    return { kind: 'unknown', description: 'An OpenSSH key of another type than RSA: the UPI SDK signs RS256, which needs an RSA key.' };
  }
  if (/^ssh-rsa\s+AAAA/.test(t)) kind = 'openssh-public';
  else if (/-----BEGIN OPENSSH PRIVATE KEY-----/.test(t)) kind = 'openssh-private';
  if (kind !== 'unknown') return { kind, description: `${DESCRIPTIONS[kind]} ${conversionCommand(kind, fileName)}` };
  if (/-----BEGIN RSA PRIVATE KEY-----/.test(t)) kind = /Proc-Type:\s*4,ENCRYPTED/i.test(t) ? 'legacy-encrypted-pkcs1' : 'pkcs1-private';
  else if (/-----BEGIN ENCRYPTED PRIVATE KEY-----/.test(t)) kind = 'encrypted-pkcs8';
  else if (/-----BEGIN PRIVATE KEY-----/.test(t)) kind = 'pkcs8-private';
  else if (/-----BEGIN RSA PUBLIC KEY-----/.test(t)) kind = 'pkcs1-public';
  else if (/-----BEGIN PUBLIC KEY-----/.test(t)) kind = 'spki-public';
  else if (/-----BEGIN CERTIFICATE-----/.test(t)) kind = 'certificate';
  else if (t.startsWith('{')) {
    try {
      const jwk = JSON.parse(t) as Record<string, unknown>;
      const key = Array.isArray(jwk.keys) && jwk.keys.length > 0 ? (jwk.keys[0] as Record<string, unknown>) : jwk;
      if (key.kty === 'RSA') kind = typeof key.d === 'string' ? 'jwk-private' : 'jwk-public';
    } catch {
      kind = 'unknown';
    }
  }
  return { kind, description: DESCRIPTIONS[kind] };
}
