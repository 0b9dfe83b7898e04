import { useId, type ReactElement, type ReactNode } from 'react';
import { cloneElement } from 'react';

interface Props {
  label: ReactNode;
  /** The control: an <input>, <select> or <textarea>; it gets id, aria-invalid and aria-describedby. */
  children: ReactElement<Record<string, unknown>>;
  error?: string | null;
  warning?: string | null;
  hint?: ReactNode;
  /** Things next to the control (buttons). */
  actions?: ReactNode;
  className?: string;
  /** A fixed id for the control, so other parts of the screen can focus it. */
  id?: string;
}

/** A labelled form control with its error, warning and hint, wired for screen readers. */
export function Field({ label, children, error, warning, hint, actions, className, id: fixedId }: Props) {
  const generated = useId();
  const id = fixedId ?? generated;
  const describedBy = [error && `${id}-error`, warning && `${id}-warning`, hint && `${id}-hint`].filter(Boolean).join(' ') || undefined;
  const control = cloneElement(children, {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
  });
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <div className="field-control">
        {control}
        {actions}
      </div>
      {error && (
        <div id={`${id}-error`} className="field-error" aria-live="polite">
          {error}
        </div>
      )}
      {warning && (
        <div id={`${id}-warning`} className="field-warning">
          {warning}
        </div>
      )}
      {hint && (
        <div id={`${id}-hint`} className="field-hint">
          {hint}
        </div>
      )}
    </div>
  );
}
