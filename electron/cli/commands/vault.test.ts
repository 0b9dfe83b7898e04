import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliWorkspace, expectOneLineError } from '../__fixtures__/run-cli';

const { cli, files, dir, vaultEnv } = cliWorkspace('upi-cli-vault-');
const NEXT = 'orchard lantern quietly';

describe('vault status and change-passphrase', () => {
  it('change-passphrase from the environment: the new passphrase opens the vault and its history, the old one no longer does', async () => {
    const env = vaultEnv('vault-env');
    expect((await cli(['keys', 'import', files.key, '--kid', 'k1'], { env })).code).toBe(0);
    const changed = await cli(['vault', 'change-passphrase'], { env: { ...env, UPI_INSPECTOR_NEW_PASSPHRASE: NEXT } });
    expect(changed.code).toBe(0);
    expect(changed.stdout).toBe(`Changed the passphrase of the key vault ${join(dir, 'vault-env', 'vault.json')} (and of its history). Use the new one from now on.\n`);
    const listed = await cli(['keys', 'list', '--json'], { env: { ...env, UPI_INSPECTOR_PASSPHRASE: NEXT } });
    expect(JSON.parse(listed.stdout).map((k: { kid: string }) => k.kid)).toEqual(['k1']);
    expect((await cli(['history', 'list'], { env: { ...env, UPI_INSPECTOR_PASSPHRASE: NEXT } })).code).toBe(0);
    expectOneLineError(await cli(['keys', 'list'], { env }), 'vault_locked', /UPI_INSPECTOR_PASSPHRASE does not open the key vault/);
  });

  it('at a terminal: the current passphrase, then a new one (a weak one refused with the reason, asked again) typed twice', async () => {
    const env = vaultEnv('vault-tty');
    expect((await cli(['keys', 'import', files.pub], { env })).code).toBe(0);
    const home = { UPI_INSPECTOR_HOME: env.UPI_INSPECTOR_HOME! };
    const run = await cli(['vault', 'change-passphrase'], { env: home, prompts: [env.UPI_INSPECTOR_PASSPHRASE!, 'letmein', NEXT, NEXT] });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/Current passphrase of the key vault .*New passphrase \(at least 12 characters, hard to guess\): That passphrase is too weak: it has 7 characters.*\nChoose another: Type it again: $/s);
    expect((await cli(['vault', 'status'], { env: home, prompts: [NEXT] })).stdout).toBe(`${join(dir, 'vault-tty', 'vault.json')}: unlocked, 1 key\n`);
  });

  it('a wrong current passphrase changes nothing; no vault, or no terminal and no variable, is a clear error', async () => {
    const env = vaultEnv('vault-wrong');
    expect((await cli(['keys', 'import', files.pub], { env })).code).toBe(0);
    const home = { UPI_INSPECTOR_HOME: env.UPI_INSPECTOR_HOME! };
    expectOneLineError(await cli(['vault', 'change-passphrase'], { env: home, prompts: ['not the passphrase'] }), 'wrong_passphrase', /does not open the key vault/);
    expect((await cli(['keys', 'list'], { env })).code).toBe(0);
    expectOneLineError(await cli(['vault', 'change-passphrase'], { env: vaultEnv('nothing-here') }), 'invalid_usage', /There is no key vault at .*nothing-here.* yet: there is no passphrase to change/);
    expectOneLineError(await cli(['vault', 'change-passphrase'], { env }), 'no_terminal', /UPI_INSPECTOR_NEW_PASSPHRASE is not set\. Run the command in a terminal, or set UPI_INSPECTOR_PASSPHRASE/);
  });
});
