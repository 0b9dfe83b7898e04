/**
 * The viewer's look, from the app's colour tokens (CSS variables), so one theme serves light and dark;
 * the dark flag only picks CodeMirror's defaults for what is not styled here.
 */
import { HighlightStyle } from '@codemirror/language';
import { EditorView } from '@codemirror/view';
import { tags } from '@lezer/highlight';

const MONO = "ui-monospace, 'SFMono-Regular', 'DejaVu Sans Mono', Menlo, Consolas, monospace";

export const jsonHighlight = HighlightStyle.define([
  { tag: tags.propertyName, color: 'var(--info)' },
  { tag: tags.string, color: 'var(--ok)' },
  { tag: tags.number, color: 'var(--warn)' },
  { tag: [tags.bool, tags.null], color: 'var(--accent)', fontWeight: '600' },
  { tag: [tags.separator, tags.brace, tags.squareBracket], color: 'var(--text-muted)' },
]);

export const viewerTheme = EditorView.theme({
  '&': {
    color: 'var(--code)',
    backgroundColor: 'var(--bg-sunken)',
    border: '1px solid var(--border)',
    borderRadius: '6px',
    fontSize: '12.5px',
    height: '100%',
    maxHeight: 'inherit',
  },
  '&.cm-focused': { outline: '2px solid var(--focus)', outlineOffset: '1px' },
  '.cm-scroller': { fontFamily: MONO, lineHeight: '18px', overflow: 'auto' },
  '.cm-content': { padding: '6px 0', caretColor: 'var(--text)' },
  '.cm-line': { padding: '0 10px' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--text)' },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection': {
    backgroundColor: 'color-mix(in srgb, var(--accent) 32%, transparent)',
  },
  '.cm-activeLine': { backgroundColor: 'color-mix(in srgb, var(--accent) 7%, transparent)' },
  '.cm-gutters': { backgroundColor: 'var(--bg-sunken)', color: 'var(--text-muted)', borderRight: '1px solid var(--border)' },
  '.cm-activeLineGutter': { backgroundColor: 'color-mix(in srgb, var(--accent) 10%, transparent)' },
  '.cm-foldGutter .cm-gutterElement': { cursor: 'pointer', padding: '0 3px' },
  '.cm-foldPlaceholder': { backgroundColor: 'var(--bg-hover)', border: '1px solid var(--border)', color: 'var(--text-muted)', padding: '0 4px' },
  '.cm-searchMatch': { backgroundColor: 'color-mix(in srgb, var(--warn) 28%, transparent)', outline: 'none' },
  '.cm-searchMatch.cm-searchMatch-selected': { backgroundColor: 'color-mix(in srgb, var(--warn) 60%, transparent)' },
  '.cm-panels': { backgroundColor: 'var(--bg-raised)', color: 'var(--text)', fontFamily: 'system-ui, sans-serif', fontSize: '13px' },
  '.cm-panels.cm-panels-top': { borderBottom: '1px solid var(--border)' },
  '.cm-panels.cm-panels-bottom': { borderTop: '1px solid var(--border)' },
  '.cm-textfield, .cm-button': {
    backgroundImage: 'none',
    backgroundColor: 'var(--bg-sunken)',
    color: 'var(--text)',
    border: '1px solid var(--border)',
    borderRadius: '5px',
    font: 'inherit',
  },
  '.cm-panel label': { color: 'var(--text-muted)' },
  '.cm-panel button[name=close]': { color: 'var(--text-muted)' },
  '.cm-json-error-line': { backgroundColor: 'color-mix(in srgb, var(--error) 18%, transparent)' },
  '.cm-json-error-at': { textDecoration: 'underline wavy var(--error)', textUnderlineOffset: '3px', fontWeight: '700' },
});
