/**
 * A short JSON text (an envelope, a decoded header, a JWK), coloured by lezer's JSON parser and
 * highlighter, the same grammar the full viewer uses. A plain <pre>: its text is exactly the JSON,
 * every line is rendered (the browser's Find sees it all), long lines wrap.
 */
import { useMemo, type ReactNode } from 'react';
import { classHighlighter, highlightCode } from '@lezer/highlight';
import { parser } from '@lezer/json';
import type { JsonViewProps } from '../JsonView';
import './json-editor.css';

/** Longer texts are shown plain: highlighting is for reading a few lines, not megabytes. */
const HIGHLIGHT_LIMIT = 200_000;

function highlighted(text: string): ReactNode[] {
  const out: ReactNode[] = [];
  highlightCode(
    text,
    parser.parse(text),
    classHighlighter,
    (chunk, classes) => out.push(classes ? <span key={out.length} className={classes}>{chunk}</span> : chunk),
    () => out.push('\n'),
  );
  return out;
}

export default function JsonSnippet({ text, label, height, className }: JsonViewProps) {
  const content = useMemo(() => (text.length <= HIGHLIGHT_LIMIT ? highlighted(text) : text), [text]);
  return (
    <pre className={`code json-view json-snippet ${className ?? ''}`} role="region" aria-label={label} tabIndex={0} style={height ? { maxHeight: height } : undefined}>
      {content}
    </pre>
  );
}
