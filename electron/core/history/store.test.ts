import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entry, historyIn, passphraseVault } from '../__fixtures__/history';
import { tempDirs } from '../__fixtures__/temp-dirs';
import { openVault } from '../vault/open';
import { HISTORY_FILE_NAME } from './file';

const newDir = tempDirs('upi-history-');
const DAY = 24 * 60 * 60 * 1000;

/** The file's SQLite bytes, decrypted with the vault's own cipher. */
async function decryptedFile(dir: string, vault: Awaited<ReturnType<typeof passphraseVault>>): Promise<Buffer> {
  const raw = readFileSync(join(dir, HISTORY_FILE_NAME));
  return vault.atRestCipher()!.decrypt(raw.subarray(raw.indexOf(0x0a) + 1));
}

describe('recording', () => {
  it('one entry per draft: the same draft again is updated in place and comes first; the same content again changes nothing', async () => {
    const clock = { now: 1_700_000_000_000 };
    const history = historyIn(null, await openVault({ mode: 'session' }), clock);
    const draft = entry('inspect', { requestId: 'r-1' }, 'first paste');
    const first = await history.record(draft);
    clock.now += 1000;
    await history.record(entry('inspect', { requestId: 'r-2' }));
    clock.now += 1000;
    const edited = await history.record({ ...draft, text: 'first paste, edited' });
    expect(edited.id).toBe(first.id);
    expect(edited.time).toBe(clock.now);
    const page = await history.list({});
    expect(page.entries.map((e) => e.requestId)).toEqual(['r-1', 'r-2']);
    expect((await history.get(first.id)).text).toBe('first paste, edited');

    clock.now += 1000;
    const again = await history.record({ ...draft, text: 'first paste, edited' });
    expect(again.time).toBe(edited.time);
  });

  it('a response takes merchantId, channel, kid and profile from its request, and says it when asked for an unknown entry', async () => {
    const history = historyIn(null, await openVault({ mode: 'session' }));
    await history.record(entry('sign', { requestId: 'r-9', merchantId: 'stock', channel: 'app', kid: 'k9', profile: 'Acme UAT' }));
    const response = await history.record(entry('response', { requestId: 'r-9', status: 'SUCCESS' }));
    expect(response).toMatchObject({ merchantId: 'stock', channel: 'app', kid: 'k9', profile: 'Acme UAT', status: 'SUCCESS' });
    await expect(history.get('no-such-id')).rejects.toMatchObject({ code: 'history_not_found' });
    await expect(history.delete('no-such-id')).rejects.toMatchObject({ code: 'history_not_found' });
  });
});

describe('on disk', () => {
  it('survives a restart: history.sqlite is 0600 in a 0700 folder, and a new store reads it back', async () => {
    const dir = join(newDir(), 'home');
    const vault = await passphraseVault(dir);
    const first = historyIn(dir, vault);
    const recorded = await first.record(entry('inspect', { requestId: 'kept-1' }, 'the text as pasted'));
    await first.flush();
    expect(statSync(join(dir, HISTORY_FILE_NAME)).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);

    const second = historyIn(dir, await passphraseVault(dir));
    expect((await second.get(recorded.id)).text).toBe('the text as pasted');
    expect((await second.list({})).status).toMatchObject({ storage: 'encrypted', locked: false, path: join(dir, HISTORY_FILE_NAME) });
  });

  it('is written shortly after a change, without a flush', async () => {
    const dir = newDir();
    const vault = await passphraseVault(dir);
    const history = historyIn(dir, vault);
    await history.record(entry('inspect', {}, 'written-by-the-timer'));
    await expect.poll(() => statSync(join(dir, HISTORY_FILE_NAME), { throwIfNoEntry: false })?.size ?? 0).toBeGreaterThan(0);
    await expect.poll(async () => (await decryptedFile(dir, vault)).includes('written-by-the-timer')).toBe(true);
  });

  it('two processes on one file (the window and the CLI) keep each other’s entries', async () => {
    const dir = newDir();
    const window = historyIn(dir, await passphraseVault(dir));
    const cli = historyIn(dir, await passphraseVault(dir));
    await window.record(entry('inspect', { requestId: 'from-window-1' }));
    await window.flush();
    await cli.record({ ...entry('inspect', { requestId: 'from-cli' }), source: 'cli' });
    await cli.flush();
    await window.record(entry('inspect', { requestId: 'from-window-2' }));
    await window.flush();

    const reader = historyIn(dir, await passphraseVault(dir));
    expect((await reader.list({})).entries.map((e) => e.requestId).sort()).toEqual(['from-cli', 'from-window-1', 'from-window-2']);
    expect((await window.list({})).total).toBe(3);
  });

  it('a session vault keeps plain SQLite; no data directory keeps nothing on disk', async () => {
    const dir = newDir();
    const plain = historyIn(dir, await openVault({ mode: 'session' }));
    await plain.record(entry('inspect', {}, 'plain-text-marker'));
    await plain.flush();
    const bytes = readFileSync(join(dir, HISTORY_FILE_NAME));
    expect(bytes.subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
    expect((await plain.list({})).status.storage).toBe('file');
    const memory = historyIn(null, await openVault({ mode: 'session' }));
    await memory.record(entry('inspect'));
    await memory.flush();
    expect((await memory.list({})).status).toEqual({ storage: 'memory', path: null, locked: false, pending: 0 });
  });
});

describe('retention, delete and delete all', () => {
  it('keeps the newest 1,000 by default; keep-newest and keep-days apply at once and are kept', async () => {
    const dir = newDir();
    const clock = { now: 1_700_000_000_000 };
    const history = historyIn(dir, await passphraseVault(dir), clock);
    expect((await history.settings()).settings).toEqual({ keepNewest: 1000, keepDays: null });
    for (let i = 0; i < 6; i++) {
      clock.now += DAY;
      await history.record(entry('inspect', { requestId: `day-${i}` }));
    }
    expect((await history.settings({ keepNewest: 4 })).settings).toEqual({ keepNewest: 4, keepDays: null });
    expect((await history.list({})).entries.map((e) => e.requestId)).toEqual(['day-5', 'day-4', 'day-3', 'day-2']);
    // Two days back from the newest entry's moment, that moment included.
    await history.settings({ keepNewest: null, keepDays: 2 });
    expect((await history.list({})).entries.map((e) => e.requestId)).toEqual(['day-5', 'day-4', 'day-3']);
    // Time passes without a new entry: the next look applies the days limit.
    clock.now += DAY;
    expect((await history.list({})).entries.map((e) => e.requestId)).toEqual(['day-5', 'day-4']);
    await history.flush();

    const reopened = historyIn(dir, await passphraseVault(dir), clock);
    expect((await reopened.settings()).settings).toEqual({ keepNewest: null, keepDays: 2 });
    expect((await reopened.list({})).total).toBe(2);
  });

  it('a deleted entry, and a deleted history, are gone from the list, after a restart, and from the file’s bytes', async () => {
    const dir = newDir();
    const vault = await passphraseVault(dir);
    const history = historyIn(dir, vault);
    const gone = await history.record(entry('response', { requestId: 'r-gone' }, '{"customer":"Priya-Deleted-4411"}'));
    await history.record(entry('response', { requestId: 'r-kept' }, '{"customer":"Arjun-Kept-7720"}'));
    await history.flush();
    expect((await decryptedFile(dir, vault)).includes('Priya-Deleted-4411')).toBe(true);

    await history.delete(gone.id);
    await history.flush();
    const afterDelete = await decryptedFile(dir, vault);
    expect(afterDelete.includes('Priya-Deleted-4411')).toBe(false);
    expect(afterDelete.includes('Arjun-Kept-7720')).toBe(true);
    expect((await historyIn(dir, await passphraseVault(dir)).list({})).entries.map((e) => e.requestId)).toEqual(['r-kept']);

    expect(await history.clear()).toEqual({ deleted: 1 });
    await history.flush();
    expect((await decryptedFile(dir, vault)).includes('Arjun-Kept-7720')).toBe(false);
    expect((await historyIn(dir, await passphraseVault(dir)).list({})).total).toBe(0);
  });
});
