/**
 * Strings that break naive code generators: the known troublemakers (quotes, backslashes, `$`, backticks,
 * escape look-alikes such as a literal \u0022, control characters, Unicode beyond the BMP) plus a few
 * hundred generated ones (fixed seeds, so a failure reproduces). Only strings a snippet can carry at all:
 * no NUL, no unpaired surrogate (checkSnippetRequest refuses those).
 */
import fc from 'fast-check';
import { checkSnippetRequest } from '../../../shared/snippets/request';

const portable = (s: string): boolean => {
  try {
    checkSnippetRequest({ requestId: s, service: s, action: s, merchantId: s, merchantCustomerId: s, merchantChannelId: s, timestamp: s, kid: 'k' });
    return true;
  } catch {
    return false;
  }
};

const KNOWN = ['', '"', "'", '\\', '\\u0022', '\\u000a', '\\\\u0022', '$HOME', '${PATH}', '$(id)', '`id`', '%s%n', '*/ //', '\n\r\t\b\f\v\u0001\u001f\u007f', 'ünï ₹ 😀 \u2028\u2029 \ufeff'];

export const AWKWARD_STRINGS: readonly string[] = [
  ...KNOWN,
  ...fc.sample(fc.string({ unit: 'binary', maxLength: 24 }), { numRuns: 250, seed: 11 }),
  ...fc.sample(fc.string({ unit: fc.constantFrom(...'"\'\\$`{}()u0aA \n\t\u0001é😀'.split('')), maxLength: 16 }), { numRuns: 150, seed: 12 }),
].filter(portable);

const hex = (n: number) => n.toString(16);
/** UTF-16 code units in hex, comma-separated: what Java, Kotlin and JavaScript print for a string. */
export const units = (s: string): string => Array.from({ length: s.length }, (_, i) => hex(s.charCodeAt(i))).join(',');
/** Code points in hex, comma-separated: what Python prints. */
export const codePoints = (s: string): string => [...s].map((c) => hex(c.codePointAt(0)!)).join(',');
/** UTF-8 bytes in hex: what bash holds. */
export const utf8Bytes = (s: string): string => Buffer.from(s, 'utf8').toString('hex');
