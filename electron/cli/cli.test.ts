import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testRsaKey } from '../core/__fixtures__/test-keys';
import type { CliIo } from './io';
import { runCli } from './program';

const root = resolve(__dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'upi-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const merchant = testRsaKey();
const stranger = testRsaKey(2048, 'other');
const files = {
  key: write('merchant-pkcs1.pem', merchant.pkcs1Pem),
  encryptedKey: write('merchant-encrypted.pem', merchant.encryptedPkcs8Pem('key pass')),
  pub: write('merchant-pub.pem', merchant.spkiPem),
  strangerPub: write('stranger.jwk', JSON.stringify(stranger.publicJwk)),
  weakPub: write('weak.pem', testRsaKey(1024).spkiPem),
  weakKey: write('weak-private.pem', testRsaKey(1024).pkcs8Pem),
  ecKey: write('ec.pem', String(generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }))),
  garbage: write('garbage.txt', 'this is not a request'),
};
const PINNED = ['--timestamp', '1668389349848', '--request-id', '9b2f4c1e-8a3d-4f6b-9c2e-1d5a7b8c9e0f'];
const TRIPLET = ['--merchant-id', 'stock', '--merchant-customer-id', 'cust-42', '--merchant-channel-id', 'stockapp'];

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the program in-process with a fake terminal. */
async function cli(argv: string[], options: { env?: Record<string, string>; stdin?: string; prompts?: string[] } = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const prompts = options.prompts ? [...options.prompts] : undefined;
  const io: CliIo = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    env: options.env ?? {},
    interactive: prompts !== undefined,
    cwd: dir,
    readStdin: async () => options.stdin ?? '',
    promptHidden: async (question) => {
      stderr += question;
      const answer = prompts?.shift();
      if (answer === undefined) throw new Error(`unexpected prompt: ${question}`);
      return answer;
    },
    now: () => 1700000000000,
    randomUUID: () => '11111111-2222-4333-8444-555555555555',
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

function vaultEnv(name: string): Record<string, string> {
  return { UPI_INSPECTOR_HOME: join(dir, name), UPI_INSPECTOR_PASSPHRASE: 'cli vault passphrase' };
}

function expectOneLineError(run: Run, code: string, message: RegExp): void {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(run.stderr).toContain(`[${code}]`);
  expect(run.stderr).toMatch(message);
  expect(run.stderr).not.toMatch(/\n\s+at /);
}

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
    expectOneLineError(await cli(args), 'passphrase_required', /set UPI_INSPECTOR_KEY_PASSPHRASE/);
    expect((await cli(args, { env: { UPI_INSPECTOR_KEY_PASSPHRASE: 'key pass' } })).code).toBe(0);
    const prompted = await cli(args, { prompts: ['key pass'] });
    expect(prompted.code).toBe(0);
    expect(prompted.stderr).toContain('Passphrase for the key');
  });

  it('refuses non-RSA keys, public keys, and a missing kid, as bad input (exit 2)', async () => {
    expectOneLineError(await cli(['sign', ...TRIPLET, '--kid', 'k', '--key-file', files.ecKey]), 'not_rsa', /EC key \(curve P-256\)/);
    expectOneLineError(await cli(['sign', ...TRIPLET, '--kid', 'k', '--key-file', files.pub]), 'public_only', /signing needs the private key/);
    expectOneLineError(await cli(['sign', ...TRIPLET, '--key-file', files.key]), 'kid_missing', /has no kid: .*pass --kid <kid>/);
  });

  it('bad usage: field rules name the option; key choice must be exactly one', async () => {
    expectOneLineError(await cli(['sign', ...TRIPLET, '--kid', 'k', '--key-file', files.key, '--timestamp', '1668389349']), 'invalid_input', /^upi-inspector: --timestamp: timestamp must be epoch milliseconds as a 13-digit string/);
    expectOneLineError(await cli(['sign', ...TRIPLET, '--kid', 'k', '--key-file', files.key, '--request-id', 'abc']), 'invalid_input', /--request-id: requestId must be a uuid v4/);
    expectOneLineError(await cli(['sign', ...TRIPLET, '--kid', 'k']), 'invalid_usage', /either --key .* or --key-file/);
    const missing = await cli(['sign', '--merchant-id', 'x']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/required option '--merchant-customer-id <id>' not specified/);
  });
});

describe('verify exit codes', () => {
  const signedRun = cli(['sign', ...TRIPLET, '--kid', 'uat1', '--key-file', files.key, ...PINNED]);

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
    expectOneLineError(await cli(['verify', join(dir, 'missing.json'), '--public-key', files.pub]), 'invalid_usage', /cannot read the request .*missing\.json: no such file/);
  });

  it('a 1024-bit public key is tried (it can prove a weak key signed); a non-RSA key is bad input (2)', async () => {
    const request = write('request2.json', (await signedRun).stdout);
    const weak = await cli(['verify', request, '--public-key', files.weakPub]);
    expect(weak.code).toBe(1);
    expect(weak.stdout).toMatch(/key: +does not verify +".*weak\.pem.*1024-bit/);
    expectOneLineError(await cli(['verify', request, '--public-key', files.ecKey]), 'not_rsa', /not an RSA key/);
  });

  it('--json prints the verdict, and errors as JSON on stderr', async () => {
    const request = write('request3.json', (await signedRun).stdout);
    const ok = await cli(['--json', 'verify', request, '--public-key', files.pub]);
    expect(JSON.parse(ok.stdout)).toMatchObject({ valid: true, verifiedBy: { source: 'file' }, decoded: { kind: 'envelope', header: { kid: 'uat1', alg: 'RS256' } } });
    const bad = await cli(['verify', request, '--public-key', files.ecKey, '--json']);
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.stderr)).toEqual({ error: { code: 'not_rsa', message: expect.stringMatching(/not an RSA key/), field: 'publicKey' } });
  });
});

describe('keys and the vault', () => {
  it('import, list, export-public, sign with --key <kid>, verify against the vault, delete', async () => {
    const env = vaultEnv('vault-a');
    const imported = await cli(['keys', 'import', files.key, '--kid', 'uat1', '--json'], { env });
    expect(imported.code).toBe(0);
    const info = JSON.parse(imported.stdout);
    expect(info).toMatchObject({ kid: 'uat1', label: 'merchant-pkcs1', source: { format: 'pkcs1-pem', description: 'PKCS#1 PEM, converted to PKCS#8' } });

    const list = await cli(['keys', 'list'], { env });
    expect(list.stdout).toMatch(new RegExp(`${info.id}\\s+uat1\\s+private\\s+2048\\s+merchant-pkcs1\\s+${info.thumbprint}`));

    expect((await cli(['keys', 'export-public', 'uat1'], { env })).stdout).toBe(merchant.spkiPem);
    const jwk = JSON.parse((await cli(['keys', 'export-public', info.id, '--jwk'], { env })).stdout);
    expect(jwk).toEqual({ kty: 'RSA', n: merchant.publicJwk.n, e: 'AQAB', kid: 'uat1', alg: 'RS256', use: 'sig' });

    const fromVault = await cli(['sign', ...TRIPLET, '--key', 'uat1', ...PINNED], { env });
    const fromFile = await cli(['sign', ...TRIPLET, '--kid', 'uat1', '--key-file', files.key, ...PINNED]);
    expect(fromVault.stdout).toBe(fromFile.stdout);

    const verified = await cli(['verify', '-'], { env, stdin: fromVault.stdout });
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(new RegExp(`key: +verifies +"merchant-pkcs1" \\(kid uat1, 2048-bit, thumbprint ${info.thumbprint}\\)`));

    expect((await cli(['keys', 'delete', 'uat1'], { env })).stdout).toBe(`Deleted key ${info.id}.\n`);
    const empty = await cli(['verify', '-'], { env, stdin: fromVault.stdout });
    expect(empty.code).toBe(2);
    expect(empty.stdout).toMatch(/^NOT VERIFIED: Not verified: no key to check the signature with/);
    expect(empty.stdout).toMatch(/WARN +signature\.no-keys/);
  });

  it('generate checks --bits; weak sizes are refused before anything is written', async () => {
    const env = vaultEnv('vault-b');
    const weak = await cli(['keys', 'generate', '--bits', '1024'], { env });
    expect(weak.code).toBe(2);
    expect(weak.stderr).toMatch(/Allowed choices are 2048, 3072, 4096/);
    const made = await cli(['keys', 'generate', '--kid', 'gen', '--label', 'made here'], { env });
    expect(made.code).toBe(0);
    expect(made.stdout).toMatch(/^Generated [0-9a-f]{12} {2}kid gen {2}private RSA-2048 {2}"made here"/);
  });

  it('keys import of a second key under a taken kid prints a kid_shared warning naming both thumbprints on stderr', async () => {
    const env = vaultEnv('vault-kid');
    const first = await cli(['keys', 'import', files.key, '--kid', 'uat1', '--json'], { env });
    expect(JSON.parse(first.stdout).warnings).toEqual([]);
    expect(first.stderr).toBe('');
    const registered = JSON.parse(first.stdout);

    const second = await cli(['keys', 'import', files.strangerPub, '--kid', 'uat1', '--label', 'regenerated'], { env });
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/^Imported [0-9a-f]{12} {2}kid uat1 {2}public RSA-2048 {2}"regenerated"/);
    const thumbprint = /thumbprint (\S+)/.exec(second.stdout)![1]!;
    const [warning, fix] = second.stderr.trimEnd().split('\n');
    expect(warning).toMatch(/^upi-inspector: warning: kid "uat1" is now carried by 2 keys .*Juspay holds exactly one public key per kid.* \[kid_shared\]$/);
    expect(warning).toContain(`thumbprint ${registered.thumbprint}`);
    expect(warning).toContain(`thumbprint ${thumbprint}`);
    expect(fix).toMatch(/^ {2}fix: Ask the merchant \(or Juspay\) which thumbprint is registered for kid "uat1"/);

    const generated = await cli(['keys', 'generate', '--kid', 'uat2', '--json'], { env });
    const moved = await cli(['keys', 'rename', JSON.parse(generated.stdout).id, '--kid', 'uat1', '--json'], { env });
    expect(moved.code).toBe(0);
    expect(moved.stderr).toBe('');
    expect(JSON.parse(moved.stdout).warnings).toEqual([expect.objectContaining({ code: 'kid_shared', keys: expect.arrayContaining([expect.objectContaining({ thumbprint: registered.thumbprint })]) })]);
  });

  it('keys import --json carries a weak key’s warning; signing with that key is refused with weak_key', async () => {
    const env = vaultEnv('vault-weak');
    const imported = await cli(['keys', 'import', files.weakKey, '--kid', 'old', '--json'], { env });
    expect(imported.code).toBe(0);
    expect(imported.stderr).toBe('');
    const info = JSON.parse(imported.stdout);
    expect(info).toMatchObject({ kid: 'old', kind: 'private', bits: 1024 });
    expect(info.warnings).toEqual([
      { code: 'weak_key', message: expect.stringMatching(/1024-bit RSA key: .*cannot sign/), fix: expect.stringMatching(/register its public key with Juspay/), keys: [{ id: info.id, label: 'weak-private', thumbprint: info.thumbprint }] },
    ]);
    // Text mode, in another vault (the public half of the same key would be a duplicate here).
    const text = await cli(['keys', 'import', files.weakPub], { env: vaultEnv('vault-weak-public') });
    expect(text.stdout).toMatch(/^Imported [0-9a-f]{12} {2}kid \(not set\) {2}public RSA-1024/);
    expect(text.stderr).toMatch(/^upi-inspector: warning: "weak" is a 1024-bit RSA public key: .* \[weak_key\]\n {2}fix: Make a 2048-bit key/);
    expectOneLineError(await cli(['sign', ...TRIPLET, '--key', info.id], { env }), 'weak_key', /is 1024-bit RSA: it is kept for verifying, but it cannot sign.*register its public key with Juspay/);
  });

  it('without UPI_INSPECTOR_PASSPHRASE and no terminal: a clear error naming the variable', async () => {
    expectOneLineError(await cli(['keys', 'list'], { env: { UPI_INSPECTOR_HOME: join(dir, 'vault-c') } }), 'vault_locked', /no terminal to ask for its passphrase: set UPI_INSPECTOR_PASSPHRASE/);
    const request = (await cli(['sign', ...TRIPLET, '--kid', 'k', '--key-file', files.key])).stdout;
    expectOneLineError(await cli(['verify', '-'], { env: { UPI_INSPECTOR_HOME: join(dir, 'vault-c') }, stdin: request }), 'vault_locked', /set UPI_INSPECTOR_PASSPHRASE\. Or verify without the vault: --public-key <file>\./);
    expectOneLineError(await cli(['sign', ...TRIPLET, '--key', 'k'], { env: { UPI_INSPECTOR_HOME: join(dir, 'vault-c') } }), 'vault_locked', /Or sign without the vault: --key-file <file>\./);
  });

  it('at a terminal: asks for a new vault’s passphrase twice, then an existing one’s once', async () => {
    const env = { UPI_INSPECTOR_HOME: join(dir, 'vault-d') };
    const mismatch = await cli(['keys', 'import', files.pub], { env, prompts: ['one', 'two'] });
    expectOneLineError({ ...mismatch, stderr: mismatch.stderr.replace(/^.*Type it again: /s, '') }, 'passphrase_mismatch', /differ: nothing was created/);
    const created = await cli(['keys', 'import', files.pub], { env, prompts: ['s3cret!', 's3cret!'] });
    expect(created.code).toBe(0);
    expect(created.stderr).toContain('Choose a passphrase');
    const listed = await cli(['keys', 'list', '--json'], { env, prompts: ['s3cret!'] });
    expect(JSON.parse(listed.stdout)).toHaveLength(1);
    const wrong = await cli(['keys', 'list'], { env, prompts: ['nope'] });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/\[wrong_passphrase\]/);
  });
});

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

describe('findings: verify and inspect-response print what the Inspect and Response screens show', async () => {
  const { createCore } = await import('../core');
  const { openVault } = await import('../core/vault');
  const core = createCore({ host: 'browser', version: '0.0.0-test', vault: await openVault({ mode: 'session' }), now: () => 1700000000000 });
  const channel = async (name: 'inspect:request' | 'inspect:response', input: unknown) => {
    const result = await core.dispatch(name, input);
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  };
  const signed = cli(['sign', ...TRIPLET, '--kid', 'uat1', '--key-file', files.key, ...PINNED]);
  const NOW = '1668389349848';
  const shape = (findings: Array<{ id: string; severity: string; path: string }>) => findings.map((f) => `${f.severity} ${f.id} ${f.path}`);

  it('verify --json carries the same findings as the inspect:request channel', async () => {
    const text = (await signed).stdout;
    const run = await cli(['--json', 'verify', '-', '--public-key', files.pub, '--now', NOW], { stdin: text });
    const fromChannel = await channel('inspect:request', { text, publicKey: merchant.spkiPem, now: Number(NOW) });
    expect(run.code).toBe(0);
    expect(shape(JSON.parse(run.stdout).findings)).toEqual(shape(fromChannel.findings));
    expect(shape(fromChannel.findings)).toContain('info signature.verified payload.signature');
  });

  it('verify prints the findings as text and exits 1 on an error finding even when the signature holds', async () => {
    const envelope = JSON.parse((await signed).stdout);
    envelope.service = 'in.juspay.nowhere'; // not signed: the signature still verifies
    const run = await cli(['verify', '-', '--public-key', files.pub, '--now', NOW], { stdin: JSON.stringify(envelope) });
    expect(run.stdout).toMatch(/^INVALID: The signature verifies with .*, but: service is not in\.juspay\.hyperapi\./);
    expect(run.stdout).toMatch(/ERROR {2}service\.unknown {2}service/);
    expect(run.code).toBe(1);
  });

  it('verify names standard base64 as the cause when that is what happened', async () => {
    const envelope = JSON.parse((await signed).stdout);
    envelope.payload.signature = Buffer.from(envelope.payload.signature, 'base64url').toString('base64');
    const run = await cli(['verify', '-', '--public-key', files.pub, '--now', NOW], { stdin: JSON.stringify(envelope) });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/ERROR {2}signature\.standard-base64/);
  });

  it('verify refuses a --now that is not epoch milliseconds', async () => {
    expectOneLineError(await cli(['verify', '-', '--public-key', files.pub, '--now', 'yesterday'], { stdin: (await signed).stdout }), 'invalid_usage', /--now takes epoch milliseconds/);
  });

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

  it('inspect-response exits 0 for a healthy LINKED response and 1 for a failure, with the channel’s findings', async () => {
    const good = await cli(['--json', 'inspect-response', '-'], { stdin: linked });
    expect(good.code).toBe(0);
    expect(JSON.parse(good.stdout).findings).toEqual((await channel('inspect:response', { text: linked })).findings);
    // The verdict only: findings and how the JSON was found, never the response echoed back.
    expect(Object.keys(JSON.parse(good.stdout)).sort()).toEqual(['findings', 'shape', 'source']);
    expect(JSON.parse(good.stdout)).toMatchObject({ shape: 'envelope', source: 'json' });
    const bad = await cli(['inspect-response', '-'], { stdin: failure });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/ERROR {2}error\.code/);
    expect(bad.stdout).toMatch(/signature mismatch/i);
  });

  it('inspect-response --request-id flags a response to another request', async () => {
    const run = await cli(['inspect-response', '-', '--request-id', '11111111-2222-4333-8444-555555555555'], { stdin: linked });
    expect(run.stdout).toMatch(/response\.request-id-mismatch/);
    expect(run.stdout).toContain('9b2f4c1e-8a3d-4f6b-9c2e-1d5a7b8c9e0f');
    expect(run.stdout).toContain('11111111-2222-4333-8444-555555555555');
    expect(run.code).toBe(1);
  });

  it('inspect-response without --request-id does not judge the requestId', async () => {
    const run = await cli(['--json', 'inspect-response', '-'], { stdin: linked.replace('9b2f4c1e-8a3d-4f6b-9c2e-1d5a7b8c9e0f', 'another-call') });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).findings.map((f: { id: string }) => f.id)).not.toContain('response.request-id-mismatch');
  });

  it('inspect-response of a missing file is bad input (2)', async () => {
    expectOneLineError(await cli(['inspect-response', join(dir, 'nope.json')]), 'invalid_usage', /cannot read the response/);
  });
});

describe('JSON nested 100,000 levels deep: a one-line error and exit 2, never a stack trace', () => {
  const levels = 100_000;
  const deep = {
    arrays: write('deep-arrays.json', '['.repeat(levels) + ']'.repeat(levels)),
    objects: write('deep-objects.json', `{"requestId":"r","payload":${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}}`),
    string: write('deep-string.json', JSON.stringify('['.repeat(levels) + ']'.repeat(levels))),
    envelopes: write('deep-envelopes.json', '{"envelope":'.repeat(levels) + '1' + '}'.repeat(levels)),
  };

  it.each(Object.keys(deep) as Array<keyof typeof deep>)('verify and inspect-response on %s', async (name) => {
    const file = deep[name];
    for (const argv of [['verify', file, '--public-key', files.pub], ['inspect-response', file]]) {
      expectOneLineError(await cli(argv), 'too_deep', new RegExp(`cannot read the (request|response) ${file}: the JSON (string at line 1, column 1 holds JSON )?(is )?nested more than 256 levels deep at line 1, column \\d+`));
    }
  });

  it('verify --json reports it as JSON on stderr', async () => {
    const run = await cli(['--json', 'verify', deep.arrays, '--public-key', files.pub]);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stderr).error).toMatchObject({ code: 'too_deep', message: expect.stringContaining('(the limit is 256 levels)') });
  });

  it('verify --public-key with a JWK nested too deep, and keys import of one', async () => {
    const jwk = write('deep.jwk', JSON.stringify({ ...merchant.publicJwk, x: 0 }).replace('"x":0', `"x":${'['.repeat(levels)}${']'.repeat(levels)}`));
    const request = write('shallow-request.json', '{"protected":"e30","signaturePayload":"e30","signature":"AA"}');
    expectOneLineError(await cli(['verify', request, '--public-key', jwk]), 'too_deep', /cannot read the public key file .*deep\.jwk: the JSON is nested more than 256 levels deep/);
    expectOneLineError(await cli(['keys', 'import', jwk, '--kid', 'deep'], { env: vaultEnv('deep-vault') }), 'too_deep', /nested more than 256 levels deep/);
  });
});
