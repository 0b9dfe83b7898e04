/**
 * SQLite, through sql.js: SQLite compiled to WebAssembly, so the same database code runs in Electron's
 * main process, the browser host and the CLI with no native build. The `-inline` build carries its
 * WebAssembly inside the JavaScript, so the bundled out/main/*.js need no .wasm file beside them. It is
 * a megabyte of script: imported on first use, so a CLI command that keeps no history never loads it.
 */
import type { Database, SqlJsStatic, SqlValue } from 'sql.js';

export type { Database, SqlValue };

let loading: Promise<SqlJsStatic> | undefined;

/** The SQLite module, loaded once per process. */
export function loadSqlite(): Promise<SqlJsStatic> {
  loading ??= import('sql.js/dist/sql-wasm-inline.js').then((m) => m.default());
  return loading;
}

export type Row = Record<string, SqlValue>;

/** Runs a query and returns its rows as objects. Prepared and freed here: `export()` frees open statements. */
export function selectRows(db: Database, sql: string, params: SqlValue[] = []): Row[] {
  const statement = db.prepare(sql);
  try {
    statement.bind(params);
    const rows: Row[] = [];
    while (statement.step()) rows.push(statement.getAsObject());
    return rows;
  } finally {
    statement.free();
  }
}

/** The first column of the first row, or null. */
export function selectValue(db: Database, sql: string, params: SqlValue[] = []): SqlValue {
  const statement = db.prepare(sql);
  try {
    statement.bind(params);
    return statement.step() ? (statement.get()[0] ?? null) : null;
  } finally {
    statement.free();
  }
}

/** Runs `work` in one transaction: all of it or none of it. */
export function transaction<T>(db: Database, work: () => T): T {
  db.run('BEGIN');
  try {
    const result = work();
    db.run('COMMIT');
    return result;
  } catch (e) {
    db.run('ROLLBACK');
    throw e;
  }
}
