/**
 * JSON parsing that says *where* it broke (1-based line and column, the same in every runtime), refuses
 * JSON nested deeper than MAX_JSON_DEPTH before anything recursive touches it, and a scanner that digs a
 * JSON object out of a log line. Pure: runs in the renderer and in Node alike.
 *
 * JSON.parse reads the value (it is fast and iterative); only when it fails does jsonc-parser locate the
 * first mistake (json-syntax.ts), because engines word and position their messages differently.
 */
import { MAX_JSON_DEPTH, nestedDeeperThan, tooDeepAt } from './json-depth';
import { firstSyntaxProblem } from './json-syntax';

export { MAX_JSON_DEPTH } from './json-depth';

export interface JsonParseFailure {
  ok: false;
  /** What went wrong and where, in words: `Expected a value at line 3, column 9: …`. */
  message: string;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units (what an editor shows for BMP text). */
  column: number;
  /** 0-based offset into the text that was parsed. */
  offset: number;
  /** Set when the JSON was refused for nesting deeper than this many levels (the position is where). */
  depthLimit?: number;
}

export type JsonParseResult = { ok: true; value: unknown } | JsonParseFailure;

const BOM = 0xfeff;

/**
 * Parses JSON, never throws; on failure says what and where (1-based line/column). JSON nested deeper
 * than MAX_JSON_DEPTH is refused, found by a linear scan before anything parses it.
 */
export function parseJson(text: string): JsonParseResult {
  if (typeof text !== 'string') {
    return { ok: false, message: 'Nothing to parse: the input is not text.', line: 1, column: 1, offset: 0 };
  }
  return parseSpan(text, 0, text.length);
}

/** Parses `text.slice(start, end)`, with positions counted in the whole `text`. */
function parseSpan(text: string, start: number, end: number): JsonParseResult {
  // A leading byte-order mark (files saved by Windows editors) is not JSON, but it is not the user's problem either.
  const from = start === 0 && text.charCodeAt(0) === BOM ? 1 : start;
  const body = text.slice(from, end);
  if (body.trim() === '') {
    const where = lineColumn(text, end);
    return { ok: false, message: 'Nothing to parse: the text is empty.', line: where.line, column: where.column, offset: end };
  }
  // JSON.parse is iterative, so it goes first: what it made is measured without recursion (far quicker
  // than scanning megabytes of text), and only a document found too deep is scanned for where.
  let value: unknown;
  try {
    // A text whose first character cannot start a JSON value (a log line) fails without JSON.parse's
    // exception, which costs more than the rest of reading a line.
    if (!startsLikeJson(body)) throw NOT_JSON;
    value = JSON.parse(body);
  } catch {
    const deep = tooDeepAt(body, MAX_JSON_DEPTH);
    if (deep !== undefined) return tooDeepFailure(text, from + deep);
    return syntaxFailure(text, from, body);
  }
  if (nestedDeeperThan(value, MAX_JSON_DEPTH)) return tooDeepFailure(text, from + (tooDeepAt(body, MAX_JSON_DEPTH) ?? 0));
  return { ok: true, value };
}

const NOT_JSON = new Error('not JSON');

/** The first character after JSON whitespace can start a JSON value: { [ " - a digit, or t f n. */
function startsLikeJson(body: string): boolean {
  let at = 0;
  let c = body.charCodeAt(at);
  while (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) c = body.charCodeAt(++at);
  return c === 0x7b || c === 0x5b || c === 0x22 || c === 0x2d || (c >= 0x30 && c <= 0x39) || c === 0x74 || c === 0x66 || c === 0x6e;
}

/**
 * Where and why `body` (at `from` in `text`) is not JSON, worked out when first read: most readers that
 * meet a text that is not JSON (a log line) go on to look for JSON inside it and never read it.
 */
function syntaxFailure(text: string, from: number, body: string): JsonParseFailure {
  let found: Omit<JsonParseFailure, 'ok'> | undefined;
  const describe = () => {
    if (found) return found;
    // Not reached in practice: jsonc-parser finds a problem wherever JSON.parse does.
    const problem = firstSyntaxProblem(body) ?? { offset: 0, what: 'Not valid JSON' };
    const offset = from + problem.offset;
    const { line, column } = lineColumn(text, offset);
    return (found = { message: `${problem.what} at line ${line}, column ${column}${problem.hint ? `: ${problem.hint}` : '.'}`, line, column, offset });
  };
  const failure = { ok: false } as JsonParseFailure;
  for (const key of ['message', 'line', 'column', 'offset'] as const) {
    Object.defineProperty(failure, key, { enumerable: true, configurable: true, get: () => describe()[key] });
  }
  return failure;
}

function tooDeepFailure(text: string, offset: number): JsonParseFailure {
  const { line, column } = lineColumn(text, offset);
  return { ok: false, message: `The JSON is ${tooDeepWords(line, column)}`, line, column, offset, depthLimit: MAX_JSON_DEPTH };
}

function tooDeepWords(line: number, column: number, of = ''): string {
  return (
    `nested more than ${MAX_JSON_DEPTH} levels deep at line ${line}, column ${column}${of} (the limit is ${MAX_JSON_DEPTH} levels): ` +
    'requests, responses and keys nest fewer than 10 levels, so this is none of them: check that this is the right text.'
  );
}

/**
 * The depth failure parseJson would give for `text`, or for JSON held in any JSON string inside it (a
 * request stringified twice, a payload sent as a string: readers unwrap both); undefined when nothing
 * nests too deep. For the doors, which refuse such text before any reader, recursive or not, sees it.
 * Each string is decoded at most once per level of stringification, so this stays near-linear.
 */
export function jsonDepthFailure(text: string): JsonParseFailure | undefined {
  // Texts still to scan; `origin` is where, in `text`, the outermost string holding it starts.
  const pending: Array<{ text: string; origin?: number }> = [{ text }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { text: current, origin } = next;
    const at = tooDeepAt(current, MAX_JSON_DEPTH, (start, end) => {
      if (!holdsJson(current, start + 1)) return;
      let inner: unknown;
      try {
        inner = JSON.parse(current.slice(start, end)); // a flat string literal: nothing to recurse into
      } catch {
        return; // a broken string: the syntax check reports it
      }
      if (typeof inner === 'string') pending.push({ text: inner, origin: origin ?? start });
    });
    if (at === undefined) continue;
    if (origin === undefined) return tooDeepFailure(text, at);
    const where = lineColumn(text, origin);
    const inside = lineColumn(current, at);
    return {
      ok: false,
      message: `The JSON string at line ${where.line}, column ${where.column} holds JSON ${tooDeepWords(inside.line, inside.column, ' of that JSON')}`,
      line: where.line,
      column: where.column,
      offset: origin,
      depthLimit: MAX_JSON_DEPTH,
    };
  }
  return undefined;
}

/** A string literal's content that starts (after spaces, raw or escaped) with `{`, `[` or `\"`: JSON a reader may unwrap. */
const HOLDS_JSON = /(?:[ \t]|\\[nrt])*(?:[{[]|\\")/y;

function holdsJson(text: string, from: number): boolean {
  HOLDS_JSON.lastIndex = from;
  return HOLDS_JSON.test(text);
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

function isJsonSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
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
      const parsed = parseSpan(text, start, text.length);
      const failure = parsed.ok ? undefined : parsed;
      if (failure?.depthLimit !== undefined) return { ok: false, message: failure.message, error: failure };
      return {
        ok: false,
        message: `A JSON object starts at ${describeWhere(text, start)} but never closes: the text was cut off (copy again; logcat truncates lines at about 4,000 characters).`,
        ...(failure ? { error: failure } : {}),
      };
    }
    const candidate = text.slice(start, end);
    const parsed = parseSpan(text, start, end);
    if (parsed.ok) {
      if (parsed.value !== null && typeof parsed.value === 'object' && !Array.isArray(parsed.value)) {
        const where = lineColumn(text, start);
        return { ok: true, value: parsed.value, text: candidate, start, end, line: where.line, column: where.column };
      }
      continue;
    }
    if (jsonish) {
      firstFailure ??= parsed;
      from = end; // objects nested inside a broken one are not the request
    }
  }
  if (firstFailure) {
    const found = firstFailure.depthLimit === undefined ? 'Found JSON-like text but it does not parse' : 'Found JSON-like text but it is too deep to read';
    return { ok: false, message: `${found}: ${firstFailure.message}`, error: firstFailure };
  }
  return { ok: false, message: 'No JSON object found in the text: expected `{` … `}` somewhere.' };
}

function describeWhere(text: string, offset: number): string {
  const { line, column } = lineColumn(text, offset);
  return line === 1 ? `column ${column}` : `line ${line}, column ${column}`;
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
