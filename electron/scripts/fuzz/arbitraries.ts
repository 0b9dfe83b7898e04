/**
 * The fuzzer's inputs: arbitrary text and JSON, and — most of the time — the corpus's real requests,
 * responses and logs with random damage (characters inserted, deleted or replaced at random places,
 * truncation, values swapped for other JSON, wrappers, escaping), which is where readers break.
 */
import fc from 'fast-check';
import type { Corpus } from './corpus';

/** Characters that matter to the readers: JSON punctuation, base64 alphabets, escapes, line breaks. */
const SHARP = '{}[]":,\\ \n\r\t=.-_+/eyJaZ09%\u0000\u2028é😀'.split('');
const sharpText = (maxLength: number) => fc.string({ unit: fc.constantFrom(...SHARP), maxLength });

/** JSON that breaks careless code: own members named like Object.prototype's (String() of it throws), deep arrays. */
const hostileJson = fc.constantFrom<unknown>(
  { toString: true },
  { valueOf: null, toString: 'x' },
  JSON.parse('{"__proto__": {"polluted": 1}, "constructor": {"prototype": 1}}'),
  { hasOwnProperty: 1, length: -1 },
  [[[[[]]]]],
  '\u0000',
  1e308 * 10,
);
const anyJson = fc.oneof({ weight: 4, arbitrary: fc.jsonValue({ maxDepth: 3 }) }, { weight: 1, arbitrary: hostileJson });

const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 12 }), insert: fc.oneof(sharpText(8), fc.string({ maxLength: 8 })) });

/** Applies edits at positions taken modulo the text's length. */
function damage(text: string, edits: Array<{ at: number; remove: number; insert: string }>): string {
  let out = text;
  for (const e of edits) {
    const at = e.at % (out.length + 1);
    out = out.slice(0, at) + e.insert + out.slice(at + e.remove);
  }
  return out;
}

/** A JSON value put in place of a random member of an object (at any depth). */
function replaceSomewhere(value: unknown, path: number, replacement: unknown): unknown {
  if (value === null || typeof value !== 'object') return replacement;
  const keys = Object.keys(value);
  if (keys.length === 0) return replacement;
  const key = keys[path % keys.length]!;
  const copy: Record<string, unknown> = Array.isArray(value) ? ([...value] as unknown as Record<string, unknown>) : { ...(value as Record<string, unknown>) };
  copy[key] = path % 3 === 0 ? replacement : replaceSomewhere(copy[key], Math.floor(path / 3), replacement);
  return copy;
}

const FORMS = ['as-is', 'log', 'escaped', 'truncated', 'doubled', 'wrapped'] as const;

function reshape(text: string, form: (typeof FORMS)[number], n: number): string {
  switch (form) {
    case 'log':
      return `05-01 12:00:01.123 D/HyperSDK( ${n % 99999}): ${text}`;
    case 'escaped':
      return JSON.stringify(text);
    case 'truncated':
      return text.slice(0, n % (text.length + 1));
    case 'doubled':
      return `${text}\n${text}`;
    case 'wrapped':
      return `{"a":${n % 2 ? text : JSON.stringify(text)}}`;
    default:
      return text;
  }
}

/** Texts built from `seeds`: damaged, reshaped, or with a member replaced by arbitrary JSON. */
function fromSeeds(seeds: string[]): fc.Arbitrary<string> {
  const damaged = fc.tuple(fc.constantFrom(...seeds), fc.array(edit, { maxLength: 5 }), fc.constantFrom(...FORMS), fc.nat()).map(([seed, edits, form, n]) => reshape(damage(seed, edits), form, n));
  const replaced = fc.tuple(fc.constantFrom(...seeds.filter((s) => s.trimStart().startsWith('{'))), fc.nat(), anyJson).map(([seed, path, value]) => {
    try {
      return JSON.stringify(replaceSomewhere(JSON.parse(seed), path, value));
    } catch {
      return seed;
    }
  });
  return fc.oneof({ weight: 5, arbitrary: damaged }, { weight: 2, arbitrary: replaced }, { weight: 1, arbitrary: fc.constantFrom(...seeds) });
}

const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.string({ unit: 'grapheme', maxLength: 300 }), sharpText(300), fc.jsonValue({ maxDepth: 5 }).map((v) => JSON.stringify(v)));

export function requestTexts(corpus: Corpus): fc.Arbitrary<string> {
  return fc.oneof({ weight: 1, arbitrary: anyText }, { weight: 4, arbitrary: fromSeeds(corpus.requests) });
}

export function responseTexts(corpus: Corpus): fc.Arbitrary<string> {
  return fc.oneof({ weight: 1, arbitrary: anyText }, { weight: 4, arbitrary: fromSeeds(corpus.responses) });
}

/** Logs: lines from the corpus (requests, responses, pretty-printed blocks), noise and junk, in any order, some damaged. */
export function logTexts(corpus: Corpus): fc.Arbitrary<string> {
  const line = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...corpus.logLines) },
    { weight: 2, arbitrary: fc.constantFrom(...corpus.noise) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...corpus.logLines), fc.array(edit, { maxLength: 3 })).map(([l, edits]) => damage(l, edits)) },
    { weight: 1, arbitrary: anyText },
  );
  return fc.array(line, { maxLength: 24 }).map((lines) => lines.join('\n'));
}
