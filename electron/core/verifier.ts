/**
 * Verifies a direct-jws signature over the segments exactly as received, against every candidate key,
 * and says which one verified, or why none did.
 */
import type { KeyObject } from 'node:crypto';
import type { JwsHeader, SessionClaims } from '../../shared/envelope';
import { ALG } from '../../shared/envelope';
import { InspectorError } from '../../shared/result';
import type { VerifyAttempt, VerifyResult } from '../../shared/verify';
import { isBase64url, verifyJwsSegments } from './jws';
import { jwkThumbprint, readKey } from './keys';

/** A key to try, described the way VerifyResult reports it. */
export interface VerifyCandidate {
  keyId: string;
  label: string;
  kid: string;
  thumbprint: string;
  key: KeyObject;
}

export type Segments = VerifyResult['segments'];

export interface ReceivedJws {
  form: NonNullable<VerifyResult['form']>;
  segments: Segments;
  header?: JwsHeader;
  claims?: SessionClaims;
}

const SEGMENT_NAMES = ['protected', 'signaturePayload', 'signature'] as const;

/** A public key pasted with the request (any supported format, private keys too), as a candidate. */
export async function pastedCandidate(text: string, field = 'publicKey'): Promise<VerifyCandidate> {
  const read = readKey(text, { field });
  return {
    keyId: 'pasted',
    label: `Pasted key (${read.description})`,
    kid: read.kid ?? '',
    thumbprint: await jwkThumbprint(read.publicKey),
    key: read.publicKey,
  };
}

export function vaultCandidates(keys: Array<{ info: { id: string; label: string; kid: string; thumbprint: string }; key: KeyObject }>): VerifyCandidate[] {
  return keys.map(({ info, key }) => ({ keyId: info.id, label: info.label, kid: info.kid, thumbprint: info.thumbprint, key }));
}

/**
 * Finds the three segments in a full envelope, a payload object, a bare {protected, signaturePayload,
 * signature} object, a SignResult, or a compact `a.b.c` JWS. Throws InspectorError for input that holds
 * nothing verifiable.
 */
export function readSignedSegments(input: unknown): ReceivedJws {
  if (typeof input === 'string') return readText(input);
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new InspectorError('not_verifiable', 'Nothing to verify: paste an envelope, its payload, or a compact JWS.', 'text');
  }
  return readObject(input as Record<string, unknown>);
}

function readText(text: string): ReceivedJws {
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[') || trimmed.startsWith('"')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch (e) {
      const detail = e instanceof Error ? e.message.split('\n')[0] : 'not JSON';
      throw new InspectorError('damaged_json', `The text looks like JSON but does not parse: ${detail}. Paste the whole envelope, from { to the closing }.`, 'text');
    }
    return typeof parsed === 'string' ? readText(parsed) : readSignedSegments(parsed);
  }
  const parts = trimmed.split('.');
  if (parts.length === 3 && parts.every((p) => p !== '' && !/\s/.test(p))) {
    const [protectedSegment, signaturePayload, signature] = parts as [string, string, string];
    return decoded('compact-jws', { protected: protectedSegment, signaturePayload, signature });
  }
  throw new InspectorError(
    'not_verifiable',
    parts.length === 3
      ? 'This looks like a compact JWS, but one of its three parts is empty or has spaces: copy it again whole.'
      : `This is neither JSON (an envelope or its payload) nor a compact JWS (three base64url parts joined by two dots; this has ${parts.length - 1} dot${parts.length === 2 ? '' : 's'}).`,
    'text',
  );
}

function readObject(obj: Record<string, unknown>): ReceivedJws {
  // A SignResult (e.g. `upi-inspector sign --json`) carries the envelope inside.
  if (obj.envelope && typeof obj.envelope === 'object' && obj.payload === undefined) return readObject(obj.envelope as Record<string, unknown>);
  let payload: Record<string, unknown> = obj;
  let where = '';
  let form: ReceivedJws['form'] = 'segments';
  if (obj.payload !== undefined) {
    let inner = obj.payload;
    // Some integrations pass the payload as a JSON string.
    if (typeof inner === 'string') {
      try {
        inner = JSON.parse(inner);
      } catch {
        throw new InspectorError('not_verifiable', 'The envelope\'s "payload" is a string that is not JSON: it must be an object with protected, signaturePayload and signature.', 'text');
      }
    }
    if (inner === null || typeof inner !== 'object' || Array.isArray(inner)) {
      throw new InspectorError('not_verifiable', 'The envelope\'s "payload" is not an object: it must hold protected, signaturePayload and signature.', 'text');
    }
    payload = inner as Record<string, unknown>;
    where = 'payload.';
    form = 'envelope';
  } else if (obj.action !== undefined) {
    form = 'payload';
  }
  if (payload.protected === undefined && typeof payload.merchantKeyId === 'string') {
    throw new InspectorError(
      'not_verifiable',
      'This payload uses the "rsa" auth variant (merchantKeyId + signaturePayload + standard-base64 signature), not direct-jws: there is no "protected" header to verify as a JWS. Use Inspect request to check it.',
      'text',
    );
  }
  if (payload.protected === undefined && typeof payload.clientAuthToken === 'string') {
    throw new InspectorError('not_verifiable', 'This payload uses the "cat" auth variant (clientAuthToken issued by Juspay\'s backend): it carries no merchant signature to verify.', 'text');
  }
  const segments = {} as Segments;
  for (const name of SEGMENT_NAMES) {
    const value = payload[name];
    if (typeof value === 'string' && value !== '') {
      segments[name] = value;
      continue;
    }
    const miscased = Object.keys(payload).find((k) => k !== name && k.toLowerCase() === name.toLowerCase());
    const message = miscased
      ? `${where}${name} is missing, but "${where}${miscased}" is there: the wire format is lowerCamelCase ("${name}"), the capitalised names are only how the docs render them.`
      : value === undefined
        ? `${where}${name} is missing: a direct-jws payload needs protected, signaturePayload and signature.`
        : `${where}${name} must be a non-empty string (the base64url segment), not ${JSON.stringify(value)?.slice(0, 40) ?? typeof value}.`;
    throw new InspectorError('missing_segment', message, 'text');
  }
  return decoded(form, segments);
}

function decoded(form: ReceivedJws['form'], segments: Segments): ReceivedJws {
  const result: ReceivedJws = { form, segments };
  const header = decodeJsonSegment(segments.protected);
  const claims = decodeJsonSegment(segments.signaturePayload);
  if (header) result.header = header as JwsHeader;
  if (claims) result.claims = claims as SessionClaims;
  return result;
}

/** Decodes a segment for display only (standard base64 too): verification never uses this. */
export function decodeJsonSegment(segment: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64').toString('utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export interface VerifyContext {
  /** Why the vault offered no keys (locked, damaged), to say so when nothing was tried. */
  vaultNote?: string;
}

/**
 * Tries the candidates (keys whose kid matches the header first) until one verifies. Throws only for
 * input with nothing verifiable in it; an unverified signature is a result with a reason.
 */
export function verifyEnvelope(input: unknown, candidates: VerifyCandidate[], context: VerifyContext = {}): VerifyResult {
  const received = readSignedSegments(input);
  const { segments } = received;
  const headerKid = typeof received.header?.kid === 'string' ? received.header.kid : undefined;
  const ordered = orderCandidates(candidates, headerKid);
  const tried: VerifyAttempt[] = [];
  let verifiedBy: VerifyAttempt | undefined;
  for (const candidate of ordered) {
    const valid = verifyJwsSegments(segments.protected, segments.signaturePayload, segments.signature, candidate.key);
    const attempt: VerifyAttempt = { keyId: candidate.keyId, label: candidate.label, kid: candidate.kid, thumbprint: candidate.thumbprint, valid };
    tried.push(attempt);
    if (valid) {
      verifiedBy = attempt;
      break;
    }
  }
  const result: VerifyResult = { valid: verifiedBy !== undefined, tried, segments, form: received.form };
  if (verifiedBy) result.verifiedBy = verifiedBy;
  if (received.header) result.header = received.header;
  if (received.claims) result.claims = received.claims;
  if (!verifiedBy) result.reason = explainFailure(received, ordered, headerKid, context);
  return result;
}

function orderCandidates(candidates: VerifyCandidate[], headerKid: string | undefined): VerifyCandidate[] {
  // Pasted keys first (the user chose them), then the vault's keys with the header's kid, then the rest.
  const rank = (c: VerifyCandidate) => (c.keyId === 'pasted' ? 0 : headerKid !== undefined && c.kid === headerKid ? 1 : 2);
  return candidates.map((c, i) => ({ c, i })).sort((a, b) => rank(a.c) - rank(b.c) || a.i - b.i).map(({ c }) => c);
}

function explainFailure(received: ReceivedJws, tried: VerifyCandidate[], headerKid: string | undefined, context: VerifyContext): string {
  const { segments } = received;
  const notes: string[] = [];
  if (!received.header) notes.push('The protected segment does not decode to a JSON header.');
  else if (received.header.alg !== ALG) notes.push(`The header says alg ${JSON.stringify(received.header.alg)}; the SDK documents RS256 only.`);
  if (tried.length === 0) {
    return [
      `No public key to verify with: paste the merchant's public key${headerKid ? ` for kid "${headerKid}"` : ''}, or import it into the key vault${context.vaultNote ? ` (${context.vaultNote})` : ''}.`,
      ...notes,
    ].join(' ');
  }
  if (!isBase64url(segments.signature)) {
    const foreign = [...new Set(segments.signature.replace(/[A-Za-z0-9_-]/g, ''))].map((c) => `"${c}"`).join(', ');
    return [
      `The signature is not unpadded base64url (it contains ${foreign || 'an impossible length'}): RFC 7515 requires base64url without "=" padding, so it was not checked as sent. Standard base64 (+ / =) is a common signing mistake; re-encode it as base64url.`,
      ...notes,
    ].join(' ');
  }
  const signatureBytes = Buffer.from(segments.signature, 'base64url').length;
  const keyBytes = tried.map((c) => Math.ceil((c.key.asymmetricKeyDetails?.modulusLength ?? 0) / 8));
  if (!keyBytes.includes(signatureBytes)) {
    notes.push(`The signature is ${signatureBytes} bytes, but the keys tried make ${[...new Set(keyBytes)].join(' or ')}-byte signatures: it was cut short, or made with a key of another size.`);
  }
  const count = `${tried.length} key${tried.length === 1 ? '' : 's'}`;
  const kidMatch = headerKid === undefined ? undefined : tried.find((c) => c.kid === headerKid);
  if (kidMatch) {
    notes.unshift(
      `The signature does not verify with the key whose kid matches the header ("${headerKid}", ${kidMatch.label})${tried.length > 1 ? `, nor with any of the other ${tried.length - 1} key${tried.length === 2 ? '' : 's'} tried` : ''}: the segments were changed after signing, or they were signed with a different private key (or over other bytes, e.g. the raw JSON instead of protected.signaturePayload).`,
    );
  } else {
    // Pasted PEM keys carry no kid: then the kid cannot tell "another key" from "changed segments".
    const allWithoutKid = tried.every((c) => c.kid === '');
    const kidNote = headerKid === undefined ? '' : allWithoutKid ? ` (the header's kid is "${headerKid}"; the keys tried have no kid to compare)` : `, and none has the header's kid "${headerKid}"`;
    const hint = headerKid !== undefined && !allWithoutKid ? ` Paste the merchant's public key for kid "${headerKid}".` : '';
    notes.unshift(`None of the ${count} tried verifies the signature${kidNote}: it was signed with another key, or the segments were changed after signing.${hint}`);
  }
  return notes.join(' ');
}
