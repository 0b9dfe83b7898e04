import { describe, expect, it } from 'vitest';
import { responseObject } from '../__fixtures__/requests';
import { parseResponseText } from './parse';

describe('parseResponseText', () => {
  it('parses a response, a log line, a stringified response and the payload alone', () => {
    const json = JSON.stringify(responseObject());
    expect(parseResponseText(json)).toMatchObject({ ok: true, source: 'json', shape: 'envelope' });
    expect(parseResponseText(`I/HyperSDK: onEvent ${json}`)).toMatchObject({ ok: true, source: 'log-line', foundAt: { line: 1, column: 21 } });
    expect(parseResponseText(JSON.stringify(json))).toMatchObject({ ok: true, source: 'json-string' });
    expect(parseResponseText(JSON.stringify(responseObject().payload))).toMatchObject({ ok: true, shape: 'payload-only' });
  });

  it('gives line and column for bad JSON', () => {
    const r = parseResponseText('{\n  "event": "process_result",\n  "error": tru\n}');
    expect(r).toMatchObject({ ok: false, reason: 'json', line: 3, column: 12 });
    if (!r.ok) expect(r.message).toContain('Unexpected `tru` at line 3, column 12: did you mean true?');
  });

  it('says when JSON is not a response', () => {
    const r = parseResponseText('{"hello": "world"}');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason).toBe('not-response');
      expect(r.message).toMatch(/^Expected a upiGetSessionToken response: an object with `payload` \(or `requestId`\/`event`\)/);
      expect(r.message).toContain('`hello`');
    }
    expect(parseResponseText('42')).toMatchObject({ ok: false, reason: 'not-response' });
    expect(parseResponseText('just words')).toMatchObject({ ok: false, reason: 'not-response' });
    expect(parseResponseText('')).toMatchObject({ ok: false, reason: 'empty' });
  });

  it('refuses a request pasted as a response and says to inspect it as a request', () => {
    const request = { requestId: 'r', service: 'in.juspay.hyperapi', payload: { action: 'upiGetSessionToken', protected: 'a', signaturePayload: 'b', signature: 'c' } };
    const r = parseResponseText(JSON.stringify(request));
    expect(r).toMatchObject({ ok: false, reason: 'not-response', looksLikeRequest: true });
    if (!r.ok) expect(r.message).toMatch(/inspect it as a request/);
  });

  it('keeps the object as received beside the normalised response', () => {
    const text = JSON.stringify({ requestId: 'r1', payload: { status: 'FRESH', isDeviceBound: 'false' } });
    const r = parseResponseText(text);
    if (!r.ok) throw new Error(r.message);
    expect(r.raw).toEqual(JSON.parse(text));
    expect(r.response.payload?.isDeviceBound).toBe(false);
    expect(r.spelling.strings).toEqual({ 'payload.isDeviceBound': 1 });
  });
});
