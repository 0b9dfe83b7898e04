import { describe, expect, it } from 'vitest';
import { HistoryDamage } from './damage';
import { migrate, SCHEMA_VERSION } from './schema';
import { loadSqlite, selectRows, selectValue } from './sqlite';

function damageOf(attempt: () => unknown): { detail: string; foreign: boolean } {
  try {
    attempt();
  } catch (e) {
    if (e instanceof HistoryDamage) return { detail: e.detail, foreign: e.foreign };
    throw e;
  }
  throw new Error('expected a HistoryDamage');
}

describe('the history schema', () => {
  it('a new database gets the tables, the search index and the current version', async () => {
    const SQL = await loadSqlite();
    const db = new SQL.Database();
    migrate(db);
    expect(Number(selectValue(db, 'PRAGMA user_version'))).toBe(SCHEMA_VERSION);
    const names = selectRows(db, "SELECT name FROM sqlite_master WHERE type IN ('table', 'index', 'trigger') ORDER BY name").map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(['entries', 'entries_text', 'settings', 'entries_time', 'entries_request', 'entries_text_ai']));
  });

  it('a database of this version opens again with its rows, and migrating twice changes nothing', async () => {
    const SQL = await loadSqlite();
    const db = new SQL.Database();
    migrate(db);
    db.run("INSERT INTO settings (key, value) VALUES ('keepNewest', '5')");
    const reopened = new SQL.Database(db.export());
    migrate(reopened);
    migrate(reopened);
    expect(selectRows(reopened, 'SELECT key, value FROM settings')).toEqual([{ key: 'keepNewest', value: '5' }]);
  });

  it('refuses, as damage, a file from a newer UPI Inspector, bytes that are not SQLite, and a database of someone else', async () => {
    const SQL = await loadSqlite();
    const newer = new SQL.Database();
    newer.run(`PRAGMA user_version = ${SCHEMA_VERSION + 1}`);
    // Sound, but not ours to read: left where it is (foreign), not moved aside.
    expect(damageOf(() => migrate(newer))).toEqual({ detail: `it was written by a newer UPI Inspector (schema ${SCHEMA_VERSION + 1}; this one reads up to ${SCHEMA_VERSION})`, foreign: true });

    const garbage = new SQL.Database(new Uint8Array(Buffer.from('SQLite format 3\0'.padEnd(4096, 'x'))));
    expect(damageOf(() => migrate(garbage))).toEqual({ detail: expect.stringMatching(/^it is not a SQLite database \(.+\)$/), foreign: false });

    const foreign = new SQL.Database();
    foreign.run('CREATE TABLE notes (body TEXT); PRAGMA user_version = 1');
    expect(damageOf(() => migrate(foreign))).toEqual({ detail: 'it is a SQLite database without the history tables', foreign: false });
  });
});
