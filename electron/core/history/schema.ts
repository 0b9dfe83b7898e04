/**
 * The history database's tables, and the migrations that bring an older file up to date. The version
 * is SQLite's `user_version`; a file from a newer UPI Inspector is not read (nor written over).
 *
 * Search: the short facts (requestId, merchantId, kid, status, errorCode …) are matched as substrings in
 * a narrow table of their own, and the long texts through an FTS4 index (the sql.js build has FTS4, not
 * FTS5). Triggers keep both in step with `entries`, as SQLite's "external content" tables are.
 */
import { HistoryDamage } from './damage';
import { selectValue, type Database } from './sqlite';

export const SCHEMA_VERSION = 1;

/** The facts a search matches as substrings, in one text; char(31) keeps a match inside one fact. */
export const FACT_COLUMNS = ['requestId', 'merchantId', 'channel', 'kid', 'status', 'errorCode', 'profile', 'cause'] as const;
const FACTS = (row: string) => `concat_ws(char(31), ${FACT_COLUMNS.map((c) => `${row}.${c}`).join(', ')})`;

const V1 = `
CREATE TABLE entries (
  rowid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  -- Later recordings of the same draft (a window's paste, a signed requestId) update this entry.
  draft TEXT NOT NULL UNIQUE,
  time INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('sign', 'inspect', 'response')),
  source TEXT NOT NULL CHECK (source IN ('window', 'cli')),
  profile TEXT,
  merchantId TEXT,
  channel TEXT,
  kid TEXT,
  requestId TEXT,
  status TEXT,
  errorCode TEXT,
  valid INTEGER CHECK (valid IN (0, 1)),
  cause TEXT,
  summary TEXT,
  -- As pasted, with private key material removed.
  text TEXT NOT NULL,
  publicKey TEXT,
  publicKeyWithheld INTEGER NOT NULL DEFAULT 0,
  redacted INTEGER NOT NULL DEFAULT 0,
  -- Decoded header and claims, so what the base64 hides can be searched.
  decoded TEXT NOT NULL DEFAULT '',
  -- JSON: what reopening needs besides the text (reference time, Compose's fields).
  reopen TEXT NOT NULL
);
CREATE INDEX entries_time ON entries (time DESC);
CREATE INDEX entries_kind_time ON entries (kind, time DESC);
CREATE INDEX entries_profile_time ON entries (profile, time DESC);
CREATE INDEX entries_request ON entries (requestId, time DESC);
CREATE INDEX entries_merchant ON entries (merchantId);
CREATE INDEX entries_kid ON entries (kid);
CREATE INDEX entries_status ON entries (status, errorCode);

CREATE VIRTUAL TABLE entries_text USING fts4 (content="entries", text, decoded, summary, tokenize=unicode61);
CREATE TRIGGER entries_text_bu BEFORE UPDATE ON entries BEGIN DELETE FROM entries_text WHERE docid = old.rowid; END;
CREATE TRIGGER entries_text_bd BEFORE DELETE ON entries BEGIN DELETE FROM entries_text WHERE docid = old.rowid; END;
CREATE TRIGGER entries_text_au AFTER UPDATE ON entries BEGIN
  INSERT INTO entries_text (docid, text, decoded, summary) VALUES (new.rowid, new.text, new.decoded, new.summary);
END;
CREATE TRIGGER entries_text_ai AFTER INSERT ON entries BEGIN
  INSERT INTO entries_text (docid, text, decoded, summary) VALUES (new.rowid, new.text, new.decoded, new.summary);
END;

-- The short facts of each entry in one narrow row, so a substring search reads kilobytes, not the texts.
CREATE TABLE entries_facts (rowid INTEGER PRIMARY KEY, facts TEXT NOT NULL);
CREATE TRIGGER entries_facts_ai AFTER INSERT ON entries BEGIN
  INSERT INTO entries_facts (rowid, facts) VALUES (new.rowid, ${FACTS('new')});
END;
CREATE TRIGGER entries_facts_au AFTER UPDATE ON entries BEGIN
  UPDATE entries_facts SET facts = ${FACTS('new')} WHERE rowid = new.rowid;
END;
CREATE TRIGGER entries_facts_ad AFTER DELETE ON entries BEGIN DELETE FROM entries_facts WHERE rowid = old.rowid; END;

CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`;

/** Migration n takes a database at version n-1 to version n. */
const MIGRATIONS: readonly string[] = [V1];

/**
 * Brings `db` to SCHEMA_VERSION, creating the tables in a new one. A file that is not a SQLite
 * database, or from a newer UPI Inspector, is a HistoryDamage.
 */
export function migrate(db: Database): void {
  let version: number;
  try {
    version = Number(selectValue(db, 'PRAGMA user_version'));
    // Reading the schema is what notices a file that is not a database at all.
    selectValue(db, 'SELECT count(*) FROM sqlite_master');
  } catch (e) {
    throw new HistoryDamage(`it is not a SQLite database (${describeSqliteError(e)})`);
  }
  if (version > SCHEMA_VERSION) {
    throw new HistoryDamage(`it was written by a newer UPI Inspector (schema ${version}; this one reads up to ${SCHEMA_VERSION})`, true);
  }
  for (let next = version + 1; next <= SCHEMA_VERSION; next++) {
    db.exec(`BEGIN; ${MIGRATIONS[next - 1]} PRAGMA user_version = ${next}; COMMIT;`);
  }
  if (version > 0) assertTables(db);
  // Deleted entries leave no readable bytes behind in the file (responses hold customers' data).
  db.run('PRAGMA secure_delete = ON');
}

/** A file with our version number but without our tables was not written by us. */
function assertTables(db: Database): void {
  const tables = Number(selectValue(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('entries', 'entries_facts', 'settings')"));
  if (tables !== 3) throw new HistoryDamage('it is a SQLite database without the history tables');
  try {
    selectValue(db, 'SELECT count(*) FROM entries_text');
  } catch (e) {
    throw new HistoryDamage(`its search index cannot be read (${describeSqliteError(e)})`);
  }
}

export function describeSqliteError(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  return message.split('\n')[0]!.replace(/\.$/, '');
}
