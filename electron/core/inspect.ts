/**
 * Inspect, main-side half: the shared diagnostics decode and explain; this module adds what only the
 * main side can know — which keys the signature verifies under, and which usual mistake it matches —
 * as SignatureEvidence, and re-signs decoded claims for a side-by-side diff.
 */
import type { RequestInspection, ResignDiff, ResignSegmentDiff, ResponseInspection } from '../../shared/contract';
import { ACTION, SERVICE, newRequestId, type SessionTokenRequest } from '../../shared/envelope';
import { decodeBase64Loose, decodeBase64Url } from '../../shared/base64url';
import { inspectRequestText, inspectResponseText } from '../../shared/diagnostics';
import type { KeyRef, KeyTried, SignatureEvidence, WrongSigningInput } from '../../shared/diagnostics/types';
import { decodeRequestText, type DecodedRequest } from '../../shared/request';
import { InspectorError } from '../../shared/result';
import { rs256Verify } from './jws';
import { rsaBits } from './keys';
import { signEnvelope } from './signer';
import { pastedCandidate, vaultCandidates, verifyEnvelope, type VerifyCandidate } from './verifier';
import type { Vault } from './vault';

export interface Candidate extends VerifyCandidate {
  bits: number;
}

function ref(c: Candidate): KeyRef {
  return { keyId: c.keyId, label: c.label, kid: c.kid, thumbprint: c.thumbprint, bits: c.bits };
}

/**
 * Verifies the segments exactly as received with every key, then, when none verifies, tries the usual
 * mistakes: a standard-base64 signature, and signatures made over the raw JSON instead of
 * ASCII(protected + "." + signaturePayload).
 */
export function collectSignatureEvidence(decoded: DecodedRequest, candidates: Candidate[], pastedKeyError?: string): SignatureEvidence {
  const { protected: p, signaturePayload: c, signature: s } = decoded.segments;
  const base: Partial<SignatureEvidence> = pastedKeyError ? { pastedKeyError } : {};
  if (p === undefined || c === undefined || s === undefined) {
    return { keysTried: [], ...base, notCheckedReason: 'the request lacks protected, signaturePayload or signature, so there is nothing to verify.' };
  }
  const strict = decodeBase64Url(s);
  const loose = strict ?? decodeBase64Loose(s);
  const signingInput = `${p}.${c}`;
  const keysTried: KeyTried[] = candidates.map((k) => ({ ...ref(k), valid: strict !== null && rs256Verify(signingInput, strict, k.key) }));
  const evidence: SignatureEvidence = { keysTried, ...base, triedRawJson: true, triedStandardBase64: true };
  if (loose) evidence.signatureByteLength = loose.length;
  const verified = keysTried.find((k) => k.valid);
  if (verified) {
    const { valid: _valid, ...verifiedRef } = verified;
    evidence.verifiedBy = verifiedRef;
    return evidence;
  }
  if (!loose) return evidence;
  if (!strict) {
    const match = candidates.find((k) => rs256Verify(signingInput, loose, k.key));
    if (match) return { ...evidence, standardBase64Matches: ref(match) };
  }
  const headerText = decoded.header?.text;
  const claimsText = decoded.claims?.text;
  const alternatives: Array<[WrongSigningInput, string | undefined]> = [
    ['claims-json', claimsText],
    ['header-and-claims-json', headerText !== undefined && claimsText !== undefined ? `${headerText}.${claimsText}` : undefined],
    ['signaturePayload-only', c],
  ];
  for (const [signedOver, bytes] of alternatives) {
    if (bytes === undefined) continue;
    const match = candidates.find((k) => rs256Verify(bytes, loose, k.key));
    if (match) return { ...evidence, rawJsonSigningMatches: { ...ref(match), signedOver } };
  }
  return evidence;
}

/** A verification candidate with its modulus size, which the signature-length check needs. */
export function withBits(c: VerifyCandidate): Candidate {
  return { ...c, bits: rsaBits(c.key) };
}

async function gatherCandidates(vault: Vault, publicKey: string | undefined): Promise<{ candidates: Candidate[]; pastedKeyError?: string }> {
  const fromVault = vaultCandidates(vault.publicKeys()).map(withBits);
  if (!publicKey?.trim()) return { candidates: fromVault };
  try {
    return { candidates: [withBits(await pastedCandidate(publicKey)), ...fromVault] };
  } catch (e) {
    const why = e instanceof InspectorError ? e.message : 'it is not a key this inspector can read';
    return { candidates: fromVault, pastedKeyError: why };
  }
}

export interface InspectWithKeysOptions {
  /** Reference time for the timestamp checks, epoch ms. */
  now: number;
  /** kids known to the vault, for `header.kid-unknown`. */
  vaultKids?: string[];
  pastedKeyError?: string;
}

/** The request inspection given the keys to try: shared by the inspect channel and the CLI's verify. */
export function inspectWithKeys(text: string, candidates: Candidate[], options: InspectWithKeysOptions): RequestInspection {
  const decoded = decodeRequestText(text);
  const evidence = collectSignatureEvidence(decoded, candidates, options.pastedKeyError);
  const inspection: RequestInspection = inspectRequestText(text, {
    now: options.now,
    decoded,
    signature: evidence,
    ...(options.vaultKids ? { vaultKids: options.vaultKids } : {}),
  });
  if (evidence.notCheckedReason === undefined) {
    try {
      inspection.verify = verifyEnvelope(text, candidates);
    } catch {
      // Nothing verifiable beyond what the findings already say.
    }
  }
  return inspection;
}

export async function inspectRequest(
  input: { text: string; publicKey?: string | undefined; now?: number | undefined },
  vault: Vault,
  now: number,
): Promise<RequestInspection> {
  const { candidates, pastedKeyError } = await gatherCandidates(vault, input.publicKey);
  // An empty vault knows no kid, so "unknown to the vault" would say nothing: only ask with keys there.
  const vaultKids = vault.publicKeys().map((k) => k.info.kid).filter((kid) => kid !== '');
  return inspectWithKeys(input.text, candidates, {
    now: input.now ?? now,
    ...(vaultKids.length > 0 ? { vaultKids } : {}),
    ...(pastedKeyError ? { pastedKeyError } : {}),
  });
}

export function inspectResponse(input: { text: string; requestId?: string | undefined }): ResponseInspection {
  return inspectResponseText(input.text, input.requestId === undefined ? {} : { requestId: input.requestId });
}

/** Index of the first differing character, or -1 when the strings are identical. */
export function firstDifference(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return a.length === b.length ? -1 : n;
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/**
 * Re-signs the request's decoded claims with a vault key (and the request's own kid), so the engineer
 * sees, segment by segment, where the merchant's bytes differ from a correct signature.
 */
export function resignRequest(input: { text: string; keyId: string }, vault: Vault): ResignDiff {
  const decoded = decodeRequestText(input.text);
  const claims = decoded.claims?.json;
  if (claims === null || typeof claims !== 'object' || Array.isArray(claims)) {
    throw new InspectorError('claims_unreadable', 'The request has no readable signaturePayload claims to re-sign: fix the findings about payload.signaturePayload first.', 'text');
  }
  const c = claims as Record<string, unknown>;
  const missing = ['merchantId', 'merchantCustomerId', 'merchantChannelId', 'timestamp'].filter((k) => text(c[k]) === undefined);
  if (missing.length > 0) {
    throw new InspectorError('claims_incomplete', `The claims lack ${missing.join(', ')}: a request cannot be re-signed without them.`, 'text');
  }
  const root = decoded.root ?? {};
  const payload = decoded.payload ?? {};
  const header = decoded.header?.json as Record<string, unknown> | undefined;
  const requestId = text(root.requestId) ?? newRequestId();
  const key = vault.signingKey(input.keyId);
  const headerKid = text(header?.kid);
  const resigned = signEnvelope(
    {
      requestId,
      service: text(root.service) ?? SERVICE,
      action: text(payload.action) ?? ACTION,
      merchantId: text(c.merchantId)!,
      merchantCustomerId: text(c.merchantCustomerId)!,
      merchantChannelId: text(c.merchantChannelId)!,
      timestamp: text(c.timestamp)!,
    },
    key,
    headerKid ? { kid: headerKid } : {},
  );
  const names = ['protected', 'signaturePayload', 'signature'] as const;
  const segments: ResignSegmentDiff[] = names.map((name) => {
    const original = decoded.segments[name] ?? '';
    const ours = resigned.envelope.payload[name];
    return { name, original, resigned: ours, firstDifference: firstDifference(original, ours) };
  });
  const { protected: p, signaturePayload: sp, signature: sig } = decoded.segments;
  const original: SessionTokenRequest | null =
    p !== undefined && sp !== undefined && sig !== undefined
      ? { requestId, service: text(root.service) ?? SERVICE, payload: { action: text(payload.action) ?? ACTION, protected: p, signaturePayload: sp, signature: sig } }
      : null;
  return { original, resigned, segments };
}
