import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportedProfile, PROFILES_FILE_FORMAT } from '../../shared/profile';
import { runCliInProcess } from '../cli/__fixtures__/run-cli';
import { tempDirs } from './__fixtures__/temp-dirs';
import { testRsaKey } from './__fixtures__/test-keys';
import { ProfileStore } from './profiles/store';
import { loadSeed } from './seed';
import { openVault } from './vault/open';

const tempDir = tempDirs('upi-seed-');
const merchant = testRsaKey(2048, 'seed-merchant');
const partner = testRsaKey(2048, 'seed-partner');
const thirdKey = testRsaKey(2048, 'seed-third');
const NOW = () => 1767225600000;

function profilesFile(signingThumbprint?: string): string {
  const profile = {
    name: 'Acme UAT',
    environment: 'sandbox' as const,
    merchantId: 'ACME01',
    merchantChannelId: 'ACMEAPP',
    merchantCustomerId: '',
    registeredKeys: [],
    ...(signingThumbprint ? { signingKey: { kid: 'acme-kid', thumbprint: signingThumbprint } } : {}),
  };
  return JSON.stringify({ format: PROFILES_FILE_FORMAT, version: 1, profiles: [profile] });
}

/** keys/: a PKCS#8 PEM named in keys.json, a public JWK carrying its own kid, a private JWK without one, and a file that is no key. */
function writeSeed(options: { badManifest?: boolean; badProfiles?: boolean } = {}): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'keys'));
  writeFileSync(join(dir, 'keys', 'merchant.pem'), merchant.pkcs8Pem);
  writeFileSync(join(dir, 'keys', 'partner.json'), JSON.stringify({ ...partner.publicJwk, kid: 'partner-own-kid' }));
  writeFileSync(join(dir, 'keys', 'third-party.jwk'), JSON.stringify(thirdKey.privateJwk));
  writeFileSync(join(dir, 'keys', 'notes.pem'), 'not a key at all');
  writeFileSync(join(dir, 'keys.json'), options.badManifest ? '{ nope' : JSON.stringify({ 'merchant.pem': { kid: 'acme-kid', label: 'Acme merchant' } }));
  writeFileSync(join(dir, 'profiles.json'), options.badProfiles ? JSON.stringify({ format: 'something-else', profiles: [] }) : profilesFile());
  return dir;
}

describe('UPI_INSPECTOR_SEED', () => {
  it('loads keys (kid from keys.json, the JWK, or the file name) and profiles; a bad file is named and the rest still loads', async () => {
    const vault = await openVault({ mode: 'session' });
    const dataDir = tempDir();
    const report = await loadSeed(writeSeed(), { vault, dataDir, now: NOW });
    expect(report.keys.added).toEqual(['merchant.pem', 'partner.json', 'third-party.jwk']);
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]).toMatch(/keys\/notes\.pem was not loaded: /);
    const keys = (await vault.list()).map((k) => ({ kid: k.kid, label: k.label, kind: k.kind }));
    expect(keys).toEqual([
      { kid: 'acme-kid', label: 'Acme merchant', kind: 'private' },
      { kid: 'partner-own-kid', label: 'partner', kind: 'public' },
      { kid: 'third-party', label: 'third-party', kind: 'private' },
    ]);
    expect(report.profiles.added).toEqual(['Acme UAT']);
    const stored = await new ProfileStore(dataDir, NOW).all();
    expect(stored.map(exportedProfile)).toEqual(JSON.parse(profilesFile()).profiles);
  });

  it('is idempotent: a second load adds nothing and keeps what the user changed', async () => {
    const vault = await openVault({ mode: 'session' });
    const dataDir = tempDir();
    const seed = writeSeed();
    await loadSeed(seed, { vault, dataDir, now: NOW });
    const store = new ProfileStore(dataDir, NOW);
    const [profile] = await store.all();
    await store.save({ ...exportedProfile(profile!), id: profile!.id, merchantCustomerId: 'edited' }, vault);
    const again = await loadSeed(seed, { vault, dataDir, now: NOW });
    expect(again.keys).toEqual({ added: [], present: ['merchant.pem', 'partner.json', 'third-party.jwk'] });
    expect(again.profiles).toEqual({ added: [], present: ['Acme UAT'] });
    expect(await vault.list()).toHaveLength(3);
    expect((await store.all()).map((p) => p.merchantCustomerId)).toEqual(['edited']);
  });

  it('names a damaged keys.json or profiles.json and still loads the key files', async () => {
    const vault = await openVault({ mode: 'session' });
    const report = await loadSeed(writeSeed({ badManifest: true, badProfiles: true }), { vault, dataDir: tempDir(), now: NOW });
    expect(report.problems.find((p) => p.includes('keys.json'))).toMatch(/keys\.json is not JSON: write \{ "<key file name>": "<kid>" \}/);
    expect(report.problems.find((p) => p.includes('profiles.json'))).toMatch(/profiles\.json was not loaded: .*format must be "upi-inspector\.profiles"/);
    // Without the manifest the merchant key takes its file name as kid.
    expect((await vault.list()).map((k) => k.kid)).toEqual(['merchant', 'partner-own-kid', 'third-party']);
  });

  it('with the vault locked, says to set the passphrase and still loads the profiles', async () => {
    const dataDir = tempDir();
    const vault = await openVault({ mode: 'passphrase', dataDir });
    const report = await loadSeed(writeSeed(), { vault, dataDir, now: NOW });
    expect(report.problems[0]).toMatch(/the key vault is locked, so its 4 key file\(s\) were not loaded\. Set UPI_INSPECTOR_PASSPHRASE/);
    expect(report.profiles.added).toEqual(['Acme UAT']);
  });

  it('a folder that does not exist is said plainly', async () => {
    const report = await loadSeed('/no/such/seed', { vault: await openVault({ mode: 'session' }), dataDir: null, now: NOW });
    expect(report.problems).toEqual(['UPI_INSPECTOR_SEED is /no/such/seed, which is not a folder: point it at a folder holding keys/ and/or profiles.json.']);
  });

  it('the CLI loads it before the command, once, and refuses bad knobs with exit 2', async () => {
    const home = tempDir();
    const env = { UPI_INSPECTOR_HOME: home, UPI_INSPECTOR_PASSPHRASE: 'cli vault passphrase', UPI_INSPECTOR_SEED: writeSeed() };
    const first = await runCliInProcess(['keys', 'list', '--json'], { cwd: home, env });
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/UPI_INSPECTOR_SEED: .*notes\.pem was not loaded/);
    const second = await runCliInProcess(['keys', 'list', '--json'], { cwd: home, env });
    expect((JSON.parse(second.stdout) as unknown[]).length).toBe(3);
    const profiles = await runCliInProcess(['profiles', 'list', '--json'], { cwd: home, env });
    expect(profiles.stdout).toContain('Acme UAT');
    const bad = await runCliInProcess(['keys', 'list'], { cwd: home, env: { ...env, UPI_INSPECTOR_NOW: 'noon' } });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error: UPI_INSPECTOR_NOW is "noon": write the instant as epoch milliseconds/);
  });
});
