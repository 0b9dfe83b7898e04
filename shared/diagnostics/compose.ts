/**
 * Compose's exact-bytes mode: what the inspector will say about the request being built, field by field,
 * before it is signed. The request is put together exactly as the signer will (header {kid, alg}, claims
 * in the documented order) with a placeholder signature, and read by the one inspector: the warnings
 * under Compose's fields are the inspector's own findings, word for word. No second set of rules.
 */
import { encodeBase64Url, encodeBase64UrlText } from '../base64url';
import { ALG } from '../envelope';
import { inspectRequestText } from './request';
import type { Finding, KeyRef } from './types';

export const COMPOSE_FIELDS = ['requestId', 'service', 'action', 'merchantId', 'merchantCustomerId', 'merchantChannelId', 'timestamp'] as const;
export type ComposeField = (typeof COMPOSE_FIELDS)[number];
/** A form field, or the header's kid. */
export type ComposeTarget = ComposeField | 'kid';

export interface ComposeCheck {
  /** The seven fields exactly as they will be signed. */
  fields: Record<ComposeField, string>;
  /** The kid that goes into the header. */
  kid: string;
  /** The key that will sign: its kid is compared with the header's (`header.kid-mismatch`). */
  signer?: KeyRef;
  /** Reference time for the timestamp checks, epoch ms. */
  now: number;
}

/** Where each finding path lands on the form. */
function targetOf(path: string): ComposeTarget | undefined {
  if (path === 'requestId' || path === 'service') return path;
  if (path === 'payload.action') return 'action';
  if (path === 'payload.protected.kid') return 'kid';
  const claim = /^payload\.signaturePayload\.(merchantId|merchantCustomerId|merchantChannelId|timestamp)$/.exec(path);
  return claim ? (claim[1] as ComposeField) : undefined;
}

/** The inspector's errors and warnings about the request as it will be signed, by the field they are about. */
export function composeFindings(check: ComposeCheck): Partial<Record<ComposeTarget, Finding[]>> {
  const f = check.fields;
  const header = encodeBase64UrlText(JSON.stringify({ kid: check.kid, alg: ALG }));
  const claims = encodeBase64UrlText(
    JSON.stringify({ merchantId: f.merchantId, merchantCustomerId: f.merchantCustomerId, merchantChannelId: f.merchantChannelId, timestamp: f.timestamp }),
  );
  // A placeholder of a 2048-bit signature's length: the signature itself is the signer's business.
  const signature = encodeBase64Url(new Uint8Array(256));
  const text = JSON.stringify({ requestId: f.requestId, service: f.service, payload: { action: f.action, protected: header, signaturePayload: claims, signature } });
  const signer = check.signer;
  const verdict = inspectRequestText(text, {
    now: check.now,
    ...(signer ? { signature: { keysTried: [{ ...signer, valid: true }], verifiedBy: signer } } : {}),
  });
  const out: Partial<Record<ComposeTarget, Finding[]>> = {};
  for (const finding of verdict.findings) {
    if (finding.severity === 'info') continue;
    const target = targetOf(finding.path);
    if (target) (out[target] ??= []).push(finding);
  }
  return out;
}
