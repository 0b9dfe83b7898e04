/**
 * JSON parsing that says *where* it broke (1-based line and column) in every runtime, and a scanner that
 * digs a JSON object out of a log line. Pure: runs in the renderer and in Node alike.
 *
 * V8's JSON.parse messages come in several shapes ("… at position N", "… (line L column C)", "Unexpected
 * token 'x', "…" is not valid JSON" with no position at all, "Unexpected end of JSON input"), and other
 * engines word them differently again; when the message carries no usable position, a small iterative
 * validator below finds the first offending character itself.
 */

export interface JsonParseFailure {
  ok: false;
  /** What went wrong and where, in words: `Unexpected token '}' at line 3, column 9: …`. */
  message: string;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units (what an editor shows for BMP text). */
  column: number;
  /** 0-based offset into the text that was parsed. */
  offset: number;
}

export type JsonParseResult = { ok: true; value: unknown } | JsonParseFailure;

const BOM = 0xfeff;

/** Parses JSON, never throws; on failure says what and where (1-based line/column). */
export function parseJson(text: string): JsonParseResult {
  if (typeof text !== 'string') {
    return { ok: false, message: 'Nothing to parse: the input is not text.', line: 1, column: 1, offset: 0 };
  }
  // A leading byte-order mark (files saved by Windows editors) is not JSON, but it is not the user's problem either.
  const skip = text.charCodeAt(0) === BOM ? 1 : 0;
  const body = skip ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (error) {
    const raw = error instanceof Error ? error.message : String(error);
    return describeFailure(text, body, skip, raw);
  }
}

/**
 * Builds the failure for `text` from a JSON engine's error message, whatever its shape (V8 old and new,
 * Firefox, Safari); exported so every message shape can be tested from any runtime.
 */
export function describeJsonFailure(text: string, engineMessage: string): JsonParseFailure {
  const skip = text.charCodeAt(0) === BOM ? 1 : 0;
  return describeFailure(text, skip ? text.slice(1) : text, skip, engineMessage);
}

function describeFailure(text: string, body: string, skip: number, raw: string): JsonParseFailure {
  if (body.trim() === '') {
    const where = lineColumn(text, text.length);
    return { ok: false, message: 'Nothing to parse: the text is empty.', line: where.line, column: where.column, offset: text.length };
  }
  const located = locateJsonError(body);
  let offset: number | undefined;
  // 1. "(line L column C)" (V8 ≥ 12) or Firefox's "at line L column C of the JSON data".
  const lc = /\bline (\d+) column (\d+)/.exec(raw);
  if (lc) offset = offsetOf(body, Number(lc[1]), Number(lc[2]));
  // 2. "at position N" (V8 ≤ 11 and V8 ≥ 12 alike).
  if (offset === undefined) {
    const pos = /\bposition (\d+)/.exec(raw);
    if (pos) offset = Math.min(Number(pos[1]), body.length);
  }
  // 3. No usable position ("Unexpected token 'x', "…" is not valid JSON", "Unexpected end of JSON input",
  //    Safari's "JSON Parse error: …"): find it ourselves.
  if (offset === undefined) offset = located ? located.offset : body.length;
  const what = cleanMessage(raw) || located?.message || 'Not valid JSON';
  const full = offset + skip;
  const where = lineColumn(text, full);
  const hint = hintAt(body, offset, what);
  return {
    ok: false,
    message: `${what} at line ${where.line}, column ${where.column}${hint ? `: ${hint}` : '.'}`,
    line: where.line,
    column: where.column,
    offset: full,
  };
}

/** Strips the position and the echoed snippet from an engine's message, keeping the words. */
function cleanMessage(raw: string): string {
  let m = raw.replace(/^JSON\.parse: /, '').replace(/^JSON Parse error: /, '');
  m = m.replace(/ of the JSON data$/, '');
  m = m.replace(/\s*\(line \d+ column \d+\)/, '');
  m = m.replace(/ at line \d+ column \d+/, '');
  m = m.replace(/ in JSON at position \d+/, '');
  m = m.replace(/ at position \d+/, '');
  // V8 ≥ 10: `Unexpected token 'x', "…snippet…" is not valid JSON` (the snippet may start or end with
  // "..." when the text is long) — drop the snippet; `"[object Object]" is not valid JSON` has only one.
  if (m.endsWith('is not valid JSON')) {
    const snippet = /, (?:\.\.\.)?"/.exec(m);
    if (snippet && snippet.index > 0) m = m.slice(0, snippet.index);
    else if (m.startsWith('"') || m.startsWith('...')) m = 'Not valid JSON';
  }
  m = escapeControls(m.trim());
  return m.length > 0 ? m.charAt(0).toUpperCase() + m.slice(1) : m;
}

/** Shows a raw line break or tab in a message as `\n` / `\t`. */
function escapeControls(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += c < 0x20 ? JSON.stringify(s.charAt(i)).slice(1, -1) : s.charAt(i);
  }
  return out;
}

function hintAt(body: string, offset: number, what: string): string {
  const c = body.charAt(offset);
  if (offset >= body.length || /end of (JSON )?(input|data)/i.test(what) || /Unterminated/i.test(what)) {
    return 'the text ends before the JSON is complete (cut off while copying? logcat truncates lines at about 4,000 characters).';
  }
  if (c === "'") return 'JSON strings and names take double quotes, not single quotes.';
  if (c === '}' || c === ']') {
    let j = offset - 1;
    while (j >= 0 && isJsonSpace(body.charCodeAt(j))) j--;
    if (body.charAt(j) === ',') return 'remove the trailing comma before it.';
  }
  if (/^[A-Za-z_$]$/.test(c)) {
    let j = offset - 1;
    while (j >= 0 && isJsonSpace(body.charCodeAt(j))) j--;
    if (body.charAt(j) === '{' || body.charAt(j) === ',') return 'property names must be in double quotes.';
  }
  if (/non-whitespace character after JSON/i.test(what)) return 'there is text after the JSON: paste one object only.';
  if (/control character/i.test(what)) return 'a raw line break or tab inside a string must be escaped (\\n, \\t).';
  return '';
}

/** 1-based line and column of a 0-based offset. `\r\n`, `\n` and `\r` each end a line. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const end = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      lineStart = i + 1;
    } else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10 && i + 1 < end) i++;
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/** 0-based offset of a 1-based line/column, clamped to the text. */
function offsetOf(text: string, line: number, column: number): number {
  let current = 1;
  let i = 0;
  while (current < line && i < text.length) {
    const c = text.charCodeAt(i);
    i++;
    if (c === 10) current++;
    else if (c === 13) {
      if (text.charCodeAt(i) === 10) i++;
      current++;
    }
  }
  return Math.min(text.length, i + Math.max(0, column - 1));
}

function isJsonSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

const State = { Value: 0, Key: 1, Colon: 2, After: 3 } as const;
type State = (typeof State)[keyof typeof State];

/**
 * Finds the first error in a text that is not valid JSON: an iterative validator (no recursion, so deep
 * nesting cannot overflow the stack). Returns undefined when the text is valid JSON.
 */
export function locateJsonError(text: string): { offset: number; message: string } | undefined {
  const n = text.length;
  const stack: number[] = []; // 0 object, 1 array
  let state: State = State.Value;
  let i = 0;
  for (;;) {
    while (i < n && isJsonSpace(text.charCodeAt(i))) i++;
    if (state === State.After && stack.length === 0) {
      return i < n ? { offset: i, message: 'Unexpected non-whitespace character after JSON' } : undefined;
    }
    if (i >= n) return { offset: n, message: 'Unexpected end of JSON input' };
    const c = text.charCodeAt(i);
    const ch = text.charAt(i);
    switch (state) {
      case State.Value: {
        if (c === 123 /* { */) {
          stack.push(0);
          i++;
          while (i < n && isJsonSpace(text.charCodeAt(i))) i++;
          if (text.charCodeAt(i) === 125) {
            stack.pop();
            i++;
            state = State.After;
          } else state = State.Key;
        } else if (c === 91 /* [ */) {
          stack.push(1);
          i++;
          while (i < n && isJsonSpace(text.charCodeAt(i))) i++;
          if (text.charCodeAt(i) === 93) {
            stack.pop();
            i++;
            state = State.After;
          } else state = State.Value;
        } else if (c === 34 /* " */) {
          const r = scanString(text, i);
          if (typeof r !== 'number') return r;
          i = r;
          state = State.After;
        } else if (c === 45 || (c >= 48 && c <= 57)) {
          const r = scanNumber(text, i);
          if (typeof r !== 'number') return r;
          i = r;
          state = State.After;
        } else {
          const word = text.startsWith('true', i) ? 4 : text.startsWith('false', i) ? 5 : text.startsWith('null', i) ? 4 : 0;
          if (word) {
            i += word;
            state = State.After;
          } else {
            // A partial literal (`tru`, `nul`): point at the first character that breaks it, as V8 does.
            const lit = ch === 't' ? 'true' : ch === 'f' ? 'false' : ch === 'n' ? 'null' : '';
            let k = 0;
            while (k < lit.length && i + k < n && text.charAt(i + k) === lit.charAt(k)) k++;
            if (k > 0 && i + k === n) return { offset: n, message: 'Unexpected end of JSON input' };
            return { offset: i + k, message: `Unexpected token '${text.charAt(i + k)}'` };
          }
        }
        break;
      }
      case State.Key: {
        if (c !== 34) return { offset: i, message: "Expected double-quoted property name" };
        const r = scanString(text, i);
        if (typeof r !== 'number') return r;
        i = r;
        state = State.Colon;
        break;
      }
      case State.Colon: {
        if (c !== 58) return { offset: i, message: "Expected ':' after property name" };
        i++;
        state = State.Value;
        break;
      }
      case State.After: {
        const top = stack[stack.length - 1];
        if (c === 44 /* , */) {
          i++;
          state = top === 0 ? State.Key : State.Value;
        } else if ((top === 0 && c === 125) || (top === 1 && c === 93)) {
          stack.pop();
          i++;
          state = State.After;
        } else {
          return {
            offset: i,
            message: top === 0 ? "Expected ',' or '}' after property value" : "Expected ',' or ']' after array element",
          };
        }
        break;
      }
    }
  }
}

function scanString(text: string, start: number): number | { offset: number; message: string } {
  const n = text.length;
  let j = start + 1;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (c === 34) return j + 1;
    if (c < 0x20) return { offset: j, message: 'Bad control character in string literal' };
    if (c === 92 /* \ */) {
      const e = text.charAt(j + 1);
      if (j + 1 >= n) break;
      if (e === 'u') {
        for (let k = 2; k < 6; k++) {
          if (j + k >= n) return { offset: n, message: 'Unterminated string' };
          if (!/[0-9a-fA-F]/.test(text.charAt(j + k))) return { offset: j + k, message: 'Bad Unicode escape' };
        }
        j += 6;
        continue;
      }
      if ('"\\/bfnrt'.indexOf(e) < 0) return { offset: j + 1, message: 'Bad escaped character' };
      j += 2;
      continue;
    }
    j++;
  }
  return { offset: n, message: 'Unterminated string' };
}

function scanNumber(text: string, start: number): number | { offset: number; message: string } {
  const n = text.length;
  const digit = (k: number) => {
    const c = text.charCodeAt(k);
    return c >= 48 && c <= 57;
  };
  let j = start;
  if (text.charCodeAt(j) === 45) {
    j++;
    if (j >= n || !digit(j)) return { offset: j, message: 'No number after minus sign' };
  }
  if (text.charCodeAt(j) === 48) j++;
  else while (j < n && digit(j)) j++;
  if (text.charCodeAt(j) === 46) {
    j++;
    if (j >= n || !digit(j)) return { offset: j, message: 'Unterminated fractional number' };
    while (j < n && digit(j)) j++;
  }
  const e = text.charCodeAt(j);
  if (e === 101 || e === 69) {
    j++;
    const s = text.charCodeAt(j);
    if (s === 43 || s === 45) j++;
    if (j >= n || !digit(j)) return { offset: j, message: 'Exponent part is missing a number' };
    while (j < n && digit(j)) j++;
  }
  return j;
}

// ---------------------------------------------------------------------------------------------------------

export interface ExtractedJson {
  ok: true;
  value: unknown;
  /** The JSON text found, exactly as it appears in the input. */
  text: string;
  /** 0-based offsets of the JSON within the input: `input.slice(start, end) === text`. */
  start: number;
  end: number;
  /** 1-based line/column where the JSON starts in the input. */
  line: number;
  column: number;
}

export type ExtractJsonResult =
  | ExtractedJson
  | {
      ok: false;
      message: string;
      /** The JSON-looking text that failed to parse, with line/column relative to the whole input. */
      error?: JsonParseFailure;
    };

/** How many `{` candidates extractJson tries before giving up (keeps `{{{{…` inputs linear enough). */
const MAX_CANDIDATES = 64;

/**
 * Finds a JSON object somewhere inside a text, e.g. a log line
 * `2024-05-01 12:00:01 D/HyperSDK: process called with {...}`: tries each `{` in turn, scans to its
 * balanced `}` (braces inside strings do not count), and returns the first candidate that parses as an
 * object. Braces that are not JSON (`{main}` in a thread tag) are skipped. A JSON-looking candidate that
 * never closes (a truncated log line) stops the search and is reported with its line/column.
 */
export function extractJson(text: string): ExtractJsonResult {
  if (typeof text !== 'string' || text.length === 0) return { ok: false, message: 'Nothing to search: the text is empty.' };
  let from = 0;
  let firstFailure: JsonParseFailure | undefined;
  for (let tries = 0; tries < MAX_CANDIDATES; tries++) {
    const start = text.indexOf('{', from);
    if (start < 0) break;
    from = start + 1;
    const jsonish = looksLikeJsonObject(text, start);
    // `{main}`-style braces are short: do not scan megabytes for them.
    const end = balancedEnd(text, start, jsonish ? text.length : NON_JSON_SCAN);
    if (end < 0) {
      if (!jsonish) continue;
      const parsed = parseJson(text.slice(start));
      const failure = parsed.ok ? undefined : relocate(text, start, parsed);
      return {
        ok: false,
        message: `A JSON object starts at ${describeWhere(text, start)} but never closes: the text was cut off (copy again; logcat truncates lines at about 4,000 characters).`,
        ...(failure ? { error: failure } : {}),
      };
    }
    const candidate = text.slice(start, end);
    const parsed = parseJson(candidate);
    if (parsed.ok) {
      if (parsed.value !== null && typeof parsed.value === 'object' && !Array.isArray(parsed.value)) {
        const where = lineColumn(text, start);
        return { ok: true, value: parsed.value, text: candidate, start, end, line: where.line, column: where.column };
      }
      continue;
    }
    if (jsonish) {
      if (!firstFailure) firstFailure = relocate(text, start, parsed);
      from = end; // objects nested inside a broken one are not the request
    }
  }
  if (firstFailure) {
    return { ok: false, message: `Found JSON-like text but it does not parse: ${firstFailure.message}`, error: firstFailure };
  }
  return { ok: false, message: 'No JSON object found in the text: expected `{` … `}` somewhere.' };
}

function describeWhere(text: string, offset: number): string {
  const { line, column } = lineColumn(text, offset);
  return line === 1 ? `column ${column}` : `line ${line}, column ${column}`;
}

function relocate(text: string, start: number, failure: JsonParseFailure): JsonParseFailure {
  const offset = start + failure.offset;
  const where = lineColumn(text, offset);
  const message = failure.message.replace(/ at line \d+, column \d+/, ` at line ${where.line}, column ${where.column}`);
  return { ok: false, message, line: where.line, column: where.column, offset };
}

/** `{` followed by optional whitespace and `"` or `}`: the start of a JSON object, not `{main}`. */
function looksLikeJsonObject(text: string, start: number): boolean {
  let j = start + 1;
  while (j < text.length && isJsonSpace(text.charCodeAt(j))) j++;
  const c = text.charCodeAt(j);
  return c === 34 || c === 125 || c === 39; // " } or ' (single-quoted JSON is still worth a parse error)
}

/** How far to look for the end of a `{` that does not start a JSON object. */
const NON_JSON_SCAN = 4096;

/** Index just past the `}` balancing the `{` at start, or -1 when it does not close within `limit` characters. */
function balancedEnd(text: string, start: number, limit: number): number {
  let depth = 0;
  let inString = false;
  const stop = Math.min(text.length, start + limit);
  for (let i = start; i < stop; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 123) depth++;
    else if (c === 125) {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}
