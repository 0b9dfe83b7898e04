import { describe, expect, it } from 'vitest';
import { describeError, ERRORS, fixFor, type ErrorCode } from './errors';

const entries = Object.entries(ERRORS) as Array<[ErrorCode, (typeof ERRORS)[ErrorCode]]>;

describe('ERRORS, the catalogue', () => {
  it('gives every code a one-line title and an HTTP status', () => {
    for (const [code, e] of entries) {
      expect(code, code).toMatch(/^[a-z]+(_[a-z]+)*$/);
      expect(e.title.length, code).toBeGreaterThan(5);
      expect(e.title, code).not.toMatch(/\n|\.$/);
      expect(Number.isInteger(e.status) && e.status >= 200 && e.status <= 599, `${code}: ${e.status}`).toBe(true);
    }
  });

  it('words every fix as one or more full sentences', () => {
    for (const [code, e] of entries) {
      const fix: Record<string, string> = 'fix' in e ? e.fix : {};
      for (const [door, words] of Object.entries(fix)) {
        expect(words, `${code}.${door}`).toMatch(/^[A-Z].*[.!?]$/s);
        expect(words, `${code}.${door}`).not.toMatch(/\s{2}|\n/);
      }
    }
  });

  it('answers refusals with 4xx: bad input 400, forbidden 403, unknown 404, too big 413, unsendable 422; a failed answer is 200', () => {
    const status = (code: ErrorCode) => ERRORS[code].status;
    expect(['invalid_input', 'invalid_json', 'too_deep', 'bad_path'].map((c) => status(c as ErrorCode))).toEqual([400, 400, 400, 400]);
    for (const [code, e] of entries) if (code.startsWith('forbidden_')) expect(e.status, code).toBe(403);
    expect([status('unknown_channel'), status('not_found'), status('method_not_allowed'), status('too_large')]).toEqual([404, 404, 405, 413]);
    expect([status('answer_too_deep'), status('unserializable')]).toEqual([422, 422]);
    expect(['vault_locked', 'kid_missing', 'not_rsa', 'internal'].map((c) => status(c as ErrorCode))).toEqual([200, 200, 200, 200]);
  });
});

describe('fixFor and describeError', () => {
  it('the door’s own words win, then this occurrence’s fix, then the catalogue’s words for any door', () => {
    const locked = { code: 'vault_locked' as const, message: 'The key vault /v/vault.json is locked.', fix: 'Type its passphrase to unlock it.' };
    expect(fixFor(locked, 'window')).toBe('Unlock the vault on the Keys screen (a new vault: choose its passphrase there).');
    expect(fixFor(locked, 'cli')).toMatch(/^Set UPI_INSPECTOR_PASSPHRASE or run the command in a terminal to be asked; or give the key as a file: --key-file to sign, --public-key to verify\.$/);
    const pem = { code: 'damaged_pem' as const, message: 'This PEM is cut off.', fix: 'Copy the whole key.' };
    expect([fixFor(pem, 'window'), fixFor(pem, 'cli')]).toEqual(['Copy the whole key.', 'Copy the whole key.']);
    const duplicate = { code: 'duplicate_key' as const, message: 'This key is already in the vault.' };
    expect(fixFor(duplicate, 'cli')).toBe(ERRORS.duplicate_key.fix.any);
    expect(fixFor({ code: 'not_rsa' }, 'window')).toBeUndefined();
  });

  it('says what happened, then what to do, on one line; the kid fix is the door’s', () => {
    const kid = { code: 'kid_missing' as const, message: 'Key "UAT" has no kid,\n and a request needs one.', fix: 'Set it, then sign again.' };
    expect(describeError(kid, 'window')).toBe('Key "UAT" has no kid, and a request needs one. Set the kid Juspay issued on the Keys screen (Rename).');
    expect(describeError(kid, 'cli')).toMatch(/^Key "UAT" has no kid, and a request needs one\. Pass --kid <kid>/);
    expect(describeError({ code: 'not_rsa', message: 'Not RSA.' }, 'cli')).toBe('Not RSA.');
  });
});
