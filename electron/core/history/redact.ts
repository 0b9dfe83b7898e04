/**
 * The history never holds private key material. Every text is scanned before it is stored: PEM private
 * keys (PKCS#8, PKCS#1, encrypted, EC, OpenSSH), the private members of a JWK (`d`, `p`, `q`, `dp`,
 * `dq`, `qi`), raw or escaped inside JSON strings and log lines, and base64 DER that parses as a private
 * key. What is found is replaced by a marker; the rest of the text is kept as pasted.
 */
import { createPrivateKey } from 'node:crypto';
import { JWK_D, JWK_PRIVATE_MEMBER, PEM_PRIVATE_BLOCK } from '../../../shared/private-material';

export const REDACTED = '[private key removed by UPI Inspector]';

/** Long runs of base64 that may be a DER private key without its PEM armour (a 2048-bit key is ~1,600 characters). */
const BASE64_RUN = /[A-Za-z0-9+/_-]{600,}={0,2}/g;

export interface Redaction {
  text: string;
  /** True when something was removed. */
  redacted: boolean;
}

/** The text with every piece of private key material replaced by REDACTED. */
export function redactPrivateMaterial(text: string): Redaction {
  let out = text.replace(PEM_PRIVATE_BLOCK, REDACTED);
  if (JWK_D.test(out)) out = out.replace(JWK_PRIVATE_MEMBER, (_m, open: string, _value: string, close: string) => `${open}${REDACTED}${close}`);
  out = out.replace(BASE64_RUN, (run) => (isDerPrivateKey(run) ? REDACTED : run));
  return { text: out, redacted: out !== text };
}

/** True when the text holds any private key material. */
export function holdsPrivateMaterial(text: string): boolean {
  return redactPrivateMaterial(text).redacted;
}

function isDerPrivateKey(run: string): boolean {
  const der = Buffer.from(run.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  // A DER SEQUENCE with a two-byte length: every RSA private key from 1024 bits up starts like this.
  if (der.length < 300 || der[0] !== 0x30 || der[1] !== 0x82) return false;
  for (const type of ['pkcs8', 'pkcs1'] as const) {
    try {
      createPrivateKey({ key: der, format: 'der', type });
      return true;
    } catch {
      // not this encoding
    }
  }
  return false;
}
