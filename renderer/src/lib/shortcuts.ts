/** Keyboard shortcuts: one table, read by the key handler and by the help popover. */

export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
export const MOD_LABEL = isMac ? '⌘' : 'Ctrl';
export const ALT_LABEL = isMac ? '⌥' : 'Alt';

/** The screens Alt+1… Alt+7 open, in navigation order (see features/shell/screens.ts). */
export const SCREEN_KEYS = ['1', '2', '3', '4', '5', '6', '7'] as const;
export type ScreenShortcutId = `screen-${(typeof SCREEN_KEYS)[number]}`;

export type ShortcutId = 'sign-verify' | 'copy-envelope' | 'paste-response' | 'help' | ScreenShortcutId;

export interface Shortcut {
  id: ShortcutId;
  keys: string[];
  description: string;
}

export const SHORTCUTS: Shortcut[] = [
  { id: 'sign-verify', keys: [MOD_LABEL, 'Enter'], description: 'Sign now and verify (Compose); inspect again (Inspect)' },
  { id: 'copy-envelope', keys: [MOD_LABEL, 'Shift', 'C'], description: 'Copy the signed envelope JSON' },
  { id: 'paste-response', keys: [MOD_LABEL, 'Shift', 'V'], description: 'Go to Response and paste from the clipboard' },
  { id: 'help', keys: ['?'], description: 'Show these shortcuts' },
];

/** The screen of a screen shortcut ('screen-3' → 2, its index in navigation order). */
export function screenIndexOf(id: ShortcutId): number | null {
  return id.startsWith('screen-') ? Number(id.slice('screen-'.length)) - 1 : null;
}

interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  /** The physical key ('Digit1'): on a Mac, Option+1 types '¡', so the screen keys are read from here. */
  code?: string;
  target?: EventTarget | null;
}

/** Whether keys and pastes go into a text field (an input, a textarea, a select, contenteditable). */
export function isTyping(target: EventTarget | null | undefined): boolean {
  if (!target || typeof (target as HTMLElement).tagName !== 'string') return false;
  const el = target as HTMLElement;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}

/** Which shortcut a key event means, if any. */
export function matchShortcut(e: KeyLike): ShortcutId | null {
  const mod = isMac ? e.metaKey : e.ctrlKey || e.metaKey;
  if (mod && !e.altKey) {
    if (e.key === 'Enter' && !e.shiftKey) return 'sign-verify';
    if (e.shiftKey && e.key.toLowerCase() === 'c') return 'copy-envelope';
    if (e.shiftKey && e.key.toLowerCase() === 'v') return 'paste-response';
  }
  if (e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey) {
    const digit = /^Digit([1-7])$/.exec(e.code ?? '')?.[1] ?? (/^[1-7]$/.test(e.key) ? e.key : undefined);
    // Option+digit types a character on a Mac: there, not while typing.
    if (digit && !(isMac && isTyping(e.target))) return `screen-${digit as (typeof SCREEN_KEYS)[number]}`;
  }
  if (e.key === '?' && !mod && !e.altKey && !isTyping(e.target)) return 'help';
  return null;
}
