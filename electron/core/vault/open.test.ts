import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testRsaKey } from '../__fixtures__/test-keys';
import { tempDirs } from '../__fixtures__/temp-dirs';
import { rejection } from '../__fixtures__/thrown';
import { openVaultFromEnv } from './open';

const PASSPHRASE = 'vault passphrase for tests';
const key = testRsaKey();
const dataDir = tempDirs('upi-open-');

describe('openVaultFromEnv', () => {
  it('unlocks with UPI_INSPECTOR_PASSPHRASE; a wrong one leaves it locked and says which variable', async () => {
    const dir = dataDir();
    const made = await openVaultFromEnv({ UPI_INSPECTOR_HOME: dir, UPI_INSPECTOR_PASSPHRASE: PASSPHRASE });
    await made.import({ text: key.pkcs8Pem });
    expect((await (await openVaultFromEnv({ UPI_INSPECTOR_HOME: dir, UPI_INSPECTOR_PASSPHRASE: PASSPHRASE })).status()).keyCount).toBe(1);
    const wrong = await openVaultFromEnv({ UPI_INSPECTOR_HOME: dir, UPI_INSPECTOR_PASSPHRASE: 'nope' });
    const status = await wrong.status();
    expect(status.state).toBe('locked');
    expect(status.message).toMatch(/UPI_INSPECTOR_PASSPHRASE does not open the key vault/);
    const e = await rejection(wrong.list());
    expect([e.code, e.message]).toEqual(['vault_locked', `UPI_INSPECTOR_PASSPHRASE does not open the key vault ${join(dir, 'vault.json')}.`]);
  });

  it('asks the prompt when no passphrase is set, telling it whether the vault is new', async () => {
    const dir = dataDir();
    const asked: Array<{ path: string; isNew: boolean }> = [];
    const vault = await openVaultFromEnv({ UPI_INSPECTOR_HOME: dir }, { prompt: async (r) => (asked.push(r), PASSPHRASE) });
    expect(asked).toEqual([{ path: join(dir, 'vault.json'), isNew: true }]);
    expect((await vault.status()).state).toBe('unlocked');
  });
});
