/** Keyboard shortcuts: one table, read by the key handler and by the help popover. */

export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
export const MOD_LABEL = isMac ? '⌘' : 'Ctrl';

export type ShortcutId = 'sign-verify' | 'copy-envelope' | 'paste-response' | 'help';

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

interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  target?: EventTarget | null;
}

function isTyping(target: EventTarget | null | undefined): boolean {
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
  if (e.key === '?' && !mod && !e.altKey && !isTyping(e.target)) return 'help';
  return null;
}
