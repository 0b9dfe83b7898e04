/**
 * The CodeMirror 6 set-up of the JSON viewer: read-only, JSON syntax (colours, folding), search over
 * the whole document, go-to-line, the parse error's line marked. Settings that change after the view
 * exists (wrap, gutters, theme, label, marked line) live in compartments or a state field.
 */
import { json } from '@codemirror/lang-json';
import { codeFolding, ensureSyntaxTree, foldGutter, foldKeymap, forceParsing, syntaxHighlighting, syntaxTree, syntaxTreeAvailable } from '@codemirror/language';
import { search, searchKeymap } from '@codemirror/search';
import { Compartment, EditorState, StateEffect, StateField, type Extension, type Range } from '@codemirror/state';
import {
  Decoration,
  drawSelection,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
  ViewPlugin,
  type DecorationSet,
  type ViewUpdate,
} from '@codemirror/view';
import { jsonPathAt } from './jsonPath';
import { jsonHighlight, viewerTheme } from './theme';

export interface Mark {
  /** 1-based line. */
  line: number;
  /** 1-based column on that line. */
  column?: number;
}

export const compartments = {
  gutters: new Compartment(),
  wrap: new Compartment(),
  dark: new Compartment(),
  label: new Compartment(),
};

export const setMark = StateEffect.define<Mark | null>();

function markDecorations(state: EditorState, mark: Mark | null): DecorationSet {
  if (!mark || mark.line < 1 || mark.line > state.doc.lines) return Decoration.none;
  const line = state.doc.line(mark.line);
  const ranges: Range<Decoration>[] = [Decoration.line({ class: 'cm-json-error-line', attributes: { 'data-line': String(mark.line) } }).range(line.from)];
  if (mark.column !== undefined && line.length > 0) {
    const at = line.from + Math.min(Math.max(mark.column - 1, 0), line.length - 1);
    ranges.push(Decoration.mark({ class: 'cm-json-error-at' }).range(at, at + 1));
  }
  return Decoration.set(ranges, true);
}

/** The marked line (a parse error's), kept across document changes. */
export const markField = StateField.define<Mark | null>({
  create: () => null,
  update(value, tr) {
    for (const e of tr.effects) if (e.is(setMark)) value = e.value;
    return value;
  },
  provide: (field) => EditorView.decorations.compute([field, 'doc'], (state) => markDecorations(state, state.field(field))),
});

export function gutters(on: boolean): Extension {
  return on ? [lineNumbers(), foldGutter(), highlightActiveLineGutter()] : [];
}

export function wrapping(on: boolean): Extension {
  return on ? EditorView.lineWrapping : [];
}

export function labelled(label: string): Extension {
  // An explicit tab stop: the read-only content is what the keyboard scrolls the viewer with (axe's
  // scrollable-region-focusable does not count a bare contenteditable as focusable).
  return EditorView.contentAttributes.of({ 'aria-label': label, tabindex: '0' });
}

export interface SetupOptions {
  label: string;
  lineNumbers: boolean;
  wrap: boolean;
  dark: boolean;
  mark: Mark | null;
  /** Called with the JSON path at the cursor whenever the cursor moves. */
  onPath?: (path: string) => void;
}

export function viewerExtensions(options: SetupOptions): Extension[] {
  const onPath = options.onPath;
  return [
    EditorState.readOnly.of(true),
    json(),
    syntaxHighlighting(jsonHighlight),
    codeFolding({ placeholderText: '…' }),
    search({ top: true }),
    keymap.of([...searchKeymap, ...foldKeymap]),
    drawSelection(),
    highlightActiveLine(),
    viewerTheme,
    markField.init(() => options.mark),
    compartments.gutters.of(gutters(options.lineNumbers)),
    compartments.wrap.of(wrapping(options.wrap)),
    compartments.dark.of(EditorView.darkTheme.of(options.dark)),
    compartments.label.of(labelled(options.label)),
    onPath ? pathReporter(onPath) : [],
  ];
}

/**
 * Reports the JSON path at the cursor as it moves. Far down a big text (after Find or Go to line) the
 * syntax tree may not reach the cursor yet: it is parsed up to there in short slices between frames,
 * rather than waiting for CodeMirror's background parse, which pauses on a busy machine.
 */
function pathReporter(onPath: (path: string) => void): Extension {
  return ViewPlugin.fromClass(
    class {
      timer: ReturnType<typeof setTimeout> | undefined;
      constructor(readonly view: EditorView) {
        this.schedule();
      }
      update(update: ViewUpdate) {
        if (update.selectionSet || update.docChanged || syntaxTree(update.state) !== syntaxTree(update.startState)) this.schedule();
      }
      schedule() {
        clearTimeout(this.timer);
        this.timer = setTimeout(() => this.report(), 0);
      }
      report() {
        const state = this.view.state;
        const head = state.selection.main.head;
        if (!syntaxTreeAvailable(state, head)) {
          onPath('');
          // A slice under a long task's 50 ms; the tree it reaches is dispatched, which reports again.
          if (!forceParsing(this.view, head, 30)) this.timer = setTimeout(() => this.report(), 0);
          return;
        }
        onPath(jsonPathAt(syntaxTree(state), (from, to) => state.sliceDoc(from, to), head));
      }
      destroy() {
        clearTimeout(this.timer);
      }
    },
  );
}

/** The path at the cursor, parsing up to it first if needed (a click on Copy path far down a big text). */
export function pathAtCursor(state: EditorState): string | null {
  const head = state.selection.main.head;
  const tree = ensureSyntaxTree(state, head, 3_000);
  return tree ? jsonPathAt(tree, (from, to) => state.sliceDoc(from, to), head) : null;
}
