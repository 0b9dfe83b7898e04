/**
 * RS256 JWS primitives (RFC 7515) for the direct-jws auth variant, on node:crypto.
 *
 * Why not jose's CompactSign here: the inspector must sign and verify over byte strings it controls
 * exactly (the segments as received, or deliberate mistakes such as raw JSON or standard base64 that
 * the request inspector replays), and RSASSA-PKCS1-v1_5 with SHA-256 is one call in node:crypto.
 * jose is used for the JWK thumbprint, and the tests cross-check this module against jose and OpenSSL.
 */
import { constants, sign as cryptoSign, verify as cryptoVerify, type KeyObject } from 'node:crypto';
import { takeAhead } from './verify-ahead';

/** Unpadded base64url (RFC 7515 §2), the only encoding a JWS segment may use. */
export function encodeBase64url(data: Uint8Array | string): string {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return bytes.toString('base64url');
}

/** RSASSA-PKCS1-v1_5 with SHA-256: deterministic, so the same key and bytes give the same signature. */
export function rs256Sign(signingInput: string | Uint8Array, privateKey: KeyObject): Buffer {
  return cryptoSign('sha256', toBytes(signingInput), { key: privateKey, padding: constants.RSA_PKCS1_PADDING });
}

/** Verifies an RS256 signature over exactly these bytes. Never throws: a malformed signature is just false. */
export function rs256Verify(signingInput: string | Uint8Array, signature: Uint8Array, publicKey: KeyObject): boolean {
  const early = typeof signingInput === 'string' ? takeAhead(publicKey, signingInput, signature) : undefined;
  if (early !== undefined) return early;
  try {
    return cryptoVerify('sha256', toBytes(signingInput), { key: publicKey, padding: constants.RSA_PKCS1_PADDING }, signature);
  } catch {
    return false;
  }
}


function toBytes(data: string | Uint8Array): Uint8Array {
  // The signing input is ASCII(protected + "." + signaturePayload); utf8 equals ASCII for those bytes
  // and keeps any stray non-ASCII character as the sender would have encoded it.
  return typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
}

export interface SignedSegments {
  protected: string;
  signaturePayload: string;
  signature: string;
  /** protected + "." + signaturePayload: the exact string that was signed. */
  signingInput: string;
}

export type UnsignedSegments = Omit<SignedSegments, 'signature'>;

/** The two encoded segments and the signing input, for header and payload bytes. */
export function jwsSegments(headerBytes: Uint8Array | string, payloadBytes: Uint8Array | string): UnsignedSegments {
  const protectedSegment = encodeBase64url(headerBytes);
  const signaturePayload = encodeBase64url(payloadBytes);
  return { protected: protectedSegment, signaturePayload, signingInput: `${protectedSegment}.${signaturePayload}` };
}

/** Signs already-encoded header and payload bytes: the base for both `signJws` and test vectors. */
export function signJwsBytes(headerBytes: Uint8Array | string, payloadBytes: Uint8Array | string, privateKey: KeyObject): SignedSegments {
  const segments = jwsSegments(headerBytes, payloadBytes);
  return { ...segments, signature: encodeBase64url(rs256Sign(segments.signingInput, privateKey)) };
}

/**
 * The segments of a header and claims as the SDK expects them: JSON.stringify keeps insertion order, so
 * pass the header as {kid, alg} and the claims as {merchantId, merchantCustomerId, merchantChannelId, timestamp}.
 */
export function jwsSegmentsOf(header: Record<string, unknown>, claims: Record<string, unknown>): UnsignedSegments {
  return jwsSegments(JSON.stringify(header), JSON.stringify(claims));
}

/** Signs a header and claims (see jwsSegmentsOf). */
export function signJws(header: Record<string, unknown>, claims: Record<string, unknown>, privateKey: KeyObject): SignedSegments {
  return signJwsBytes(JSON.stringify(header), JSON.stringify(claims), privateKey);
}
