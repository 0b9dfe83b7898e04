import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../core';
import { openVault } from '../../core/vault/open';
import { cliWorkspace, expectOneLineError } from '../__fixtures__/run-cli';

const { cli, dir, deepFiles } = cliWorkspace('upi-cli-response-');

const linked = JSON.stringify({
  requestId: '9b2f4c1e-8a3d-4f6b-9c2e-1d5a7b8c9e0f',
  service: 'in.juspay.hyperapi',
  event: 'process_result',
  error: false,
  payload: {
    action: 'upiGetSessionToken',
    status: 'LINKED',
    isDeviceBound: 'true',
    isDeviceActivated: 'true',
    prefix: 'AXB',
    vpaAccounts: [{ vpa: 'ravi@axb', accounts: [{ bankName: 'Axis', bankCode: '607153', mpinSet: 'true', mpinLength: '6', otpLength: '6', atmPinLength: '4', ifsc: 'UTIB0000001', isPrimary: 'true' }] }],
  },
});
const failure = JSON.stringify({ requestId: 'x', event: 'process_result', error: true, errorCode: 'JP_001', errorMessage: 'Merchant signature mismatch', payload: { action: 'upiGetSessionToken', status: 'FAILURE' } });

describe('inspect-response prints what the Response screen shows', async () => {
  const core = createCore({ host: 'browser', version: '0.0.0-test', vault: await openVault({ mode: 'session' }), now: () => 1700000000000 });

  it('exits 0 for a healthy LINKED response and 1 for a failure, with the channel’s findings', async () => {
    const good = await cli(['--json', 'inspect-response', '-'], { stdin: linked });
    expect(good.code).toBe(0);
    const fromChannel = await core.dispatch('inspect:response', { text: linked });
    if (!fromChannel.ok) throw new Error(fromChannel.error.message);
    expect(JSON.parse(good.stdout).findings).toEqual(fromChannel.value.findings);
    // The verdict only: findings and how the JSON was found, never the response echoed back.
    expect(Object.keys(JSON.parse(good.stdout)).sort()).toEqual(['findings', 'shape', 'source']);
    expect(JSON.parse(good.stdout)).toMatchObject({ shape: 'envelope', source: 'json' });
    const bad = await cli(['inspect-response', '-'], { stdin: failure });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/ERROR {2}error\.code/);
    expect(bad.stdout).toMatch(/signature mismatch/i);
  });

  it('--request-id flags a response to another request', async () => {
    const run = await cli(['inspect-response', '-', '--request-id', '11111111-2222-4333-8444-555555555555'], { stdin: linked });
    expect(run.stdout).toMatch(/response\.request-id-mismatch/);
    expect(run.stdout).toContain('9b2f4c1e-8a3d-4f6b-9c2e-1d5a7b8c9e0f');
    expect(run.stdout).toContain('11111111-2222-4333-8444-555555555555');
    expect(run.code).toBe(1);
  });

  it('without --request-id does not judge the requestId', async () => {
    const run = await cli(['--json', 'inspect-response', '-'], { stdin: linked.replace('9b2f4c1e-8a3d-4f6b-9c2e-1d5a7b8c9e0f', 'another-call') });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).findings.map((f: { id: string }) => f.id)).not.toContain('response.request-id-mismatch');
  });

  it('a missing file is bad input (2)', async () => {
    expectOneLineError(await cli(['inspect-response', join(dir, 'nope.json')]), 'invalid_usage', /cannot read the response/);
  });
});

describe('JSON nested 100,000 levels deep: a one-line error and exit 2, never a stack trace', () => {
  const deep = deepFiles();

  it.each(Object.keys(deep) as Array<keyof typeof deep>)('inspect-response on %s', async (name) => {
    const file = deep[name];
    expectOneLineError(
      await cli(['inspect-response', file]),
      'too_deep',
      new RegExp(`cannot read the response ${file}: the JSON (string at line 1, column 1 holds JSON )?(is )?nested more than 256 levels deep at line 1, column \\d+`),
    );
  });
});
