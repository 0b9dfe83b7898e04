import { useState, type DragEvent, type ReactNode } from 'react';

interface Props {
  /** Called with the first dropped file. */
  onFile(file: File): void;
  /** Called with dropped text (e.g. a selection dragged from an editor). */
  onText?(text: string): void;
  label: string;
  children: ReactNode;
  className?: string;
}

/** A region that accepts a dropped file or text, and shows when something is being dragged over it. */
export function DropZone({ onFile, onText, label, children, className }: Props) {
  const [over, setOver] = useState(false);
  const onDragOver = (e: DragEvent) => {
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    if (!over) setOver(true);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file) return onFile(file);
    const text = e.dataTransfer.getData('text/plain');
    if (text && onText) onText(text);
  };
  return (
    <div
      role="group"
      aria-label={label}
      className={`dropzone ${over ? 'is-over' : ''} ${className ?? ''}`}
      onDragOver={onDragOver}
      onDragEnter={onDragOver}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={onDrop}
    >
      {children}
      {over && (
        <div className="dropzone-overlay" aria-hidden="true">
          Drop to open
        </div>
      )}
    </div>
  );
}
