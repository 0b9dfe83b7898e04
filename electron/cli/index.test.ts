import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliWorkspace, PINNED, TRIPLET } from './__fixtures__/run-cli';

const root = resolve(__dirname, '../..');
const { cli, files, dir } = cliWorkspace('upi-cli-entry-');

describe('the entry point, as a process (tsx)', () => {
  const tsx = join(root, 'node_modules/.bin/tsx');
  const entry = join(root, 'electron/cli/index.ts');
  const run = (args: string[], input?: string) =>
    spawnSync(tsx, [entry, ...args], { cwd: root, encoding: 'utf8', input, env: { ...process.env, UPI_INSPECTOR_HOME: join(dir, 'spawn-home'), UPI_INSPECTOR_PASSPHRASE: '' } });

  it('signs with --key-file and exits 0; verify exits 0, 1 and 2; errors are one line without a stack', async () => {
    const signed = run(['sign', ...TRIPLET, '--kid', 'uat1', '--key-file', files.key, ...PINNED]);
    expect(signed.status).toBe(0);
    expect(signed.stdout).toBe((await cli(['sign', ...TRIPLET, '--kid', 'uat1', '--key-file', files.key, ...PINNED])).stdout);

    expect(run(['verify', '-', '--public-key', files.pub], signed.stdout).status).toBe(0);
    expect(run(['verify', '-', '--public-key', files.strangerPub], signed.stdout).status).toBe(1);
    const ec = run(['verify', '-', '--public-key', files.ecKey], signed.stdout);
    expect(ec.status).toBe(2);
    expect(ec.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/^upi-inspector: .*not an RSA key.*\[not_rsa\]$/)]);
  });
});
