import { describe, expect, it } from 'vitest';
import { CLAIMS, HEADER, envelopeOf, makeKey, signJws, KID } from './__fixtures__/requests';
import { canonicalKey, decodeRequestText, findKey } from './request';

const key = await makeKey('k', KID);
const segs = await signJws(key);
const env = envelopeOf(segs);

describe('decodeRequestText', () => {
  it('decodes a full envelope', () => {
    const d = decodeRequestText(JSON.stringify(env, null, 2));
    expect(d).toMatchObject({ kind: 'envelope', source: 'json', variant: 'direct-jws', payloadSpelling: 'object' });
    expect(d.header).toMatchObject({ encoding: 'base64url', json: HEADER });
    expect(d.claims).toMatchObject({ encoding: 'base64url', json: CLAIMS });
    expect(d.signature).toMatchObject({ encoding: 'base64url', byteLength: 256 });
    expect(d.segments).toEqual(segs);
  });

  it('decodes the payload alone, the three strings, and a compact JWS', () => {
    expect(decodeRequestText(JSON.stringify(env.payload)).kind).toBe('payload');
    expect(decodeRequestText(JSON.stringify(segs)).kind).toBe('segments');
    const compact = decodeRequestText(`  ${segs.protected}.${segs.signaturePayload}.${segs.signature}\n`);
    expect(compact).toMatchObject({ kind: 'compact-jws', source: 'compact', compactParts: 3, segments: segs });
    expect(compact.claims?.json).toEqual(CLAIMS);
  });

  it('finds the JSON (or a compact JWS) inside a log line', () => {
    const d = decodeRequestText(`05-01 12:00:01.123 D/HyperSDK{main}: process called with ${JSON.stringify(env)}`);
    expect(d).toMatchObject({ kind: 'envelope', source: 'log-line', foundAt: { line: 1, column: 58 } });
    const c = decodeRequestText(`token=${segs.protected}.${segs.signaturePayload}.${segs.signature} sent`);
    expect(c).toMatchObject({ kind: 'compact-jws', source: 'log-line', foundAt: { line: 1, column: 7 } });
  });

  it('unwraps a JSON string holding the request, and a stringified payload', () => {
    expect(decodeRequestText(JSON.stringify(JSON.stringify(env)))).toMatchObject({ kind: 'envelope', source: 'json-string' });
    const d = decodeRequestText(JSON.stringify({ ...env, payload: JSON.stringify(env.payload) }));
    expect(d).toMatchObject({ kind: 'envelope', payloadSpelling: 'string' });
    expect(d.header?.json).toEqual(HEADER);
  });

  it('decodes what it can from broken input', () => {
    const truncated = JSON.stringify(env).slice(0, -30);
    const d = decodeRequestText(truncated);
    expect(d.parseError?.line).toBe(1);
    expect(d.salvaged).toBe(true);
    expect(d.header?.json).toEqual(HEADER);
    expect(d.claims?.json).toEqual(CLAIMS);
    expect(d.segments.signature).toBeUndefined();
  });

  it('decodes padded, standard-alphabet and wrapped segments loosely, and raw JSON as text', () => {
    const d = decodeRequestText(JSON.stringify({ protected: `${segs.protected}=`, signaturePayload: JSON.stringify(CLAIMS), signature: segs.signature.replace(/(.{76})/g, '$1\n') }));
    expect(d.header).toMatchObject({ encoding: 'base64-loose', json: HEADER });
    expect(d.claims).toMatchObject({ encoding: 'raw-json', json: CLAIMS });
    expect(d.signature).toMatchObject({ encoding: 'base64-loose', byteLength: 256 });
  });

  it('detects variants, including mixes', () => {
    expect(decodeRequestText(JSON.stringify({ action: 'upiGetSessionToken', merchantKeyId: 'm', signaturePayload: '{}', signature: 'c2ln' })).variant).toBe('rsa');
    expect(decodeRequestText(JSON.stringify({ action: 'upiGetSessionToken', clientAuthToken: 't' })).variant).toBe('cat');
    expect(decodeRequestText(JSON.stringify({ ...env.payload, merchantKeyId: 'm' }))).toMatchObject({ variant: 'mixed', variants: ['direct-jws', 'rsa'] });
  });

  it('reads keys in the wrong case', () => {
    const d = decodeRequestText(JSON.stringify({ RequestId: 'x', Service: 's', Payload: { Action: 'a', Protected: segs.protected } }));
    expect(d.kind).toBe('envelope');
    expect(d.header?.json).toEqual(HEADER);
  });

  it('returns unknown for things that are not requests', () => {
    for (const text of ['', '42', '[1]', '{"hello":1}', 'plain words']) expect(decodeRequestText(text).kind, text).toBe('unknown');
  });
});

describe('keys', () => {
  it('canonicalises case, underscores and dashes', () => {
    expect(canonicalKey('Request_Id')).toBe('requestid');
    expect(findKey({ requestId: 1, RequestId: 2 }, 'requestId')).toEqual({ key: 'requestId', value: 1, exact: true });
    expect(findKey({ REQUEST_ID: 2 }, 'requestId')).toEqual({ key: 'REQUEST_ID', value: 2, exact: false });
    expect(findKey({ __proto__: 1 } as never, 'constructor')).toBeUndefined();
  });
});

describe('large input', () => {
  it('stays linear on long base64 runs with many eyJ and no dots', () => {
    const blob = 'eyJhYmMi'.repeat(200_000);
    const started = performance.now();
    expect(decodeRequestText(`log: ${blob}`).kind).toBe('unknown');
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
