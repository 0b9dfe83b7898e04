import { describe, expect, it } from 'vitest';
import { responseObject, stringSpelledResponse } from './__fixtures__/requests';
import {
  accountRows,
  BACKEND_ERRORS,
  describeErrorCode,
  describeStatus,
  matchBackendErrors,
  normalizeResponse,
  parseResponseText,
  readBoolean,
  readNumber,
  responseSchema,
} from './response';

describe('readers', () => {
  it('read booleans and numbers in either spelling and say which', () => {
    expect(readBoolean(true)).toEqual({ ok: true, value: true, spelling: 'json' });
    expect(readBoolean('false')).toEqual({ ok: true, value: false, spelling: 'string' });
    expect(readBoolean(' TRUE ')).toEqual({ ok: true, value: true, spelling: 'string' });
    expect(readBoolean('yes').ok).toBe(false);
    expect(readBoolean(1).ok).toBe(false);
    expect(readNumber(6)).toEqual({ ok: true, value: 6, spelling: 'json' });
    expect(readNumber('6')).toEqual({ ok: true, value: 6, spelling: 'string' });
    expect(readNumber('-1.5')).toEqual({ ok: true, value: -1.5, spelling: 'string' });
    for (const bad of ['', 'six', '0x10', '1e3', '6 6', '.', '-', Number.NaN, Infinity, null, true]) expect(readNumber(bad).ok, String(bad)).toBe(false);
  });
});

describe('normalizeResponse', () => {
  it('normalises Juspay’s string spelling to real types and reports the spelling', () => {
    const { response, spelling } = normalizeResponse(stringSpelledResponse());
    const account = response.payload!.vpaAccounts[0]!.accounts[0]!;
    expect(account).toMatchObject({ mpinLength: 6, mpinSet: true, otpLength: 6, atmPinLength: 4, isPrimary: true, bankCode: '508534' });
    expect(response.payload!.isDeviceBound).toBe(true);
    expect(response.payload!.otherInfo).toEqual({});
    expect(spelling.strings).toMatchObject({
      'payload.isDeviceBound': 1,
      'payload.otherInfo': 1,
      'payload.vpaAccounts[].accounts[].mpinSet': 1,
      'payload.vpaAccounts[].accounts[].otpLength': 1,
    });
    expect(spelling.json).toMatchObject({ error: 1, payload: 1 });
    expect(spelling.unreadableCount).toBe(0);
  });

  it('gives the same values for the JSON spelling', () => {
    const fromStrings = normalizeResponse(stringSpelledResponse()).response;
    const fromJson = normalizeResponse(responseObject());
    expect(fromJson.response).toEqual(fromStrings);
    expect(fromJson.spelling.strings).toEqual({});
  });

  it('keeps unreadable values as received and lists them with their path', () => {
    const r = responseObject();
    r.payload.vpaAccounts[0].accounts[0].mpinLength = 'six';
    r.payload.vpaAccounts[0].accounts[0].mpinSet = { nested: true };
    r.payload.isDeviceBound = null;
    const { response, spelling } = normalizeResponse(r);
    const account = response.payload!.vpaAccounts[0]!.accounts[0]!;
    expect(account.mpinLength).toBe('six');
    expect(account.mpinSet).toEqual({ nested: true });
    expect(response.payload!.isDeviceBound).toBeNull();
    expect(spelling.unreadableCount).toBe(2);
    expect(spelling.unreadable.map((u) => u.path)).toEqual([
      'payload.vpaAccounts[0].accounts[0].mpinLength',
      'payload.vpaAccounts[0].accounts[0].mpinSet',
    ]);
  });

  it('reads payload, vpaAccounts and accounts given as JSON strings', () => {
    const r = responseObject();
    r.payload.vpaAccounts[0].accounts = JSON.stringify(r.payload.vpaAccounts[0].accounts);
    const wrapped = { ...r, payload: JSON.stringify(r.payload) };
    const { response, spelling } = normalizeResponse(wrapped);
    expect(response.payload?.vpaAccounts[0]?.accounts[0]?.mpinLength).toBe(6);
    expect(spelling.strings).toMatchObject({ payload: 1, 'payload.vpaAccounts[].accounts': 1 });
  });

  it('isInitialTopUpDone reads true, "true" and topup_txn_pending', () => {
    for (const [raw, value] of [[true, true], ['true', true], ['topup_txn_pending', 'topup_txn_pending']] as const) {
      const r = responseObject();
      r.payload.vpaAccounts[0].accounts[0].isInitialTopUpDone = raw;
      expect(normalizeResponse(r).response.payload?.vpaAccounts[0]?.accounts[0]?.isInitialTopUpDone).toBe(value);
    }
  });

  it('never throws on odd shapes', () => {
    for (const v of [null, 1, 'x', [], { payload: 5 }, { payload: { vpaAccounts: 'nope' } }, { payload: { vpaAccounts: [1, null, { accounts: [2] }] } }]) {
      expect(() => normalizeResponse(v)).not.toThrow();
    }
    expect(normalizeResponse({ payload: { vpaAccounts: [1, { vpa: 'a@b', accounts: [null] }] } }).spelling.unreadableCount).toBe(2);
  });

  it('normalises 10,000 accounts quickly and flattens them into rows', () => {
    const r = stringSpelledResponse();
    const template = r.payload.vpaAccounts[0].accounts[0];
    r.payload.vpaAccounts = Array.from({ length: 10 }, (_, v) => ({
      vpa: `u${v}@axb`,
      accounts: Array.from({ length: 1000 }, (_, a) => ({ ...template, referenceId: `${v}-${a}` })),
    }));
    const started = performance.now();
    const { response, spelling } = normalizeResponse(r);
    const rows = accountRows(response);
    expect(performance.now() - started).toBeLessThan(500);
    expect(rows).toHaveLength(10_000);
    expect(rows[1234]).toMatchObject({ vpa: 'u1@axb', vpaIndex: 1, accountIndex: 234, mpinLength: 6, mpinSet: true });
    expect(spelling.strings['payload.vpaAccounts[].accounts[].mpinSet']).toBe(10_000);
  });
});

describe('responseSchema', () => {
  it('reads either spelling and records it', () => {
    const parsed = responseSchema.parse(stringSpelledResponse());
    const account = parsed.payload!.vpaAccounts![0]!.accounts![0]!;
    expect(account.mpinSet).toEqual({ value: true, spelling: 'string' });
    expect(account.mpinLength).toEqual({ value: 6, spelling: 'string' });
    expect(parsed.error).toEqual({ value: false, spelling: 'json' });
    expect(parsed.payload!.otherInfo).toEqual({ value: {}, spelling: 'string' });
    const json = responseSchema.parse(responseObject());
    expect(json.payload!.vpaAccounts![0]!.accounts![0]!.mpinSet).toEqual({ value: true, spelling: 'json' });
  });

  it('agrees with normalizeResponse on the values', () => {
    const parsed = responseSchema.parse(stringSpelledResponse());
    const normalized = normalizeResponse(stringSpelledResponse()).response;
    const a = parsed.payload!.vpaAccounts![0]!.accounts![0]!;
    const b = normalized.payload!.vpaAccounts[0]!.accounts[0]!;
    expect([a.mpinSet?.value, a.mpinLength?.value, a.otpLength?.value, a.isPrimary?.value]).toEqual([b.mpinSet, b.mpinLength, b.otpLength, b.isPrimary]);
  });

  it('reports unreadable values at their path', () => {
    const r = responseObject();
    r.payload.vpaAccounts[0].accounts[0].otpLength = 'six';
    const result = responseSchema.safeParse(r);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['payload', 'vpaAccounts', 0, 'accounts', 0, 'otpLength']);
  });
});

describe('status, error codes and backend messages', () => {
  it('explains each status with a next step', () => {
    for (const s of ['NOPERMISSION', 'FRESH', 'BOUND', 'LINKED', 'FAILURE']) {
      const info = describeStatus(s);
      expect(info.kind).toBe('documented');
      expect(info.nextStep.length).toBeGreaterThan(10);
    }
    expect(describeStatus('NOPERMISSION').nextStep).toMatch(/permission/);
    expect(describeStatus('FRESH').nextStep).toMatch(/bind/);
    expect(describeStatus('BOUND').nextStep).toMatch(/link/);
    expect(describeStatus('REGISTERED').kind).toBe('sibling');
    expect(describeStatus('constructor').kind).toBe('unknown');
    expect(describeStatus('linked').meaning).toMatch(/LINKED/);
  });

  it('knows JP_000–JP_007 as documented, JP_008–JP_019 as unconfirmed', () => {
    for (let i = 0; i <= 19; i++) {
      const code = `JP_${String(i).padStart(3, '0')}`;
      expect(describeErrorCode(code).kind, code).toBe(i <= 7 ? 'documented' : 'unconfirmed');
    }
    expect(describeErrorCode('JP_017').meaning).toMatch(/initiate/);
    expect(describeErrorCode('JP_003').meaning).toMatch(/wrong type/);
    expect(describeErrorCode('JP_020').kind).toBe('unknown');
    expect(describeErrorCode('toString').kind).toBe('unknown');
  });

  it('matches backend messages loosely', () => {
    expect(BACKEND_ERRORS).toHaveLength(7);
    expect(matchBackendErrors('Merchant signature mismatch').map((e) => e.key)).toEqual(['Merchant signature mismatch']);
    expect(matchBackendErrors('error: session expired').map((e) => e.key)).toEqual(['SESSION_EXPIRED']);
    expect(matchBackendErrors('DEVICE_FINGERPRINT_MISMATCH').map((e) => e.key)).toEqual(['DEVICE_FINGERPRINT_MISMATCH']);
    expect(matchBackendErrors('Invalid merchant id or merchant channel id')[0]?.check).toMatch(/merchantChannelId/);
    expect(matchBackendErrors('all good')).toEqual([]);
    expect(matchBackendErrors(undefined)).toEqual([]);
  });
});

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
      expect(r.message).toMatch(/^this is not a upiGetSessionToken response: expected an object with `payload` \(or `requestId`\/`event`\)/);
      expect(r.message).toContain('`hello`');
    }
    expect(parseResponseText('42')).toMatchObject({ ok: false, reason: 'not-response' });
    expect(parseResponseText('just words')).toMatchObject({ ok: false, reason: 'not-response' });
    expect(parseResponseText('')).toMatchObject({ ok: false, reason: 'empty' });
  });
});
