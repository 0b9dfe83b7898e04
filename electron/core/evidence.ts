/**
 * The one evidence builder: verifies each candidate key once over the segments exactly as received, and,
 * for keys that do not verify, tries the usual mistakes — a standard-base64 signature, a signature over
 * the raw JSON instead of ASCII(protected + "." + signaturePayload) — so the verdict can name the cause.
 */
import { decodeBase64Loose, decodeBase64Url } from '../../shared/base64url';
import type { KeyRef, KeyTried, SignatureEvidence, WrongSigningInput } from '../../shared/diagnostics/types';
import type { DecodedRequest } from '../../shared/request';
import type { Candidate, KeySet } from './candidates';
import { orderCandidates } from './candidates';
import { rs256Verify } from './jws';
import { verifyAhead } from './verify-ahead';

function ref(c: Candidate): KeyRef {
  const r: KeyRef = { keyId: c.keyId, label: c.label, kid: c.kid, thumbprint: c.thumbprint, bits: c.bits };
  if (c.source) r.source = c.source;
  return r;
}

export function buildEvidence(decoded: DecodedRequest, keys: KeySet): SignatureEvidence {
  const { protected: p, signaturePayload: c, signature: s } = decoded.segments;
  const base: Partial<SignatureEvidence> = {};
  if (keys.pastedKeyError) base.pastedKeyError = keys.pastedKeyError;
  if (keys.vaultNote) base.vaultNote = keys.vaultNote;
  if (p === undefined || c === undefined || s === undefined) {
    return { keysTried: [], ...base, notCheckedReason: 'the request lacks protected, signaturePayload or signature, so there is nothing to verify.' };
  }
  const header = decoded.header?.json as { kid?: unknown } | undefined;
  const candidates = orderCandidates(keys.candidates, typeof header?.kid === 'string' ? header.kid : undefined);
  const strict = decodeBase64Url(s);
  const loose = strict ?? decodeBase64Loose(s);
  const signingInput = `${p}.${c}`;
  const keysTried: KeyTried[] = candidates.map((k) => ({ ...ref(k), valid: strict !== null && rs256Verify(signingInput, strict, k.key) }));
  const evidence: SignatureEvidence = { keysTried, ...base, triedRawJson: true, triedStandardBase64: true };
  if (loose) evidence.signatureByteLength = loose.length;
  const verified = keysTried.find((k) => k.valid);
  if (verified) {
    const { valid: _valid, ...by } = verified;
    evidence.verifiedBy = by;
    return evidence;
  }
  if (!loose) return evidence;
  const alternatives = wrongInputs(decoded, c);
  candidates.forEach((k, i) => {
    const tried = keysTried[i]!;
    if (!strict && rs256Verify(signingInput, loose, k.key)) {
      tried.verifiesIf = 'standard-base64';
      evidence.standardBase64Matches ??= ref(k);
      return;
    }
    for (const [signedOver, bytes] of alternatives) {
      if (!rs256Verify(bytes, loose, k.key)) continue;
      tried.verifiesIf = signedOver;
      evidence.rawJsonSigningMatches ??= { ...ref(k), signedOver };
      return;
    }
  });
  return evidence;
}

/**
 * Starts, on other threads, the verifications buildEvidence(decoded, keys) begins with (each key over
 * the segments as received), so that it finds them done: the `logs` reader calls it as it reads.
 */
export function verifyEvidenceAhead(decoded: DecodedRequest, keys: KeySet): void {
  const { protected: p, signaturePayload: c, signature: s } = decoded.segments;
  if (p === undefined || c === undefined || s === undefined) return;
  const strict = decodeBase64Url(s);
  if (strict) for (const k of keys.candidates) verifyAhead(`${p}.${c}`, strict, k.key);
}

/** Bytes merchants sign by mistake instead of protected + "." + signaturePayload. */
function wrongInputs(decoded: DecodedRequest, signaturePayload: string): Array<[WrongSigningInput, string]> {
  const headerText = decoded.header?.text;
  const claimsText = decoded.claims?.text;
  const out: Array<[WrongSigningInput, string]> = [];
  if (claimsText !== undefined) out.push(['claims-json', claimsText]);
  if (headerText !== undefined && claimsText !== undefined) out.push(['header-and-claims-json', `${headerText}.${claimsText}`]);
  out.push(['signaturePayload-only', signaturePayload]);
  return out;
}
