import { describe, expect, it } from 'vitest';
import { readArray, readBoolean, readNumber, readObject, readText, readTopUp } from './values';

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

  it('read UPI Lite’s top-up state, text, and objects or arrays spelled as JSON strings', () => {
    expect(readTopUp('topup_txn_pending')).toEqual({ ok: true, value: 'topup_txn_pending', spelling: 'json' });
    expect(readTopUp('true')).toEqual({ ok: true, value: true, spelling: 'string' });
    expect(readTopUp('pending').ok).toBe(false);
    expect(readText('AXB')).toEqual({ ok: true, value: 'AXB', spelling: 'json' });
    expect(readText(6).ok).toBe(false);
    expect(readObject({ a: 1 })).toEqual({ ok: true, value: { a: 1 }, spelling: 'json' });
    expect(readObject(' {"a": 1} ')).toEqual({ ok: true, value: { a: 1 }, spelling: 'string' });
    for (const bad of ['as passed in request', '{broken', '[]', [], null]) expect(readObject(bad).ok, String(bad)).toBe(false);
    expect(readArray([1])).toEqual({ ok: true, value: [1], spelling: 'json' });
    expect(readArray('[{"vpa": "a@b"}]')).toEqual({ ok: true, value: [{ vpa: 'a@b' }], spelling: 'string' });
    for (const bad of ['{}', '[1,', 'nope', {}]) expect(readArray(bad).ok, String(bad)).toBe(false);
  });
});
