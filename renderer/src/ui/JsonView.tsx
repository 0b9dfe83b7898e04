import { lazy, Suspense } from 'react';
import { useAfterPaint } from '../lib/afterPaint';

export interface JsonViewProps {
  text: string;
  /** Accessible name of the view. */
  label: string;
  /** 1-based line to mark and scroll to (e.g. where a parse error is). */
  markLine?: number;
  /** 1-based column on markLine. */
  markColumn?: number;
  /** Line numbers and fold markers in a gutter. */
  lineNumbers?: boolean;
  /** With tools: the view's height; without: the most a text may take before it scrolls. Unset: its size. */
  height?: number;
  className?: string;
  /** A toolbar: find, go to line, wrap, fold all, the JSON path at the cursor and Copy path. */
  tools?: boolean;
}

/** Loaded on first use, so neither is part of the first screen's script. */
const JsonEditor = lazy(() => import('./json/JsonEditor'));
const JsonSnippet = lazy(() => import('./json/JsonSnippet'));

/** Above this, the placeholder shown while the viewer loads does not lay the text out. */
const PLAIN_LIMIT = 64 * 1024;

/**
 * JSON, read-only. With `tools` (raw requests and responses, up to megabytes): CodeMirror 6, with
 * folding, search over the whole document, go to line, wrap and the JSON path at the cursor. Without
 * (a few lines: an envelope, a header, a JWK): a coloured <pre> whose text is exactly the JSON. Until
 * either has loaded, the text shows plain.
 */
export function JsonView(props: JsonViewProps) {
  // A large text reaches the viewer a painted frame late: building its document is a long task, and the
  // screen around it (a response's tables) should not wait for it.
  const text = useAfterPaint(props.text, props.text.length > PLAIN_LIMIT);
  const fallback =
    props.text.length <= PLAIN_LIMIT ? (
      <pre className={`code json-view ${props.className ?? ''}`} role="region" aria-label={props.label} style={props.height ? { maxHeight: props.height } : undefined}>
        {props.text}
      </pre>
    ) : (
      <div className="code json-view muted" role="region" aria-label={props.label} style={{ height: props.height }}>
        Opening the viewer…
      </div>
    );
  if (text === undefined) return fallback;
  return (
    <Suspense fallback={fallback}>
      {props.tools ? <JsonEditor {...props} text={text} /> : <JsonSnippet {...props} text={text} />}
    </Suspense>
  );
}
