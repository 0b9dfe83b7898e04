/**
 * The JSON viewer itself: CodeMirror 6, loaded on demand (see JsonView). CodeMirror injects its own
 * styles, which the page's Content-Security-Policy (style-src 'self') forbids as <style> elements, so
 * the editor lives in a shadow root, where they become constructed style sheets; the app's colour
 * tokens still reach it (CSS variables inherit into shadow trees).
 */
import { useEffect, useRef, useState } from 'react';
import { foldAll, unfoldAll } from '@codemirror/language';
import { gotoLine, openSearchPanel } from '@codemirror/search';
import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { CopyButton } from '../CopyButton';
import type { JsonViewProps } from '../JsonView';
import './json-editor.css';
import { compartments, gutters, labelled, pathAtCursor, setMark, viewerExtensions, wrapping, type Mark } from './setup';

function isDark(): boolean {
  return document.documentElement.dataset.theme !== 'light';
}

export default function JsonEditor({ text, label, markLine, markColumn, lineNumbers = false, height, className, tools = false }: JsonViewProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const textRef = useRef(text);
  const [wrap, setWrap] = useState(!tools);
  const [path, setPath] = useState('');
  const mark: Mark | null = markLine === undefined ? null : { line: markLine, ...(markColumn === undefined ? {} : { column: markColumn }) };

  // One view per mount; later changes go in as transactions, never as a new view.
  useEffect(() => {
    const host = hostRef.current!;
    const shadow = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
    const region = document.createElement('div');
    region.setAttribute('role', 'region');
    region.className = 'json-viewer';
    shadow.append(region);
    const view = new EditorView({
      state: EditorState.create({
        doc: textRef.current,
        extensions: viewerExtensions({ label, lineNumbers, wrap, dark: isDark(), mark, ...(tools ? { onPath: setPath } : {}) }),
      }),
      parent: region,
      root: shadow,
    });
    viewRef.current = view;
    // The theme is an attribute on <html>; follow it.
    const themeWatch = new MutationObserver(() => view.dispatch({ effects: compartments.dark.reconfigure(EditorView.darkTheme.of(isDark())) }));
    themeWatch.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => {
      themeWatch.disconnect();
      view.destroy();
      region.remove();
      viewRef.current = null;
    };
    // Created once; the effects below carry every later change into the view.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const view = viewRef.current;
    if (!view || textRef.current === text) return;
    textRef.current = text;
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
  }, [text]);

  useEffect(() => {
    const region = hostRef.current?.shadowRoot?.querySelector<HTMLElement>('.json-viewer');
    if (!region) return;
    region.setAttribute('aria-label', label);
    region.style.height = tools && height ? `${height}px` : '';
    region.style.maxHeight = !tools && height ? `${height}px` : '';
    viewRef.current?.dispatch({ effects: compartments.label.reconfigure(labelled(label)) });
  }, [label, height, tools]);

  useEffect(() => {
    viewRef.current?.dispatch({ effects: compartments.gutters.reconfigure(gutters(lineNumbers)) });
  }, [lineNumbers]);

  useEffect(() => {
    viewRef.current?.dispatch({ effects: compartments.wrap.reconfigure(wrapping(wrap)) });
  }, [wrap]);

  const markKey = mark ? `${mark.line}:${mark.column ?? ''}` : '';
  useEffect(() => {
    const view = viewRef.current;
    if (!view) return;
    const effects = [setMark.of(mark)];
    const line = mark && mark.line >= 1 && mark.line <= view.state.doc.lines ? view.state.doc.line(mark.line) : null;
    view.dispatch({ effects: line ? [...effects, EditorView.scrollIntoView(line.from, { y: 'center' })] : effects });
    // markKey stands for mark's content.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [markKey, text]);

  const run = (command: (view: EditorView) => boolean) => {
    const view = viewRef.current;
    if (view) command(view);
  };

  return (
    <div className={`json-editor ${className ?? ''}`}>
      {tools && (
        <div className="json-tools" role="toolbar" aria-label={`${label} tools`}>
          <button type="button" className="small" onClick={() => run(openSearchPanel)} title="Search the whole text (Ctrl+F in the viewer)">
            Find
          </button>
          <button type="button" className="small" onClick={() => run(gotoLine)} title="Jump to a line (Ctrl+Alt+G in the viewer)">
            Go to line
          </button>
          <button type="button" className="small" aria-pressed={wrap} onClick={() => setWrap((w) => !w)} title="Wrap long lines">
            Wrap lines
          </button>
          <button type="button" className="small" onClick={() => run(foldAll)} title="Fold every object and array">
            Fold all
          </button>
          <button type="button" className="small" onClick={() => run(unfoldAll)}>
            Unfold all
          </button>
          <span className="spacer" />
          <output className="json-path mono small-text" aria-label="JSON path at the cursor" title="The JSON path of the value at the cursor">
            {path || 'Click a value to see its path'}
          </output>
          <CopyButton label="Copy the JSON path at the cursor" value={() => (viewRef.current ? pathAtCursor(viewRef.current.state) || null : null)}>
            Copy path
          </CopyButton>
        </div>
      )}
      <div ref={hostRef} className="json-host" />
    </div>
  );
}
