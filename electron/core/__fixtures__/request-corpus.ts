/**
 * A corpus of requests as users and outside QA suites paste them: every shape the reader knows and every
 * mistake in domain.md, each with the vault it is checked against and the verdict it must get. Signed
 * for real with node:crypto. Used by the parity test (CLI vs channel) and the e2e suite's cases.
 */
import { sign as rsaSign } from 'node:crypto';
import type { TestRsaKey } from './test-keys';
import { testRsaKey } from './test-keys';

export const KID = 'uat833359804655bb748702e324111';
export const OTHER_KID = 'uat000000000000000000000000999';
export const REQUEST_ID = '3f2b8c1e-9a4d-4e6f-8b2a-1c3d5e7f9a0b';
export const SIGNED_AT = 1_700_000_000_000;
/** The reference time every case is judged at: a minute after signing. */
export const NOW = SIGNED_AT + 60_000;

/** Which keys the vault holds for a case. */
export type World = 'vault' | 'conflict' | 'weak' | 'empty';
export interface WorldKey {
  pem: string;
  kid: string;
  label: string;
}

export function keys() {
  return {
    merchant: testRsaKey(2048, 'corpus-merchant'),
    other: testRsaKey(2048, 'corpus-other'),
    regenerated: testRsaKey(2048, 'corpus-regenerated'),
    weak: testRsaKey(1024, 'corpus-weak'),
  };
}

export function worldKeys(world: World): WorldKey[] {
  const k = keys();
  switch (world) {
    case 'vault':
      return [
        { pem: k.merchant.spkiPem, kid: KID, label: 'merchant (registered)' },
        { pem: k.other.spkiPem, kid: OTHER_KID, label: 'another merchant' },
      ];
    case 'conflict':
      return [
        { pem: k.merchant.spkiPem, kid: KID, label: 'original' },
        { pem: k.regenerated.spkiPem, kid: KID, label: 'regenerated' },
      ];
    case 'weak':
      return [{ pem: k.weak.spkiPem, kid: KID, label: 'weak 1024-bit' }];
    case 'empty':
      return [];
  }
}

/** Profiles stored in every world (as profiles:save takes them); a case answers with one by naming it. */
export function worldProfiles() {
  const k = keys();
  const stock = { environment: 'sandbox', merchantId: 'stock', merchantChannelId: 'stockapp', merchantCustomerId: 'cust-42' } as const;
  return [
    { ...stock, name: 'Stock UAT', registeredKeys: [{ kid: KID, text: k.merchant.spkiPem, registeredBy: 'merchant' }] },
    { ...stock, name: 'Stock UAT (new key)', registeredKeys: [{ kid: KID, text: k.regenerated.spkiPem }] },
    { ...stock, name: 'Stock PROD', environment: 'production', registeredKeys: [{ kid: OTHER_KID, text: k.other.spkiPem }] },
  ];
}

export interface CorpusCase {
  name: string;
  world: World;
  /** The profile the verdict answers with (`--profile NAME`, the channel's `profile: { id }`). */
  profile?: string;
  text: string;
  want: { valid: boolean | null; cause?: string; has?: string[]; kind?: string; source?: string };
}

const b64url = (s: string | Buffer) => Buffer.from(s).toString('base64url');
const HEADER = { kid: KID, alg: 'RS256' };
const CLAIMS = { merchantId: 'stock', merchantCustomerId: 'cust-42', merchantChannelId: 'stockapp', timestamp: String(SIGNED_AT) };

interface SignOptions {
  header?: unknown;
  claims?: unknown;
  key?: TestRsaKey;
  /** Sign these bytes instead of protected.signaturePayload. */
  over?: (p: string, c: string, headerJson: string, claimsJson: string) => string;
  encodeSegment?: (json: string) => string;
}

export function signed(o: SignOptions = {}): { protected: string; signaturePayload: string; signature: string } {
  const headerJson = JSON.stringify(o.header ?? HEADER);
  const claimsJson = JSON.stringify(o.claims ?? CLAIMS);
  const encode = o.encodeSegment ?? b64url;
  const p = encode(headerJson);
  const c = encode(claimsJson);
  const bytes = o.over ? o.over(p, c, headerJson, claimsJson) : `${p}.${c}`;
  const signature = rsaSign('sha256', Buffer.from(bytes), (o.key ?? keys().merchant).privateKey);
  return { protected: p, signaturePayload: c, signature: b64url(signature) };
}

export function envelope(segs = signed(), extra: Record<string, unknown> = {}) {
  return { requestId: REQUEST_ID, service: 'in.juspay.hyperapi', payload: { action: 'upiGetSessionToken', ...segs }, ...extra };
}

const json = (v: unknown, space?: number) => JSON.stringify(v, null, space);

export function corpus(): CorpusCase[] {
  const k = keys();
  const good = signed();
  const env = envelope(good);
  const compact = `${good.protected}.${good.signaturePayload}.${good.signature}`;
  const valid = { valid: true } as const;
  const standardSig = { ...good, signature: Buffer.from(good.signature, 'base64url').toString('base64') };
  return [
    // Shapes: each reads to the same valid request.
    { name: 'envelope, pretty JSON', world: 'vault', text: json(env, 2), want: { ...valid, kind: 'envelope', source: 'json' } },
    { name: 'envelope, one line', world: 'vault', text: json(env), want: { ...valid, kind: 'envelope' } },
    { name: 'payload alone', world: 'vault', text: json(env.payload), want: { ...valid, kind: 'payload' } },
    { name: 'the three segments as JSON', world: 'vault', text: json(good), want: { ...valid, kind: 'segments' } },
    { name: 'compact JWS', world: 'vault', text: `${compact}\n`, want: { ...valid, kind: 'compact-jws', source: 'compact' } },
    { name: 'three plain lines', world: 'vault', text: `${good.protected}\n${good.signaturePayload}\n${good.signature}`, want: { ...valid, kind: 'segments', source: 'lines' } },
    {
      name: 'name=value pairs on one line',
      world: 'vault',
      text: `protected=${good.protected}, signaturePayload=${good.signaturePayload}, signature=${good.signature}`,
      want: { ...valid, source: 'key-value' },
    },
    {
      name: 'docs-capitalised name: value lines',
      world: 'vault',
      text: `Protected: ${good.protected}\nSignaturePayload: ${good.signaturePayload}\nSignature: ${good.signature}`,
      want: { valid: true, cause: 'envelope.key-case', source: 'key-value' },
    },
    { name: 'logcat threadtime line', world: 'vault', text: `12-01 10:15:02.481  4211  4290 D HyperSDK: process ${json(env)}`, want: { ...valid, source: 'log-line' } },
    { name: 'logcat brief line', world: 'vault', text: `D/HyperSDK( 4211): ${json(env)}`, want: { ...valid, source: 'log-line' } },
    { name: 'another log prefix', world: 'vault', text: `[2026-12-01T10:15:02Z] INFO Upi - sending request: ${json(env)} (attempt 1)`, want: { ...valid, source: 'log-line' } },
    {
      name: 'escaped JSON in a logcat line',
      world: 'vault',
      text: `12-01 10:15:02.481  4211  4290 I MerchantApp: payload="${json(env).replace(/"/g, '\\"')}"`,
      want: { ...valid, source: 'log-line', has: ['input.json-string'] },
    },
    { name: 'JSON string (stringified twice)', world: 'vault', text: json(json(env)), want: { ...valid, has: ['input.json-string'] } },
    { name: 'wrapper object', world: 'vault', text: json({ ticket: 'T-1', data: { request: env } }, 2), want: { ...valid, has: ['input.wrapped'] } },
    { name: 'escaped JSON string inside a wrapper', world: 'vault', text: json({ event: 'sdk_process', body: json(env) }), want: { ...valid, has: ['input.wrapped', 'input.json-string'] } },
    { name: 'sign --json output (a SignResult)', world: 'vault', text: json({ envelope: env, json: json(env, 2), compact: json(env) }), want: { ...valid, kind: 'envelope' } },
    { name: 'compact JWS in a log line', world: 'vault', text: `I/Signer( 77): token=${compact} ok`, want: { ...valid, kind: 'compact-jws', source: 'log-line' } },
    // Spelling mistakes that still verify.
    {
      name: "docs' capitalised keys",
      world: 'vault',
      text: json({ RequestId: REQUEST_ID, Service: 'in.juspay.hyperapi', Payload: { Action: 'upiGetSessionToken', Protected: good.protected, SignaturePayload: good.signaturePayload, Signature: good.signature } }),
      want: { valid: true, cause: 'envelope.key-case' },
    },
    { name: 'payload stringified inside the envelope', world: 'vault', text: json({ ...env, payload: json(env.payload) }), want: { valid: true, cause: 'envelope.wrong-type' } },
    // The mistakes of domain.md.
    { name: 'standard base64 signature', world: 'vault', text: json(envelope(standardSig)), want: { valid: false, cause: 'signature.standard-base64' } },
    {
      name: 'standard base64 segments',
      world: 'vault',
      text: json(envelope(signed({ claims: { ...CLAIMS, merchantCustomerId: 'cust>>>?' }, encodeSegment: (j) => Buffer.from(j).toString('base64') }))),
      want: { valid: true, cause: 'segment.padding' },
    },
    { name: 'raw JSON signed', world: 'vault', text: json(envelope(signed({ over: (_p, _c, _h, claims) => claims }))), want: { valid: false, cause: 'signature.raw-json-signed' } },
    { name: 'timestamp as a JSON number', world: 'vault', text: json(envelope(signed({ claims: { ...CLAIMS, timestamp: SIGNED_AT } }))), want: { valid: true, has: ['timestamp.number'] } },
    { name: 'timestamp in seconds', world: 'vault', text: json(envelope(signed({ claims: { ...CLAIMS, timestamp: String(SIGNED_AT / 1000) } }))), want: { valid: true, cause: 'timestamp.seconds' } },
    { name: 'timestamp 16 minutes old', world: 'vault', text: json(envelope(signed({ claims: { ...CLAIMS, timestamp: String(NOW - 16 * 60_000) } }))), want: { valid: true, has: ['timestamp.expired'] } },
    { name: 'signed with a key Juspay does not hold', world: 'vault', text: json(envelope(signed({ key: k.regenerated }))), want: { valid: false, cause: 'signature.invalid' } },
    { name: 'kid of another merchant key', world: 'vault', text: json(envelope(signed({ header: { kid: OTHER_KID, alg: 'RS256' } }))), want: { valid: true, cause: 'header.kid-mismatch' } },
    { name: 'segments swapped', world: 'vault', text: json(envelope({ protected: good.signaturePayload, signaturePayload: good.protected, signature: good.signature })), want: { valid: false, cause: 'segment.swapped' } },
    { name: 'alg HS256', world: 'vault', text: json(envelope(signed({ header: { kid: KID, alg: 'HS256' } }))), want: { valid: true, cause: 'header.alg-unsupported' } },
    { name: 'truncated log line', world: 'vault', text: `D/HyperSDK( 4211): ${json(env).slice(0, 300)}`, want: { valid: null, cause: 'json.invalid' } },
    { name: 'not a request', world: 'vault', text: 'the merchant says it fails', want: { valid: null, cause: 'input.not-request' } },
    // Two keys under one kid: the commonest real mismatch.
    { name: 'kid conflict, signed by the original', world: 'conflict', text: json(env), want: { valid: true, has: ['header.kid-shared'] } },
    { name: 'kid conflict, signed by neither', world: 'conflict', text: json(envelope(signed({ key: k.other }))), want: { valid: false, cause: 'signature.invalid', has: ['header.kid-shared'] } },
    // 1024-bit keys.
    { name: '1024-bit key, its public key known', world: 'weak', text: json(envelope(signed({ key: k.weak }))), want: { valid: true, cause: 'signature.weak-key' } },
    { name: '1024-bit signature, no such key known', world: 'vault', text: json(envelope(signed({ key: k.weak }))), want: { valid: false, cause: 'signature.weak-key' } },
    { name: 'no keys at all', world: 'empty', text: json(env), want: { valid: null, has: ['signature.no-keys'] } },
    // With a profile: it says which key Juspay holds for the kid.
    { name: 'profile: signed by the registered key', world: 'vault', profile: 'Stock UAT', text: json(env), want: valid },
    {
      name: 'profile: Juspay holds another key for the kid, the signer is in the vault',
      world: 'vault',
      profile: 'Stock UAT (new key)',
      text: json(env),
      want: { valid: true, cause: 'profile.registered-key-mismatch', has: ['header.kid-shared'] },
    },
    { name: 'profile: signed by a key nobody knows', world: 'vault', profile: 'Stock UAT', text: json(envelope(signed({ key: k.regenerated }))), want: { valid: false, cause: 'profile.registered-key-mismatch' } },
    { name: 'profile: kid registered in the other environment', world: 'vault', profile: 'Stock PROD', text: json(env), want: { valid: true, cause: 'profile.kid-unregistered' } },
  ];
}
