/**
 * Entries as rows: writing one (a new draft, or the same draft again, updated in place), reading one
 * back whole, and the summary columns a list shows. Texts are redacted before they reach a row.
 */
import { randomUUID } from 'node:crypto';
import type { HistoryEntry, HistoryEntrySummary, HistoryFacts, HistoryKind, HistoryPair, HistoryReopen, HistorySource } from '../../../shared/history';
import { holdsPrivateMaterial, redactPrivateMaterial } from './redact';
import { selectRows, type Database, type Row, type SqlValue } from './sqlite';

/** What a recording brings: the draft it belongs to, its facts, and the texts as pasted. */
export interface NewEntry {
  kind: HistoryKind;
  source: HistorySource;
  /** Entries of the same kind and draft are one entry, updated in place. */
  draftId: string;
  facts: HistoryFacts;
  text: string;
  publicKey?: string | null;
  /** Decoded header and claims (searchable; the base64 hides them). */
  decoded?: string;
  reopen: HistoryReopen;
}

/** The columns of a stored entry, as written. */
interface StoredColumns {
  kind: HistoryKind;
  source: HistorySource;
  profile: string | null;
  merchantId: string | null;
  channel: string | null;
  kid: string | null;
  requestId: string | null;
  status: string | null;
  errorCode: string | null;
  valid: number | null;
  cause: string | null;
  summary: string | null;
  text: string;
  publicKey: string | null;
  publicKeyWithheld: number;
  redacted: number;
  decoded: string;
  reopen: string;
}

const CONTENT_COLUMNS = [
  'kind', 'source', 'profile', 'merchantId', 'channel', 'kid', 'requestId', 'status', 'errorCode', 'valid', 'cause', 'summary',
  'text', 'publicKey', 'publicKeyWithheld', 'redacted', 'decoded', 'reopen',
] as const satisfies ReadonlyArray<keyof StoredColumns>;

export const SUMMARY_COLUMNS = 'id, time, kind, source, profile, merchantId, channel, kid, requestId, status, errorCode, valid, cause, summary, redacted';

/** The row's key: one entry per kind and draft. */
export function draftKey(kind: HistoryKind, draftId: string): string {
  return `${kind}:${draftId}`;
}

/** The columns to store for `entry`, private key material removed (a private key in the public-key box is not stored at all). */
export function storedColumns(entry: NewEntry): StoredColumns {
  const text = redactPrivateMaterial(entry.text);
  const decoded = redactPrivateMaterial(entry.decoded ?? '');
  const pastedKey = entry.publicKey?.trim() ? entry.publicKey : null;
  const withheld = pastedKey !== null && holdsPrivateMaterial(pastedKey);
  const f = entry.facts;
  return {
    kind: entry.kind,
    source: entry.source,
    profile: f.profile,
    merchantId: f.merchantId,
    channel: f.channel,
    kid: f.kid,
    requestId: f.requestId,
    status: f.status,
    errorCode: f.errorCode,
    valid: f.valid === null ? null : f.valid ? 1 : 0,
    cause: f.cause,
    summary: f.summary,
    text: text.text,
    publicKey: withheld ? null : pastedKey,
    publicKeyWithheld: withheld ? 1 : 0,
    redacted: text.redacted || decoded.redacted || withheld ? 1 : 0,
    decoded: decoded.text,
    reopen: JSON.stringify(entry.reopen),
  };
}

/**
 * Writes `entry`: a new row for a new draft, else the draft's row updated in place and moved to `time`.
 * Returns the entry's id, and whether anything changed (recording the same thing twice changes nothing).
 */
export function upsertEntry(db: Database, entry: NewEntry, time: number): { id: string; changed: boolean } {
  const draft = draftKey(entry.kind, entry.draftId);
  const columns = storedColumns(entry);
  const existing = selectRows(db, `SELECT id, ${CONTENT_COLUMNS.join(', ')} FROM entries WHERE draft = ?`, [draft])[0];
  if (existing) {
    const id = String(existing.id);
    if (CONTENT_COLUMNS.every((c) => existing[c] === columns[c])) return { id, changed: false };
    db.run(`UPDATE entries SET time = ?, ${CONTENT_COLUMNS.map((c) => `${c} = ?`).join(', ')} WHERE draft = ?`, [time, ...values(columns), draft]);
    return { id, changed: true };
  }
  const id = randomUUID();
  insertRow(db, { id, draft, time, ...columns });
  return { id, changed: true };
}

/** A whole row, as `readRow` gives it: for copying entries between databases. */
export type StoredRow = StoredColumns & { id: string; draft: string; time: number };

export function insertRow(db: Database, row: StoredRow): void {
  db.run(`INSERT INTO entries (id, draft, time, ${CONTENT_COLUMNS.join(', ')}) VALUES (?, ?, ?, ${CONTENT_COLUMNS.map(() => '?').join(', ')})`, [
    row.id,
    row.draft,
    row.time,
    ...values(row),
  ]);
}

/** Overwrites the content of the row with the same draft; its id stays, as windows may hold it. */
export function replaceRow(db: Database, row: StoredRow): void {
  db.run(`UPDATE entries SET time = ?, ${CONTENT_COLUMNS.map((c) => `${c} = ?`).join(', ')} WHERE draft = ?`, [row.time, ...values(row), row.draft]);
}

export function allRows(db: Database): StoredRow[] {
  return selectRows(db, `SELECT id, draft, time, ${CONTENT_COLUMNS.join(', ')} FROM entries`) as unknown as StoredRow[];
}

function values(columns: StoredColumns): SqlValue[] {
  return CONTENT_COLUMNS.map((c) => columns[c]);
}

export function readEntry(db: Database, id: string): HistoryEntry | null {
  const row = selectRows(db, `SELECT ${SUMMARY_COLUMNS}, draft, text, publicKey, publicKeyWithheld, reopen FROM entries WHERE id = ?`, [id])[0];
  if (!row) return null;
  const kind = row.kind as HistoryKind;
  return {
    ...summaryOf(row, pairOf(db, kind, row.requestId as string | null)),
    text: String(row.text),
    publicKey: (row.publicKey as string | null) ?? null,
    publicKeyWithheld: row.publicKeyWithheld === 1,
    draftId: String(row.draft).slice(kind.length + 1),
    reopen: JSON.parse(String(row.reopen)) as HistoryReopen,
  };
}

export function summaryOf(row: Row, pair: HistoryPair | null): HistoryEntrySummary {
  const text = (name: string) => (row[name] === null || row[name] === undefined ? null : String(row[name]));
  return {
    id: String(row.id),
    time: Number(row.time),
    kind: row.kind as HistoryKind,
    source: row.source as HistorySource,
    profile: text('profile'),
    merchantId: text('merchantId'),
    channel: text('channel'),
    kid: text('kid'),
    requestId: text('requestId'),
    status: text('status'),
    errorCode: text('errorCode'),
    valid: row.valid === null ? null : row.valid === 1,
    cause: text('cause'),
    summary: text('summary'),
    redacted: row.redacted === 1,
    pair,
  };
}

/** The other half of a pair: for a request, the newest response with its requestId; for a response, the newest request. */
export function pairOf(db: Database, kind: HistoryKind, requestId: string | null): HistoryPair | null {
  if (!requestId) return null;
  const other = kind === 'response' ? "kind IN ('sign', 'inspect')" : "kind = 'response'";
  const row = selectRows(db, `SELECT id, kind, time, status, valid FROM entries WHERE requestId = ? AND ${other} ORDER BY time DESC LIMIT 1`, [requestId])[0];
  if (!row) return null;
  return { id: String(row.id), kind: row.kind as HistoryKind, time: Number(row.time), status: (row.status as string | null) ?? null, valid: row.valid === null ? null : row.valid === 1 };
}

/** Facts a response does not carry (merchantId, channel, kid, profile), taken from its request's newest entry. */
export function inheritRequestFacts(db: Database, facts: HistoryFacts): HistoryFacts {
  if (!facts.requestId) return facts;
  const request = selectRows(db, "SELECT profile, merchantId, channel, kid FROM entries WHERE requestId = ? AND kind IN ('sign', 'inspect') ORDER BY time DESC LIMIT 1", [facts.requestId])[0];
  if (!request) return facts;
  const pick = (own: string | null, name: string) => own ?? ((request[name] as string | null) ?? null);
  return { ...facts, profile: pick(facts.profile, 'profile'), merchantId: pick(facts.merchantId, 'merchantId'), channel: pick(facts.channel, 'channel'), kid: pick(facts.kid, 'kid') };
}
