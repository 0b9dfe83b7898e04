/**
 * How deep JSON may nest, measured without recursion: once on the text before anything parses it, once on
 * a value before anything serialises it. Pure: runs in the renderer and in Node alike.
 *
 * Why a bound at all: JSON.parse itself is iterative, but almost everything after it is not: jsonc-parser
 * (our error locator), JSON.stringify, zod, structured clone and a recursive React view all recurse once
 * or more per level, and JSON.stringify runs out of stack at about 4,200 levels in the browser host.
 */

/**
 * The deepest JSON any reader here accepts. A upiGetSessionToken request nests 3 levels, a response about
 * 6, wrappers (a log event, a SignResult, a JSON string holding it) a few more: 256 is over 25 times the
 * deepest real document, and low enough that a recursive step costing a handful of stack frames per level
 * still stays far inside the default stack.
 */
export const MAX_JSON_DEPTH = 256;

/**
 * The deepest value a door sends back. Answers hold values read from the input (at most MAX_JSON_DEPTH
 * deep) inside a few levels of their own (Result → inspection → decoded → envelope); twice the input bound
 * leaves room for that and is still an eighth of where JSON.stringify runs out of stack.
 */
export const MAX_OUTPUT_DEPTH = 2 * MAX_JSON_DEPTH;

const QUOTE = 34;
const BACKSLASH = 92;
const SLASH = 47;
const STAR = 42;
const LF = 10;
const CR = 13;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

/**
 * 0-based offset of the `{` or `[` that opens level `limit + 1`, or undefined when the text nests no deeper
 * than `limit`. One linear pass, no recursion. `onString(start, end)` hears of every string literal
 * (`text.slice(start, end)` is the literal with its quotes, or up to where it was cut off).
 *
 * It reads the text the way jsonc-parser's scanner does, so that for any text (valid or not) the depth it
 * reports is at least as deep as jsonc-parser will recurse: brackets inside strings do not count (a
 * backslash escapes the next character; a raw line break ends a string, as it does for jsonc-parser),
 * nor do brackets inside // and /* *\/ comments; a closer counts only when it matches the innermost
 * opener (jsonc-parser skips a mismatched one without closing anything). For valid JSON this is exactly
 * the nesting depth.
 */
export function tooDeepAt(text: string, limit: number = MAX_JSON_DEPTH, onString?: (start: number, end: number) => void): number | undefined {
  const n = text.length;
  const open = new Uint8Array(limit + 1); // the openers currently open, innermost last
  let depth = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const start = i++;
      while (i < n) {
        const s = text.charCodeAt(i);
        if (s === QUOTE) break;
        if (s === LF || s === CR) {
          i--; // the line break ends the string; the loop looks at it again (it is only whitespace)
          break;
        }
        i += s === BACKSLASH ? 2 : 1;
      }
      onString?.(start, Math.min(i + 1, n));
    } else if (c === SLASH && text.charCodeAt(i + 1) === SLASH) {
      while (i < n && text.charCodeAt(i) !== LF && text.charCodeAt(i) !== CR) i++;
    } else if (c === SLASH && text.charCodeAt(i + 1) === STAR) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 1;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (depth === limit) return i;
      open[depth++] = c;
    } else if ((c === CLOSE_BRACE && open[depth - 1] === OPEN_BRACE) || (c === CLOSE_BRACKET && open[depth - 1] === OPEN_BRACKET)) {
      depth--;
    }
  }
  return undefined;
}

/**
 * True when a value nests objects or arrays deeper than `limit` levels (a cycle counts as too deep).
 * Iterative and depth-first, so it stops soon after crossing the bound; typed arrays and buffers are
 * leaves.
 */
export function nestedDeeperThan(value: unknown, limit: number): boolean {
  const values: unknown[] = [value];
  const depths: number[] = [0];
  while (values.length > 0) {
    const v = values.pop();
    const parentDepth = depths.pop() as number;
    if (v === null || typeof v !== 'object' || ArrayBuffer.isView(v)) continue;
    const depth = parentDepth + 1;
    if (depth > limit) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      if (child !== null && typeof child === 'object') {
        values.push(child);
        depths.push(depth);
      }
    }
  }
  return false;
}
