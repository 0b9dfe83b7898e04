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
