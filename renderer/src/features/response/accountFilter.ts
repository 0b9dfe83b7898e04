/**
 * The accounts filter: `field:value` terms (`mpinSet:false`, `otpLength:6`, `bank:hdfc`,
 * `mpinLength:>4`, `-bank:axis`, `bank:"state bank"`), `is:unusual`, and free words that match any
 * column. Terms are ANDed. A name that is not a column is reported, never silently matched as text.
 * Per-column filter boxes use the same value syntax as the part after the colon.
 */
import type { AccountRow } from '../../../../shared/response';
import { ACCOUNT_COLUMNS, columnByName, filterNames, type AccountColumnId, type AccountColumnSpec } from './accountFields';
import { hasUnusualValue } from './unusual';
import { display } from './values';

export type FilterTerm =
  | { kind: 'field'; field: AccountColumnId; value: string; negate: boolean }
  | { kind: 'word'; value: string; negate: boolean }
  | { kind: 'unusual'; negate: boolean };

export interface ParsedFilter {
  terms: FilterTerm[];
  /** What was not understood, in words (an unknown column name…); those terms are left out. */
  problems: string[];
}

interface Token {
  text: string;
  /** Where a quoted part started, so `bank:"a:b"` is not split again. */
  quotedFrom: number;
}

/** Splits on spaces, keeping "quoted parts" (with their spaces) together; quotes are dropped. */
function tokenize(query: string): Token[] {
  const out: Token[] = [];
  let text = '';
  let quotedFrom = -1;
  let inQuote = false;
  let started = false;
  for (const ch of query) {
    if (ch === '"') {
      if (!inQuote && quotedFrom < 0) quotedFrom = text.length;
      inQuote = !inQuote;
      started = true;
    } else if (!inQuote && /\s/.test(ch)) {
      if (started) out.push({ text, quotedFrom });
      text = '';
      quotedFrom = -1;
      started = false;
    } else {
      text += ch;
      started = true;
    }
  }
  if (started) out.push({ text, quotedFrom });
  return out;
}

const NAME = /^([A-Za-z][A-Za-z0-9_]*):/;

/** Reads the filter box. Never throws; an empty box gives no terms. */
export function parseFilter(query: string): ParsedFilter {
  const terms: FilterTerm[] = [];
  const problems: string[] = [];
  for (const token of tokenize(query)) {
    let text = token.text;
    let negate = false;
    // "-bank:axis" and "-axis" exclude; "-1" is a word, the number minus one.
    if (/^-[A-Za-z]/.test(text) || (text.startsWith('-') && token.quotedFrom === 1)) {
      negate = true;
      text = text.slice(1);
    }
    const named = token.quotedFrom === 0 ? null : NAME.exec(text);
    if (!named) {
      if (text !== '') terms.push({ kind: 'word', value: text, negate });
      continue;
    }
    const name = named[1]!;
    const value = text.slice(named[0].length);
    if (name.toLowerCase() === 'is') {
      if (/^(unusual|odd)$/i.test(value)) terms.push({ kind: 'unusual', negate });
      else if (value !== '') problems.push(`“is:${value}” is not a filter: the one “is:” filter is is:unusual. That term is left out.`);
      continue;
    }
    const spec = columnByName(name);
    if (!spec) {
      problems.push(`“${name}” is not a column, so “${token.text}” is left out. Columns: ${filterNames()}.`);
      continue;
    }
    // "bank:" alone is a term still being typed.
    if (value !== '') terms.push(fieldTerm(spec.id, value, negate));
  }
  return { terms, problems };
}

/** A column filter box's value as a term; `!` in front negates, as after a colon. */
export function fieldTerm(field: AccountColumnId, value: string, negate = false): FilterTerm {
  const trimmed = value.trim();
  if (trimmed.startsWith('!')) return { kind: 'field', field, value: trimmed.slice(1).trim(), negate: !negate };
  return { kind: 'field', field, value: trimmed, negate };
}

type Test = (v: unknown) => boolean;

const TRUE_WORDS = new Set(['true', 'yes', 'y']);
const FALSE_WORDS = new Set(['false', 'no', 'n']);

function textOf(v: unknown): string {
  return v === undefined || v === null ? '' : display(v).toLowerCase();
}

function valueTest(spec: AccountColumnSpec, raw: string): Test {
  const lower = raw.toLowerCase();
  const sameText: Test = (v) => textOf(v) === lower;
  switch (spec.kind) {
    case 'boolean':
    case 'topup': {
      const wanted = TRUE_WORDS.has(lower) ? true : FALSE_WORDS.has(lower) ? false : undefined;
      if (wanted !== undefined) return (v) => v === wanted;
      return spec.kind === 'topup' ? (v) => textOf(v).includes(lower) : sameText;
    }
    case 'number': {
      const m = /^(>=|<=|>|<|=)?\s*(-?\d+(?:\.\d+)?)$/.exec(raw.trim());
      if (!m) return sameText;
      const n = Number(m[2]);
      const op = m[1] ?? '=';
      return (v) => {
        if (typeof v !== 'number') return op === '=' && sameText(v);
        return op === '=' ? v === n : op === '>' ? v > n : op === '<' ? v < n : op === '>=' ? v >= n : v <= n;
      };
    }
    default:
      return (v) => textOf(v).includes(lower);
  }
}

function termTest(term: FilterTerm): (row: AccountRow) => boolean {
  if (term.kind === 'unusual') return hasUnusualValue;
  if (term.kind === 'word') {
    const lower = term.value.toLowerCase();
    return (row) => ACCOUNT_COLUMNS.some((c) => textOf(row[c.id]).includes(lower));
  }
  const spec = columnByName(term.field)!;
  const test = valueTest(spec, term.value);
  return (row) => test(row[term.field]);
}

/** One predicate for all terms (ANDed), or null when there is nothing to filter by. */
export function compileFilter(terms: readonly FilterTerm[]): ((row: AccountRow) => boolean) | null {
  if (terms.length === 0) return null;
  const tests = terms.map((t) => {
    const test = termTest(t);
    return t.negate ? (row: AccountRow) => !test(row) : test;
  });
  return (row) => {
    for (let i = 0; i < tests.length; i++) if (!tests[i]!(row)) return false;
    return true;
  };
}
