/**
 * Signature findings from evidence the main process gathers (it holds the keys and the crypto): which
 * keys were tried and what verified. Pure: `signatureFindings` only reads the evidence.
 */
import { finding } from './catalog';
import { describeKey, isWeakSignatureLength, kidSharedFinding, weakKeyFinding } from './keys';
import type { ProfileFacts } from './profile';
import type { Finding, KeyRef, SignatureEvidence, WrongSigningInput } from './types';
import { list, plural, show } from '../words';

/** RSA signature sizes in bytes for the key sizes the vault supports. */
const USUAL_BYTE_LENGTHS = [256, 384, 512];

export interface SignatureContext {
  /** Path of the signature field; default `payload.signature`. */
  path?: string;
  /** The header's kid, to say whether the key registered for it was among those tried. */
  kid?: string;
  /** `rsa` signs the signaturePayload bytes, not protected + "." + signaturePayload. */
  variant?: string;
  /** Decoded signature length in bytes, when the evidence does not carry it. */
  byteLength?: number;
  /** The chosen profile: when it registers the header's kid, it settles which of several keys Juspay holds. */
  profile?: ProfileFacts;
}


const WRONG_INPUT: Record<WrongSigningInput, string> = {
  'claims-json': 'the decoded claims JSON (the raw signaturePayload JSON text)',
  'header-and-claims-json': 'the header JSON + "." + the claims JSON, before base64url-encoding',
  'signaturePayload-only': 'the signaturePayload segment alone, without protected + "."',
  other: 'other bytes',
};

export function signatureFindings(evidence: SignatureEvidence | undefined, ctx: SignatureContext = {}): Finding[] {
  const path = ctx.path ?? 'payload.signature';
  const byteLength = evidence?.signatureByteLength ?? ctx.byteLength;
  const out = primaryFindings(evidence, ctx, path, byteLength);
  if (evidence?.notCheckedReason !== undefined) return out;
  out.push(...weakKeyFinding(evidence, byteLength, path));
  if (evidence) out.push(...kidSharedFinding(evidence, ctx.kid, path.replace(/signature$/, 'protected.kid'), ctx.profile));
  return out;
}

function primaryFindings(evidence: SignatureEvidence | undefined, ctx: SignatureContext, path: string, byteLength: number | undefined): Finding[] {
  const rsa = ctx.variant === 'rsa';
  const signedBytes = rsa ? 'the exact bytes of signaturePayload' : 'ASCII(protected + "." + signaturePayload) exactly as sent';
  const out: Finding[] = [];
  if (!evidence) {
    out.push(
      finding(
        'signature.not-checked',
        path,
        'The signature was not verified: no keys were given to check it with.',
        'Inspect in the app with the merchant’s public key in the vault (or pasted) to verify the signature.',
      ),
    );
    out.push(...lengthFindings(byteLength, [], path));
    return out;
  }
  if (evidence.pastedKeyError) {
    out.push(
      finding(
        'signature.pasted-key-invalid',
        path,
        `The pasted public key could not be used: ${evidence.pastedKeyError}`,
        'Paste the merchant’s RSA public key as PEM ("-----BEGIN PUBLIC KEY-----"), a PKCS#1 "BEGIN RSA PUBLIC KEY", an X.509 certificate or a JWK.',
      ),
    );
  }
  if (evidence.notCheckedReason) {
    out.push(finding('signature.not-checked', path, `The signature was not verified: ${evidence.notCheckedReason}`, 'Fix the problems above so the request decodes, then inspect again.'));
    return out;
  }
  const keys = Array.isArray(evidence.keysTried) ? evidence.keysTried : [];
  const verified = evidence.verifiedBy ?? keys.find((k) => k && k.valid);
  if (verified) {
    out.push(
      finding(
        'signature.verified',
        path,
        `The signature verifies with ${describeKey(verified)} over ${signedBytes}.`,
        'Nothing to fix in the signature. If Juspay still says "Merchant signature mismatch", the public key registered with Juspay for this kid is not this key’s pair (or belongs to the other environment).',
      ),
    );
    return out;
  }
  if (evidence.standardBase64Matches) {
    out.push(
      finding(
        'signature.standard-base64',
        path,
        `The signature is correct — it verifies with ${describeKey(evidence.standardBase64Matches)} — but it is encoded as standard base64 ('+', '/', '='), not base64url, so a JWS verifier reads different bytes.`,
        'Encode the signature bytes with unpadded base64url (Java Base64.getUrlEncoder().withoutPadding(); Android Base64.URL_SAFE | NO_PADDING | NO_WRAP; Node toString("base64url")).',
      ),
    );
    return out;
  }
  if (evidence.rawJsonSigningMatches) {
    const m = evidence.rawJsonSigningMatches;
    const over = WRONG_INPUT[m.signedOver] ?? 'other bytes';
    out.push(
      finding(
        'signature.raw-json-signed',
        path,
        `The signature was made with ${describeKey(m)} but over ${over}${m.detail ? ` (${m.detail})` : ''}, not over ${signedBytes}.`,
        rsa
          ? 'Sign the exact bytes of the signaturePayload string that is sent.'
          : 'Sign the ASCII string protected + "." + signaturePayload — the two base64url segments joined by a dot — exactly as they are sent; or let a JWS library (jose, Nimbus) produce the compact token and split it.',
      ),
    );
    return out;
  }
  out.push(...lengthFindings(byteLength, keys, path));
  if (keys.length === 0) {
    out.push(
      finding(
        'signature.no-keys',
        path,
        `There is no key to check the signature with${ctx.kid ? ` (the header's kid is ${show(ctx.kid)})` : ''}: ${
          evidence.vaultNote ? `${evidence.vaultNote}, and no public key was given` : 'the vault has none and no public key was given'
        }.`,
        'Import the merchant’s public key (the one shared with Juspay) into the vault with its kid, or paste it next to the request.',
      ),
    );
    return out;
  }
  const tried = keys.map(describeKey);
  const alternatives: string[] = [];
  if (evidence.triedRawJson) alternatives.push('a signature over the raw JSON instead of the segments');
  if (evidence.triedStandardBase64) alternatives.push('reading the signature as standard base64');
  const withKid = ctx.kid ? keys.find((k) => k.kid === ctx.kid) : undefined;
  const kidNote = ctx.kid
    ? withKid
      ? ` The key registered with the header's kid ${show(ctx.kid)} is among them, so the signature was made with another private key or over other bytes.`
      : ` None of them has the header's kid ${show(ctx.kid)}; the key that signed may simply not be in the vault.`
    : '';
  out.push(
    finding(
      'signature.invalid',
      path,
      `The signature does not verify with ${keys.length === 1 ? 'the only key tried' : `any of the ${keys.length} keys tried`}: ${list(tried, 10)}.${
        alternatives.length ? ` Also tried, without success: ${list(alternatives)}.` : ''
      }${kidNote}`,
      `Check that the signature is RS256 over ${signedBytes} (never over re-serialised JSON), made with the private key whose public half Juspay holds for this kid, in the right environment (UAT vs production). A PKCS#1 key ("BEGIN RSA PRIVATE KEY") must be loaded as RSA, not as PKCS#8.`,
    ),
  );
  return out;
}

function lengthFindings(byteLength: number | undefined, keys: readonly KeyRef[], path: string): Finding[] {
  if (byteLength === undefined || !Number.isFinite(byteLength) || isWeakSignatureLength(byteLength)) return [];
  const sizes = [...new Set(keys.map((k) => k.bits).filter((b) => Number.isFinite(b) && b > 0))];
  const expected = sizes.length ? sizes.map((b) => Math.ceil(b / 8)) : USUAL_BYTE_LENGTHS;
  if (expected.includes(byteLength)) return [];
  const wanted = sizes.length
    ? list(sizes.map((b) => `${Math.ceil(b / 8)} bytes for the ${b}-bit key`))
    : '256 bytes for a 2048-bit key (384 for 3072, 512 for 4096)';
  return [
    finding(
      'signature.length-mismatch',
      path,
      `The signature decodes to ${plural(byteLength, 'byte')}; an RS256 signature is exactly as long as the key: ${wanted}. It was cut off or padded while copying, or is not an RSA signature at all.`,
      'Copy the signature again in full (one line, nothing trimmed), or re-sign with the merchant’s 2048-bit RSA key.',
    ),
  ];
}
