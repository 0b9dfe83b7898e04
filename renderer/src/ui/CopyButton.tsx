import { useEffect, useRef, useState } from 'react';
import { copyText } from '../lib/clipboard';

interface Props {
  /** The text to copy, or a function producing it at click time. */
  value: string | (() => string);
  /** Accessible name, e.g. "Copy signature". */
  label: string;
  /** Visible text; defaults to "Copy". */
  children?: string;
  className?: string;
  disabled?: boolean;
}

/** A small button that copies a value and says so for a moment. */
export function CopyButton({ value, label, children = 'Copy', className = 'small', disabled }: Props) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const onClick = async () => {
    const ok = await copyText(typeof value === 'function' ? value() : value);
    setState(ok ? 'copied' : 'failed');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setState('idle'), 1500);
  };
  return (
    <button
      type="button"
      className={`copy-button ${className} ${state !== 'idle' ? `is-${state}` : ''}`}
      aria-label={label}
      title={state === 'failed' ? 'The clipboard refused the copy' : label}
      onClick={onClick}
      disabled={disabled}
    >
      {state === 'copied' ? 'Copied ✓' : state === 'failed' ? 'Copy failed' : children}
    </button>
  );
}
