import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliWorkspace, expectOneLineError, PINNED, TRIPLET } from '../__fixtures__/run-cli';

const { cli, files, dir } = cliWorkspace('upi-cli-sign-');

describe('sign --key-file (no vault needed)', () => {
  it('prints a stable envelope for pinned timestamp and request id, which verifies', async () => {
    const first = await cli(['sign', ...TRIPLET, '--kid', 'uat1', '--key-file', files.key, ...PINNED]);
    const second = await cli(['sign', ...TRIPLET, '--kid', 'uat1', '--key-file', files.key, ...PINNED]);
    expect(first.code).toBe(0);
    expect(first.stderr).toBe('');
    expect(second.stdout).toBe(first.stdout);
    const envelope = JSON.parse(first.stdout);
    expect(envelope).toMatchObject({
      requestId: '9b2f4c1e-8a3d-4f6b-9c2e-1d5a7b8c9e0f',
      service: 'in.juspay.hyperapi',
      payload: { action: 'upiGetSessionToken' },
    });
    expect(JSON.parse(Buffer.from(envelope.payload.signaturePayload, 'base64url').toString())).toEqual({
      merchantId: 'stock',
      merchantCustomerId: 'cust-42',
      merchantChannelId: 'stockapp',
      timestamp: '1668389349848',
    });
    const verified = await cli(['verify', '-', '--public-key', files.pub], { stdin: first.stdout });
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(/^VALID, WITH WARNINGS: The signature verifies with .*merchant-pub\.pem.*, but timestamp is older than 15 minutes/);
  });

  it('defaults to now and a fresh uuid v4', async () => {
    const run = await cli(['sign', ...TRIPLET, '--kid', 'k', '--key-file', files.key, '--compact']);
    const envelope = JSON.parse(run.stdout);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    expect(envelope.requestId).toBe('11111111-2222-4333-8444-555555555555');
    expect(JSON.parse(Buffer.from(envelope.payload.signaturePayload, 'base64url').toString()).timestamp).toBe('1700000000000');
  });

  it('--json prints the whole SignResult, without key material', async () => {
    const run = await cli(['sign', ...TRIPLET, '--kid', 'k', '--key-file', files.key, ...PINNED, '--json']);
    const result = JSON.parse(run.stdout);
    expect(Object.keys(result)).toEqual(['envelope', 'json', 'compact', 'header', 'claims', 'signingInput', 'key']);
    expect(result.key).toMatchObject({ id: 'key-file', label: 'merchant-pkcs1.pem', kind: 'private', source: { format: 'pkcs1-pem' } });
    expect(run.stdout).not.toMatch(/PRIVATE KEY|"d":/);
  });

  it('an encrypted key file takes its passphrase from UPI_INSPECTOR_KEY_PASSPHRASE or the terminal', async () => {
    const args = ['sign', ...TRIPLET, '--kid', 'k', '--key-file', files.encryptedKey, ...PINNED];
    expectOneLineError(await cli(args), 'passphrase_required', /is encrypted, and no passphrase was given\. Set UPI_INSPECTOR_KEY_PASSPHRASE to the key’s passphrase/);
    expectOneLineError(await cli(args, { env: { UPI_INSPECTOR_KEY_PASSPHRASE: 'wrong' } }), 'wrong_passphrase', /UPI_INSPECTOR_KEY_PASSPHRASE for a key file/);
    expect((await cli(args, { env: { UPI_INSPECTOR_KEY_PASSPHRASE: 'key pass' } })).code).toBe(0);
    const prompted = await cli(args, { prompts: ['key pass'] });
    expect(prompted.code).toBe(0);
    expect(prompted.stderr).toContain('Passphrase for the key');
  });

  it('refuses non-RSA keys, public keys, and a missing kid, as bad input (exit 2), saying what to pass', async () => {
    expectOneLineError(await cli(['sign', ...TRIPLET, '--kid', 'k', '--key-file', files.ecKey]), 'not_rsa', /EC key \(curve P-256\)/);
    expectOneLineError(await cli(['sign', ...TRIPLET, '--kid', 'k', '--key-file', files.pub]), 'public_only', /signing needs the private key/);
    expectOneLineError(await cli(['sign', ...TRIPLET, '--key-file', files.key]), 'kid_missing', /^upi-inspector: Key "merchant-pkcs1\.pem" has no kid.* Pass --kid <kid>, the kid Juspay issued/);
  });

  it('bad usage: field rules name the option; key choice must be exactly one', async () => {
    expectOneLineError(
      await cli(['sign', ...TRIPLET, '--kid', 'k', '--key-file', files.key, '--timestamp', '1668389349']),
      'invalid_input',
      /^upi-inspector: timestamp must be epoch milliseconds as a 13-digit string.* Fix --timestamp and run the command again\. \[invalid_input\]\n$/,
    );
    expectOneLineError(await cli(['sign', ...TRIPLET, '--kid', 'k', '--key-file', files.key, '--request-id', 'abc']), 'invalid_input', /requestId must be a uuid v4.* Fix --request-id/);
    expectOneLineError(await cli(['sign', ...TRIPLET, '--kid', 'k']), 'invalid_usage', /exactly one key\. Give either --key .* or --key-file/);
    const missing = await cli(['sign', '--merchant-id', 'x']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/required option '--merchant-customer-id <id>' not specified/);
  });
});

describe('sign --key (the vault)', () => {
  it('with the vault locked and no terminal: says how to unlock it, or to sign with a key file instead', async () => {
    const run = await cli(['sign', ...TRIPLET, '--key', 'k'], { env: { UPI_INSPECTOR_HOME: join(dir, 'locked-vault') } });
    expectOneLineError(run, 'vault_locked', /is locked and there is no terminal to ask for its passphrase\. Set UPI_INSPECTOR_PASSPHRASE .*--key-file to sign/);
  });
});
