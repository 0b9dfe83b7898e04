/**
 * What every snippet generator takes: the request's fields and the header kid, and the exact JSON text the
 * app signs for them (electron/core/signer.ts: JSON.stringify of {kid, alg} and of the claims in their
 * documented order). Generators in other languages must reproduce these bytes; this module says which.
 */
import { ALG, type EnvelopeFields } from '../envelope-rules';
import { InspectorError } from '../result';

/** The fields of one upiGetSessionToken request, as the app signs them, plus the header's kid. */
export interface SnippetRequest extends EnvelopeFields {
  /** The header's kid (the claims' timestamp is epoch milliseconds as a string, exactly as signed). */
  kid: string;
}

export const SNIPPET_FIELDS = ['requestId', 'service', 'action', 'merchantId', 'merchantCustomerId', 'merchantChannelId', 'timestamp', 'kid'] as const;

/** The header text the app signs: kid first, as the SDK's own signer writes it. */
export function headerJson(request: Pick<SnippetRequest, 'kid'>): string {
  return JSON.stringify({ kid: request.kid, alg: ALG });
}

/** The claims text the app signs, in the documented order. */
export function claimsJson(request: SnippetRequest): string {
  return JSON.stringify({
    merchantId: request.merchantId,
    merchantCustomerId: request.merchantCustomerId,
    merchantChannelId: request.merchantChannelId,
    timestamp: request.timestamp,
  });
}

/**
 * Refuses what no snippet can carry byte for byte: a NUL (a shell variable cannot hold one) or an unpaired
 * UTF-16 surrogate (not encodable as UTF-8, so Python and Java would sign other bytes than JSON.stringify's
 * `\udxxx` escape). Neither belongs in a merchant's ids; the error names the field.
 */
export function checkSnippetRequest(request: SnippetRequest): SnippetRequest {
  for (const field of SNIPPET_FIELDS) {
    const value: unknown = request[field];
    if (typeof value !== 'string') {
      throw new InspectorError('invalid_input', `${field} must be a string to generate code (it is ${value === null ? 'null' : typeof value}).`, { field });
    }
    const bad = unportableCharacter(value);
    if (bad !== null) {
      throw new InspectorError('invalid_input', `${field} contains ${bad}, which no language's snippet can carry byte for byte.`, {
        field,
        fix: `Remove it from ${field}: a merchant's ids never contain it.`,
      });
    }
  }
  if (request.kid.trim() === '') {
    throw new InspectorError('kid_missing', 'The header needs a kid to generate code for this request.', {
      fix: 'Give the kid Juspay issued for the merchant’s key (e.g. uat833359804655bb748702e324111).',
      field: 'kid',
    });
  }
  return request;
}

function unportableCharacter(value: string): string | null {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 0) return `a NUL character (U+0000) at character ${i + 1}`;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return `an unpaired surrogate (U+${c.toString(16).toUpperCase()}) at character ${i + 1}`;
    }
    if (c >= 0xdc00 && c <= 0xdfff) return `an unpaired surrogate (U+${c.toString(16).toUpperCase()}) at character ${i + 1}`;
  }
  return null;
}

/** A signed request as the app holds it (SignResult's parts), as generator input. */
export function snippetRequestOfSigned(signed: {
  envelope: { requestId: string; service: string; payload: { action: string } };
  header: { kid: string };
  claims: { merchantId: string; merchantCustomerId: string; merchantChannelId: string; timestamp: string };
}): SnippetRequest {
  return {
    requestId: signed.envelope.requestId,
    service: signed.envelope.service,
    action: signed.envelope.payload.action,
    merchantId: signed.claims.merchantId,
    merchantCustomerId: signed.claims.merchantCustomerId,
    merchantChannelId: signed.claims.merchantChannelId,
    timestamp: signed.claims.timestamp,
    kid: signed.header.kid,
  };
}
