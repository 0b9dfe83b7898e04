/**
 * What the vault says about a key it just took in, without refusing it: a kid another key already
 * carries (the usual cause of "Merchant signature mismatch" tickets), or a key too weak to sign.
 */
import { keysSharingKid, MIN_SIGNING_BITS, type KeyInfo, type KeyWarning } from '../../shared/keys';
import { list, plural } from '../../shared/words';
import { OPENSSL_GENERATE } from './keys/rsa-policy';

const NEW_KEY_FIX = `Make a ${MIN_SIGNING_BITS}-bit key (Generate on the Keys screen, \`keys generate\` in the CLI, or ${OPENSSL_GENERATE}) and register its public key with Juspay.`;

function ref(key: KeyInfo): { id: string; label: string; thumbprint: string } {
  return { id: key.id, label: key.label, thumbprint: key.thumbprint };
}

/** Under 2048 bits: kept for verifying (a merchant's old key), never for signing. */
export function weakKeyWarning(key: KeyInfo): KeyWarning | null {
  if (key.bits >= MIN_SIGNING_BITS) return null;
  const signatures = `its signatures are ${key.bits / 8} bytes`;
  const message =
    key.kind === 'private'
      ? `"${key.label}" is a ${key.bits}-bit RSA key: it is kept for verifying (${signatures}), but it cannot sign, because the UPI SDK needs RSA ${MIN_SIGNING_BITS} bits or more.`
      : `"${key.label}" is a ${key.bits}-bit RSA public key: it is kept for verifying (${signatures}), but Juspay asks merchants for RSA ${MIN_SIGNING_BITS} bits or more, so a merchant still signing with its private key must move to a new key.`;
  return { code: 'weak_key', message, fix: NEW_KEY_FIX, keys: [ref(key)] };
}

/** Another key with a different public key already carries this key's kid. */
export function kidSharedWarning(key: KeyInfo, keys: readonly KeyInfo[]): KeyWarning | null {
  if (keysSharingKid(key, keys).length === 0) return null;
  const carriers = [key, ...keys.filter((k) => k.id !== key.id && k.kid === key.kid)];
  const named = carriers.map((k) => `"${k.label}" (id ${k.id}, thumbprint ${k.thumbprint})`);
  return {
    code: 'kid_shared',
    message: `kid "${key.kid}" is now carried by ${plural(carriers.length, 'key')} in the vault: ${list(named, carriers.length)}. Juspay holds exactly one public key per kid, so requests signed with any other key under this kid fail with "Merchant signature mismatch".`,
    fix: `Ask the merchant (or Juspay) which thumbprint is registered for kid "${key.kid}"; keep that key under this kid, and delete the other or give it another kid (Rename).`,
    keys: carriers.map(ref),
  };
}

/** Warnings for a key as it now stands among `keys` (which include it). */
export function keyWarnings(key: KeyInfo, keys: readonly KeyInfo[], check: { weak: boolean; kid: boolean }): KeyWarning[] {
  const warnings = [check.weak ? weakKeyWarning(key) : null, check.kid ? kidSharedWarning(key, keys) : null];
  return warnings.filter((w): w is KeyWarning => w !== null);
}
