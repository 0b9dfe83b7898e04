/**
 * The history: one SQLite database in memory (sql.js), written to `history.sqlite` shortly after each
 * change. Where the key vault is encrypted the file is sealed with the vault's cipher and cannot be read
 * while the vault is locked: entries recorded meanwhile wait in a database of their own and join the
 * file's at unlock. A damaged file is moved aside, reported by name, and a new history started.
 */
import { join } from 'node:path';
import type { HistoryEntry, HistoryEntrySummary, HistoryPage, HistoryQuery, HistorySettings, HistoryStatus } from '../../../shared/history';
import { InspectorError } from '../../../shared/result';
import type { VaultCipher } from '../cipher';
import type { Vault } from '../vault/vault';
import { HistoryDamage } from './damage';
import { lockedMessage, notFound, reencryptedElsewhere, setAside } from './notices';
import { inheritRequestFacts, pairOf, readEntry, summaryOf, SUMMARY_COLUMNS, upsertEntry, type NewEntry } from './entries';
import { HISTORY_FILE_NAME, HistoryFile, type Protection } from './file';
import { mergeEntries } from './merge';
import { applyRetention, readSettings, writeSettings } from './retention';
import { listEntries } from './search';
import { migrate } from './schema';
import { loadSqlite, selectRows, selectValue, type Database } from './sqlite';

export interface HistoryOptions {
  /** Null: the history lives in memory only. */
  dataDir: string | null;
  vault: Vault;
  now: () => number;
  fileName?: string;
  /** How long after a change the file is written; changes meanwhile are written together. */
  saveDelayMs?: number;
}

export class HistoryStore {
  private db: Database | null = null;
  /** The database holds the file's entries (false while locked: only what was recorded since). */
  private attached: boolean;
  /** Set when the file could not be moved aside: nothing is written, so nothing is written over. */
  private readOnlyFile = false;
  private notice: string | undefined;
  private dirty = false;
  /** Entries were deleted since the last save: their words leave the search index before it is written. */
  private purge = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly deletedIds = new Set<string>();
  private clearedAt: number | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  /** While the vault's passphrase changes: the cipher the file is still sealed with. */
  private resealing: VaultCipher | null = null;
  private readonly file: HistoryFile | null;

  constructor(private readonly options: HistoryOptions) {
    this.file = options.dataDir === null ? null : new HistoryFile(join(options.dataDir, options.fileName ?? HISTORY_FILE_NAME));
    this.attached = this.file === null;
    // Entries recorded while the vault was locked are written as soon as it opens.
    options.vault.onUnlock(() => {
      void this.exclusive(async () => {
        if (this.db) await this.ready();
      }).catch(() => undefined);
    });
    options.vault.onLock(() => this.detach());
    options.vault.onReseal((previous, next) => this.reseal(previous, next));
  }

  get path(): string | null {
    return this.file?.path ?? null;
  }

  async record(entry: NewEntry): Promise<HistoryEntrySummary> {
    return this.exclusive(async () => {
      const db = await this.ready();
      const withFacts = entry.kind === 'response' ? { ...entry, facts: inheritRequestFacts(db, entry.facts) } : entry;
      const { id, changed } = upsertEntry(db, withFacts, this.options.now());
      if (changed) {
        this.retain(db);
        this.changed();
      }
      const row = selectRows(db, `SELECT ${SUMMARY_COLUMNS} FROM entries WHERE id = ?`, [id])[0]!;
      return summaryOf(row, pairOf(db, entry.kind, withFacts.facts.requestId));
    });
  }

  async list(query: HistoryQuery): Promise<HistoryPage> {
    return this.exclusive(async () => {
      const db = await this.ready();
      await this.syncFromDisk();
      if (this.retain(db) > 0) this.changed();
      return { ...listEntries(db, query), status: this.status() };
    });
  }

  async get(id: string): Promise<HistoryEntry> {
    return this.exclusive(async () => {
      const entry = readEntry(await this.ready(), id);
      if (!entry) throw notFound(id);
      return entry;
    });
  }

  async delete(id: string): Promise<{ id: string }> {
    return this.exclusive(async () => {
      const db = await this.writable();
      db.run('DELETE FROM entries WHERE id = ?', [id]);
      if (db.getRowsModified() === 0) throw notFound(id);
      this.deletedIds.add(id);
      this.purge = true;
      this.changed();
      return { id };
    });
  }

  async clear(): Promise<{ deleted: number }> {
    return this.exclusive(async () => {
      const db = await this.writable();
      const deleted = Number(selectValue(db, 'SELECT count(*) FROM entries'));
      db.run('DELETE FROM entries');
      this.clearedAt = this.options.now();
      this.purge = true;
      this.changed();
      return { deleted };
    });
  }

  /** Reads the retention, or changes it (and applies it at once) when `change` has a member. */
  async settings(change: Partial<HistorySettings> = {}): Promise<{ settings: HistorySettings; status: HistoryStatus }> {
    return this.exclusive(async () => {
      const changing = change.keepNewest !== undefined || change.keepDays !== undefined;
      const db = changing ? await this.writable() : await this.ready();
      const settings = changing ? writeSettings(db, change) : readSettings(db);
      if (changing) {
        this.retain(db);
        this.changed();
      }
      return { settings, status: this.status() };
    });
  }

  /** Writes pending changes now (the CLI before it exits, a host before it stops). */
  async flush(): Promise<void> {
    return this.exclusive(() => this.save());
  }

  status(): HistoryStatus {
    const storage = this.file === null ? 'memory' : this.options.vault.mode === 'session' ? 'file' : 'encrypted';
    const locked = !this.attached && this.protection() === null;
    const pending = locked && this.db ? Number(selectValue(this.db, 'SELECT count(*) FROM entries')) : 0;
    const message = this.notice ?? (locked ? lockedMessage(this.path, this.options.vault) : undefined);
    return { storage, path: this.path, locked, pending, ...(message ? { message } : {}) };
  }

  // ------------------------------------------------------------------------------------------------

  /** The database to work on: the file's once it can be read, else the one holding what waits for unlock. */
  private async ready(): Promise<Database> {
    if (!this.db) {
      const SQL = await loadSqlite();
      this.db = new SQL.Database();
      migrate(this.db);
    }
    if (!this.attached) {
      const protection = this.protection();
      if (protection) await this.attach(protection);
    }
    return this.db;
  }

  private async writable(): Promise<Database> {
    const db = await this.ready();
    if (!this.attached) throw new InspectorError('history_locked', lockedMessage(this.path, this.options.vault));
    return db;
  }

  /** Plain SQLite beside a session vault; sealed by the vault's cipher otherwise; null while that cipher is locked away. */
  private protection(): Protection | null {
    if (this.options.vault.mode === 'session') return { kind: 'plain' };
    const cipher = this.resealing ?? this.options.vault.atRestCipher();
    return cipher ? { kind: 'sealed', cipher } : null;
  }

  /** Opens the file's database and brings in what was recorded while it was locked. */
  private async attach(protection: Protection): Promise<void> {
    const fromFile = await this.readFile(protection);
    const waiting = this.db!;
    const recordedWhileLocked = mergeEntries(waiting, fromFile);
    waiting.close();
    this.db = fromFile;
    this.attached = true;
    if (recordedWhileLocked > 0 || this.retain(fromFile) > 0) this.changed();
  }

  /** The file's database; a new one when there is no file, or when a damaged one had to be moved aside. */
  private async readFile(protection: Protection, whileOpen = false): Promise<Database> {
    const SQL = await loadSqlite();
    try {
      const bytes = await this.file!.read(protection);
      const db = new SQL.Database(bytes ?? undefined);
      try {
        migrate(db);
      } catch (e) {
        db.close();
        throw e;
      }
      return db;
    } catch (e) {
      if (!(e instanceof HistoryDamage)) throw e;
      // Re-encrypted by another process (its passphrase changed) while open here: left alone until the next unlock.
      const handled = whileOpen && e.wrongPassphrase ? reencryptedElsewhere(this.file!.path) : await setAside(this.file!, e, this.options.now());
      this.notice = handled.notice;
      this.readOnlyFile = handled.readOnly;
      const fresh = new SQL.Database();
      migrate(fresh);
      this.dirty = !this.readOnlyFile;
      return fresh;
    }
  }

  /** Another process (the CLI's --save, another window) wrote the file: bring its entries in before ours are written. */
  private async syncFromDisk(): Promise<void> {
    if (!this.file || !this.attached || this.readOnlyFile || !(await this.file.changedOnDisk())) return;
    const protection = this.protection();
    if (!protection) return;
    const theirs = await this.readFile(protection, true);
    try {
      if (mergeEntries(theirs, this.db!, { deletedIds: this.deletedIds, clearedAt: this.clearedAt }) > 0) {
        this.retain(this.db!);
        this.dirty = true;
      }
    } finally {
      theirs.close();
    }
  }

  private retain(db: Database): number {
    const removed = applyRetention(db, readSettings(db), this.options.now());
    if (removed > 0) this.purge = true;
    return removed;
  }

  private changed(): void {
    this.dirty = true;
    if (!this.file || !this.attached || this.readOnlyFile) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush().catch(() => undefined), this.options.saveDelayMs ?? 300);
    this.timer.unref?.();
  }

  private async save(): Promise<void> {
    clearTimeout(this.timer);
    if (!this.file || !this.attached || this.readOnlyFile || !this.dirty) return;
    await this.file.locked(() => this.writeLocked(this.protection()!));
  }

  /**
   * Holding the file's lock: what other processes wrote is merged in, then the whole database is written
   * (sealed by `sealWith`) in one atomic write. Concurrent savers queue instead of overwriting each other.
   */
  private async writeLocked(sealWith: Protection): Promise<void> {
    await this.syncFromDisk();
    if (this.readOnlyFile) return;
    const db = this.db!;
    if (this.purge) db.run("INSERT INTO entries_text (entries_text) VALUES ('optimize')");
    const bytes = db.export();
    // export() reopens the connection, which forgets per-connection settings.
    db.run('PRAGMA secure_delete = ON');
    this.dirty = false;
    this.purge = false;
    try {
      await this.file!.write(bytes, sealWith);
      if (this.notice?.startsWith('Could not save')) this.notice = undefined;
    } catch (e) {
      this.dirty = true;
      if (e instanceof InspectorError) this.notice = `${e.message} ${e.fix ?? ''}`.trim();
      throw e;
    }
  }

  /** The vault locks: what is pending is written while its cipher is there, then the decrypted database leaves memory. */
  private async detach(): Promise<void> {
    await this.exclusive(async () => {
      if (!this.file || this.protection()?.kind !== 'sealed') return;
      await this.save().catch(() => undefined);
      this.db?.close();
      this.db = null;
      this.attached = false;
      // A file left alone as unreadable is tried again at the next unlock.
      this.readOnlyFile = false;
      this.notice = undefined;
    });
  }

  /** The vault's passphrase changes (its file lock held): the file is read with the old cipher and written whole with the new. */
  private async reseal(previous: VaultCipher, next: VaultCipher): Promise<void> {
    await this.exclusive(async () => {
      if (!this.file || this.options.vault.mode === 'session') return;
      this.resealing = previous;
      try {
        await this.ready();
        if (this.readOnlyFile) return;
        this.dirty = true;
        await this.file.locked(() => this.writeLocked({ kind: 'sealed', cipher: next }));
      } finally {
        this.resealing = null;
      }
    });
  }

  /** One operation at a time: sql.js is synchronous, but opening, merging and saving are not. */
  private exclusive<T>(operation: () => Promise<T>): Promise<T> {
    const run = this.queue.then(operation, operation);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
