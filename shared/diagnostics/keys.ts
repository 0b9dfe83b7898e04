/**
 * Findings about the keys themselves, from the main side's evidence: several known keys under the
 * header's kid (Juspay holds exactly one public key per kid, so at most one of them is the registered
 * one), and RSA keys under 2048 bits, which Juspay does not accept.
 */
import { finding } from './catalog';
import type { ProfileFacts } from './profile';
import type { Finding, KeyRef, KeyTried, SignatureEvidence } from './types';
import { list, plural, show } from '../words';

export const MIN_JUSPAY_BITS = 2048;
/** Signature lengths (bytes) that only a weak RSA key makes: 512-, 768- and 1024-bit. */
const WEAK_SIGNATURE_BYTES = new Map([
  [64, 512],
  [96, 768],
  [128, 1024],
]);

/** A key in words: who, kid, size and the start of its thumbprint. */
export function describeKey(k: KeyRef, thumbprintLength = 10): string {
  const kid = k.kid ? `kid ${show(k.kid)}` : 'no kid';
  const bits = k.bits > 0 ? `, ${k.bits}-bit` : '';
  const thumb = k.thumbprint ? `, thumbprint ${k.thumbprint.length > thumbprintLength ? `${k.thumbprint.slice(0, thumbprintLength)}…` : k.thumbprint}` : '';
  const who = k.keyId === 'pasted' || k.source === 'pasted' ? 'the pasted public key' : `"${k.label || k.keyId}"`;
  return `${who} (${kid}${bits}${thumb})`;
}

const NEW_KEY_FIX = `Generate a ${MIN_JUSPAY_BITS}-bit RSA key pair (openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:${MIN_JUSPAY_BITS} -out key.pem), share its public key with Juspay for this kid, and sign with its private key.`;

/**
 * `header.kid-shared`: more than one distinct known key carries the header's kid. Which of them Juspay
 * holds is a question — unless the chosen profile registers the kid, which settles it.
 */
export function kidSharedFinding(evidence: SignatureEvidence, kid: string | undefined, path: string, profile?: ProfileFacts): Finding[] {
  if (!kid) return [];
  const seen = new Set<string>();
  const sharing: KeyTried[] = [];
  for (const k of evidence.keysTried) {
    if (k.kid !== kid || seen.has(k.thumbprint)) continue;
    seen.add(k.thumbprint);
    sharing.push(k);
  }
  if (sharing.length < 2) return [];
  // The key that signed: it verifies as sent, or (with a usual mistake) once that mistake is undone.
  const verifying = sharing.find((k) => k.valid) ?? sharing.find((k) => k.verifiesIf !== undefined);
  const named = sharing.map((k) => `${describeKey(k, 64)} — ${k.valid ? 'verifies this request' : k.verifiesIf ? 'made this signature (it verifies once the mistake named above is undone)' : 'does not verify it'}`);
  const held = profile?.registeredKeys?.find((k) => k.kid === kid);
  if (held) return [settledBy(held.thumbprint, profile?.name ?? 'the chosen profile', kid, named, sharing.length, verifying, path)];
  const confirm = `Juspay holds exactly one public key per kid, so only one of these can be the key registered for ${show(kid)}: ask the merchant (or Juspay) which thumbprint Juspay has for this kid in this environment.`;
  return [
    finding(
      'header.kid-shared',
      path,
      `${plural(sharing.length, 'known key')} carry the header's kid ${show(kid)}: ${list(named, 10)}. ${confirm}`,
      verifying
        ? `If Juspay holds the thumbprint ${verifying.thumbprint}, this is the right key${verifying.valid ? ' and the signature is fine' : ''}. If it holds another one, Juspay answers "Merchant signature mismatch": sign with the private key whose public key Juspay holds, or register ${verifying.thumbprint} for this kid. Then remove or re-kid the key that is not registered, so the two cannot be confused again.`
        : 'Sign with the private key whose public key Juspay holds for this kid; then remove or re-kid the keys that are not registered, so they cannot be confused again.',
    ),
  ];
}

/** `header.kid-shared` when the profile says which key Juspay holds: a fact, no longer a question. */
function settledBy(thumbprint: string, name: string, kid: string, named: string[], count: number, verifying: KeyTried | undefined, path: string): Finding {
  const signedByHeld = verifying?.thumbprint === thumbprint;
  return finding(
    'header.kid-shared',
    path,
    `${plural(count, 'known key')} carry the header's kid ${show(kid)}: ${list(named, 10)}. The profile ${name} settles which one Juspay holds: thumbprint ${thumbprint}${
      verifying ? (signedByHeld ? ', the key that signed this request' : `, not ${verifying.thumbprint}, the key that signed this request`) : ''
    }.`,
    signedByHeld
      ? `Nothing to fix in this request. Remove or re-kid the other ${count === 2 ? 'key' : 'keys'} under ${show(kid)}, so they cannot be confused again.`
      : `Sign with the private key whose public key has thumbprint ${thumbprint}${verifying ? `, or register ${verifying.thumbprint} with Juspay for this kid and update the profile` : ''}; then remove or re-kid the key that is not registered.`,
  );
}

/**
 * `signature.weak-key`: the key that verifies is under 2048 bits, or the signature's length says it was
 * made with one (a 1024-bit key makes 128-byte signatures — not a copy error).
 */
export function weakKeyFinding(evidence: SignatureEvidence | undefined, byteLength: number | undefined, path: string): Finding[] {
  const by = evidence?.verifiedBy;
  if (by && by.bits > 0 && by.bits < MIN_JUSPAY_BITS) {
    return [
      finding(
        'signature.weak-key',
        path,
        `The signature verifies with ${describeKey(by)}, but that key is only ${by.bits} bits: Juspay requires RSA keys of ${MIN_JUSPAY_BITS} bits or more, so it rejects this request, and a ${by.bits}-bit key can be broken.`,
        NEW_KEY_FIX,
      ),
    ];
  }
  if (by || byteLength === undefined) return [];
  const bits = WEAK_SIGNATURE_BYTES.get(byteLength);
  if (bits === undefined) return [];
  return [
    finding(
      'signature.weak-key',
      path,
      `The signature is ${byteLength} bytes: an RS256 signature is exactly as long as the key's modulus, so it was made with a ${bits}-bit RSA key. Juspay requires ${MIN_JUSPAY_BITS}-bit keys (256-byte signatures), so it rejects this request.`,
      `${NEW_KEY_FIX} To prove which key signed, verify with the merchant's ${bits}-bit public key (paste it next to the request).`,
    ),
  ];
}

/** True when the signature's length is one only a weak key makes (the length check then says nothing more). */
export function isWeakSignatureLength(byteLength: number | undefined): boolean {
  return byteLength !== undefined && WEAK_SIGNATURE_BYTES.has(byteLength);
}
