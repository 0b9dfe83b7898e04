/**
 * Generator input from a pasted request (Inspect): the decoded header's kid and claims, the envelope's
 * requestId, service and action. The code builds the request as the app signs it, which is the fix when
 * the merchant's own bytes differ (key order, spacing, a number for timestamp).
 */
import { ACTION, SERVICE } from '../envelope-rules';
import { isRecord } from '../guards';
import { findKey } from '../request/field-names';
import type { RequestDecoded } from '../verdict';
import type { SnippetRequest } from './request';

export type SnippetSource =
  | { ok: true; request: SnippetRequest; /** What was not in the paste and was filled in. */ notes: string[] }
  | { ok: false; reason: string };

const CLAIMS = ['merchantId', 'merchantCustomerId', 'merchantChannelId', 'timestamp'] as const;

/** `fallbackRequestId` stands in when the paste has no requestId (three segments, a compact JWS). */
export function snippetRequestFromDecoded(decoded: RequestDecoded, fallbackRequestId: string): SnippetSource {
  const header = decoded.header;
  const claims = decoded.claims;
  if (!isRecord(header) || !isRecord(claims)) return { ok: false, reason: 'Code needs the header and the claims, and they do not decode.' };
  if (typeof header.kid !== 'string' || header.kid.trim() === '') return { ok: false, reason: 'Code needs the header’s kid, and it has none.' };
  const missing = CLAIMS.filter((name) => typeof claims[name] !== 'string');
  if (missing.length > 0) {
    const hint = typeof claims.timestamp === 'number' ? ' (timestamp is a number: it must be a string of epoch milliseconds)' : '';
    return { ok: false, reason: `Code needs ${missing.join(', ')} as string claims${hint}.` };
  }

  const notes: string[] = [];
  // The docs' capitalised spellings (Service, Payload.Action) are read; the code writes the wire names.
  const envelope = isRecord(decoded.envelope) ? decoded.envelope : {};
  const inner = findKey(envelope, 'payload')?.value;
  const payload = isRecord(inner) ? inner : envelope;
  const text = (obj: Record<string, unknown>, name: string) => {
    const value = findKey(obj, name)?.value;
    return typeof value === 'string' ? value : undefined;
  };
  const requestId = decoded.requestId ?? text(envelope, 'requestId');
  if (requestId === undefined) notes.push('The paste has no requestId: the code uses a fresh one.');
  const service = text(envelope, 'service');
  const action = text(payload, 'action');
  if (service === undefined) notes.push(`The paste has no service: the code uses ${SERVICE}.`);
  if (action === undefined) notes.push(`The paste has no action: the code uses ${ACTION}.`);

  return {
    ok: true,
    notes,
    request: {
      requestId: requestId ?? fallbackRequestId,
      service: service ?? SERVICE,
      action: action ?? ACTION,
      merchantId: claims.merchantId as string,
      merchantCustomerId: claims.merchantCustomerId as string,
      merchantChannelId: claims.merchantChannelId as string,
      timestamp: claims.timestamp as string,
      kid: header.kid,
    },
  };
}
