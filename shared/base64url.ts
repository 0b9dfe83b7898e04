/**
 * Unpadded base64url decoding (RFC 4648 §5, as RFC 7515 requires for JWS segments), written out by hand so
 * it is the same in the renderer and in Node, strict where it must be and able to explain itself: a segment
 * that is padded, uses the standard alphabet, is wrapped at 76 columns (Android `Base64.DEFAULT`) or
 * carries a stray character is *named*, not silently repaired.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** char code → 6-bit value for the url-safe alphabet; -1 elsewhere (`+` and `/` are handled separately). */
const DECODE = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;
const PLUS = 43;
const SLASH = 47;
const EQUALS = 61;

/**
 * Strict decode: unpadded base64url only. Returns null on any other character (padding, `+`, `/`,
 * whitespace) or an impossible length (length % 4 === 1).
 */
export function decodeBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
  if (typeof text !== 'string') return null;
  return decodeChars(text, false);
}

/**
 * Lenient decode, to show what a broken segment *contains*: accepts the standard alphabet, `=` padding
 * at the end and whitespace anywhere. Still null for other characters or an impossible length.
 */
export function decodeBase64Loose(text: string): Uint8Array<ArrayBuffer> | null {
  if (typeof text !== 'string') return null;
  return decodeChars(text, true);
}

function decodeChars(text: string, loose: boolean): Uint8Array<ArrayBuffer> | null {
  const n = text.length;
  // Count data characters first (loose mode skips whitespace and trailing padding).
  let data = 0;
  let padStart = -1;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 128 && DECODE[c]! >= 0) {
      if (padStart >= 0) return null; // data after padding
      data++;
    } else if (loose && (c === PLUS || c === SLASH)) {
      if (padStart >= 0) return null;
      data++;
    } else if (loose && c === EQUALS) {
      if (padStart < 0) padStart = i;
    } else if (loose && (c === 32 || c === 9 || c === 10 || c === 13)) {
      continue;
    } else return null;
  }
  if (data % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((data * 3) / 4));
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    let v: number;
    if (c === PLUS) v = 62;
    else if (c === SLASH) v = 63;
    else if (c < 128 && DECODE[c]! >= 0) v = DECODE[c]!;
    else continue;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

/** Decodes UTF-8 bytes; null when they are not valid UTF-8. */
export function utf8Decode(bytes: Uint8Array): string | null {
  try {
    // One decoder for every call (making one costs more than decoding a segment); without `stream`
    // each decode starts afresh.
    strictUtf8 ??= new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

let strictUtf8: InstanceType<typeof TextDecoder> | undefined;


// ---------------------------------------------------------------------------------------------------------
// Classification: what exactly is wrong with a segment.

export interface IllegalCharacter {
  /** The character itself (one code point). */
  char: string;
  /** 0-based index into the segment. */
  index: number;
  /** Human name: `'"' (double quote)`, `U+200B (zero-width space)`, … */
  name: string;
}

export type Base64UrlIssue =
  | { kind: 'empty' }
  /** `=` at the end (what standard base64 and padded base64url encoders emit). */
  | { kind: 'padding'; count: number; index: number }
  /** `+` or `/`: the standard base64 alphabet was used instead of the url-safe one. */
  | { kind: 'standard-alphabet'; plus: number; slash: number; index: number }
  /** Spaces, tabs or line breaks; `wrapWidth` is the length of the first line when the text is wrapped. */
  | { kind: 'whitespace'; lineBreaks: number; spaces: number; index: number; wrapWidth?: number }
  /** Anything else outside the alphabet, including `=` in the middle. At most 10 listed; `count` has them all. */
  | { kind: 'illegal'; characters: IllegalCharacter[]; count: number }
  /** After removing everything else, length % 4 === 1: no base64 encoder produces that; a character is missing or extra. */
  | { kind: 'length'; dataLength: number };

export type Base64UrlIssueKind = Base64UrlIssue['kind'];

export interface Base64UrlClassification {
  /** True when the segment is non-empty, unpadded base64url. */
  ok: boolean;
  issues: Base64UrlIssue[];
  /** True when `+`, `/` or `=` show that a standard base64 encoder (or a padded one) produced it. */
  standardBase64: boolean;
  /** One sentence for a person: "unpadded base64url" or what is wrong. */
  summary: string;
}

const NAMES: Record<number, string> = {
  0x20: 'space',
  0x09: 'tab',
  0x22: 'double quote',
  0x27: 'single quote',
  0x2e: 'dot',
  0x5c: 'backslash',
  0x2c: 'comma',
  0x3a: 'colon',
  0x7b: 'opening brace',
  0x7d: 'closing brace',
  0x3d: 'equals sign',
  0xa0: 'no-break space',
  0x200b: 'zero-width space',
  0x200c: 'zero-width non-joiner',
  0x200d: 'zero-width joiner',
  0x2060: 'word joiner',
  0xfeff: 'byte-order mark',
  0x2026: 'ellipsis',
  0x2013: 'en dash',
  0x2014: 'em dash',
};

/** Names a character for a message: `'"' (double quote)` or `U+200B (zero-width space)`. */
export function nameCharacter(char: string): string {
  const cp = char.codePointAt(0) ?? 0;
  const known = Object.hasOwn(NAMES, cp) ? NAMES[cp] : undefined;
  const printable = cp > 0x20 && cp !== 0x7f && !(cp >= 0x80 && cp <= 0xa0) && !(cp >= 0x2000 && cp <= 0x200f) && cp !== 0xfeff;
  const code = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  if (printable) return known ? `'${char}' (${known})` : `'${char}'`;
  return known ? `${code} (${known})` : code;
}

/** Says what a segment is: unpadded base64url, or which of padding / `+` `/` / whitespace / other characters / empty. */
export function classifyBase64Url(segment: string): Base64UrlClassification {
  if (typeof segment !== 'string' || segment.length === 0) {
    return { ok: false, issues: [{ kind: 'empty' }], standardBase64: false, summary: 'empty' };
  }
  const n = segment.length;
  // Trailing padding: `=` (possibly followed by whitespace) at the very end.
  let tail = n;
  while (tail > 0 && isSpace(segment.charCodeAt(tail - 1))) tail--;
  let padFrom = tail;
  while (padFrom > 0 && segment.charCodeAt(padFrom - 1) === EQUALS) padFrom--;
  const padCount = tail - padFrom;

  let data = 0;
  let plus = 0;
  let slash = 0;
  let firstStd = -1;
  let lineBreaks = 0;
  let spaces = 0;
  let firstSpace = -1;
  let firstLineEnd = -1;
  let illegalCount = 0;
  const illegal: IllegalCharacter[] = [];
  for (let i = 0; i < n; i++) {
    const c = segment.charCodeAt(i);
    if (c < 128 && DECODE[c]! >= 0) {
      data++;
      continue;
    }
    if (c === PLUS || c === SLASH) {
      data++;
      if (c === PLUS) plus++;
      else slash++;
      if (firstStd < 0) firstStd = i;
      continue;
    }
    if (c === EQUALS && i >= padFrom && i < tail) continue;
    if (c === 10 || c === 13) {
      if (firstLineEnd < 0) firstLineEnd = i;
      if (firstSpace < 0) firstSpace = i;
      if (c === 13 && segment.charCodeAt(i + 1) === 10) i++;
      lineBreaks++;
      continue;
    }
    if (c === 32 || c === 9) {
      spaces++;
      if (firstSpace < 0) firstSpace = i;
      continue;
    }
    illegalCount++;
    if (illegal.length < 10) {
      const cp = segment.codePointAt(i) ?? c;
      const char = String.fromCodePoint(cp);
      illegal.push({ char, index: i, name: nameCharacter(char) });
    }
    if (c >= 0xd800 && c <= 0xdbff) i++; // skip the low surrogate of an astral character
  }

  const issues: Base64UrlIssue[] = [];
  if (padCount > 0) issues.push({ kind: 'padding', count: padCount, index: padFrom });
  if (plus + slash > 0) issues.push({ kind: 'standard-alphabet', plus, slash, index: firstStd });
  if (lineBreaks + spaces > 0) {
    const ws: Base64UrlIssue = { kind: 'whitespace', lineBreaks, spaces, index: firstSpace };
    if (lineBreaks > 0 && firstLineEnd > 0) ws.wrapWidth = firstLineEnd;
    issues.push(ws);
  }
  if (illegalCount > 0) issues.push({ kind: 'illegal', characters: illegal, count: illegalCount });
  if (data === 0 && illegalCount === 0) issues.unshift({ kind: 'empty' });
  else if (data % 4 === 1) issues.push({ kind: 'length', dataLength: data });

  const ok = issues.length === 0;
  const standardBase64 = plus + slash > 0 || padCount > 0;
  return { ok, issues, standardBase64, summary: ok ? 'unpadded base64url' : issues.map((i) => explainBase64UrlIssue(i)).join('; ') };
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** One sentence about one issue; `name` is the segment's name for the message (`signature`). */
export function explainBase64UrlIssue(issue: Base64UrlIssue, name = 'the segment'): string {
  switch (issue.kind) {
    case 'empty':
      return `${name} is empty`;
    case 'padding':
      return `${name} ends with ${issue.count} '=' padding character${issue.count === 1 ? '' : 's'} (from character ${issue.index + 1}); JWS segments are unpadded base64url`;
    case 'standard-alphabet': {
      const what = [issue.plus ? `${issue.plus} '+'` : '', issue.slash ? `${issue.slash} '/'` : ''].filter(Boolean).join(' and ');
      return `${name} contains ${what} (first at character ${issue.index + 1}): standard base64 was used instead of base64url ('-' and '_')`;
    }
    case 'whitespace': {
      const parts: string[] = [];
      if (issue.lineBreaks) parts.push(`${issue.lineBreaks} line break${issue.lineBreaks === 1 ? '' : 's'}`);
      if (issue.spaces) parts.push(`${issue.spaces} space${issue.spaces === 1 ? '' : 's'} or tab${issue.spaces === 1 ? '' : 's'}`);
      let s = `${name} contains ${parts.join(' and ')} (first at character ${issue.index + 1})`;
      if (issue.wrapWidth === 76) s += ": wrapped every 76 characters, which is what Android's Base64.DEFAULT does";
      else if (issue.wrapWidth === 64) s += ': wrapped every 64 characters, PEM/MIME style';
      else if (issue.wrapWidth) s += `: wrapped after ${issue.wrapWidth} characters`;
      return s;
    }
    case 'illegal': {
      const listed = issue.characters.map((c) => `${c.name} at character ${c.index + 1}`).join(', ');
      const more = issue.count > issue.characters.length ? ` and ${issue.count - issue.characters.length} more` : '';
      return `${name} contains ${issue.count === 1 ? 'a character' : 'characters'} that base64url does not use: ${listed}${more}`;
    }
    case 'length':
      return `${name} has ${issue.dataLength} base64 characters, a length no encoder produces (one character too many or missing: cut off while copying?)`;
  }
}

// Encoding: the inverse of decodeBase64Url, in any runtime (a fully redacted case re-encodes its claims).
/** Encodes bytes as unpadded base64url. */
export function encodeBase64Url(bytes: Uint8Array): string {
  const parts: string[] = [];
  let chunk = '';
  const n = bytes.length;
  let i = 0;
  for (; i + 2 < n; i += 3) {
    const v = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    chunk += ALPHABET[(v >> 18) & 63]! + ALPHABET[(v >> 12) & 63]! + ALPHABET[(v >> 6) & 63]! + ALPHABET[v & 63]!;
    if (chunk.length >= 8192) {
      parts.push(chunk);
      chunk = '';
    }
  }
  if (n - i === 1) {
    const v = bytes[i]! << 16;
    chunk += ALPHABET[(v >> 18) & 63]! + ALPHABET[(v >> 12) & 63]!;
  } else if (n - i === 2) {
    const v = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    chunk += ALPHABET[(v >> 18) & 63]! + ALPHABET[(v >> 12) & 63]! + ALPHABET[(v >> 6) & 63]!;
  }
  parts.push(chunk);
  return parts.join('');
}

/** Encodes a string's UTF-8 bytes as unpadded base64url. */
export function encodeBase64UrlText(text: string): string {
  return encodeBase64Url(new TextEncoder().encode(text));
}
