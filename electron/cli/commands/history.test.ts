import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliWorkspace, expectOneLineError, PINNED, TRIPLET } from '../__fixtures__/run-cli';

const { cli, files, write, vaultEnv } = cliWorkspace('upi-cli-history-');
const REQUEST_ID = '9b2f4c1e-8a3d-4f6b-9c2e-1d5a7b8c9e0f';
const signedRun = cli(['sign', ...TRIPLET, '--kid', 'uat1', '--key-file', files.key, ...PINNED]);
const response = (status: string) => JSON.stringify({ requestId: REQUEST_ID, event: 'process_result', error: true, errorCode: 'JP_001', payload: { action: 'upiGetSessionToken', status } });

describe('the CLI records nothing unless asked', () => {
  it('verify --save, then history list --query <requestId> --json finds it', async () => {
    const env = vaultEnv('saved');
    const request = write('saved-request.json', (await signedRun).stdout);
    const verify = await cli(['verify', request, '--public-key', files.pub, '--now', PINNED[1]!, '--save'], { env });
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(/^VALID: /);
    expect(verify.stderr).toMatch(new RegExp(`saved to the history ${join(env.UPI_INSPECTOR_HOME!, 'history.sqlite')} as [0-9a-f-]{36}`));

    const listed = await cli(['history', 'list', '--query', REQUEST_ID, '--json'], { env });
    expect(listed.code).toBe(0);
    const page = JSON.parse(listed.stdout);
    expect(page.total).toBe(1);
    expect(page.entries[0]).toMatchObject({ kind: 'inspect', source: 'cli', requestId: REQUEST_ID, merchantId: 'stock', channel: 'stockapp', kid: 'uat1', valid: true });
    expect(page.status).toMatchObject({ storage: 'encrypted', locked: false });

    const text = await cli(['history', 'list', '--query', 'stockapp'], { env });
    expect(text.stdout).toMatch(new RegExp(`inspect +valid +${REQUEST_ID} +stock +uat1 `));
    expect(text.stdout).toMatch(/1 of 1 entry\n$/);
  });

  it('verify and inspect-response without --save leave no history behind', async () => {
    const env = vaultEnv('unsaved');
    const request = write('unsaved-request.json', (await signedRun).stdout);
    expect((await cli(['verify', request, '--public-key', files.pub], { env })).code).toBe(0);
    expect((await cli(['inspect-response', '-'], { env, stdin: response('FAILURE') })).code).toBe(1);
    expect(existsSync(join(env.UPI_INSPECTOR_HOME!, 'history.sqlite'))).toBe(false);
    const listed = await cli(['history', 'list'], { env });
    expect(listed.stdout).toBe('No history entries match.\n');
  });

  it('inspect-response --save records the response, paired with the request saved before it', async () => {
    const env = vaultEnv('paired');
    const request = write('paired-request.json', (await signedRun).stdout);
    await cli(['verify', request, '--public-key', files.pub, '--save'], { env });
    const run = await cli(['--json', 'inspect-response', '-', '--save', '--request-id', REQUEST_ID], { env, stdin: response('FAILURE') });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toHaveProperty('findings');
    expect(run.stderr).toBe('');

    const page = JSON.parse((await cli(['history', 'list', '--kind', 'response', '--json'], { env })).stdout);
    expect(page.entries).toHaveLength(1);
    expect(page.entries[0]).toMatchObject({ kind: 'response', status: 'FAILURE', errorCode: 'JP_001', valid: false, merchantId: 'stock', pair: { kind: 'inspect' } });
  });

  it('says how to unlock the vault the history is sealed with, and refuses a bad --limit', async () => {
    const request = write('locked-request.json', (await signedRun).stdout);
    const home = { UPI_INSPECTOR_HOME: vaultEnv('locked').UPI_INSPECTOR_HOME! };
    expectOneLineError(await cli(['verify', request, '--public-key', files.pub, '--save'], { env: home }), 'history_locked', /The history is encrypted with the key vault, and the vault .* is locked .* Set UPI_INSPECTOR_PASSPHRASE or run the command in a terminal to be asked\./);
    expectOneLineError(await cli(['history', 'list'], { env: home }), 'history_locked', /is locked/);
    expectOneLineError(await cli(['history', 'list', '--limit', 'lots'], { env: vaultEnv('limit') }), 'invalid_usage', /--limit takes a whole number from 1 to 1000, not "lots"/);
  });
});
