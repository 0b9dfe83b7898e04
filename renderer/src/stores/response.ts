/**
 * The response being read: its text (kept out of any <textarea> when large), its one read through the
 * shared reader (pure, in the renderer), the flattened account rows and the pretty text. The findings
 * come from that same read (`responseFindings` on the Response screen); nothing goes to the main side.
 * Nothing here persists: a response carries customer data (masked number, device fingerprint).
 */
import { now as clockNow } from '../../../shared/clock';
import { create } from 'zustand';
import { accountRows, parseResponseText, type AccountRow, type ParseResponseResult } from '../../../shared/response';
import { newDraftId } from '../lib/draftId';

/** Up to this many characters the input box holds the text itself and can be edited. */
export const EDITABLE_LIMIT = 256 * 1024;
export const PARSE_DEBOUNCE_MS = 150;

export type SourceKind = 'paste' | 'file' | 'drop' | 'typed' | 'sample' | 'history';

export interface ResponseSource {
  kind: SourceKind;
  /** File name for files and drops. */
  name?: string;
  /** Characters (not bytes) of the text. */
  size: number;
  at: number;
}

interface ResponseState {
  text: string;
  /** The history entry this text records into: a new one for each paste, file or drop; typing keeps it. */
  draftId: string;
  source: ResponseSource | null;
  /** null when there is no text. */
  parsed: ParseResponseResult | null;
  rows: AccountRow[];
  /** The parsed JSON, pretty-printed once for the raw view. */
  pretty: string | null;
  /** Milliseconds the last parse took (shown for big inputs). */
  parseMs: number | null;
  /** Sets the text and reads it; typing is debounced, everything else is read at once. */
  setText(text: string, kind: SourceKind, name?: string): void;
  /** Puts a history entry's text back, recording into that same entry. */
  restore(text: string, draftId: string): void;
  clear(): void;
}

/** Reads a text into everything the screen shows. Pure, so it can be tested without a screen. */
export function readResponse(text: string): Pick<ResponseState, 'parsed' | 'rows' | 'pretty' | 'parseMs'> {
  if (text.trim() === '') return { parsed: null, rows: [], pretty: null, parseMs: null };
  const started = performance.now();
  const parsed = parseResponseText(text);
  const rows = parsed.ok ? accountRows(parsed.response) : [];
  let pretty: string | null = null;
  if (parsed.ok) {
    // Already pretty (short lines): show it as received, byte for byte, whatever its size; a 5 MB text
    // is not printed a second time.
    pretty = parsed.source === 'json' && looksPretty(text) ? text : JSON.stringify(parsed.raw, null, 2);
  }
  return { parsed, rows, pretty, parseMs: Math.round(performance.now() - started) };
}

/** Several lines, none very long on average: pretty-printed already (counts line breaks, nothing else). */
function looksPretty(text: string): boolean {
  // Enough lines for an average under 160 characters settles it: no need to count the rest of 5 MB.
  const enough = Math.max(3, Math.floor(text.length / 160) + 1);
  let lines = 1;
  for (let at = text.indexOf('\n'); at >= 0 && lines < enough; at = text.indexOf('\n', at + 1)) lines++;
  return lines > 2 && text.length / lines < 160;
}

let parseTimer: ReturnType<typeof setTimeout> | undefined;

export const useResponseStore = create<ResponseState>()((set, get) => ({
  text: '',
  draftId: newDraftId(),
  source: null,
  parsed: null,
  rows: [],
  pretty: null,
  parseMs: null,

  setText: (text, kind, name) => {
    clearTimeout(parseTimer);
    const source: ResponseSource = { kind, size: text.length, at: clockNow(), ...(name ? { name } : {}) };
    set({ text, source: text ? source : null, ...(kind === 'typed' ? {} : { draftId: newDraftId() }) });
    const read = () => {
      if (get().text !== text) return;
      set(readResponse(text));
    };
    if (kind === 'typed') parseTimer = setTimeout(read, PARSE_DEBOUNCE_MS);
    else read();
  },

  restore: (text, draftId) => {
    get().setText(text, 'history', 'History entry');
    set({ draftId });
  },

  clear: () => {
    clearTimeout(parseTimer);
    set({ text: '', draftId: newDraftId(), source: null, parsed: null, rows: [], pretty: null, parseMs: null });
  },
}));

