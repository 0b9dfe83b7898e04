/**
 * Searching the history: newest first, filtered by kind and profile, and by what was typed. Each word
 * typed must match: as a substring of a fact (requestId, merchantId, channel, kid, status, errorCode,
 * profile, cause: schema.ts FACT_COLUMNS), or as the start of a word anywhere in the texts (FTS4).
 */
import type { HistoryKind, HistoryPage, HistoryQuery } from '../../../shared/history';
import { pairOf, SUMMARY_COLUMNS, summaryOf } from './entries';
import { selectRows, selectValue, type Database, type SqlValue } from './sqlite';

export const DEFAULT_PAGE = 200;
const MAX_TERMS = 12;

interface Where {
  sql: string;
  params: SqlValue[];
}

/** One page of entries matching `query`, with the total count and every profile there is. */
export function listEntries(db: Database, query: HistoryQuery): Omit<HistoryPage, 'status'> {
  const where = whereOf(query);
  const limit = query.limit ?? DEFAULT_PAGE;
  const offset = query.offset ?? 0;
  const rows = selectRows(db, `SELECT ${SUMMARY_COLUMNS} FROM entries ${where.sql} ORDER BY time DESC, rowid DESC LIMIT ? OFFSET ?`, [...where.params, limit, offset]);
  const total = Number(selectValue(db, `SELECT count(*) FROM entries ${where.sql}`, where.params));
  const profiles = selectRows(db, 'SELECT DISTINCT profile FROM entries WHERE profile IS NOT NULL ORDER BY profile').map((r) => String(r.profile));
  return {
    entries: rows.map((row) => summaryOf(row, pairOf(db, row.kind as HistoryKind, (row.requestId as string | null) ?? null))),
    total,
    offset,
    profiles,
  };
}

function whereOf(query: HistoryQuery): Where {
  const clauses: string[] = [];
  const params: SqlValue[] = [];
  if (query.kind) {
    clauses.push('kind = ?');
    params.push(query.kind);
  }
  if (query.profile === null) clauses.push('profile IS NULL');
  else if (query.profile !== undefined) {
    clauses.push('profile = ?');
    params.push(query.profile);
  }
  for (const term of searchTerms(query.query ?? '')) {
    const alternatives = ["rowid IN (SELECT rowid FROM entries_facts WHERE facts LIKE ? ESCAPE '\\')"];
    params.push(`%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    const match = ftsPhrase(term);
    if (match) {
      alternatives.push('rowid IN (SELECT docid FROM entries_text WHERE entries_text MATCH ?)');
      params.push(match);
    }
    clauses.push(`(${alternatives.join(' OR ')})`);
  }
  return { sql: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/** The words typed, at most MAX_TERMS of them. */
export function searchTerms(query: string): string[] {
  return query.trim().split(/\s+/).filter(Boolean).slice(0, MAX_TERMS);
}

/**
 * A typed word as an FTS4 phrase whose last token may be unfinished: `9b2f4c1e-8a` → `"9b2f4c1e 8a*"`.
 * Only letters and digits reach the index's query parser, so nothing typed is FTS syntax. Null when the
 * word has neither.
 */
export function ftsPhrase(term: string): string | null {
  const tokens = term.match(/[\p{L}\p{N}]+/gu);
  if (!tokens) return null;
  return `"${tokens.join(' ')}*"`;
}
