/**
 * Value readers: one value in, the typed value and how it was spelled out (or "not readable"). Juspay's
 * own samples send `"mpinSet": "true"`, `"otpLength": "6"`, `"otherInfo": "{}"`, so each reader accepts
 * the JSON value and the string standing for it, and says which it saw. No regex: these run per field
 * of 10,000 accounts.
 */
import { parseJson } from '../json';
import { isRecord } from '../guards';

/** How a value was written on the wire: a real JSON boolean/number/object, or a string standing for one. */
export type Spelling = 'json' | 'string';

export type Read<T> = { ok: true; value: T; spelling: Spelling } | { ok: false };

const NOT_READ: { ok: false } = { ok: false };

/** `true`/`false` or the strings "true"/"false" (any case, surrounding spaces allowed). */
export function readBoolean(v: unknown): Read<boolean> {
  if (v === true || v === false) return { ok: true, value: v, spelling: 'json' };
  if (typeof v === 'string' && v.length <= 9) {
    const t = v.trim().toLowerCase();
    if (t === 'true') return { ok: true, value: true, spelling: 'string' };
    if (t === 'false') return { ok: true, value: false, spelling: 'string' };
  }
  return NOT_READ;
}

/** A finite JSON number, or a string holding a plain decimal number ("6", "-1", "4.0"). No hex, no exponents. */
export function readNumber(v: unknown): Read<number> {
  if (typeof v === 'number') return Number.isFinite(v) ? { ok: true, value: v, spelling: 'json' } : NOT_READ;
  if (typeof v !== 'string' || v.length === 0 || v.length > 32) return NOT_READ;
  let s = 0;
  let e = v.length;
  while (s < e && v.charCodeAt(s) === 32) s++;
  while (e > s && v.charCodeAt(e - 1) === 32) e--;
  let i = s;
  if (v.charCodeAt(i) === 45) i++;
  let digits = 0;
  let dot = false;
  for (; i < e; i++) {
    const c = v.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 46 && !dot) dot = true;
    else return NOT_READ;
  }
  if (digits === 0) return NOT_READ;
  const n = Number(v.slice(s, e));
  return Number.isFinite(n) ? { ok: true, value: n, spelling: 'string' } : NOT_READ;
}

/** UPI Lite's `isInitialTopUpDone`: a boolean (either spelling) or the literal `topup_txn_pending`. */
export function readTopUp(v: unknown): Read<boolean | 'topup_txn_pending'> {
  if (v === 'topup_txn_pending') return { ok: true, value: v, spelling: 'json' };
  return readBoolean(v);
}

/** Text fields are read as strings; anything else is kept as received and reported. */
export function readText(v: unknown): Read<string> {
  return typeof v === 'string' ? { ok: true, value: v, spelling: 'json' } : NOT_READ;
}

/** `otherInfo`: an object, or a string holding a JSON object ("{}"). Other strings are kept as text. */
export function readObject(v: unknown): Read<Record<string, unknown>> {
  if (isRecord(v)) return { ok: true, value: v, spelling: 'json' };
  if (typeof v === 'string') {
    const t = v.trim();
    if (t.startsWith('{')) {
      const parsed = parseJson(t);
      if (parsed.ok && isRecord(parsed.value)) return { ok: true, value: parsed.value, spelling: 'string' };
    }
  }
  return NOT_READ;
}

/** An array, or a string holding a JSON array ("[]"). */
export function readArray(v: unknown): Read<unknown[]> {
  if (Array.isArray(v)) return { ok: true, value: v, spelling: 'json' };
  if (typeof v === 'string' && v.trim().startsWith('[')) {
    const parsed = parseJson(v);
    if (parsed.ok && Array.isArray(parsed.value)) return { ok: true, value: parsed.value, spelling: 'string' };
  }
  return NOT_READ;
}
