import { lazy, Suspense } from 'react';

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

/** Loaded on first use, so CodeMirror is not part of the first screen's script. */
const JsonEditor = lazy(() => import('./json/JsonEditor'));

/** Above this, the placeholder shown while the viewer loads does not lay the text out. */
const PLAIN_LIMIT = 64 * 1024;

/**
 * JSON (or any text), read-only, in CodeMirror 6: colours, folding, search over the whole document,
 * go to line, wrap, the JSON path at the cursor. Until the viewer has loaded, the text shows plain.
 */
export function JsonView(props: JsonViewProps) {
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
  return (
    <Suspense fallback={fallback}>
      <JsonEditor {...props} />
    </Suspense>
  );
}
