/**
 * Builds and signs the upiGetSessionToken envelope. Deterministic: the same fields and key give the
 * same bytes, so a support engineer can re-sign a merchant's request and compare it character by
 * character.
 */
import type { KeyObject } from 'node:crypto';
import type { SignResult } from '../../shared/contract';
import { ALG, type EnvelopeFields, type JwsHeader, type SessionClaims, type SessionTokenRequest } from '../../shared/envelope';
import type { KeyInfo } from '../../shared/keys';
import { InspectorError } from '../../shared/result';
import { signJws } from './jws';
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

export function signEnvelope(fields: EnvelopeFields, key: SigningKey, options: SignOptions = {}): SignResult {
  const kid = options.exact ? (options.kid ?? key.info.kid) : (options.kid ?? key.info.kid).trim();
  if (kid === '' && !(options.exact && options.kid !== undefined)) {
    throw new InspectorError('kid_missing', `Key "${key.info.label}" has no kid, and a request's header must carry one.`, {
      fix: 'Set the kid Juspay issued for this key (e.g. uat833359804655bb748702e324111), then sign again.',
      field: 'kid',
    });
  }
  assertUsableRsa(key.privateKey, `key "${key.info.label}"`, 'keyId');
  const header = sessionHeader(kid);
  const claims = sessionClaims(fields);
  const signed = signJws(header, claims, key.privateKey);
  const envelope: SessionTokenRequest = {
    requestId: fields.requestId,
    service: fields.service,
    payload: {
      action: fields.action,
      protected: signed.protected,
      signaturePayload: signed.signaturePayload,
      signature: signed.signature,
    },
  };
  return {
    envelope,
    json: JSON.stringify(envelope, null, 2),
    compact: JSON.stringify(envelope),
    header,
    claims,
    signingInput: signed.signingInput,
    key: key.info,
  };
}
