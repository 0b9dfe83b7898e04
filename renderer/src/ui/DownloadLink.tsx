import { useEffect, useMemo } from 'react';

interface Props {
  text: string;
  fileName: string;
  type?: string;
  /** Accessible name, e.g. "Save public key as PEM file". */
  label: string;
  children: string;
}

/** A real link to a Blob, so "save as file" works in the browser host and in Electron's download flow. */
export function DownloadLink({ text, fileName, type = 'text/plain', label, children }: Props) {
  const url = useMemo(() => URL.createObjectURL(new Blob([text], { type })), [text, type]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return (
    <a className="button-link small" href={url} download={fileName} aria-label={label} title={`Save as ${fileName}`}>
      {children}
    </a>
  );
}

/** Save text as a file now, through the same Blob-link download, for a value made at click time (e.g. signed afresh). */
export function saveTextFile(text: string, fileName: string, type = 'text/plain'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Electron's download may read the Blob only after its save dialog: keep the URL alive a while.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
