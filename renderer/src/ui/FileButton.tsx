import { useRef } from 'react';

interface Props {
  /** Visible text and accessible name of the picker, e.g. "Open key file…". */
  label: string;
  accept?: string;
  onFile(file: File): void;
  disabled?: boolean;
}

/** A native file picker styled as a button; the <input type=file> keeps its accessible name. */
export function FileButton({ label, accept, onFile, disabled }: Props) {
  const ref = useRef<HTMLInputElement>(null);
  return (
    <label className={`button-like small ${disabled ? 'disabled' : ''}`}>
      {label}
      <input
        ref={ref}
        type="file"
        className="visually-hidden"
        accept={accept}
        disabled={disabled}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) onFile(file);
          // Let the same file be picked again after an edit on disk.
          if (ref.current) ref.current.value = '';
        }}
      />
    </label>
  );
}
