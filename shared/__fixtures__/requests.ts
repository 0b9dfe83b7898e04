/* eslint-disable @typescript-eslint/no-explicit-any -- fixtures edit deep response JSON freely */
/**
 * Test fixtures: real RS256-signed upiGetSessionToken requests and a reference implementation of the
 * main-process side of SignatureEvidence, built on Web Crypto (available in Node and browsers, and typed
 * in both tsconfigs). Used only by tests.
 */
import { decodeBase64Loose, decodeBase64Url } from '../base64url';
import { encodeBase64Url, encodeBase64UrlText } from './base64url-encode';
import type { KeySource, KeyTried, SignatureEvidence } from '../diagnostics/types';
import { readRequest } from '../request';

export const KID = 'uat833359804655bb748702e324111';
export const OTHER_KID = 'uat000000000000000000000000999';
/** The signing time of the fixtures (epoch ms, 13 digits) and a reference time one minute later. */
export const T0 = 1_700_000_000_000;
export const NOW = T0 + 60_000;
export const REQUEST_ID = '3f2b8c1e-9a4d-4e6f-8b2a-1c3d5e7f9a0b';
export const PROFILE = { merchantId: 'stock', merchantChannelId: 'stockapp' };
export const HEADER: Record<string, unknown> = { kid: KID, alg: 'RS256' };
export const CLAIMS: Record<string, unknown> = {
  merchantId: 'stock',
  merchantCustomerId: 'cust-42',
  merchantChannelId: 'stockapp',
  timestamp: String(T0),
};

const ALGORITHM = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;

function generatePair(bits: number) {
  return crypto.subtle.generateKey(
    { name: 'RSASSA-PKCS1-v1_5', modulusLength: bits, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
    true,
    ['sign', 'verify'],
  );
}
type Pair = Awaited<ReturnType<typeof generatePair>>;

export interface TestKey {
  keyId: string;
  label: string;
  kid: string;
  bits: number;
  thumbprint: string;
  pair: Pair;
  /** Where the main side would have found it (a profile's registered key…); absent for vault keys as before. */
  source?: KeySource;
}

/** RFC 7638 thumbprint of the public key. */
async function thumbprintOf(pair: Pair): Promise<string> {
  const jwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
  const canonical = JSON.stringify({ e: jwk.e, kty: 'RSA', n: jwk.n });
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonical));
  return encodeBase64Url(new Uint8Array(digest));
}

export async function makeKey(keyId: string, kid: string, bits = 2048): Promise<TestKey> {
  const pair = await generatePair(bits);
  return { keyId, label: `${keyId} key`, kid, bits, thumbprint: await thumbprintOf(pair), pair };
}

export async function signBytes(key: TestKey, data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.sign(ALGORITHM, key.pair.privateKey, new Uint8Array(data)));
}

async function verifyBytes(key: TestKey, signature: Uint8Array, data: Uint8Array): Promise<boolean> {
  try {
    return await crypto.subtle.verify(ALGORITHM, key.pair.publicKey, new Uint8Array(signature), new Uint8Array(data));
  } catch {
    return false;
  }
}

export interface Segments {
  protected: string;
  signaturePayload: string;
  signature: string;
}

const ascii = (s: string) => new TextEncoder().encode(s);

/** Standard (padded) base64 of a string's UTF-8 bytes: what a wrong encoder produces. */
export function standardBase64(text: string | Uint8Array): string {
  const bytes = typeof text === 'string' ? ascii(text) : text;
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/**
 * Signs a header and claims the right way (or a chosen wrong way): the segments are base64url of the
 * JSON text, the signature RS256 over ASCII(protected + "." + signaturePayload).
 */
export async function signJws(
  key: TestKey,
  options: {
    header?: Record<string, unknown> | string;
    claims?: Record<string, unknown> | string;
    /** Encode the two JSON segments with standard base64 (and sign those). */
    standardSegments?: boolean;
    /** Sign this text instead of protected.signaturePayload. */
    signText?: (parts: { headerJson: string; claimsJson: string; protected: string; signaturePayload: string }) => string;
    /** Encode the signature as standard base64. */
    standardSignature?: boolean;
  } = {},
): Promise<Segments> {
  const headerJson = typeof options.header === 'string' ? options.header : JSON.stringify(options.header ?? HEADER);
  const claimsJson = typeof options.claims === 'string' ? options.claims : JSON.stringify(options.claims ?? CLAIMS);
  const enc = options.standardSegments ? standardBase64 : encodeBase64UrlText;
  const p = enc(headerJson);
  const c = enc(claimsJson);
  const input = options.signText ? options.signText({ headerJson, claimsJson, protected: p, signaturePayload: c }) : `${p}.${c}`;
  const sig = await signBytes(key, ascii(input));
  return { protected: p, signaturePayload: c, signature: options.standardSignature ? standardBase64(sig) : encodeBase64Url(sig) };
}

export interface EnvelopeObject {
  requestId: unknown;
  service: unknown;
  payload: Record<string, unknown>;
  [key: string]: unknown;
}

export function envelopeOf(segments: Segments): EnvelopeObject {
  return {
    requestId: REQUEST_ID,
    service: 'in.juspay.hyperapi',
    payload: { action: 'upiGetSessionToken', protected: segments.protected, signaturePayload: segments.signaturePayload, signature: segments.signature },
  };
}

/** The envelope as JSON text, after an optional edit of a deep copy. */
export function envelopeText(segments: Segments, edit?: (env: EnvelopeObject) => void, space = 2): string {
  const env = envelopeOf(segments);
  edit?.(env);
  return JSON.stringify(env, null, space);
}

/**
 * A reference implementation of what the main process does to fill SignatureEvidence: verify the
 * segments exactly as received with every key, then try the usual mistakes.
 */
export async function evidenceFor(text: string, keys: readonly TestKey[]): Promise<SignatureEvidence> {
  const d = readRequest(text);
  const { protected: p, signaturePayload: c, signature: s } = d.segments;
  if (p === undefined || c === undefined || s === undefined) {
    return { keysTried: [], notCheckedReason: 'the request lacks protected, signaturePayload or signature.' };
  }
  const strict = decodeBase64Url(s);
  const loose = strict ?? decodeBase64Loose(s);
  const input = ascii(`${p}.${c}`);
  const ref = (k: TestKey) => ({ keyId: k.keyId, label: k.label, kid: k.kid, thumbprint: k.thumbprint, bits: k.bits, ...(k.source ? { source: k.source } : {}) });
  const keysTried: KeyTried[] = [];
  for (const k of keys) keysTried.push({ ...ref(k), valid: strict ? await verifyBytes(k, strict, input) : false });
  const evidence: SignatureEvidence = { keysTried, triedRawJson: true, triedStandardBase64: true };
  if (loose) evidence.signatureByteLength = loose.length;
  const verified = keysTried.find((k) => k.valid);
  if (verified) {
    const { valid: _valid, ...by } = verified;
    evidence.verifiedBy = by;
    return evidence;
  }
  if (!loose) return evidence;
  const claimsText = d.claims?.text;
  const headerText = d.header?.text;
  const alternatives: Array<['claims-json' | 'header-and-claims-json' | 'signaturePayload-only', string | undefined]> = [
    ['claims-json', claimsText],
    ['header-and-claims-json', headerText !== undefined && claimsText !== undefined ? `${headerText}.${claimsText}` : undefined],
    ['signaturePayload-only', c],
  ];
  for (const [i, k] of keys.entries()) {
    if (!strict && (await verifyBytes(k, loose, input))) {
      keysTried[i]!.verifiesIf = 'standard-base64';
      evidence.standardBase64Matches ??= ref(k);
      continue;
    }
    for (const [signedOver, text] of alternatives) {
      if (text === undefined || !(await verifyBytes(k, loose, ascii(text)))) continue;
      keysTried[i]!.verifiesIf = signedOver;
      evidence.rawJsonSigningMatches ??= { ...ref(k), signedOver };
      break;
    }
  }
  return evidence;
}

// ---------------------------------------------------------------------------------------------------------
// Responses.

export function responseObject(): Record<string, any> {
  return {
    requestId: REQUEST_ID,
    service: 'in.juspay.hyperapi',
    error: false,
    errorCode: '',
    errorMessage: '',
    event: 'process_result',
    payload: {
      action: 'upiGetSessionToken',
      status: 'LINKED',
      isDeviceBound: true,
      isDeviceActivated: true,
      prefix: 'AXB',
      vpaAccounts: [
        {
          vpa: 'ravi@axb',
          accounts: [
            {
              bankCode: '508534',
              bankName: 'Axis Bank',
              maskedAccountNumber: 'XXXXXX1234',
              mpinLength: 6,
              mpinSet: true,
              referenceId: 'ref-1',
              otpLength: 6,
              atmPinLength: 4,
              type: 'SAVINGS',
              branchName: 'MG Road',
              bankAccountUniqueId: 'uniq-1',
              ifsc: 'UTIB0000001',
              isPrimary: true,
              name: 'Ravi Kumar',
            },
          ],
        },
      ],
      customerMobileNumber: 'XXXXXX7890',
      deviceFingerPrint: 'fp-1',
      otherInfo: {},
    },
  };
}

/** The response as JSON text after an optional edit of a fresh copy. */
export function responseText(edit?: (r: Record<string, any>) => void): string {
  const r = responseObject();
  edit?.(r);
  return JSON.stringify(r, null, 2);
}

/** Juspay's sample spelling: every boolean and number as a string, otherInfo as "{}". */
export function stringSpelledResponse(): Record<string, any> {
  const r = responseObject();
  r.payload.isDeviceBound = 'true';
  r.payload.isDeviceActivated = 'true';
  r.payload.otherInfo = '{}';
  for (const a of r.payload.vpaAccounts[0].accounts) {
    a.mpinLength = '6';
    a.mpinSet = 'true';
    a.otpLength = '6';
    a.atmPinLength = '4';
    a.isPrimary = 'true';
  }
  return r;
}
