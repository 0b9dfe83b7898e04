import { describe, expect, it } from 'vitest';
import { CLAIMS, HEADER, envelopeOf, makeKey, signJws, KID } from '../__fixtures__/requests';
import { canonicalKey, findKey, readRequest } from './index';

const key = await makeKey('k', KID);
const segs = await signJws(key);
const env = envelopeOf(segs);

describe('readRequest', () => {
  it('decodes a full envelope', () => {
    const d = readRequest(JSON.stringify(env, null, 2));
    expect(d).toMatchObject({ kind: 'envelope', source: 'json', variant: 'direct-jws', payloadSpelling: 'object' });
    expect(d.header).toMatchObject({ encoding: 'base64url', json: HEADER });
    expect(d.claims).toMatchObject({ encoding: 'base64url', json: CLAIMS });
    expect(d.signature).toMatchObject({ encoding: 'base64url', byteLength: 256 });
    expect(d.segments).toEqual(segs);
  });

  it('decodes the payload alone, the three strings, and a compact JWS', () => {
    expect(readRequest(JSON.stringify(env.payload)).kind).toBe('payload');
    expect(readRequest(JSON.stringify(segs)).kind).toBe('segments');
    const compact = readRequest(`  ${segs.protected}.${segs.signaturePayload}.${segs.signature}\n`);
    expect(compact).toMatchObject({ kind: 'compact-jws', source: 'compact', compactParts: 3, segments: segs });
    expect(compact.claims?.json).toEqual(CLAIMS);
  });

  it('finds the JSON (or a compact JWS) inside a log line', () => {
    const d = readRequest(`05-01 12:00:01.123 D/HyperSDK{main}: process called with ${JSON.stringify(env)}`);
    expect(d).toMatchObject({ kind: 'envelope', source: 'log-line', foundAt: { line: 1, column: 58 } });
    const c = readRequest(`token=${segs.protected}.${segs.signaturePayload}.${segs.signature} sent`);
    expect(c).toMatchObject({ kind: 'compact-jws', source: 'log-line', foundAt: { line: 1, column: 7 } });
  });

  it('unwraps a JSON string holding the request, and a stringified payload', () => {
    expect(readRequest(JSON.stringify(JSON.stringify(env)))).toMatchObject({ kind: 'envelope', source: 'json', escaped: true });
    const d = readRequest(JSON.stringify({ ...env, payload: JSON.stringify(env.payload) }));
    expect(d).toMatchObject({ kind: 'envelope', payloadSpelling: 'string' });
    expect(d.header?.json).toEqual(HEADER);
  });

  it('decodes what it can from broken input', () => {
    const truncated = JSON.stringify(env).slice(0, -30);
    const d = readRequest(truncated);
    expect(d.parseError?.line).toBe(1);
    expect(d.salvaged).toBe(true);
    expect(d.header?.json).toEqual(HEADER);
    expect(d.claims?.json).toEqual(CLAIMS);
    expect(d.segments.signature).toBeUndefined();
  });

  it('decodes padded, standard-alphabet and wrapped segments loosely, and raw JSON as text', () => {
    const d = readRequest(JSON.stringify({ protected: `${segs.protected}=`, signaturePayload: JSON.stringify(CLAIMS), signature: segs.signature.replace(/(.{76})/g, '$1\n') }));
    expect(d.header).toMatchObject({ encoding: 'base64-loose', json: HEADER });
    expect(d.claims).toMatchObject({ encoding: 'raw-json', json: CLAIMS });
    expect(d.signature).toMatchObject({ encoding: 'base64-loose', byteLength: 256 });
  });

  it('detects variants, including mixes', () => {
    expect(readRequest(JSON.stringify({ action: 'upiGetSessionToken', merchantKeyId: 'm', signaturePayload: '{}', signature: 'c2ln' })).variant).toBe('rsa');
    expect(readRequest(JSON.stringify({ action: 'upiGetSessionToken', clientAuthToken: 't' })).variant).toBe('cat');
    expect(readRequest(JSON.stringify({ ...env.payload, merchantKeyId: 'm' }))).toMatchObject({ variant: 'mixed', variants: ['direct-jws', 'rsa'] });
  });

  it('reads keys in the wrong case', () => {
    const d = readRequest(JSON.stringify({ RequestId: 'x', Service: 's', Payload: { Action: 'a', Protected: segs.protected } }));
    expect(d.kind).toBe('envelope');
    expect(d.header?.json).toEqual(HEADER);
  });

  it('reads logcat prefixes (threadtime, brief, time) and names the tag', () => {
    const json = JSON.stringify(env);
    expect(readRequest(`12-01 10:15:02.481  4211  4290 D HyperSDK: process ${json}`)).toMatchObject({
      kind: 'envelope',
      source: 'log-line',
      log: { format: 'threadtime', tag: 'HyperSDK', level: 'D', pid: 4211, tid: 4290, time: '12-01 10:15:02.481' },
    });
    expect(readRequest(`D/HyperSDK( 4211): ${json}`).log).toMatchObject({ format: 'brief', tag: 'HyperSDK', pid: 4211 });
    expect(readRequest(`12-01 10:15:02.481 D/HyperSDK( 4211): ${json}`).log).toMatchObject({ format: 'time', tag: 'HyperSDK' });
    expect(readRequest(`[app] sending ${json}`)).toMatchObject({ kind: 'envelope', source: 'log-line' });
    expect(readRequest(`[app] sending ${json}`).log).toBeUndefined();
  });

  it('reads a request escaped inside a log line', () => {
    const line = `12-01 10:15:02.481  4211  4290 D HyperSDK: payload="${JSON.stringify(env).replace(/"/g, '\\"')}" sent`;
    const d = readRequest(line);
    expect(d).toMatchObject({ kind: 'envelope', source: 'log-line', escaped: true, log: { tag: 'HyperSDK' } });
    expect(d.segments).toEqual(segs);
    expect(d.foundAt).toEqual({ line: 1, column: line.indexOf('"{') + 1 });
  });

  it('finds the request inside any wrapper: objects, arrays, escaped strings, a SignResult', () => {
    expect(readRequest(JSON.stringify({ data: { request: env } }))).toMatchObject({ kind: 'envelope', wrapperPath: 'data.request' });
    const escaped = readRequest(JSON.stringify({ event: 'sdk_call', body: JSON.stringify(env) }));
    expect(escaped).toMatchObject({ kind: 'envelope', wrapperPath: 'body', escaped: true });
    expect(escaped.segments).toEqual(segs);
    expect(readRequest(JSON.stringify([{ request: env }]))).toMatchObject({ kind: 'envelope', wrapperPath: '[0].request' });
    expect(readRequest(JSON.stringify({ envelope: env, json: JSON.stringify(env), compact: 'x' }))).toMatchObject({ kind: 'envelope', wrapperPath: 'envelope' });
    expect(readRequest(JSON.stringify({ token: `${segs.protected}.${segs.signaturePayload}.${segs.signature}` }))).toMatchObject({ kind: 'compact-jws', wrapperPath: 'token' });
    // The most complete request wins over a shallower partial one.
    expect(readRequest(JSON.stringify({ meta: { action: 'click' }, a: { b: env } }))).toMatchObject({ kind: 'envelope', wrapperPath: 'a.b' });
  });

  it('reads three plain lines and name=value pairs', () => {
    const lines = readRequest(`${segs.protected}\n${segs.signaturePayload}\n${segs.signature}\n`);
    expect(lines).toMatchObject({ kind: 'segments', source: 'lines', segments: segs });
    expect(lines.header?.json).toEqual(HEADER);
    const quoted = readRequest(`"${segs.protected}",\n"${segs.signaturePayload}",\n"${segs.signature}"`);
    expect(quoted.segments).toEqual(segs);
    const pairs = readRequest(`protected=${segs.protected}, signaturePayload=${segs.signaturePayload}, signature=${segs.signature}`);
    expect(pairs).toMatchObject({ kind: 'segments', source: 'key-value', segments: segs });
    const colon = readRequest(`Protected: ${segs.protected}\nSignaturePayload: ${segs.signaturePayload}\nSignature: ${segs.signature}`);
    expect(colon).toMatchObject({ kind: 'segments', source: 'key-value', segments: segs });
    const env2 = readRequest(`requestId=${env.requestId}&service=in.juspay.hyperapi&action=upiGetSessionToken&protected=${segs.protected}&signaturePayload=${segs.signaturePayload}&signature=${segs.signature}`);
    expect(env2).toMatchObject({ kind: 'envelope', source: 'key-value', segments: segs });
    expect(env2.root).toMatchObject({ requestId: env.requestId, payload: { action: 'upiGetSessionToken' } });
  });

  it('reads the docs capitalised keys', () => {
    const d = readRequest(JSON.stringify({ RequestId: env.requestId, Service: env.service, Payload: { Action: 'upiGetSessionToken', Protected: segs.protected, SignaturePayload: segs.signaturePayload, Signature: segs.signature } }));
    expect(d).toMatchObject({ kind: 'envelope', segments: segs });
  });

  it('returns unknown for things that are not requests', () => {
    for (const text of ['', '42', '[1]', '{"hello":1}', 'plain words']) expect(readRequest(text).kind, text).toBe('unknown');
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
    expect(readRequest(`log: ${blob}`).kind).toBe('unknown');
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
