/* eslint-disable @typescript-eslint/no-explicit-any -- fixtures edit deep response JSON freely */
/**
 * The finding tables: for every finding id, an input that raises it and a near-identical one that does
 * not, and the words its message/fix must contain. Grouped by family; `catalog.test.ts` checks every id
 * in FINDING_IDS has at least one case.
 */
import type { FindingId } from '../diagnostics/catalog';
import type { InspectRequestOptions } from '../diagnostics/request';
import type { InspectResponseOptions } from '../diagnostics/response';
import {
  CLAIMS,
  HEADER,
  KID,
  NOW,
  OTHER_KID,
  PROFILE,
  T0,
  envelopeText,
  evidenceFor,
  makeKey,
  responseObject,
  responseText,
  signJws,
  type EnvelopeObject,
  type Segments,
  type TestKey,
} from './requests';

export interface RequestInput {
  text: string;
  options: InspectRequestOptions;
}
export interface RequestCase {
  id: FindingId;
  /** A short name for the test title. */
  name: string;
  raises: RequestInput;
  avoids: RequestInput;
  /** Words the finding's message or fix must contain (the field, the segment …). */
  mentions: string[];
}

export interface ResponseInput {
  text: string;
  options?: InspectResponseOptions;
}
export interface ResponseCase {
  id: FindingId;
  name: string;
  raises: ResponseInput;
  avoids: ResponseInput;
  mentions: string[];
}

export interface RequestWorld {
  key: TestKey;
  otherKey: TestKey;
  good: Segments;
  baseText: string;
  baseOptions: InspectRequestOptions;
  base: RequestInput;
  /** Signed envelope text + options with real evidence from `keys`. */
  signed(opts: Parameters<typeof signJws>[1], edit?: (env: EnvelopeObject) => void, signer?: TestKey): Promise<RequestInput>;
}

export async function requestWorld(): Promise<RequestWorld> {
  const key = await makeKey('vault-1', KID);
  const otherKey = await makeKey('vault-2', OTHER_KID);
  const good = await signJws(key);
  const baseText = envelopeText(good);
  const baseOptions: InspectRequestOptions = {
    now: NOW,
    vaultKids: [KID, OTHER_KID],
    signature: await evidenceFor(baseText, [key, otherKey]),
    profile: PROFILE,
  };
  const world: RequestWorld = {
    key,
    otherKey,
    good,
    baseText,
    baseOptions,
    base: { text: baseText, options: baseOptions },
    async signed(opts, edit, signer = key) {
      const segs = await signJws(signer, opts);
      const text = envelopeText(segs, edit);
      return { text, options: { ...baseOptions, signature: await evidenceFor(text, [key, otherKey]) } };
    },
  };
  return world;
}

/** Edits the envelope of the good segments; keeps the baseline options. */
function edited(w: RequestWorld, edit: (env: EnvelopeObject) => void, options: Partial<InspectRequestOptions> = {}): RequestInput {
  return { text: envelopeText(w.good, edit), options: { ...w.baseOptions, ...options } };
}

function withClaims(claims: Record<string, unknown>, edit: (c: Record<string, unknown>) => void): Record<string, unknown> {
  const c = { ...claims };
  edit(c);
  return c;
}

export async function requestFamilies(w: RequestWorld): Promise<Record<string, RequestCase[]>> {
  const base = w.base;
  const segs = w.good;
  const payloadOnly = JSON.stringify({ action: 'upiGetSessionToken', ...segs });

  const input: RequestCase[] = [
    { id: 'input.empty', name: 'empty text', raises: { text: '  \n', options: w.baseOptions }, avoids: base, mentions: ['empty'] },
    {
      id: 'json.invalid',
      name: 'truncated JSON',
      raises: { text: '{\n  "requestId": "x",\n  "service": }', options: w.baseOptions },
      avoids: base,
      mentions: ['line 3', 'column'],
    },
    {
      id: 'input.found-in-log',
      name: 'JSON inside a logcat line',
      raises: { text: `2024-05-01 12:00:01.123 D/HyperSDK{main}: process called with ${envelopeText(segs, undefined, 0)}`, options: w.baseOptions },
      avoids: base,
      mentions: ['line 1', 'column'],
    },
    { id: 'input.json-string', name: 'stringified twice', raises: { text: JSON.stringify(w.baseText), options: w.baseOptions }, avoids: base, mentions: ['string'] },
    {
      id: 'input.wrapped',
      name: 'envelope under data.request',
      raises: { text: JSON.stringify({ data: { request: JSON.parse(w.baseText) } }), options: w.baseOptions },
      avoids: base,
      mentions: ['data.request'],
    },
    {
      id: 'input.loose-fields',
      name: 'three plain lines',
      raises: { text: `${segs.protected}\n${segs.signaturePayload}\n${segs.signature}`, options: w.baseOptions },
      avoids: { text: JSON.stringify(segs), options: w.baseOptions },
      mentions: ['three plain lines'],
    },
    { id: 'input.not-request', name: 'an array', raises: { text: '[1, 2, 3]', options: w.baseOptions }, avoids: base, mentions: ['array', 'request'] },
    {
      id: 'input.not-request',
      name: 'a response pasted as a request',
      raises: { text: responseText(), options: w.baseOptions },
      avoids: base,
      mentions: ['response'],
    },
    { id: 'input.partial', name: 'payload alone', raises: { text: payloadOnly, options: w.baseOptions }, avoids: base, mentions: ['requestId', 'service'] },
    {
      id: 'input.compact-parts',
      name: 'two-part compact token',
      raises: { text: `${segs.protected}.${segs.signaturePayload}`, options: w.baseOptions },
      avoids: { text: `${segs.protected}.${segs.signaturePayload}.${segs.signature}`, options: w.baseOptions },
      mentions: ['3', 'protected.signaturePayload.signature'],
    },
    {
      id: 'input.salvaged',
      name: 'truncated log line still shows header and claims',
      raises: { text: w.baseText.slice(0, w.baseText.length - 40), options: w.baseOptions },
      avoids: base,
      mentions: ['protected', 'signaturePayload'],
    },
    {
      id: 'inspector.internal-error',
      name: 'options that throw',
      raises: {
        text: w.baseText,
        options: Object.defineProperty({ ...w.baseOptions }, 'now', {
          get() {
            throw new Error('boom');
          },
        }),
      },
      avoids: base,
      mentions: ['inspector', 'boom'],
    },
  ];

  const envelope: RequestCase[] = [
    ...(['requestId', 'service', 'payload'] as const).map(
      (field): RequestCase => ({
        id: 'envelope.missing-field',
        name: `no ${field}`,
        raises: edited(w, (e) => delete e[field]),
        avoids: base,
        mentions: [field],
      }),
    ),
    ...(['action', 'protected', 'signaturePayload', 'signature'] as const).map(
      (field): RequestCase => ({
        id: 'envelope.missing-field',
        name: `no payload.${field}`,
        raises: edited(w, (e) => delete e.payload[field]),
        avoids: base,
        mentions: [`payload.${field}`],
      }),
    ),
    {
      id: 'envelope.missing-field',
      name: 'payload fields flattened into the envelope',
      raises: edited(w, (e) => {
        Object.assign(e, e.payload);
        delete (e as Partial<EnvelopeObject>).payload;
      }),
      avoids: base,
      mentions: ['payload', 'top level'],
    },
    {
      id: 'envelope.key-case',
      name: 'RequestId as the docs site renders it',
      raises: edited(w, (e) => {
        e.RequestId = e.requestId;
        delete (e as Partial<EnvelopeObject>).requestId;
      }),
      avoids: base,
      mentions: ['RequestId', 'requestId'],
    },
    {
      id: 'envelope.key-case',
      name: 'Protected',
      raises: edited(w, (e) => {
        e.payload.Protected = e.payload.protected;
        delete e.payload.protected;
      }),
      avoids: base,
      mentions: ['Protected', 'protected'],
    },
    { id: 'envelope.unknown-key', name: 'extra envelope key', raises: edited(w, (e) => (e.betaAssets = true)), avoids: base, mentions: ['betaAssets'] },
    { id: 'envelope.unknown-key', name: 'sibling payload key', raises: edited(w, (e) => (e.payload.clientId = 'stock')), avoids: base, mentions: ['clientId', 'initiate'] },
    { id: 'envelope.wrong-type', name: 'payload stringified', raises: edited(w, (e) => (e.payload = JSON.stringify(e.payload) as never)), avoids: base, mentions: ['payload', 'string'] },
    { id: 'envelope.wrong-type', name: 'requestId a number', raises: edited(w, (e) => (e.requestId = 42)), avoids: base, mentions: ['requestId', 'string'] },
    {
      id: 'envelope.wrong-type',
      name: 'protected as a JSON object',
      raises: edited(w, (e) => (e.payload.protected = HEADER)),
      avoids: base,
      mentions: ['payload.protected', 'base64url'],
    },
    { id: 'service.sibling', name: 'in.juspay.ec', raises: edited(w, (e) => (e.service = 'in.juspay.ec')), avoids: base, mentions: ['service', 'in.juspay.hyperapi'] },
    { id: 'service.unknown', name: 'made-up service', raises: edited(w, (e) => (e.service = 'in.juspay.upi')), avoids: base, mentions: ['service', 'in.juspay.hyperapi'] },
    { id: 'action.sibling', name: 'initiate', raises: edited(w, (e) => (e.payload.action = 'initiate')), avoids: base, mentions: ['action', 'initiate'] },
    { id: 'action.unknown', name: 'wrong case', raises: edited(w, (e) => (e.payload.action = 'UpiGetSessionToken')), avoids: base, mentions: ['action', 'upiGetSessionToken'] },
    {
      id: 'request-id.not-uuid-v4',
      name: 'the docs placeholder',
      raises: edited(w, (e) => (e.requestId = 'abcd-12345-abcd-12345')),
      avoids: base,
      mentions: ['requestId', 'uuid v4'],
    },
    {
      id: 'request-id.not-uuid-v4',
      name: 'a uuid v1',
      raises: edited(w, (e) => (e.requestId = 'c232ab00-9414-11ec-b3c8-9e6bdeced846')),
      avoids: base,
      mentions: ['requestId', 'version 1'],
    },
    {
      id: 'auth.variant',
      name: 'direct-jws detected',
      raises: base,
      avoids: edited(w, (e) => delete e.payload.protected),
      mentions: ['direct-jws', 'protected'],
    },
    {
      id: 'auth.mixed',
      name: 'protected and merchantKeyId',
      raises: edited(w, (e) => (e.payload.merchantKeyId = 'mk-1')),
      avoids: base,
      mentions: ['protected', 'merchantKeyId'],
    },
  ];

  const wrapped = (s: string) => s.replace(/(.{76})/g, '$1\n');
  const stdClaims = { ...CLAIMS, merchantCustomerId: 'cust~~~' }; // "~~~" encodes to "fn5+" in standard base64
  const segments: RequestCase[] = [
    { id: 'segment.empty', name: 'empty signature', raises: edited(w, (e) => (e.payload.signature = '')), avoids: base, mentions: ['payload.signature'] },
    {
      id: 'segment.padding',
      name: 'protected padded',
      raises: edited(w, (e) => (e.payload.protected = `${segs.protected}=`)),
      avoids: base,
      mentions: ['payload.protected', "'='"],
    },
    {
      id: 'segment.standard-base64',
      name: 'claims in standard base64',
      raises: await w.signed({ claims: stdClaims, standardSegments: true }),
      avoids: await w.signed({ claims: stdClaims }),
      mentions: ['payload.signaturePayload', 'standard base64'],
    },
    {
      id: 'segment.whitespace',
      name: 'signature wrapped at 76 (Base64.DEFAULT)',
      raises: edited(w, (e) => (e.payload.signature = wrapped(segs.signature))),
      avoids: base,
      mentions: ['payload.signature', 'Base64.DEFAULT', 'NO_WRAP'],
    },
    {
      id: 'segment.illegal-characters',
      name: 'zero-width space in the signature',
      raises: edited(w, (e) => (e.payload.signature = `${segs.signature.slice(0, 10)}\u200b${segs.signature.slice(10)}`)),
      avoids: base,
      mentions: ['payload.signature', 'U+200B', 'character 11'],
    },
    {
      id: 'segment.illegal-characters',
      name: 'a whole compact JWS in signature',
      raises: edited(w, (e) => (e.payload.signature = `${segs.protected}.${segs.signaturePayload}.${segs.signature}`)),
      avoids: base,
      mentions: ['payload.signature', "'.'"],
    },
    {
      id: 'segment.bad-length',
      name: 'one character lost',
      raises: edited(w, (e) => (e.payload.signature = segs.signature.slice(0, -1))),
      avoids: base,
      mentions: ['payload.signature', 'length'],
    },
    {
      id: 'segment.not-encoded',
      name: 'protected as raw JSON text',
      raises: edited(w, (e) => (e.payload.protected = JSON.stringify(HEADER))),
      avoids: base,
      mentions: ['payload.protected', 'base64url'],
    },
    {
      id: 'segment.swapped',
      name: 'protected and signaturePayload swapped',
      raises: edited(w, (e) => {
        e.payload.protected = segs.signaturePayload;
        e.payload.signaturePayload = segs.protected;
      }),
      avoids: base,
      mentions: ['protected', 'signaturePayload', 'wrong fields'],
    },
  ];

  const header: RequestCase[] = [
    { id: 'header.not-json', name: 'protected is not JSON', raises: await w.signed({ header: 'kid=abc' }), avoids: base, mentions: ['payload.protected', 'JSON'] },
    { id: 'header.key-case', name: 'Kid and Alg', raises: await w.signed({ header: { Kid: KID, Alg: 'RS256' } }), avoids: base, mentions: ['Kid', 'kid'] },
    { id: 'header.alg-missing', name: 'no alg', raises: await w.signed({ header: { kid: KID } }), avoids: base, mentions: ['alg', 'RS256'] },
    { id: 'header.alg-none', name: 'alg none', raises: await w.signed({ header: { kid: KID, alg: 'none' } }), avoids: base, mentions: ['alg', 'none'] },
    { id: 'header.alg-unsupported', name: 'HS256', raises: await w.signed({ header: { kid: KID, alg: 'HS256' } }), avoids: base, mentions: ['alg', 'HS256', 'RS256'] },
    { id: 'header.kid-missing', name: 'no kid', raises: await w.signed({ header: { alg: 'RS256' } }), avoids: base, mentions: ['kid'] },
    {
      id: 'header.kid-unknown',
      name: 'kid not in the vault',
      raises: { text: w.baseText, options: { ...w.baseOptions, vaultKids: ['uat-someone-else'], signature: { keysTried: [] } } },
      avoids: base,
      mentions: ['kid', KID],
    },
    {
      id: 'header.kid-mismatch',
      name: 'signed with the other vault key',
      raises: await w.signed({}, undefined, w.otherKey),
      avoids: base,
      mentions: ['kid', KID, OTHER_KID],
    },
    { id: 'header.unknown-key', name: 'typ', raises: await w.signed({ header: { kid: KID, alg: 'RS256', typ: 'JWT' } }), avoids: base, mentions: ['typ'] },
  ];

  const claims: Array<RequestCase | Promise<RequestCase>> = [
    { id: 'claims.not-json', name: 'claims not JSON', raises: await w.signed({ claims: 'merchantId=stock' }), avoids: base, mentions: ['payload.signaturePayload', 'JSON'] },
    ...(['merchantId', 'merchantCustomerId', 'merchantChannelId', 'timestamp'] as const).map(
      async (field): Promise<RequestCase> => ({
        id: 'claims.missing-field',
        name: `no ${field}`,
        raises: await w.signed({ claims: withClaims(CLAIMS, (c) => delete c[field]) }),
        avoids: base,
        mentions: [field],
      }),
    ),
    {
      id: 'claims.missing-field',
      name: 'empty merchantCustomerId',
      raises: await w.signed({ claims: { ...CLAIMS, merchantCustomerId: '' } }),
      avoids: base,
      mentions: ['merchantCustomerId', 'empty'],
    },
    {
      id: 'claims.key-case',
      name: 'snake_case merchant_id',
      raises: await w.signed({ claims: withClaims(CLAIMS, (c) => ((c.merchant_id = c.merchantId), delete c.merchantId)) }),
      avoids: base,
      mentions: ['merchant_id', 'merchantId'],
    },
    {
      id: 'claims.key-case',
      name: 'MerchantChannelId',
      raises: await w.signed({ claims: withClaims(CLAIMS, (c) => ((c.MerchantChannelId = c.merchantChannelId), delete c.merchantChannelId)) }),
      avoids: base,
      mentions: ['MerchantChannelId', 'merchantChannelId'],
    },
    { id: 'claims.wrong-type', name: 'merchantId a number', raises: await w.signed({ claims: { ...CLAIMS, merchantId: 123 } }), avoids: base, mentions: ['merchantId', 'string'] },
    { id: 'claims.unknown-key', name: 'extra claim', raises: await w.signed({ claims: { ...CLAIMS, exp: 5 } }), avoids: base, mentions: ['exp'] },
    { id: 'timestamp.number', name: 'timestamp a JSON number', raises: await w.signed({ claims: { ...CLAIMS, timestamp: T0 } }), avoids: base, mentions: ['timestamp', 'string'] },
    {
      id: 'timestamp.seconds',
      name: 'epoch seconds',
      raises: await w.signed({ claims: { ...CLAIMS, timestamp: String(T0 / 1000) } }),
      avoids: base,
      mentions: ['timestamp', 'seconds', 'milliseconds'],
    },
    {
      id: 'timestamp.not-numeric',
      name: 'an ISO date',
      raises: await w.signed({ claims: { ...CLAIMS, timestamp: new Date(T0).toISOString() } }),
      avoids: base,
      mentions: ['timestamp', 'epoch milliseconds'],
    },
    {
      id: 'timestamp.out-of-range',
      name: 'microseconds',
      raises: await w.signed({ claims: { ...CLAIMS, timestamp: `${T0}000` } }),
      avoids: base,
      mentions: ['timestamp', '13'],
    },
    {
      id: 'timestamp.future',
      name: '10 minutes ahead',
      raises: { text: w.baseText, options: { ...w.baseOptions, now: T0 - 10 * 60_000 } },
      avoids: base,
      mentions: ['timestamp', '10 minutes', 'future'],
    },
    {
      id: 'timestamp.expired',
      name: '3 hours old',
      raises: { text: w.baseText, options: { ...w.baseOptions, now: T0 + 3 * 3600_000 + 5 * 60_000 } },
      avoids: base,
      mentions: ['timestamp', '3 hours 5 minutes', '15 minutes'],
    },
    {
      id: 'timestamp.age',
      name: 'fresh',
      raises: base,
      avoids: { text: w.baseText, options: { ...w.baseOptions, now: T0 + 3600_000 } },
      mentions: ['timestamp', '1 minute'],
    },
    {
      id: 'profile.merchant-id-mismatch',
      name: 'another merchant',
      raises: { text: w.baseText, options: { ...w.baseOptions, profile: { ...PROFILE, merchantId: 'stock_uat' } } },
      avoids: base,
      mentions: ['merchantId', 'stock_uat', '"stock"'],
    },
    {
      id: 'profile.channel-id-mismatch',
      name: 'another channel',
      raises: { text: w.baseText, options: { ...w.baseOptions, profile: { ...PROFILE, merchantChannelId: 'STOCKAPP' } } },
      avoids: base,
      mentions: ['merchantChannelId', 'STOCKAPP', 'case'],
    },
  ];

  const onlyOther = async (input: RequestInput): Promise<RequestInput> => ({
    text: input.text,
    options: { ...input.options, signature: await evidenceFor(input.text, [w.otherKey]) },
  });
  const sameKid = await makeKey('vault-3', KID);
  const weak = await makeKey('weak', KID, 1024);
  const weakText = envelopeText(await signJws(weak));
  const signature: RequestCase[] = [
    {
      id: 'header.kid-shared',
      name: 'two vault keys under the header kid',
      raises: { text: w.baseText, options: { ...w.baseOptions, signature: await evidenceFor(w.baseText, [w.key, sameKid]) } },
      avoids: base,
      mentions: [KID, w.key.thumbprint, sameKid.thumbprint, 'exactly one public key per kid'],
    },
    {
      id: 'signature.weak-key',
      name: '128-byte signature, no 1024-bit key known',
      raises: { text: weakText, options: { ...w.baseOptions, signature: await evidenceFor(weakText, [w.key, w.otherKey]) } },
      avoids: base,
      mentions: ['128 bytes', '1024-bit', '2048'],
    },
    {
      id: 'signature.weak-key',
      name: 'verifies with a 1024-bit key',
      raises: { text: weakText, options: { ...w.baseOptions, signature: await evidenceFor(weakText, [weak]) } },
      avoids: base,
      mentions: ['1024 bits', '2048'],
    },
    { id: 'signature.verified', name: 'good signature', raises: base, avoids: await onlyOther(base), mentions: ['verifies', KID] },
    { id: 'signature.invalid', name: 'only a wrong key', raises: await onlyOther(base), avoids: base, mentions: ['does not verify', OTHER_KID, 'protected'] },
    {
      id: 'signature.no-keys',
      name: 'empty vault',
      raises: { text: w.baseText, options: { ...w.baseOptions, signature: { keysTried: [] } } },
      avoids: base,
      mentions: ['key', KID],
    },
    {
      id: 'signature.not-checked',
      name: 'no evidence',
      raises: { text: w.baseText, options: { now: NOW } },
      avoids: base,
      mentions: ['not verified'],
    },
    {
      id: 'signature.raw-json-signed',
      name: 'signed the claims JSON',
      raises: await w.signed({ signText: (p) => p.claimsJson }),
      avoids: base,
      mentions: ['claims JSON', 'protected + "." + signaturePayload'],
    },
    {
      id: 'signature.standard-base64',
      name: 'signature in standard base64',
      raises: await w.signed({ standardSignature: true }),
      avoids: base,
      mentions: ['standard base64', 'base64url'],
    },
    {
      id: 'signature.length-mismatch',
      name: 'signature cut short',
      raises: await (async () => {
        const text = envelopeText(w.good, (e) => (e.payload.signature = w.good.signature.slice(0, -4)));
        return { text, options: { ...w.baseOptions, signature: await evidenceFor(text, [w.key, w.otherKey]) } };
      })(),
      avoids: base,
      mentions: ['253 bytes', '256 bytes'],
    },
    {
      id: 'signature.pasted-key-invalid',
      name: 'unreadable pasted key',
      raises: {
        text: w.baseText,
        options: { ...w.baseOptions, signature: { keysTried: [], pastedKeyError: 'it is not a PEM, certificate or JWK.' } },
      },
      avoids: base,
      mentions: ['pasted public key', 'PEM'],
    },
  ];

  return { input, envelope, segments, header, claims: await Promise.all(claims), signature };
}

// ---------------------------------------------------------------------------------------------------------

const resp = (edit?: (r: Record<string, any>) => void, options?: InspectResponseOptions): ResponseInput => ({
  text: responseText(edit),
  ...(options ? { options } : {}),
});

export function responseFamilies(): Record<string, ResponseCase[]> {
  const base = resp();
  const account = (r: Record<string, any>) => r.payload.vpaAccounts[0].accounts[0];
  return {
    input: [
      { id: 'input.empty', name: 'empty', raises: { text: '' }, avoids: base, mentions: ['empty'] },
      { id: 'json.invalid', name: 'bad JSON', raises: { text: '{\n  "event": "process_result",\n  "payload": {\n' }, avoids: base, mentions: ['line', 'column'] },
      { id: 'input.found-in-log', name: 'in a log line', raises: { text: `I/HyperSDK: onEvent ${JSON.stringify(responseObject())}` }, avoids: base, mentions: ['line 1'] },
      { id: 'input.json-string', name: 'stringified', raises: { text: JSON.stringify(JSON.stringify(responseObject())) }, avoids: base, mentions: ['string'] },
      { id: 'input.not-response', name: 'an array', raises: { text: '[{"a":1}]' }, avoids: base, mentions: ['payload', 'requestId', 'event'] },
      {
        id: 'input.not-response',
        name: 'a request',
        raises: { text: JSON.stringify({ requestId: 'x', service: 'in.juspay.hyperapi', payload: { action: 'upiGetSessionToken', protected: 'a', signaturePayload: 'b', signature: 'c' } }) },
        avoids: base,
        mentions: ['request'],
      },
    ],
    envelope: [
      { id: 'response.no-payload', name: 'no payload', raises: resp((r) => delete r.payload), avoids: base, mentions: ['payload'] },
      { id: 'event.unexpected', name: 'initiate_result', raises: resp((r) => (r.event = 'initiate_result')), avoids: base, mentions: ['event', 'initiate'] },
      {
        id: 'response.request-id-mismatch',
        name: 'another request',
        raises: resp(undefined, { requestId: '00000000-0000-4000-8000-000000000000' }),
        avoids: resp(undefined, { requestId: responseObject().requestId }),
        mentions: ['requestId', '00000000-0000-4000-8000-000000000000'],
      },
      { id: 'response.service-unexpected', name: 'in.juspay.ec', raises: resp((r) => (r.service = 'in.juspay.ec')), avoids: base, mentions: ['service'] },
      { id: 'response.action-unexpected', name: 'initiate', raises: resp((r) => (r.payload.action = 'initiate')), avoids: base, mentions: ['payload.action', 'upiGetSessionToken'] },
    ],
    error: [
      { id: 'error.without-code', name: 'error true, no code', raises: resp((r) => (r.error = true)), avoids: base, mentions: ['errorCode'] },
      { id: 'error.code', name: 'JP_005', raises: resp((r) => ((r.error = true), (r.errorCode = 'JP_005'))), avoids: base, mentions: ['JP_005', 'internet'] },
      { id: 'error.code-unconfirmed', name: 'JP_017', raises: resp((r) => ((r.error = 'true'), (r.errorCode = 'JP_017'))), avoids: base, mentions: ['JP_017', 'initiate'] },
      { id: 'error.code-unconfirmed', name: 'JP_012', raises: resp((r) => ((r.error = true), (r.errorCode = 'JP_012'))), avoids: base, mentions: ['JP_012', 'does not document'] },
      { id: 'error.code-unknown', name: 'E42', raises: resp((r) => ((r.error = true), (r.errorCode = 'E42'))), avoids: base, mentions: ['E42'] },
      {
        id: 'error.backend-message',
        name: 'signature mismatch',
        raises: resp((r) => ((r.error = true), (r.errorCode = 'JP_001'), (r.errorMessage = 'Merchant signature mismatch'))),
        avoids: base,
        mentions: ['Merchant signature mismatch', 'kid'],
      },
      {
        id: 'error.backend-message',
        name: 'request_expired spelled loosely',
        raises: resp((r) => ((r.error = true), (r.errorMessage = 'Request expired'))),
        avoids: base,
        mentions: ['REQUEST_EXPIRED', 'timestamp'],
      },
      {
        id: 'error.message',
        name: 'other message',
        raises: resp((r) => ((r.error = true), (r.errorCode = 'JP_001'), (r.errorMessage = 'SIM fetch failed'))),
        avoids: base,
        mentions: ['SIM fetch failed'],
      },
    ],
    status: [
      { id: 'status.meaning', name: 'LINKED', raises: base, avoids: resp((r) => (r.payload.status = 'REGISTERED')), mentions: ['LINKED', 'Next'] },
      { id: 'status.sibling', name: 'REGISTERED', raises: resp((r) => ((r.payload.status = 'REGISTERED'), (r.payload.vpaAccounts = []))), avoids: base, mentions: ['REGISTERED', 'BOUND'] },
      { id: 'status.unknown', name: 'lower-case linked', raises: resp((r) => (r.payload.status = 'linked')), avoids: base, mentions: ['linked', 'LINKED'] },
      { id: 'status.missing', name: 'no status', raises: resp((r) => delete r.payload.status), avoids: base, mentions: ['payload.status'] },
      { id: 'device.state-mismatch', name: 'LINKED but not bound', raises: resp((r) => (r.payload.isDeviceBound = 'false')), avoids: base, mentions: ['isDeviceBound', 'LINKED'] },
      { id: 'prefix.unusual', name: '4-letter prefix', raises: resp((r) => (r.payload.prefix = 'AXBX')), avoids: base, mentions: ['prefix', '3-letter'] },
    ],
    accounts: [
      {
        id: 'accounts.linked-without-accounts',
        name: 'empty vpaAccounts',
        raises: resp((r) => (r.payload.vpaAccounts = [])),
        avoids: base,
        mentions: ['LINKED', 'vpaAccounts'],
      },
      { id: 'accounts.unexpected', name: 'BOUND with accounts', raises: resp((r) => (r.payload.status = 'BOUND')), avoids: base, mentions: ['BOUND', 'LINKED'] },
      { id: 'account.mpin-not-set', name: 'mpinSet "false"', raises: resp((r) => (account(r).mpinSet = 'false')), avoids: base, mentions: ['mpinSet', 'MPIN', 'Axis Bank'] },
      { id: 'account.length-not-numeric', name: 'otpLength "six"', raises: resp((r) => (account(r).otpLength = 'six')), avoids: base, mentions: ['OTP length', 'six', '4 to 8'] },
      { id: 'account.length-unusual', name: 'mpinLength 5', raises: resp((r) => (account(r).mpinLength = '5')), avoids: base, mentions: ['MPIN length', '4 or 6'] },
      { id: 'account.length-unusual', name: 'atmPinLength 8', raises: resp((r) => (account(r).atmPinLength = 8)), avoids: base, mentions: ['ATM PIN length', '4 or 6'] },
      {
        id: 'account.topup-pending',
        name: 'UPI Lite top-up pending',
        raises: resp((r) => (account(r).isInitialTopUpDone = 'topup_txn_pending')),
        avoids: resp((r) => (account(r).isInitialTopUpDone = 'true')),
        mentions: ['topup_txn_pending'],
      },
      {
        id: 'vpa.duplicate',
        name: 'same VPA twice',
        raises: resp((r) => r.payload.vpaAccounts.push({ vpa: 'Ravi@axb', accounts: [] })),
        avoids: base,
        mentions: ['VPA', 'Ravi@axb'],
      },
    ],
    spelling: [
      { id: 'response.string-spelling', name: 'mpinSet "true"', raises: resp((r) => (account(r).mpinSet = 'true')), avoids: base, mentions: ['mpinSet'] },
      { id: 'response.unreadable', name: 'mpinSet "maybe"', raises: resp((r) => (account(r).mpinSet = 'maybe')), avoids: base, mentions: ['mpinSet', 'maybe'] },
    ],
  };
}
