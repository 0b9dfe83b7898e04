import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { privateJwkValues, testRsaKey } from '../../core/__fixtures__/test-keys';
import { jwkThumbprint } from '../../core/keys/export';
import { cliWorkspace, expectOneLineError, PINNED } from '../__fixtures__/run-cli';

const { cli, files, write, merchant, vaultEnv, dir } = cliWorkspace('upi-cli-profiles-');
const KID = 'uat833359804655bb748702e324111';
const stranger = testRsaKey(2048, 'other');
const strangerKey = write('stranger-private.pem', stranger.pkcs8Pem);
const merchantThumb = await jwkThumbprint(merchant.publicKey);
const strangerThumb = await jwkThumbprint(stranger.publicKey);
const ACME = ['--environment', 'sandbox', '--merchant-id', 'stock', '--merchant-channel-id', 'stockapp', '--customer-id', 'cust-42'];

/** A home with "Acme UAT" registering the merchant's public key for KID. */
async function homeWithAcme(name: string) {
  const env = vaultEnv(name);
  const added = await cli(['profiles', 'add', 'Acme UAT', ...ACME, '--registered-key', files.pub, '--kid', KID, '--registered-by', 'Priya'], { env });
  expect(added.code).toBe(0);
  return env;
}

describe('profiles add | list | remove', () => {
  it('adds a profile with a registered key, lists it, and removes it', async () => {
    const env = await homeWithAcme('home-add');
    const list = await cli(['profiles', 'list'], { env });
    expect(list.stdout).toMatch(/^NAME +ENVIRONMENT +MERCHANT +CHANNEL +CUSTOMER +SIGNS WITH +REGISTERED KIDS\nAcme UAT +sandbox +stock +stockapp +cust-42 +- +uat833359804655bb748702e324111\n$/);
    const asJson = JSON.parse((await cli(['--json', 'profiles', 'list'], { env })).stdout);
    expect(asJson.profiles[0].registeredKeys[0]).toMatchObject({ kid: KID, thumbprint: merchantThumb, registeredBy: 'Priya' });
    expectOneLineError(await cli(['profiles', 'add', 'acme uat', ...ACME], { env }), 'profile_name_taken', /A profile named "Acme UAT" already exists\. Choose another name/);
    expect((await cli(['profiles', 'remove', 'Acme UAT'], { env })).stdout).toBe('Removed profile "Acme UAT".\n');
    expect((await cli(['profiles', 'list'], { env })).stdout).toMatch(/^No profiles in /);
    expectOneLineError(await cli(['profiles', 'remove', 'Acme UAT'], { env }), 'profile_not_found', /There is no profile named "Acme UAT"\. Run "upi-inspector profiles list"/);
  });

  it('keeps only the public half of a private key given as the registered key, and says so', async () => {
    const env = vaultEnv('home-private');
    const run = await cli(['profiles', 'add', 'Acme UAT', ...ACME, '--registered-key', files.key, '--kid', KID], { env });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/note: The key pasted for kid "uat8\S+" is a private key .*only its public half was kept/);
    const stored = readFileSync(join(env.UPI_INSPECTOR_HOME!, 'profiles.json'), 'utf8');
    const exported = (await cli(['profiles', 'export'], { env })).stdout;
    for (const text of [stored, exported]) for (const secret of ['PRIVATE KEY', ...privateJwkValues(merchant.privateJwk)]) expect(text).not.toContain(secret);
  });

  it('bad usage: --registered-key without --kid, an environment that is neither', async () => {
    expectOneLineError(await cli(['profiles', 'add', 'X', ...ACME, '--registered-key', files.pub], { env: vaultEnv('home-usage') }), 'invalid_usage', /--registered-key and --kid go together/);
    const run = await cli(['profiles', 'add', 'X', '--environment', 'uat', '--merchant-id', 'm', '--merchant-channel-id', 'c']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/argument 'uat' is invalid\. Allowed choices are sandbox, production/);
  });

  it('a damaged profiles.json is moved aside and said so; the command still works', async () => {
    const env = vaultEnv('home-damaged');
    await cli(['profiles', 'add', 'Acme UAT', ...ACME], { env });
    writeFileSync(join(env.UPI_INSPECTOR_HOME!, 'profiles.json'), '{ cut off');
    const run = await cli(['profiles', 'list'], { env });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/warning: the profiles file .*profiles\.json was damaged \(it is not JSON.*\); it was moved to .*profiles\.damaged-.*\.json/);
  });
});

describe('profiles export | import', () => {
  it('an export imports on another machine (another home) as the same profile', async () => {
    const env = await homeWithAcme('home-export');
    const file = join(dir, 'acme.profiles.json');
    expect((await cli(['profiles', 'export', file], { env })).stdout).toBe(`Exported 1 profile(s) to ${file}.\n`);
    const other = vaultEnv('home-import');
    expect((await cli(['profiles', 'import', file], { env: other })).stdout).toBe('Imported 1 profile(s): "Acme UAT".\n');
    const [a, b] = await Promise.all([env, other].map(async (e) => JSON.parse((await cli(['--json', 'profiles', 'list'], { env: e })).stdout).profiles[0]));
    expect({ ...b, id: a.id, createdAt: a.createdAt, updatedAt: a.updatedAt }).toEqual(a);
    expectOneLineError(await cli(['profiles', 'import', file], { env: other }), 'profile_name_taken', /"Acme UAT" are already stored, so nothing was imported\. .*--replace/);
    expect((await cli(['profiles', 'import', file, '--replace'], { env: other })).code).toBe(0);
  });

  it('refuses a file holding private key material, naming the field, and changes nothing', async () => {
    const env = await homeWithAcme('home-refuse');
    const before = readFileSync(join(env.UPI_INSPECTOR_HOME!, 'profiles.json'), 'utf8');
    const good = JSON.parse((await cli(['profiles', 'export'], { env })).stdout);
    good.profiles[0].name = 'Acme PROD';
    good.profiles[0].registeredKeys[0].d = merchant.privateJwk.d;
    const bad = write('private.profiles.json', JSON.stringify(good));
    expectOneLineError(
      await cli(['profiles', 'import', bad], { env }),
      'profiles_file_private_key',
      /The profiles file holds private key material at profiles\[0\]\.registeredKeys\[0\]\.d: the private JWK member "d"\. .*nothing stored was changed/,
    );
    expect(readFileSync(join(env.UPI_INSPECTOR_HOME!, 'profiles.json'), 'utf8')).toBe(before);
  });
});

describe('verify --profile and sign --profile', () => {
  it('profiles import, then verify --profile on a request signed by another key: exit 1, the cause names the registered thumbprint', async () => {
    const env = await homeWithAcme('home-verify-source');
    const file = write('acme-for-verify.json', (await cli(['profiles', 'export'], { env })).stdout);
    const fresh = vaultEnv('home-verify');
    expect((await cli(['profiles', 'import', file], { env: fresh })).code).toBe(0);
    const request = (await cli(['sign', '--merchant-id', 'stock', '--merchant-customer-id', 'c', '--merchant-channel-id', 'stockapp', '--kid', KID, '--key-file', strangerKey, ...PINNED])).stdout;
    const run = await cli(['verify', '-', '--profile', 'Acme UAT', '--now', '1668389349848'], { env: fresh, stdin: request });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^INVALID: The key Juspay holds for this kid \(per the profile\) did not sign this request\.\ncause: +profile\.registered-key-mismatch\nprofile: Acme UAT \(sandbox\)\n/);
    expect(run.stdout).toContain(`Juspay holds thumbprint ${merchantThumb} for kid "${KID}" (Acme UAT)`);
    const good = (await cli(['sign', '--merchant-id', 'stock', '--merchant-customer-id', 'c', '--merchant-channel-id', 'stockapp', '--kid', KID, '--key-file', files.key, ...PINNED])).stdout;
    expect((await cli(['verify', '-', '--profile', 'acme uat', '--now', '1668389349848'], { env: fresh, stdin: good })).code).toBe(0);
    expectOneLineError(await cli(['verify', '-', '--profile', 'Nobody'], { env: fresh, stdin: good }), 'profile_not_found', /There is no profile named "Nobody" \(there are "Acme UAT"\)/);
  });

  it('sign --profile takes the profile’s fields and key; another key is refused naming both, unless --allow-mismatch', async () => {
    const env = vaultEnv('home-sign');
    expect((await cli(['keys', 'import', files.key, '--kid', KID, '--label', 'acme'], { env })).code).toBe(0);
    expect((await cli(['profiles', 'add', 'Acme UAT', ...ACME, '--signing-key', KID, '--registered-key', files.pub, '--kid', KID], { env })).code).toBe(0);
    const signed = await cli(['sign', '--profile', 'Acme UAT', ...PINNED], { env });
    expect(signed.code).toBe(0);
    const envelope = JSON.parse(signed.stdout);
    expect(JSON.parse(Buffer.from(envelope.payload.signaturePayload, 'base64url').toString())).toEqual({ merchantId: 'stock', merchantCustomerId: 'cust-42', merchantChannelId: 'stockapp', timestamp: '1668389349848' });
    expect(JSON.parse(Buffer.from(envelope.payload.protected, 'base64url').toString())).toEqual({ kid: KID, alg: 'RS256' });
    const refused = await cli(['sign', '--profile', 'Acme UAT', '--key-file', strangerKey, '--kid', KID, ...PINNED], { env });
    expectOneLineError(refused, 'profile_mismatch', new RegExp(`Juspay holds thumbprint ${merchantThumb} for kid "${KID}" \\(Acme UAT\\); the key "stranger-private\\.pem" has thumbprint ${strangerThumb}.*--allow-mismatch`));
    const allowed = await cli(['sign', '--profile', 'Acme UAT', '--key-file', strangerKey, '--kid', KID, '--allow-mismatch', ...PINNED], { env });
    expect(allowed.code).toBe(0);
    expect(allowed.stderr).toMatch(/^upi-inspector: warning: signing anyway \(--allow-mismatch\): Juspay holds thumbprint/);
  });
});
