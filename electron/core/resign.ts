/**
 * Resign and compare: re-signs a request's decoded claims with a vault key (and the request's own kid), so
 * the engineer sees, segment by segment, where the merchant's bytes differ from a correct signature.
 * RS256 (PKCS#1 v1.5) is deterministic, so any difference means other bytes or another key.
 */
import type { ResignDiff, ResignSegmentDiff } from '../../shared/contract';
import { ACTION, SERVICE, newRequestId, type SessionTokenRequest } from '../../shared/envelope';
import { readRequest } from '../../shared/request';
import { InspectorError } from '../../shared/result';
import { signEnvelope } from './signer';
import type { Vault } from './vault/vault';

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

export function resignRequest(input: { text: string; keyId: string }, vault: Vault): ResignDiff {
  const decoded = readRequest(input.text);
  const claims = decoded.claims?.json;
  if (claims === null || typeof claims !== 'object' || Array.isArray(claims)) {
    throw new InspectorError('claims_unreadable', 'The request has no readable signaturePayload claims to re-sign.', { fix: 'Fix the findings about payload.signaturePayload first.', field: 'text' });
  }
  const c = claims as Record<string, unknown>;
  const missing = ['merchantId', 'merchantCustomerId', 'merchantChannelId', 'timestamp'].filter((k) => text(c[k]) === undefined);
  if (missing.length > 0) {
    throw new InspectorError('claims_incomplete', `The claims lack ${missing.join(', ')}: a request cannot be re-signed without them.`, { field: 'text' });
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
