import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../core';
import { openVault } from '../../core/vault/open';
import { cliWorkspace, expectOneLineError, PINNED, TRIPLET } from '../__fixtures__/run-cli';

const { cli, files, dir, write, merchant, deepFiles } = cliWorkspace('upi-cli-verify-');
const signedRun = cli(['sign', ...TRIPLET, '--kid', 'uat1', '--key-file', files.key, ...PINNED]);
const NOW = '1668389349848';

describe('verify exit codes', () => {
  it('0 valid, 1 invalid (tampered), 1 invalid (another key), 2 bad input', async () => {
    const request = write('request.json', (await signedRun).stdout);
    expect((await cli(['verify', request, '--public-key', files.pub])).code).toBe(0);

    const signedEnvelope = JSON.parse((await signedRun).stdout);
    const sig: string = signedEnvelope.payload.signature;
    signedEnvelope.payload.signature = `${sig.slice(0, 40)}${sig[40] === 'A' ? 'B' : 'A'}${sig.slice(41)}`;
    const tampered = JSON.stringify(signedEnvelope);
    const invalid = await cli(['verify', '-', '--public-key', files.pub], { stdin: tampered });
    expect(invalid.code).toBe(1);
    expect(invalid.stdout).toMatch(/^INVALID: The signature does not verify with any key tried\.\ncause: +signature\.invalid\n/);
    expect(invalid.stdout).toMatch(/key: +does not verify +".*merchant-pub\.pem/);

    const otherKey = await cli(['verify', request, '--public-key', files.strangerPub]);
    expect(otherKey.code).toBe(1);

    const garbage = await cli(['verify', files.garbage, '--public-key', files.pub]);
    expect(garbage.code).toBe(2);
    expect(garbage.stdout).toMatch(/^INVALID: This is not a upiGetSessionToken request\.\ncause: +input\.not-request/);
    expectOneLineError(await cli(['verify', join(dir, 'missing.json'), '--public-key', files.pub]), 'invalid_usage', /cannot read the request .*missing\.json: no such file\. Check the path/);
  });

  it('a 1024-bit public key is tried (it can prove a weak key signed); a non-RSA key is bad input (2)', async () => {
    const request = write('request2.json', (await signedRun).stdout);
    const weak = await cli(['verify', request, '--public-key', files.weakPub]);
    expect(weak.code).toBe(1);
    expect(weak.stdout).toMatch(/key: +does not verify +".*weak\.pem.*1024-bit/);
    expectOneLineError(await cli(['verify', request, '--public-key', files.ecKey]), 'not_rsa', /not an RSA key/);
  });

  it('--json prints the verdict, and errors as JSON on stderr: what happened, what to do, where', async () => {
    const request = write('request3.json', (await signedRun).stdout);
    const ok = await cli(['--json', 'verify', request, '--public-key', files.pub]);
    expect(JSON.parse(ok.stdout)).toMatchObject({ valid: true, verifiedBy: { source: 'file' }, decoded: { kind: 'envelope', header: { kid: 'uat1', alg: 'RS256' } } });
    const bad = await cli(['verify', request, '--public-key', files.ecKey, '--json']);
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.stderr)).toEqual({
      error: { code: 'not_rsa', message: expect.stringMatching(/not an RSA key/), fix: expect.stringMatching(/^Generate one in UPI Inspector/), field: 'publicKey' },
    });
  });

  it('with the vault locked and no terminal: says how to unlock it, or to verify with a public key file instead', async () => {
    const run = await cli(['verify', '-'], { env: { UPI_INSPECTOR_HOME: join(dir, 'locked-vault') }, stdin: (await signedRun).stdout });
    expectOneLineError(run, 'vault_locked', /Set UPI_INSPECTOR_PASSPHRASE or run the command in a terminal to be asked; or give the key as a file: .*--public-key to verify\./);
  });

  it('refuses a --now that is not epoch milliseconds', async () => {
    expectOneLineError(await cli(['verify', '-', '--public-key', files.pub, '--now', 'yesterday'], { stdin: (await signedRun).stdout }), 'invalid_usage', /--now takes epoch milliseconds.* Pass --now as epoch milliseconds/);
  });
});

describe('verify prints what the Inspect screen shows', async () => {
  const core = createCore({ host: 'browser', version: '0.0.0-test', vault: await openVault({ mode: 'session' }), now: () => 1700000000000 });
  const shape = (findings: Array<{ id: string; severity: string; path: string }>) => findings.map((f) => `${f.severity} ${f.id} ${f.path}`);

  it('verify --json carries the same findings as the inspect:request channel', async () => {
    const text = (await signedRun).stdout;
    const run = await cli(['--json', 'verify', '-', '--public-key', files.pub, '--now', NOW], { stdin: text });
    const fromChannel = await core.dispatch('inspect:request', { text, publicKey: merchant.spkiPem, now: Number(NOW) });
    if (!fromChannel.ok) throw new Error(fromChannel.error.message);
    expect(run.code).toBe(0);
    expect(shape(JSON.parse(run.stdout).findings)).toEqual(shape(fromChannel.value.findings));
    expect(shape(fromChannel.value.findings)).toContain('info signature.verified payload.signature');
  });

  it('verify prints the findings as text and exits 1 on an error finding even when the signature holds', async () => {
    const envelope = JSON.parse((await signedRun).stdout);
    envelope.service = 'in.juspay.nowhere'; // not signed: the signature still verifies
    const run = await cli(['verify', '-', '--public-key', files.pub, '--now', NOW], { stdin: JSON.stringify(envelope) });
    expect(run.stdout).toMatch(/^INVALID: The signature verifies with .*, but: service is not in\.juspay\.hyperapi\./);
    expect(run.stdout).toMatch(/ERROR {2}service\.unknown {2}service/);
    expect(run.code).toBe(1);
  });

  it('verify names standard base64 as the cause when that is what happened', async () => {
    const envelope = JSON.parse((await signedRun).stdout);
    envelope.payload.signature = Buffer.from(envelope.payload.signature, 'base64url').toString('base64');
    const run = await cli(['verify', '-', '--public-key', files.pub, '--now', NOW], { stdin: JSON.stringify(envelope) });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/ERROR {2}signature\.standard-base64/);
  });
});

describe('JSON nested 100,000 levels deep: a one-line error and exit 2, never a stack trace', () => {
  const deep = deepFiles();

  it.each(Object.keys(deep) as Array<keyof typeof deep>)('verify on %s', async (name) => {
    const file = deep[name];
    expectOneLineError(
      await cli(['verify', file, '--public-key', files.pub]),
      'too_deep',
      new RegExp(`cannot read the request ${file}: the JSON (string at line 1, column 1 holds JSON )?(is )?nested more than 256 levels deep at line 1, column \\d+`),
    );
  });

  it('verify --json reports it as JSON on stderr', async () => {
    const run = await cli(['--json', 'verify', deep.arrays, '--public-key', files.pub]);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stderr).error).toMatchObject({ code: 'too_deep', message: expect.stringContaining('(the limit is 256 levels)') });
  });

  it('verify --public-key with a JWK nested too deep', async () => {
    const levels = 100_000;
    const jwk = write('deep.jwk', JSON.stringify({ ...merchant.publicJwk, x: 0 }).replace('"x":0', `"x":${'['.repeat(levels)}${']'.repeat(levels)}`));
    const request = write('shallow-request.json', '{"protected":"e30","signaturePayload":"e30","signature":"AA"}');
    expectOneLineError(await cli(['verify', request, '--public-key', jwk]), 'too_deep', /cannot read the public key file .*deep\.jwk: the JSON is nested more than 256 levels deep/);
  });
});

describe('verify --format merchant', () => {
  it('prints the cause and the fix in plain text, with no finding id; a wrong format is a usage error', async () => {
    const signedEnvelope = JSON.parse((await signedRun).stdout);
    const sig: string = signedEnvelope.payload.signature;
    signedEnvelope.payload.signature = `${sig.slice(0, 40)}${sig[40] === 'A' ? 'B' : 'A'}${sig.slice(41)}`;
    const run = await cli(['verify', '-', '--public-key', files.pub, '--format', 'merchant'], { stdin: JSON.stringify(signedEnvelope) });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^Why your upiGetSessionToken call fails\n\nCause: The signature on your request does not verify/);
    expect(run.stdout).toMatch(/^Fix: Sign the ASCII string protected \+ "\." \+ signaturePayload/m);
    expect(run.stdout).not.toMatch(/signature\.invalid|cause: +/);
    expectOneLineError(await cli(['verify', '-', '--public-key', files.pub, '--format', 'html'], { stdin: '{}' }), 'invalid_usage', /--format takes report or merchant, not "html"/);
  });
});
