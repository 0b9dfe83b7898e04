import { describe, expect, it } from 'vitest';
import { relativeTime, shortSpan } from './words';

describe('relativeTime: the one relative-time helper', () => {
  const now = 1_700_000_000_000;
  it.each([
    [now - 42_000, '42 s ago'],
    [now - 3 * 60_000 - 5_000, '3 min ago'],
    [now - 2 * 3_600_000, '2 h ago'],
    [now - 3 * 86_400_000, '3 d ago'],
    [now - 800 * 86_400_000, '2 y ago'],
    [now + 42_000, 'in 42 s'],
    [now + 5 * 60_000, 'in 5 min'],
    [now, 'just now'],
    [now + 1_500, 'just now'],
  ])('%d → %s', (at, text) => expect(relativeTime(at, now)).toBe(text));

  it('a past event never reads "in N s": a lead of a few seconds is another clock, not the future', () => {
    expect(relativeTime(now + 4_000, now, { past: true })).toBe('just now');
    expect(relativeTime(now - 4_000, now, { past: true })).toBe('4 s ago');
    // A real hour ahead is still said: that is a clock to check, not skew.
    expect(relativeTime(now + 3_600_000, now, { past: true })).toBe('in 1 h');
  });

  it('reads epoch seconds as seconds and milliseconds as milliseconds: a stamp signed just now is never "2314 d ago"', () => {
    const nowSeconds = Math.floor(now / 1000);
    expect(relativeTime(nowSeconds - 42, now)).toBe('42 s ago');
    expect(relativeTime(now - 42_000, nowSeconds)).toBe('42 s ago');
    expect(relativeTime(now - 5_000, now)).toBe('5 s ago');
  });

  it('has a long form for findings, and says nothing for a value that is not a time', () => {
    expect(relativeTime(now - 3 * 60_000, now, { long: true })).toBe('3 minutes ago');
    expect(relativeTime(now + 90 * 60_000, now, { long: true })).toBe('in 1 hour 30 minutes');
    expect(relativeTime(Number('garbage'), now)).toBe('');
    expect(shortSpan(Number.NaN)).toBe('');
  });
});
