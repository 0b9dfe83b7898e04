/**
 * String literals per target language, so that any merchantCustomerId (quotes, backslashes, `$`, backticks,
 * line breaks, any Unicode) lands in the generated file as exactly that string and cannot end the literal,
 * start an interpolation or change a byte. Every generated file but the shell script is ASCII-only: javac
 * reads sources in the platform charset (US-ASCII under a POSIX locale), and a file that survives any
 * clipboard or editor is easier to trust. Callers have refused NUL and unpaired surrogates already.
 */

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
const isPrintableAscii = (c: number) => c >= 0x20 && c < 0x7f;

/** JavaScript: JSON.stringify's escaping (valid JS since ES2019), non-ASCII as \uXXXX. */
export function jsString(value: string): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (ch) => `\\u${hex(ch.charCodeAt(0), 4)}`);
}

/** JSON text with every non-ASCII character escaped: for comments, which must stay ASCII (see above). */
export function asciiJson(text: string): string {
  return text.replace(/[\u007f-\uffff]/g, (ch) => `\\u${hex(ch.charCodeAt(0), 4)}`);
}

const C_STYLE: Readonly<Record<number, string>> = { 0x08: '\\b', 0x09: '\\t', 0x0a: '\\n', 0x0c: '\\f', 0x0d: '\\r', 0x22: '\\"', 0x5c: '\\\\' };

/** Python 3: \xNN, \uXXXX and \UXXXXXXXX by code point. */
export function pythonString(value: string): string {
  let out = '"';
  for (const ch of value) {
    const cp = ch.codePointAt(0)!;
    const named = C_STYLE[cp];
    if (named !== undefined) out += named;
    else if (isPrintableAscii(cp)) out += ch;
    else if (cp < 0x100) out += `\\x${hex(cp, 2)}`;
    else if (cp < 0x10000) out += `\\u${hex(cp, 4)}`;
    else out += `\\U${hex(cp, 8)}`;
  }
  return `${out}"`;
}

/**
 * Java: control characters as 3-digit octal, non-ASCII as \uXXXX per UTF-16 unit. Never an ASCII
 * character as \uXXXX: javac turns those into the character before lexing, so \u0022 would end the
 * string. A backslash from the value is doubled, so it can never start such an escape either.
 */
export function javaString(value: string): string {
  let out = '"';
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    const named = C_STYLE[c];
    if (named !== undefined) out += named;
    else if (isPrintableAscii(c)) out += value.charAt(i);
    else if (c < 0x80) out += `\\${c.toString(8).padStart(3, '0')}`;
    else out += `\\u${hex(c, 4)}`;
  }
  return `${out}"`;
}

/** Kotlin: `$` escaped (it starts a template), everything outside printable ASCII as \uXXXX. */
export function kotlinString(value: string): string {
  let out = '"';
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    const named = c === 0x24 ? '\\$' : c === 0x0c ? undefined : C_STYLE[c];
    if (named !== undefined) out += named;
    else if (isPrintableAscii(c)) out += value.charAt(i);
    else out += `\\u${hex(c, 4)}`;
  }
  return `${out}"`;
}

/**
 * Bash: single-quoted runs (nothing expands inside, `$` and backticks included), `'` as \', control
 * characters as $'\xNN'. Non-ASCII stays raw UTF-8: $'\u…' depends on the locale, raw bytes do not.
 */
export function shellString(value: string): string {
  let out = '';
  let run = '';
  const flush = () => {
    if (run !== '') out += `'${run}'`;
    run = '';
  };
  for (const ch of value) {
    const cp = ch.codePointAt(0)!;
    if (ch === "'") {
      flush();
      out += "\\'";
    } else if (cp < 0x20 || cp === 0x7f) {
      flush();
      out += `$'\\x${hex(cp, 2)}'`;
    } else run += ch;
  }
  flush();
  return out === '' ? "''" : out;
}
