/**
 * What a killed save leaves in the vault's folder: temp files (each a whole older vault, holding keys
 * deleted since) and a lock. Opening the vault sweeps them, every save sweeps them, and a delete leaves
 * no copy of the key anywhere in the folder.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testRsaKey } from '../__fixtures__/test-keys';
import { tempDirs } from '../__fixtures__/temp-dirs';
import { createPassphraseCipher } from '../cipher';
import { lockPathOf } from '../file-lock';
import { openVault } from './open';

const newDir = tempDirs('upi-vault-leftovers-');
const PASSPHRASE = 'vault passphrase for tests';
const kept = testRsaKey();
const deleted = testRsaKey(2048, 'deleted');

function deadPid(): number {
  return Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
}

/** Every file in the folder that decrypts as a vault under PASSPHRASE, as the PEMs it holds. */
async function keysInFolder(dir: string): Promise<string[]> {
  const cipher = createPassphraseCipher(PASSPHRASE);
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    try {
      const file = JSON.parse(readFileSync(join(dir, name), 'utf8')) as { data: string };
      const plain = (await cipher.decrypt(Buffer.from(file.data, 'base64'))).toString();
      found.push(...(JSON.parse(plain) as { keys: Array<{ pem: string }> }).keys.map((k) => k.pem));
    } catch {
      // not a vault
    }
  }
  return found;
}

/** A vault holding both keys, plus what a writer killed mid-save leaves: a temp copy of it, and its lock. */
async function folderAfterAKill(): Promise<string> {
  const dir = newDir();
  const vault = await openVault({ mode: 'passphrase', dataDir: dir, passphrase: PASSPHRASE });
  await vault.import({ text: kept.pkcs8Pem, label: 'kept' });
  await vault.import({ text: deleted.pkcs8Pem, label: 'deleted' });
  const pid = deadPid();
  copyFileSync(join(dir, 'vault.json'), join(dir, `.vault.json.${pid}.0123456789ab.tmp`));
  copyFileSync(join(dir, 'vault.json'), join(dir, `.vault.json.${pid}.ba9876543210.tmp`));
  writeFileSync(lockPathOf(join(dir, 'vault.json')), JSON.stringify({ pid, host: hostname(), nonce: 'x', at: Date.now() }));
  return dir;
}

describe('what killed saves leave behind', () => {
  it('opening the vault sweeps the temp files and breaks the dead writer’s lock', async () => {
    const dir = await folderAfterAKill();
    expect(readdirSync(dir)).toHaveLength(4);
    const vault = await openVault({ mode: 'passphrase', dataDir: dir, passphrase: PASSPHRASE });
    expect(readdirSync(dir)).toEqual(['vault.json']);
    expect((await vault.list()).length).toBe(2);
  });

  it('a delete is final: no copy of the key is left in the folder, in a temp file or anywhere', async () => {
    const dir = await folderAfterAKill();
    // A process that opened the vault before the kill (it did not sweep): its delete sweeps under the lock.
    const vault = await openVault({ mode: 'passphrase', dataDir: dir, passphrase: PASSPHRASE });
    copyFileSync(join(dir, 'vault.json'), join(dir, '.vault.json.4242.0123456789ab.tmp'));
    expect((await keysInFolder(dir)).filter((pem) => pem.includes(deleted.pkcs8Pem.split('\n')[1]!))).toHaveLength(2);
    const id = (await vault.list()).find((k) => k.label === 'deleted')!.id;
    await vault.delete(id);
    expect(readdirSync(dir)).toEqual(['vault.json']);
    const left = await keysInFolder(dir);
    expect(left).toHaveLength(1);
    expect(left.join('\n')).not.toContain(deleted.pkcs8Pem.split('\n')[1]);
  });
});
