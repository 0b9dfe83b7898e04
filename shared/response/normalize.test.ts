import { describe, expect, it } from 'vitest';
import { responseObject, stringSpelledResponse } from '../__fixtures__/requests';
import { accountRows, normalizeResponse } from './normalize';

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
