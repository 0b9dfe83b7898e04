/**
 * Passphrases: the policy for new ones (length and zxcvbn's estimate, with its reason), Lock now, and
 * changing the passphrase (the vault and the history re-encrypted, a wrong current one changing nothing).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entry, historyIn } from '../__fixtures__/history';
import { testRsaKey } from '../__fixtures__/test-keys';
import { tempDirs } from '../__fixtures__/temp-dirs';
import { rejection } from '../__fixtures__/thrown';
import { createPassphraseCipher } from '../cipher';
import { HISTORY_FILE_NAME } from '../history/file';
import { openVault } from './open';
import { passphraseWeakness } from './passphrase-policy';
import { Vault } from './vault';

const newDir = tempDirs('upi-passphrase-');
const STRONG = 'vault passphrase for tests';
const NEXT = 'a brand new vault passphrase';
const key = testRsaKey();

describe('the policy for a new passphrase', () => {
  it('refuses under 12 characters, and easy guesses with zxcvbn’s reason; takes a long uncommon one', async () => {
    expect(await passphraseWeakness('s3cret!')).toBe('it has 7 characters, and a vault passphrase needs at least 12');
    expect(await passphraseWeakness('password1234')).toMatch(/^it would be guessed in about .+ by someone holding the vault file \(This is similar to a commonly used password; Add more words that are less common\)$/);
    expect(await passphraseWeakness('aaaaaaaaaaaaaaaa')).toMatch(/Repeated characters like "aaa" are easy to guess/);
    expect(await passphraseWeakness('qwertyuiopasdf')).not.toBeNull();
    expect(await passphraseWeakness(STRONG)).toBeNull();
  });

  it('a new vault refuses a weak passphrase (weak_passphrase, with the reason) and creates nothing', async () => {
    const dir = newDir();
    const vault = await openVault({ mode: 'passphrase', dataDir: dir });
    const e = await rejection(vault.unlock('password1234'));
    expect([e.code, e.field]).toEqual(['weak_passphrase', 'passphrase']);
    expect(e.message).toMatch(/^The new vault passphrase is too weak to protect the key vault: it would be guessed in about .*similar to a commonly used password/);
    expect((await vault.status()).state).toBe('locked');
    expect((await vault.unlock(STRONG)).state).toBe('unlocked');
  });

  it('a weak UPI_INSPECTOR_PASSPHRASE for a new vault leaves it locked, saying why, with weak_passphrase', async () => {
    const dir = newDir();
    const vault = await openVault({ mode: 'passphrase', dataDir: dir, passphrase: 'short', passphraseSource: 'UPI_INSPECTOR_PASSPHRASE' });
    expect((await vault.status()).message).toMatch(/^UPI_INSPECTOR_PASSPHRASE is too weak to create the key vault .*: it has 5 characters, and a vault passphrase needs at least 12\. Choose at least 12/);
    expect((await rejection(vault.list())).code).toBe('weak_passphrase');
  });

  it('an existing vault with a shorter passphrase still opens, and is told to change it', async () => {
    const dir = newDir();
    // Written as an older UPI Inspector would have: the cipher itself takes any passphrase.
    const old = await openVault({ mode: 'cipher', dataDir: dir, cipher: createPassphraseCipher('old') });
    await old.import({ text: key.pkcs8Pem });
    const vault = await openVault({ mode: 'passphrase', dataDir: dir, passphrase: 'old' });
    const status = await vault.status();
    expect(status).toMatchObject({ state: 'unlocked', keyCount: 1 });
    expect(status.message).toBe(
      `This vault's passphrase has 3 characters, fewer than the 12 UPI Inspector now asks for. The vault still opens; change its passphrase (Keys screen, or "upi-inspector vault change-passphrase").`,
    );
    await vault.changePassphrase('old', NEXT);
    expect((await vault.status()).message).toBeUndefined();
  });
});

describe('Lock now', () => {
  it('takes the keys out of memory and writes what the history had pending; the passphrase brings both back', async () => {
    const dir = newDir();
    const vault = await openVault({ mode: 'passphrase', dataDir: dir, passphrase: STRONG });
    const history = historyIn(dir, vault);
    await vault.import({ text: key.pkcs8Pem, label: 'merchant' });
    const recorded = await history.record(entry('inspect', { requestId: 'before-lock' }));
    const status = await vault.lock();
    expect(status).toMatchObject({ state: 'locked', keyCount: 0 });
    expect(status.message).toMatch(/was locked: its keys are out of memory\. Type its passphrase to unlock it\.$/);
    expect(vault.publicKeys()).toEqual([]);
    expect(vault.atRestCipher()).toBeNull();
    expect((await rejection(vault.list())).code).toBe('vault_locked');
    expect((await history.list({})).status.locked).toBe(true);
    // Written at the lock, though the save delay had not run yet: a fresh process reads it.
    expect((await historyIn(dir, await openVault({ mode: 'passphrase', dataDir: dir, passphrase: STRONG })).get(recorded.id)).requestId).toBe('before-lock');

    await vault.unlock(STRONG);
    expect((await vault.list()).map((k) => k.label)).toEqual(['merchant']);
    expect((await history.get(recorded.id)).requestId).toBe('before-lock');
  });

  it('is refused for a vault with nothing to lock it behind (memory only, or the OS keychain)', async () => {
    expect((await rejection(new Vault().lock())).code).toBe('lock_unavailable');
    const keychain = { ...createPassphraseCipher('stand-in for safeStorage'), mode: 'safeStorage' as const };
    const desktop = await openVault({ mode: 'cipher', dataDir: newDir(), cipher: keychain });
    expect((await rejection(desktop.lock())).message).toMatch(/operating system’s keychain/);
  });
});

describe('changing the passphrase', () => {
  it('re-encrypts the vault and the history: the new passphrase opens both, the old one neither', async () => {
    const dir = newDir();
    const vault = await openVault({ mode: 'passphrase', dataDir: dir, passphrase: STRONG });
    const history = historyIn(dir, vault);
    await vault.import({ text: key.pkcs8Pem, label: 'merchant' });
    const recorded = await history.record(entry('inspect', { requestId: 'kept-across' }));
    await history.flush();

    expect((await vault.changePassphrase(STRONG, NEXT)).state).toBe('unlocked');
    const reopened = await openVault({ mode: 'passphrase', dataDir: dir, passphrase: NEXT });
    expect((await reopened.list()).map((k) => k.label)).toEqual(['merchant']);
    expect((await historyIn(dir, reopened).get(recorded.id)).requestId).toBe('kept-across');
    const withOld = await openVault({ mode: 'passphrase', dataDir: dir });
    expect((await rejection(withOld.unlock(STRONG))).code).toBe('wrong_passphrase');
    await expect(createPassphraseCipher(STRONG).decrypt(readFileSync(join(dir, HISTORY_FILE_NAME)).subarray(35))).rejects.toMatchObject({ code: 'wrong_passphrase' });
    // This process goes on with the new passphrase: a later save is readable with it.
    await vault.generate({ bits: 2048, label: 'after' });
    expect((await (await openVault({ mode: 'passphrase', dataDir: dir, passphrase: NEXT })).list()).length).toBe(2);
  });

  it('a wrong current passphrase changes nothing, byte for byte; a weak new one is refused first', async () => {
    const dir = newDir();
    const vault = await openVault({ mode: 'passphrase', dataDir: dir, passphrase: STRONG });
    const history = historyIn(dir, vault);
    await vault.import({ text: key.pkcs8Pem });
    await history.record(entry('inspect'));
    await history.flush();
    const before = [readFileSync(join(dir, 'vault.json')), readFileSync(join(dir, HISTORY_FILE_NAME))];
    const wrong = await rejection(vault.changePassphrase('not the passphrase', NEXT));
    expect([wrong.code, wrong.field]).toEqual(['wrong_passphrase', 'current']);
    expect(wrong.message).toMatch(/: nothing was changed\.$/);
    const weak = await rejection(vault.changePassphrase(STRONG, 'password1234'));
    expect([weak.code, weak.field]).toEqual(['weak_passphrase', 'next']);
    expect([readFileSync(join(dir, 'vault.json')), readFileSync(join(dir, HISTORY_FILE_NAME))].map((b, i) => b.equals(before[i]!))).toEqual([true, true]);
    expect((await vault.status()).state).toBe('unlocked');
  });

  it('another process using the old passphrase is locked at its next save instead of writing over the change', async () => {
    const dir = newDir();
    const cli = await openVault({ mode: 'passphrase', dataDir: dir, passphrase: STRONG });
    await cli.import({ text: key.pkcs8Pem });
    const window = await openVault({ mode: 'passphrase', dataDir: dir, passphrase: STRONG });
    await cli.changePassphrase(STRONG, NEXT);
    const refused = await rejection(window.generate({ bits: 2048 }));
    expect(refused.code).toBe('vault_locked');
    expect(refused.message).toMatch(/was re-encrypted by another UPI Inspector/);
    expect((await (await openVault({ mode: 'passphrase', dataDir: dir, passphrase: NEXT })).list()).length).toBe(1);
  });
});
