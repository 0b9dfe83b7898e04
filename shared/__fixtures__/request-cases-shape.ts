/**
 * Finding cases about the request's shape: the input itself, the envelope and payload, the segments'
 * encoding. Each raises its finding and has a near-identical input that does not.
 */
import {
  CLAIMS,
  HEADER,
  envelopeText,
  responseText,
  type EnvelopeObject,
} from './requests';
import type { RequestCase, RequestWorld } from './cases';
import { edited } from './cases';

export async function shapeFamilies(w: RequestWorld): Promise<Record<'input' | 'envelope' | 'segments', RequestCase[]>> {
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
      name: 'a JWS detected',
      raises: base,
      avoids: edited(w, (e) => delete e.payload.protected),
      mentions: ['Signed as a JWS', 'protected'],
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


  return { input, envelope, segments };
}
