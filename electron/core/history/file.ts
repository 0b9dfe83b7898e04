/**
 * The history on disk: `history.sqlite` in the data directory, 0600 in a 0700 folder, written
 * atomically. Where the key vault is encrypted, the file is the SQLite bytes sealed as one blob by the
 * vault's own cipher, behind a one-line header naming the cipher's mode; otherwise plain SQLite.
 * A file that does not read as either is a HistoryDamage: it is moved aside, never written over.
 */
import { promises as fs } from 'node:fs';
import { InspectorError } from '../../../shared/result';
import { sweepTempFiles, writeFileAtomic } from '../atomic-file';
import type { VaultCipher } from '../cipher';
import { processAlive, withFileLock } from '../file-lock';
import { HistoryDamage } from './damage';

export const HISTORY_FILE_NAME = 'history.sqlite';

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const SEALED_PREFIX = 'upi-inspector-history/1 ';
const MAX_HEADER = 64;

/** How the file is kept: plain SQLite, or sealed by the vault's cipher. */
export type Protection = { kind: 'plain' } | { kind: 'sealed'; cipher: VaultCipher };

export class HistoryFile {
  /** size:mtime:inode of the file as last read or written here, to notice another process writing it. */
  private seen: string | null = null;

  constructor(readonly path: string) {}

  /** The SQLite bytes, or null when there is no file (or an empty one). HistoryDamage when unreadable. */
  async read(protection: Protection): Promise<Uint8Array | null> {
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(this.path);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') {
        this.seen = null;
        return null;
      }
      throw new HistoryDamage(`it cannot be read (${code ?? 'read error'})`);
    }
    this.seen = await this.fingerprint();
    if (bytes.length === 0) return null;
    if (bytes.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC)) return bytes;
    const newline = bytes.indexOf(0x0a);
    const header = newline > 0 && newline <= MAX_HEADER ? bytes.subarray(0, newline).toString('latin1') : '';
    if (!header.startsWith(SEALED_PREFIX)) throw new HistoryDamage('it is neither a SQLite database nor an encrypted UPI Inspector history');
    const mode = header.slice(SEALED_PREFIX.length);
    if (protection.kind === 'plain') throw new HistoryDamage(`it is encrypted (${describeMode(mode)}), and this key vault keeps nothing encrypted`, true);
    if (mode !== protection.cipher.mode) {
      throw new HistoryDamage(`it was encrypted with ${describeMode(mode)}, and this key vault uses ${describeMode(protection.cipher.mode)}`, true);
    }
    try {
      return await protection.cipher.decrypt(bytes.subarray(newline + 1));
    } catch (e) {
      if (e instanceof InspectorError && e.code === 'wrong_passphrase') throw new HistoryDamage("the key vault's passphrase does not decrypt it (it was written under another passphrase, or altered)", false, true);
      throw new HistoryDamage(`its encrypted data cannot be decrypted (${e instanceof Error ? e.message : String(e)})`);
    }
  }

  async write(sqlite: Uint8Array, protection: Protection): Promise<void> {
    const data =
      protection.kind === 'plain'
        ? Buffer.from(sqlite.buffer, sqlite.byteOffset, sqlite.byteLength)
        : Buffer.concat([Buffer.from(`${SEALED_PREFIX}${protection.cipher.mode}\n`, 'latin1'), await protection.cipher.encrypt(Buffer.from(sqlite))]);
    try {
      await writeFileAtomic(this.path, data);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? 'write error';
      throw new InspectorError('history_write_failed', `Could not save the history ${this.path} (${code}); the entries are kept in memory and saved at the next change.`, {
        fix: "Check the folder's permissions and free space.",
      });
    }
    this.seen = await this.fingerprint();
  }

  /**
   * Runs `run` holding the file's cross-process lock (other processes' saves queue behind it), after
   * sweeping the temp files of writers killed mid-save.
   */
  async locked(run: () => Promise<void>): Promise<void> {
    try {
      await withFileLock(this.path, async () => {
        await sweepTempFiles(this.path, processAlive);
        await run();
      });
    } catch (e) {
      if (e instanceof InspectorError) throw e;
      const code = (e as NodeJS.ErrnoException).code ?? 'lock error';
      throw new InspectorError('history_write_failed', `Could not lock the history ${this.path} for writing (${code}); the entries are kept in memory and saved at the next change.`);
    }
  }

  /** True when the file is not the one last read or written here (another window or the CLI wrote it). */
  async changedOnDisk(): Promise<boolean> {
    return (await this.fingerprint()) !== this.seen;
  }

  /** Renames the file to `history.sqlite.damaged-<time>` (never over an existing file) and returns the new path. */
  async moveAside(now: number): Promise<string> {
    const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
    for (let n = 0; ; n++) {
      const target = `${this.path}.damaged-${stamp}${n === 0 ? '' : `-${n}`}`;
      const taken = await fs.stat(target).then(
        () => true,
        () => false,
      );
      if (taken) continue;
      await fs.rename(this.path, target);
      this.seen = null;
      return target;
    }
  }

  private async fingerprint(): Promise<string | null> {
    try {
      const stat = await fs.stat(this.path);
      return `${stat.size}:${stat.mtimeMs}:${stat.ino}`;
    } catch {
      return null;
    }
  }
}

function describeMode(mode: string): string {
  if (mode === 'safeStorage') return "the OS keychain (the desktop app's safeStorage)";
  if (mode === 'passphrase') return 'a passphrase';
  return `"${mode}"`;
}
