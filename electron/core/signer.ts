/**
 * Builds and signs the upiGetSessionToken envelope. Deterministic: the same fields and key give the
 * same bytes, so a support engineer can re-sign a merchant's request and compare it character by
 * character.
 */
import type { KeyObject } from 'node:crypto';
import type { SignResult } from '../../shared/contract';
import { ALG, type EnvelopeFields, type JwsHeader, type SessionClaims, type SessionTokenRequest } from '../../shared/envelope-rules';
import type { KeyInfo } from '../../shared/keys';
import { InspectorError } from '../../shared/result';
import { encodeBase64url, jwsSegmentsOf, rs256Sign, type UnsignedSegments } from './jws';
import { assertUsableRsa } from './keys/rsa-policy';

export interface SigningKey {
  info: KeyInfo;
  privateKey: KeyObject;
}

export interface SignOptions {
  /** The header kid; defaults to the key's kid. */
  kid?: string;
  /**
   * Exact-bytes mode (negative tests): the fields and the kid go into the envelope byte for byte, as
   * given — nothing trimmed, any kid (even another key's), any timestamp string.
   */
  exact?: boolean;
}

/** The header in the order the SDK's own signer writes it: kid, then alg. */
export function sessionHeader(kid: string): JwsHeader {
  return { kid, alg: ALG };
}

/** The claims in the documented order; `timestamp` stays a string of epoch milliseconds. */
export function sessionClaims(fields: EnvelopeFields): SessionClaims {
  return {
    merchantId: fields.merchantId,
    merchantCustomerId: fields.merchantCustomerId,
    merchantChannelId: fields.merchantChannelId,
    timestamp: fields.timestamp,
  };
}

/** What is signed for one envelope, before the signature: the header and claims, and their segments. */
export interface UnsignedEnvelope extends UnsignedSegments {
  fields: EnvelopeFields;
  header: JwsHeader;
  claims: SessionClaims;
}

/** The kid the header will carry; refuses a key that cannot sign (no kid, not RSA, under 2048 bits). */
export function signingKid(key: SigningKey, options: SignOptions = {}): string {
  const kid = options.exact ? (options.kid ?? key.info.kid) : (options.kid ?? key.info.kid).trim();
  // Exact-bytes mode may put an empty kid in the header on purpose; the key's own kid must still exist otherwise.
  if (kid === '' && !(options.exact && options.kid !== undefined)) {
    throw new InspectorError('kid_missing', `Key "${key.info.label}" has no kid, and a request's header must carry one.`, {
      fix: 'Set the kid Juspay issued for this key (e.g. uat833359804655bb748702e324111), then sign again.',
      field: 'kid',
    });
  }
  assertUsableRsa(key.privateKey, `key "${key.info.label}"`, 'keyId');
  return kid;
}

/** The envelope's header, claims and signing input for `fields` under `kid` (see signingKid). */
export function unsignedEnvelope(fields: EnvelopeFields, kid: string): UnsignedEnvelope {
  const header = sessionHeader(kid);
  const claims = sessionClaims(fields);
  return { fields, header, claims, ...jwsSegmentsOf(header, claims) };
}

/** The envelope the merchant's app sends, from its unsigned parts and the base64url signature. */
export function envelopeOf(unsigned: UnsignedEnvelope, signature: string): SessionTokenRequest {
  return {
    requestId: unsigned.fields.requestId,
    service: unsigned.fields.service,
    payload: {
      action: unsigned.fields.action,
      protected: unsigned.protected,
      signaturePayload: unsigned.signaturePayload,
      signature,
    },
  };
}

export function signEnvelope(fields: EnvelopeFields, key: SigningKey, options: SignOptions = {}): SignResult {
  const unsigned = unsignedEnvelope(fields, signingKid(key, options));
  const envelope = envelopeOf(unsigned, encodeBase64url(rs256Sign(unsigned.signingInput, key.privateKey)));
  return {
    envelope,
    json: JSON.stringify(envelope, null, 2),
    compact: JSON.stringify(envelope),
    header: unsigned.header,
    claims: unsigned.claims,
    signingInput: unsigned.signingInput,
    key: key.info,
  };
}
