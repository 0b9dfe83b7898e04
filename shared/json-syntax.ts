/**
 * Where JSON that does not parse first breaks, and why, in a support engineer's words. The position comes
 * from jsonc-parser (Microsoft's, VS Code's), which reports offsets the same way in every JS engine, so
 * nothing depends on the wording of an engine's JSON.parse message. Pure.
 *
 * jsonc-parser recurses once per nesting level: call this only on text that `tooDeepAt` passed.
 */
import { printParseErrorCode, visit, type ParseErrorCode, type ParseOptions } from 'jsonc-parser';

/** JSON as the SDK sends it: no comments, no trailing commas, no empty document. */
const STRICT: ParseOptions = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false };

export interface SyntaxProblem {
  /** 0-based offset into the text given. */
  offset: number;
  /** What is wrong, capitalised, without the position: `Expected ',' or '}' after a property value`. */
  what: string;
  /** How to fix it, when a usual mistake is recognised; lower case, ends with a full stop. */
  hint?: string;
}

export const CUT_OFF_HINT =
  'the text ends before the JSON is complete (cut off while copying? logcat truncates lines at about 4,000 characters).';
const SINGLE_QUOTES_HINT = 'JSON strings and names take double quotes, not single quotes.';
const NAME_QUOTES_HINT = 'property names must be in double quotes.';
const TRAILING_COMMA_HINT = 'remove the trailing comma before it.';
const TEXT_AFTER_HINT = 'paste one JSON object only.';
const ESCAPE_CONTROLS_HINT = 'a raw line break or tab inside a string must be escaped (\\n, \\t).';
const VALUES_HINT = 'a JSON value is a "string", a number, true, false, null, an {object} or an [array].';

type Container = 'object' | 'array';

interface FirstError {
  code: string;
  offset: number;
  length: number;
  /** The innermost object or array open when the error was found. */
  container: Container | undefined;
  /** Offset just past the top-level value, when it had already ended. */
  valueEnd: number | undefined;
}

/** The first syntax problem in `text`, or undefined when jsonc-parser finds none. */
export function firstSyntaxProblem(text: string): SyntaxProblem | undefined {
  const found = firstError(text);
  if (!found) return undefined;
  const problem = describe(text, found);
  if (problem.offset >= text.length) return { offset: text.length, what: problem.what, hint: CUT_OFF_HINT };
  return problem;
}

/** Thrown from the visitor at the first error: the rest of a long text need not be visited. */
const FOUND = Symbol('first error found');

function firstError(text: string): FirstError | undefined {
  const open: Container[] = [];
  let valueEnd: number | undefined;
  let first: FirstError | undefined;
  const close = (offset: number, length: number) => {
    open.pop();
    if (open.length === 0) valueEnd = offset + length;
  };
  try {
    visit(
      text,
      {
        onObjectBegin: () => void open.push('object'),
        onArrayBegin: () => void open.push('array'),
        onObjectEnd: close,
        onArrayEnd: close,
        onLiteralValue: (_value, offset, length) => {
          if (open.length === 0) valueEnd = offset + length;
        },
        onError: (error: ParseErrorCode, offset, length) => {
          first = { code: printParseErrorCode(error), offset, length, container: open[open.length - 1], valueEnd };
          throw FOUND;
        },
      },
      STRICT,
    );
  } catch (e) {
    if (e !== FOUND) throw e;
  }
  return first;
}

function describe(text: string, e: FirstError): SyntaxProblem {
  const at = e.offset;
  const c = text.charAt(at);
  const afterComma = previousNonSpace(text, at) === ',';
  const separatorWords = e.container === 'array' ? "Expected ',' or ']' after an array element" : "Expected ',' or '}' after a property value";
  switch (e.code) {
    case 'InvalidSymbol':
      return unknownWord(text, e);
    case 'EndOfFileExpected':
      return { offset: at, what: 'Unexpected text after the JSON', hint: TEXT_AFTER_HINT };
    case 'ValueExpected':
      if ((c === ']' || c === '}') && afterComma) return { offset: at, what: 'Expected a value', hint: TRAILING_COMMA_HINT };
      return { offset: at, what: 'Expected a value', hint: VALUES_HINT };
    case 'PropertyNameExpected':
      if (c === '}' && afterComma) return { offset: at, what: 'Expected a property name', hint: TRAILING_COMMA_HINT };
      return { offset: at, what: 'Expected a property name in double quotes' };
    case 'ColonExpected':
      return { offset: at, what: "Expected ':' after the property name" };
    case 'CommaExpected':
      if (leadingZero(text, at)) return { offset: at, what: separatorWords, hint: 'a JSON number does not start with 0 (write 7, not 07).' };
      return { offset: at, what: separatorWords };
    case 'CloseBraceExpected':
      return { offset: at, what: "Expected ',' or '}' after a property value" };
    case 'CloseBracketExpected':
      return { offset: at, what: "Expected ',' or ']' after an array element" };
    case 'InvalidCommentToken':
    case 'UnexpectedEndOfComment':
      return { offset: at, what: 'Comments are not allowed in JSON', hint: 'remove the // or /* */ comment: the SDK sends plain JSON.' };
    case 'UnexpectedEndOfNumber':
      return { offset: at + e.length, what: 'Unfinished number', hint: "a number needs digits after its '.' or 'e' (1.5, 2e3)." };
    case 'InvalidNumberFormat':
      return { offset: at, what: 'Not a valid number' };
    case 'UnexpectedEndOfString':
    case 'InvalidCharacter':
    case 'InvalidEscapeCharacter':
    case 'InvalidUnicode':
      return badString(text, at);
    default:
      return { offset: at, what: 'Not valid JSON' };
  }
}

/** An unknown token: a single-quoted string, an unquoted name, a cut-off `tru`, NaN, undefined… */
function unknownWord(text: string, e: FirstError): SyntaxProblem {
  const word = text.slice(e.offset, e.offset + e.length);
  if (e.valueEnd !== undefined && e.offset >= e.valueEnd) return { offset: e.offset, what: 'Unexpected text after the JSON', hint: TEXT_AFTER_HINT };
  if (word.startsWith("'")) return { offset: e.offset, what: 'Unexpected single quote', hint: SINGLE_QUOTES_HINT };
  const before = previousNonSpace(text, e.offset);
  if (e.container === 'object' && (before === '{' || before === ',')) {
    return { offset: e.offset, what: `Expected a property name in double quotes, found ${quoted(word)}`, hint: NAME_QUOTES_HINT };
  }
  const literal = ['true', 'false', 'null'].find((w) => w.startsWith(word));
  if (literal && e.offset + e.length === text.length) return { offset: text.length, what: `Unfinished ${quoted(word)}` };
  if (literal) return { offset: e.offset, what: `Unexpected ${quoted(word)}`, hint: `did you mean ${literal}?` };
  return { offset: e.offset, what: `Unexpected ${quoted(word)}`, hint: VALUES_HINT };
}

/** jsonc-parser points at the start of a broken string: find the character that breaks it. */
function badString(text: string, start: number): SyntaxProblem {
  const n = text.length;
  let j = start + 1;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (c === 34) return { offset: start, what: 'Not a valid string' };
    if (c === 10 || c === 13) return { offset: j, what: 'Raw line break inside a string', hint: ESCAPE_CONTROLS_HINT };
    if (c < 0x20) return { offset: j, what: 'Raw control character inside a string', hint: ESCAPE_CONTROLS_HINT };
    if (c !== 92) {
      j++;
      continue;
    }
    const escaped = text.charAt(j + 1);
    if (j + 1 >= n) break;
    if (escaped === 'u') {
      let k = 2;
      while (k < 6 && /[0-9a-fA-F]/.test(text.charAt(j + k))) k++;
      if (k < 6) return { offset: j + k, what: 'Bad \\u escape', hint: '\\u takes exactly four hex digits (\\u00e9).' };
      j += 6;
      continue;
    }
    if (!'"\\/bfnrt'.includes(escaped)) {
      return { offset: j + 1, what: `Bad escape \\${escaped}`, hint: 'a backslash starts an escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX): write \\\\ for a backslash itself.' };
    }
    j += 2;
  }
  return { offset: n, what: 'Unterminated string' };
}

/** A word from the text in backticks (double quotes would read as JSON), controls escaped, cut at 20. */
function quoted(word: string): string {
  const cut = word.length > 20 ? `${word.slice(0, 20)}…` : word;
  return `\`${JSON.stringify(cut).slice(1, -1)}\``;
}

/** `07`: jsonc-parser reads the 0 as a whole number and stumbles on the 7. */
function leadingZero(text: string, at: number): boolean {
  return /[0-9]/.test(text.charAt(at)) && text.charAt(at - 1) === '0' && !/[0-9.eE+]/.test(text.charAt(at - 2));
}

function previousNonSpace(text: string, offset: number): string {
  let j = offset - 1;
  while (j >= 0 && ' \t\n\r'.includes(text.charAt(j))) j--;
  return j >= 0 ? text.charAt(j) : '';
}
