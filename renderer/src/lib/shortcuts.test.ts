import { describe, expect, it } from 'vitest';
import { matchShortcut, screenIndexOf } from './shortcuts';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; shiftKey: boolean; metaKey: boolean; altKey: boolean; code: string }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('screen shortcuts', () => {
  it('Alt+1 … Alt+7 open the screens in navigation order, read from the physical key', () => {
    expect(matchShortcut(key('1', { altKey: true, code: 'Digit1' }))).toBe('screen-1');
    expect(screenIndexOf(matchShortcut(key('7', { altKey: true, code: 'Digit7' }))!)).toBe(6);
    // Option+1 on a Mac types '¡': the code still says which key it was.
    expect(matchShortcut(key('¡', { altKey: true, code: 'Digit1' }))).toBe('screen-1');
  });

  it('leaves other digits and chords alone', () => {
    expect(matchShortcut(key('8', { altKey: true, code: 'Digit8' }))).toBeNull();
    expect(matchShortcut(key('1', { code: 'Digit1' }))).toBeNull();
    expect(matchShortcut(key('1', { altKey: true, ctrlKey: true, code: 'Digit1' }))).toBeNull();
    expect(matchShortcut(key('!', { altKey: true, shiftKey: true, code: 'Digit1' }))).toBeNull();
    expect(screenIndexOf('help')).toBeNull();
  });
});
