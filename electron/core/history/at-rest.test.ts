import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { entry, historyIn, PASSPHRASE, passphraseVault } from '../__fixtures__/history';
import { tempDirs } from '../__fixtures__/temp-dirs';
import type { VaultCipher } from '../cipher';
import { openVault } from '../vault/open';
import { HISTORY_FILE_NAME, HistoryFile } from './file';

const newDir = tempDirs('upi-history-rest-');
const MARKER = 'merchant-ticket-text-83d1f0';

describe('encrypted at rest, like the key vault', () => {
  it('the file holds none of what was recorded, and opens only with the vault', async () => {
    const dir = newDir();
    const history = historyIn(dir, await passphraseVault(dir));
    await history.record(entry('response', { requestId: 'r-secret', merchantId: 'stock-secret-merchant' }, `{"note":"${MARKER}"}`));
    await history.flush();
    const raw = readFileSync(join(dir, HISTORY_FILE_NAME));
    expect(raw.subarray(0, raw.indexOf(0x0a)).toString()).toBe('upi-inspector-history/1 passphrase');
    for (const plain of [MARKER, 'r-secret', 'stock-secret-merchant', 'SQLite format 3', 'entries']) expect(raw.includes(plain)).toBe(false);
  });

  it('while the vault is locked: entries wait in memory, the file is not touched, changes are refused; unlocking writes them beside the file’s', async () => {
    const dir = newDir();
    const before = historyIn(dir, await passphraseVault(dir));
    await before.record(entry('inspect', { requestId: 'recorded-before' }));
    await before.flush();
    const fileBefore = readFileSync(join(dir, HISTORY_FILE_NAME));

    const vault = await passphraseVault(dir, false);
    const history = historyIn(dir, vault);
    const waiting = await history.record(entry('inspect', { requestId: 'recorded-while-locked' }, MARKER));
    const page = await history.list({});
    expect(page.entries.map((e) => e.requestId)).toEqual(['recorded-while-locked']);
    expect(page.status).toMatchObject({ locked: true, pending: 1, message: expect.stringMatching(/is encrypted with the key vault, which is locked: .* written when the vault is unlocked/) });
    await history.flush();
    expect(readFileSync(join(dir, HISTORY_FILE_NAME)).equals(fileBefore)).toBe(true);
    await expect(history.delete(waiting.id)).rejects.toMatchObject({ code: 'history_locked' });
    await expect(history.clear()).rejects.toMatchObject({ code: 'history_locked' });
    await expect(history.settings({ keepNewest: 5 })).rejects.toMatchObject({ code: 'history_locked' });

    await vault.unlock(PASSPHRASE);
    await expect.poll(async () => (await historyIn(dir, await passphraseVault(dir)).list({})).total).toBe(2);
    const after = await history.list({});
    expect(after.entries.map((e) => e.requestId)).toEqual(['recorded-while-locked', 'recorded-before']);
    expect(after.status).toMatchObject({ locked: false, pending: 0 });
    expect(after.status.message).toBeUndefined();
    expect(readFileSync(join(dir, HISTORY_FILE_NAME)).includes(MARKER)).toBe(false);
  });
});

describe('a damaged history database', () => {
  const damaged = async (bytes: Buffer | string) => {
    const dir = newDir();
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, HISTORY_FILE_NAME), bytes);
    return dir;
  };

  it.each([
    ['bytes that are no history', Buffer.from('this is not a database at all'), /it is neither a SQLite database nor an encrypted UPI Inspector history/],
    ['a SQLite header over garbage', Buffer.from('SQLite format 3\0'.padEnd(8192, '#')), /it is not a SQLite database/],
    ['a cut-off encrypted file', Buffer.from('upi-inspector-history/1 passphrase\n{"format":"upi-inspector-passphrase-cipher","vers'), /its encrypted data cannot be decrypted/],
  ])('(%s) is moved aside, named in the status, and a new history is started and kept', async (_what, bytes, reason) => {
    const dir = await damaged(bytes);
    const history = historyIn(dir, await passphraseVault(dir));
    const recorded = await history.record(entry('inspect', { requestId: 'after-damage' }));
    const page = await history.list({});
    expect(page.entries.map((e) => e.id)).toEqual([recorded.id]);
    expect(page.status.message).toMatch(new RegExp(`^The history database ${join(dir, HISTORY_FILE_NAME)} was damaged: `));
    expect(page.status.message).toMatch(reason);
    const aside = readdirSync(dir).filter((f) => f.startsWith(`${HISTORY_FILE_NAME}.damaged-`));
    expect(aside).toHaveLength(1);
    expect(page.status.message).toContain(join(dir, aside[0]!));
    expect(readFileSync(join(dir, aside[0]!)).equals(bytes)).toBe(true);

    await history.flush();
    expect((await historyIn(dir, await passphraseVault(dir)).get(recorded.id)).requestId).toBe('after-damage');
  });

  it('a history sealed under another passphrase is moved aside, never written over', async () => {
    const dir = newDir();
    const other = await openVault({ mode: 'passphrase', dataDir: dir, passphrase: 'another passphrase' });
    const first = historyIn(dir, other);
    await first.record(entry('inspect', {}, MARKER));
    await first.flush();
    const sealed = readFileSync(join(dir, HISTORY_FILE_NAME));

    const history = historyIn(dir, await passphraseVault(dir));
    const page = await history.list({});
    expect(page.total).toBe(0);
    expect(page.status.message).toMatch(/was damaged: the key vault's passphrase does not decrypt it .* It was moved aside to /);
    const aside = readdirSync(dir).find((f) => f.startsWith(`${HISTORY_FILE_NAME}.damaged-`))!;
    expect(readFileSync(join(dir, aside)).equals(sealed)).toBe(true);
  });

  it('a history sealed by the OS keychain (the desktop app) is left where it is when a passphrase session opens the folder', async () => {
    const dir = newDir();
    const keychain: VaultCipher = { mode: 'safeStorage', encrypt: async (b) => Buffer.from(b).reverse(), decrypt: async (b) => Buffer.from(b).reverse() };
    await new HistoryFile(join(dir, HISTORY_FILE_NAME)).write(Buffer.from('SQLite format 3\0 stand-in'), { kind: 'sealed', cipher: keychain });
    const sealed = readFileSync(join(dir, HISTORY_FILE_NAME));

    const history = historyIn(dir, await passphraseVault(dir));
    await history.record(entry('inspect', { requestId: 'this-session' }));
    await history.flush();
    const page = await history.list({});
    expect(page.entries.map((e) => e.requestId)).toEqual(['this-session']);
    expect(page.status.message).toMatch(/cannot be read here: it was encrypted with the OS keychain .*, and this key vault uses a passphrase\. It is left as it is/);
    expect(readFileSync(join(dir, HISTORY_FILE_NAME)).equals(sealed)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.includes('damaged'))).toEqual([]);
  });

  it('when it cannot be moved aside, it is left alone and this session keeps its history in memory', async () => {
    const dir = await damaged('not a history');
    // Root may rename anything here, so the refusal a read-only folder would give is made by hand.
    const refuse = vi.spyOn(HistoryFile.prototype, 'moveAside').mockRejectedValue(Object.assign(new Error('read-only'), { code: 'EACCES' }));
    try {
      const history = historyIn(dir, await passphraseVault(dir));
      await history.record(entry('inspect', { requestId: 'in-memory' }));
      await history.flush();
      const page = await history.list({});
      expect(page.entries.map((e) => e.requestId)).toEqual(['in-memory']);
      expect(page.status.message).toMatch(/is damaged: .* could not be moved aside \(EACCES\), so it is left as it is and this session's history is kept in memory only/);
      expect(readFileSync(join(dir, HISTORY_FILE_NAME), 'utf8')).toBe('not a history');
    } finally {
      refuse.mockRestore();
    }
  });
});
