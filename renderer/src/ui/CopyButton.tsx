import { useEffect, useRef, useState } from 'react';
import { copyText } from '../lib/clipboard';

interface Props {
  /**
   * The text to copy, or a function producing it at click time; it may be async (e.g. signing afresh)
   * and may answer null to copy nothing (it says why itself).
   */
  value: string | (() => string | null | Promise<string | null>);
  /** Accessible name, e.g. "Copy signature". */
  label: string;
  /** Visible text; defaults to "Copy". */
  children?: string;
  className?: string;
  disabled?: boolean;
  /** A small icon button, for values in dense lists. */
  icon?: boolean;
}

/** A small button that copies a value and says so for a moment. */
export function CopyButton({ value, label, children = 'Copy', className = 'small', disabled, icon }: Props) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed' | 'refused'>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const onClick = async () => {
    const text = typeof value === 'function' ? await value() : value;
    const ok = text !== null && (await copyText(text));
    setState(text === null ? 'refused' : ok ? 'copied' : 'failed');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setState('idle'), 1500);
  };
  return (
    <button
      type="button"
      className={`copy-button ${icon ? 'icon' : ''} ${className} ${state === 'idle' ? '' : `is-${state === 'copied' ? 'copied' : 'failed'}`}`}
      aria-label={label}
      title={state === 'failed' ? 'The clipboard refused the copy' : label}
      onClick={onClick}
      disabled={disabled}
    >
      {icon ? (state === 'copied' ? '✓' : state === 'idle' ? <CopyIcon /> : '✗') : state === 'copied' ? 'Copied ✓' : state === 'failed' ? 'Copy failed' : state === 'refused' ? 'Not copied' : children}
    </button>
  );
}

function CopyIcon() {
  return (
    <svg width="12" height="12" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <rect x="5" y="5" width="9" height="9" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path d="M3.5 10.5h-1A1.5 1.5 0 0 1 1 9V2.5A1.5 1.5 0 0 1 2.5 1H9a1.5 1.5 0 0 1 1.5 1.5v1" fill="none" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}
