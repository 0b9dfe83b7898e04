import { memo, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';

/** Lines longer than this are cut when rendered (the text itself is untouched; Copy copies it whole). */
export const MAX_RENDERED_LINE = 2_000;
/** Up to this many lines render as one <pre>; more are virtualised. */
const PLAIN_LIMIT = 400;
const LINE_HEIGHT = 18;

interface Props {
  text: string;
  /** Accessible name of the view. */
  label: string;
  /** 1-based line to mark and scroll to (e.g. where a parse error is). */
  markLine?: number;
  /** 1-based column on markLine, shown as a caret. */
  markColumn?: number;
  lineNumbers?: boolean;
  /** Height of the view when virtualised; the most a short text may take. Unset: short texts take their size. */
  height?: number;
  className?: string;
}

const TOKEN = /("(?:[^"\\]|\\.)*")(\s*:)?|\b(true|false|null)\b|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|([{}[\],])/g;

/** Colours one line of JSON. Works line by line, which is exact for pretty-printed JSON. */
export function highlightLine(line: string): ReactNode[] {
  const out: ReactNode[] = [];
  let last = 0;
  let i = 0;
  for (const m of line.matchAll(TOKEN)) {
    const at = m.index ?? 0;
    if (at > last) out.push(line.slice(last, at));
    if (m[1] !== undefined) {
      out.push(
        <span key={i++} className={m[2] !== undefined ? 'j-key' : 'j-str'}>
          {m[1]}
        </span>,
      );
      if (m[2] !== undefined) out.push(m[2]);
    } else if (m[3] !== undefined) out.push(<span key={i++} className={m[3] === 'null' ? 'j-null' : 'j-bool'}>{m[3]}</span>);
    else if (m[4] !== undefined) out.push(<span key={i++} className="j-num">{m[4]}</span>);
    else out.push(<span key={i++} className="j-punct">{m[5]}</span>);
    last = at + m[0].length;
  }
  if (last < line.length) out.push(line.slice(last));
  return out;
}

function cut(line: string): { text: string; more: number } {
  return line.length > MAX_RENDERED_LINE ? { text: line.slice(0, MAX_RENDERED_LINE), more: line.length - MAX_RENDERED_LINE } : { text: line, more: 0 };
}

const Line = memo(function Line({
  line,
  n,
  marked,
  column,
  lineNumbers,
  last,
}: {
  line: string;
  n: number;
  marked: boolean;
  column?: number;
  lineNumbers: boolean;
  last: boolean;
}) {
  const { text, more } = cut(line);
  return (
    <div className={marked ? 'json-line marked' : 'json-line'} data-line={n}>
      {lineNumbers && (
        <span className="json-gutter" aria-hidden="true">
          {n}
        </span>
      )}
      <span className="json-text">
        {highlightLine(text)}
        {more > 0 && <span className="json-more"> … {more.toLocaleString()} more characters on this line</span>}
        {marked && column !== undefined && (
          <span className="json-caret" aria-hidden="true">
            {'\n'}
            {' '.repeat(Math.max(0, Math.min(column - 1, MAX_RENDERED_LINE)))}^
          </span>
        )}
      </span>
      {/* Not shown (the line is a block), but part of the text, so the view's textContent is the text itself. */}
      {!last && <span className="json-nl">{'\n'}</span>}
    </div>
  );
});

/** JSON (or any text) with colours and optional line numbers; huge texts are virtualised by line. */
export function JsonView({ text, label, markLine, markColumn, lineNumbers = false, height, className }: Props) {
  const lines = useMemo(() => text.split('\n'), [text]);
  if (lines.length <= PLAIN_LIMIT && text.length <= 200_000) {
    return (
      <pre className={`code json-view ${className ?? ''}`} role="region" aria-label={label} tabIndex={0} style={height ? { maxHeight: height } : undefined}>
        {lines.map((line, i) => (
          <Line key={i} line={line} n={i + 1} marked={markLine === i + 1} column={markColumn} lineNumbers={lineNumbers} last={i === lines.length - 1} />
        ))}
      </pre>
    );
  }
  return <VirtualLines lines={lines} label={label} markLine={markLine} markColumn={markColumn} lineNumbers={lineNumbers} height={height ?? 420} className={className} />;
}

function VirtualLines({
  lines,
  label,
  markLine,
  markColumn,
  lineNumbers,
  height,
  className,
}: {
  lines: string[];
  label: string;
  markLine?: number;
  markColumn?: number;
  lineNumbers: boolean;
  height: number;
  className?: string;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: lines.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => LINE_HEIGHT,
    overscan: 30,
  });
  useEffect(() => {
    if (markLine !== undefined) virtualizer.scrollToIndex(markLine - 1, { align: 'center' });
  }, [markLine, virtualizer]);
  return (
    <div ref={scrollRef} className={`code json-view virtual ${className ?? ''}`} style={{ height }} aria-label={label} role="region" tabIndex={0}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => (
          <div key={item.key} data-index={item.index} ref={virtualizer.measureElement} style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)` }}>
            <Line
              line={lines[item.index] ?? ''}
              n={item.index + 1}
              marked={markLine === item.index + 1}
              column={markColumn}
              lineNumbers={lineNumbers}
              last={item.index === lines.length - 1}
            />
          </div>
        ))}
      </div>
    </div>
  );
}
