import { describe, expect, it } from 'vitest';
import { formatAge, stampAge } from './time';
import { guessKeyText } from './keyText';
import { matchShortcut } from './shortcuts';

describe('formatAge', () => {
  const now = 1_700_000_000_000;
  it.each([
    [now, 'just now'],
    [now - 42_000, '42 s ago'],
    [now - 3 * 60_000 - 5_000, '3 min ago'],
    [now - 2 * 3_600_000, '2 h ago'],
    [now - 3 * 86_400_000, '3 d ago'],
    [now + 5 * 60_000, 'in 5 min'],
    [now - 800 * 86_400_000, '2 y ago'],
    [now + 1_500, 'just now'],
  ])('%d → %s', (at, text) => expect(formatAge(at, now)).toBe(text));
  it('says nothing rather than nonsense for a value that is not a time', () => {
    expect(formatAge(Number('garbage'), now)).toBe('');
    expect(formatAge(now, Number.NaN)).toBe('');
  });
});

describe('stampAge: a signed timestamp against the 15-minute limit', () => {
  const signedAt = 1_700_000_000_000;
  const stamp = String(signedAt);
  const after = (ms: number) => signedAt + ms;
  it.each([
    [0, 'ok', 'Signed just now'],
    [42_000, 'ok', 'Signed 42 s ago'],
    [10 * 60_000, 'ok', 'Signed 10 min ago'],
    [11 * 60_000, 'warn', 'Signed 11 min ago — expires in 4 min (15-minute limit)'],
    [14 * 60_000 + 30_000, 'warn', 'Signed 14 min ago — expires in 30 s (15-minute limit)'],
    [15 * 60_000 + 1_000, 'error', 'Signed 15 min ago — expired (15-minute limit)'],
    [16 * 60_000, 'error', 'Signed 16 min ago — expired (15-minute limit)'],
    [3 * 86_400_000, 'error', 'Signed 3 d ago — expired (15-minute limit)'],
  ])('now mode, %d ms after signing → %s "%s"', (ms, state, text) => expect(stampAge(stamp, after(ms), 'now')).toEqual({ state, text }));

  it('reads a pinned value as a timestamp, not as when it was signed', () => {
    expect(stampAge(stamp, after(16 * 60_000), 'pinned')).toEqual({ state: 'error', text: 'Pinned timestamp 16 min old — expired (15-minute limit)' });
    expect(stampAge(stamp, after(11 * 60_000), 'pinned')).toMatchObject({ state: 'warn', text: expect.stringMatching(/^Pinned timestamp 11 min old — expires in 4 min/) });
    expect(stampAge(stamp, after(1_000), 'pinned')).toEqual({ state: 'ok', text: 'Pinned timestamp just now' });
  });

  it('never calls a past stamp "in N s", and says so when a stamp really is ahead of the clock', () => {
    for (const ms of [0, 900, 1_999, 2_000, 5_000]) expect(stampAge(stamp, after(ms), 'now').text).not.toMatch(/\bin \d/);
    expect(stampAge(stamp, after(-30_000), 'now')).toEqual({ state: 'ok', text: 'Timestamp 30 s in the future' });
    expect(stampAge(stamp, after(-5 * 60_000), 'pinned')).toEqual({ state: 'warn', text: 'Pinned timestamp 5 min in the future — check the value and the device clock' });
  });

  it('names seconds and garbage instead of computing an absurd age', () => {
    expect(stampAge('1700000000', signedAt, 'pinned')).toEqual({ state: 'error', text: expect.stringMatching(/in seconds \(10 digits\).*milliseconds/) });
    expect(stampAge('17e11', signedAt, 'pinned')).toEqual({ state: 'error', text: 'Timestamp "17e11" is not epoch milliseconds (13 digits)' });
    expect(stampAge('', signedAt, 'now').state).toBe('error');
    expect(stampAge(stamp, Number.NaN, 'now').state).toBe('error');
  });
});

describe('guessKeyText', () => {
  it('tells PKCS#1 from PKCS#8, encrypted, public and JWK', () => {
    expect(guessKeyText('-----BEGIN RSA PRIVATE KEY-----\nMII…')?.kind).toBe('pkcs1-private');
    expect(guessKeyText('-----BEGIN PRIVATE KEY-----')?.kind).toBe('pkcs8-private');
    expect(guessKeyText('-----BEGIN ENCRYPTED PRIVATE KEY-----')?.kind).toBe('encrypted-pkcs8');
    expect(guessKeyText('-----BEGIN PUBLIC KEY-----')?.kind).toBe('spki-public');
    expect(guessKeyText('{"kty":"RSA","n":"x","e":"AQAB","d":"y"}')?.kind).toBe('jwk-private');
    expect(guessKeyText('{"kty":"RSA","n":"x","e":"AQAB"}')?.kind).toBe('jwk-public');
    expect(guessKeyText('   ')).toBeNull();
  });
});

describe('matchShortcut', () => {
  const key = (k: string, mods: Partial<{ ctrlKey: boolean; shiftKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
    key: k,
    ctrlKey: false,
    metaKey: false,
    shiftKey: false,
    altKey: false,
    ...mods,
  });
  it('maps the documented chords', () => {
    expect(matchShortcut(key('Enter', { ctrlKey: true }))).toBe('sign-verify');
    expect(matchShortcut(key('C', { ctrlKey: true, shiftKey: true }))).toBe('copy-envelope');
    expect(matchShortcut(key('V', { ctrlKey: true, shiftKey: true }))).toBe('paste-response');
    expect(matchShortcut(key('c', { ctrlKey: true }))).toBeNull();
    expect(matchShortcut(key('?'))).toBe('help');
  });
});
