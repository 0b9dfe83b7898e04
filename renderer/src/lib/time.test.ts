import { describe, expect, it } from 'vitest';
import { formatAge, parseEpochMs } from './time';
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
  ])('%d → %s', (at, text) => expect(formatAge(at, now)).toBe(text));
  it('reads digits only', () => {
    expect(parseEpochMs('1668389349848')).toBe(1668389349848);
    expect(parseEpochMs('16683x')).toBeNull();
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
