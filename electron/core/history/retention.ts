/**
 * Retention: keep the newest N entries and/or the entries of the last N days (default: the newest
 * 1,000). The settings live in the database itself, so they are as private as the entries.
 */
import { DEFAULT_HISTORY_SETTINGS, type HistorySettings } from '../../../shared/history';
import { selectRows, type Database } from './sqlite';

const DAY_MS = 24 * 60 * 60 * 1000;

export function readSettings(db: Database): HistorySettings {
  const stored = new Map(selectRows(db, 'SELECT key, value FROM settings').map((r) => [String(r.key), String(r.value)]));
  return { keepNewest: limit(stored.get('keepNewest'), DEFAULT_HISTORY_SETTINGS.keepNewest), keepDays: limit(stored.get('keepDays'), DEFAULT_HISTORY_SETTINGS.keepDays) };
}

/** A stored limit: a positive integer, "none" for no limit; anything else (or nothing) is the default. */
function limit(value: string | undefined, fallback: number | null): number | null {
  if (value === 'none') return null;
  const n = Number(value);
  return value !== undefined && Number.isSafeInteger(n) && n > 0 ? n : fallback;
}

export function writeSettings(db: Database, change: Partial<HistorySettings>): HistorySettings {
  for (const key of ['keepNewest', 'keepDays'] as const) {
    const value = change[key];
    if (value === undefined) continue;
    db.run('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [key, value === null ? 'none' : String(value)]);
  }
  return readSettings(db);
}

/** Deletes what the settings no longer keep; returns how many entries went. */
export function applyRetention(db: Database, settings: HistorySettings, now: number): number {
  let removed = 0;
  if (settings.keepDays !== null) {
    db.run('DELETE FROM entries WHERE time < ?', [now - settings.keepDays * DAY_MS]);
    removed += db.getRowsModified();
  }
  if (settings.keepNewest !== null) {
    db.run('DELETE FROM entries WHERE rowid IN (SELECT rowid FROM entries ORDER BY time DESC, rowid DESC LIMIT -1 OFFSET ?)', [settings.keepNewest]);
    removed += db.getRowsModified();
  }
  return removed;
}
