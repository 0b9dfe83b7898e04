import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliWorkspace, expectOneLineError, PINNED, TRIPLET } from '../__fixtures__/run-cli';

const { cli, files, dir, write, merchant, vaultEnv } = cliWorkspace('upi-cli-keys-');
const STRONG = 'tangerine kayak orbit';

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
    expectOneLineError(await cli(['keys', 'delete', 'uat1'], { env }), 'key_not_found', /There is no key "uat1" in the vault\. Run "upi-inspector keys list"/);
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
    expectOneLineError(
      await cli(['keys', 'list'], { env: { UPI_INSPECTOR_HOME: join(dir, 'vault-c') } }),
      'vault_locked',
      /is locked and there is no terminal to ask for its passphrase\. Set UPI_INSPECTOR_PASSPHRASE or run the command in a terminal to be asked/,
    );
  });

  it('with a wrong UPI_INSPECTOR_PASSPHRASE: says the variable does not open the vault', async () => {
    const env = vaultEnv('vault-wrong');
    expect((await cli(['keys', 'import', files.pub], { env })).code).toBe(0);
    expectOneLineError(await cli(['keys', 'list'], { env: { ...env, UPI_INSPECTOR_PASSPHRASE: 'not it' } }), 'vault_locked', /^upi-inspector: UPI_INSPECTOR_PASSPHRASE does not open the key vault .*vault-wrong/);
  });

  it('at a terminal: asks for a new vault’s passphrase twice, then an existing one’s once', async () => {
    const env = { UPI_INSPECTOR_HOME: join(dir, 'vault-d') };
    const mismatch = await cli(['keys', 'import', files.pub], { env, prompts: ['tangerine kayak orbit', 'tangerine kayak orbits'] });
    expectOneLineError({ ...mismatch, stderr: mismatch.stderr.replace(/^.*Type it again: /s, '') }, 'passphrase_mismatch', /differ: nothing was created\. Run the command again\./);
    const created = await cli(['keys', 'import', files.pub], { env, prompts: ['s3cret!', 'password1234', STRONG, STRONG] });
    expect(created.code).toBe(0);
    expect(created.stderr).toContain('Choose a passphrase');
    // Each weak one is refused with the estimator's reason, and asked again.
    expect(created.stderr).toContain('That passphrase is too weak: it has 7 characters, and a vault passphrase needs at least 12.');
    expect(created.stderr).toMatch(/That passphrase is too weak: it would be guessed in about .* \(This is similar to a commonly used password/);
    const listed = await cli(['keys', 'list', '--json'], { env, prompts: [STRONG] });
    expect(JSON.parse(listed.stdout)).toHaveLength(1);
    const wrong = await cli(['keys', 'list'], { env, prompts: ['nope'] });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/\[wrong_passphrase\]/);
  });

  it('a new vault refuses a weak passphrase: three weak ones at the prompt, or a weak UPI_INSPECTOR_PASSPHRASE, create nothing', async () => {
    const prompted = await cli(['keys', 'import', files.pub], { env: { UPI_INSPECTOR_HOME: join(dir, 'vault-weak-prompt') }, prompts: ['short', 'password1234', 'qwertyuiopasdf'] });
    expect(prompted.code).toBe(2);
    expect(prompted.stderr).toMatch(/upi-inspector: The passphrase typed is too weak to protect the key vault: .*\[weak_passphrase\]/);
    const fromEnv = await cli(['keys', 'list'], { env: { UPI_INSPECTOR_HOME: join(dir, 'vault-weak-env'), UPI_INSPECTOR_PASSPHRASE: 'hunter2' } });
    expectOneLineError(fromEnv, 'weak_passphrase', /^upi-inspector: UPI_INSPECTOR_PASSPHRASE is too weak to create the key vault .*vault-weak-env\/vault\.json: it has 7 characters, and a vault passphrase needs at least 12\. Choose at least 12 characters/);
    expect(existsSync(join(dir, 'vault-weak-prompt', 'vault.json')) || existsSync(join(dir, 'vault-weak-env', 'vault.json'))).toBe(false);
  });

  it('keys import of a JWK nested too deep: too_deep, nothing imported', async () => {
    const levels = 100_000;
    const jwk = write('deep.jwk', JSON.stringify({ ...merchant.publicJwk, x: 0 }).replace('"x":0', `"x":${'['.repeat(levels)}${']'.repeat(levels)}`));
    expectOneLineError(await cli(['keys', 'import', jwk, '--kid', 'deep'], { env: vaultEnv('deep-vault') }), 'too_deep', /nested more than 256 levels deep/);
  });
});
