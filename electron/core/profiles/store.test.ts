/** The profile store on disk: what it keeps, how it keeps it, and what it refuses. */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SaveProfileInput } from '../../../shared/profile-channels';
import { certificatePem, testRsaKey } from '../__fixtures__/test-keys';
import { tempDirs } from '../__fixtures__/temp-dirs';
import { rejection } from '../__fixtures__/thrown';
import { jwkThumbprint } from '../keys/export';
import { openVault } from '../vault/open';
import { PROFILES_FILE_NAME } from './file';
import { ProfileStore } from './store';

const dataDir = tempDirs('upi-profiles-');
const merchant = testRsaKey();
const other = testRsaKey(2048, 'other');
const KID = 'uat833359804655bb748702e324111';
const NOW = Date.UTC(2026, 11, 1, 5, 0, 0);
const vault = await openVault({ mode: 'session' });
const thumb = await jwkThumbprint(merchant.publicKey);
const otherThumb = await jwkThumbprint(other.publicKey);

function acme(overrides: Partial<SaveProfileInput> = {}): SaveProfileInput {
  return {
    name: 'Acme UAT',
    environment: 'sandbox',
    merchantId: 'acme',
    merchantChannelId: 'acmeapp',
    merchantCustomerId: 'cust-1',
    registeredKeys: [{ kid: KID, text: merchant.spkiPem, registeredAt: '2026-11-02', registeredBy: 'Priya' }],
    ...overrides,
  };
}

describe('saving profiles', () => {
  it('keeps a registered key as its public key and thumbprint, read from PEM, JWK or certificate alike', async () => {
    const store = new ProfileStore(dataDir(), () => NOW);
    for (const [name, text] of [['pem', merchant.pkcs1PublicPem], ['jwk', JSON.stringify(merchant.publicJwk)], ['cert', certificatePem(merchant)]]) {
      const { profile, notes } = await store.save(acme({ name, registeredKeys: [{ kid: KID, text }] }), vault);
      expect(notes).toEqual([]);
      expect(profile.registeredKeys).toEqual([{ kid: KID, thumbprint: thumb, publicKeyPem: merchant.spkiPem, registeredAt: '', registeredBy: '' }]);
    }
    expect((await store.all()).map((p) => p.name)).toEqual(['pem', 'jwk', 'cert']);
  });

  it('takes a pasted private key only as its public half, and says so', async () => {
    const dir = dataDir();
    const store = new ProfileStore(dir);
    const { profile, notes } = await store.save(acme({ registeredKeys: [{ kid: KID, text: merchant.pkcs1Pem }] }), vault);
    expect(profile.registeredKeys[0]).toMatchObject({ thumbprint: thumb, publicKeyPem: merchant.spkiPem });
    expect(notes).toEqual([`The key pasted for kid "${KID}" is a private key (PKCS#1 PEM, converted to PKCS#8): only its public half was kept (thumbprint ${thumb}); the private part was not stored.`]);
    expect(readFileSync(join(dir, PROFILES_FILE_NAME), 'utf8')).not.toContain('PRIVATE KEY');
  });

  it('writes profiles.json 0600 in a 0700 folder, and reads it back in a new store', async () => {
    const dir = join(dataDir(), 'home');
    const { profile } = await new ProfileStore(dir, () => NOW).save(acme(), vault);
    expect(statSync(join(dir, PROFILES_FILE_NAME)).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(await new ProfileStore(dir).all()).toEqual([profile]);
    expect(profile).toMatchObject({ createdAt: '2026-12-01T05:00:00.000Z', updatedAt: '2026-12-01T05:00:00.000Z' });
  });

  it('updates by id, keeping a registered key by its thumbprint; refuses a taken name and an unknown id', async () => {
    const store = new ProfileStore(dataDir());
    const { profile } = await store.save(acme(), vault);
    await store.save(acme({ name: 'Acme PROD', environment: 'production', registeredKeys: [] }), vault);
    const updated = await store.save(acme({ id: profile.id, merchantCustomerId: 'cust-2', registeredKeys: [{ kid: KID, thumbprint: thumb, registeredBy: 'Ravi' }] }), vault);
    expect(updated.profile).toMatchObject({ id: profile.id, merchantCustomerId: 'cust-2', registeredKeys: [{ kid: KID, thumbprint: thumb, registeredBy: 'Ravi' }] });
    expect(await rejection(store.save(acme({ id: profile.id, name: 'acme prod' }), vault))).toMatchObject({ code: 'profile_name_taken', field: 'name' });
    expect(await rejection(store.save(acme({ id: 'gone' }), vault))).toMatchObject({ code: 'profile_not_found' });
    expect(await rejection(store.save(acme({ id: profile.id, registeredKeys: [{ kid: KID, thumbprint: otherThumb }] }), vault))).toMatchObject({
      code: 'invalid_input',
      field: 'registeredKeys.0.thumbprint',
    });
    expect(await rejection(store.save(acme({ name: 'Twice', registeredKeys: [{ kid: KID, text: merchant.spkiPem }, { kid: KID, text: other.spkiPem }] }), vault))).toMatchObject({
      code: 'invalid_input',
      field: 'registeredKeys.1.kid',
    });
    expect(await rejection(store.save(acme({ name: 'Bad key', registeredKeys: [{ kid: KID, text: 'not a key' }] }), vault))).toMatchObject({ field: 'registeredKeys.0.text' });
  });

  it('refers to the signing key by kid and thumbprint, and notes when signing with it would be refused', async () => {
    const v = await openVault({ mode: 'session' });
    const signer = await v.import({ text: other.pkcs8Pem, kid: KID, label: 'acme signer' });
    const { profile, notes } = await new ProfileStore(null).save(acme({ signingKey: { keyId: signer.id } }), v);
    expect(profile.signingKey).toEqual({ kid: KID, thumbprint: otherThumb });
    expect(JSON.stringify(profile)).not.toContain(signer.id);
    expect(notes).toEqual([`Signing with this profile will be refused: Juspay holds thumbprint ${thumb} for kid "${KID}" (Acme UAT); the key "acme signer" has thumbprint ${otherThumb}, so Juspay would reject its signature.`]);
  });

  it('duplicates UAT into PROD without the UAT kids, and deletes', async () => {
    const store = new ProfileStore(null);
    const { profile } = await store.save(acme(), vault);
    const copy = await store.duplicate({ id: profile.id });
    expect(copy.profile).toMatchObject({ name: 'Acme PROD', environment: 'production', merchantId: 'acme', registeredKeys: [] });
    expect(copy.notes[0]).toMatch(/not copied: Juspay issues production its own kids/);
    expect(await rejection(store.duplicate({ id: profile.id }))).toMatchObject({ code: 'profile_name_taken' });
    expect(await store.delete(copy.profile.id)).toEqual({ id: copy.profile.id });
    expect((await store.all()).map((p) => p.name)).toEqual(['Acme UAT']);
    expect(await rejection(store.delete(copy.profile.id))).toMatchObject({ code: 'profile_not_found' });
  });
});

describe('a damaged profiles.json', () => {
  it.each([
    ['not JSON', '{"format": "upi-inspector.profiles-store", "profiles": [', /it is not JSON/],
    ['private material', JSON.stringify({ format: 'upi-inspector.profiles-store', version: 1, profiles: [{ d: 'x' }] }), /private key material at profiles\[0\]\.d/],
    ['an unknown field', JSON.stringify({ format: 'upi-inspector.profiles-store', version: 1, profiles: [], extra: 1 }), /unknown field extra/],
  ])('(%s) is moved aside, reported by both names, never overwritten; the store starts empty', async (_what, text, reason) => {
    const dir = dataDir();
    writeFileSync(join(dir, PROFILES_FILE_NAME), text);
    const store = new ProfileStore(dir, () => NOW);
    const listed = await store.list();
    const movedTo = join(dir, 'profiles.damaged-2026-12-01T05-00-00-000Z.json');
    expect(listed).toEqual({ profiles: [], damaged: { file: join(dir, PROFILES_FILE_NAME), movedTo, reason: expect.stringMatching(reason) } });
    expect(readFileSync(movedTo, 'utf8')).toBe(text);
    await store.save(acme(), vault);
    expect(readFileSync(movedTo, 'utf8')).toBe(text);
    expect(readdirSync(dir).sort()).toEqual(['profiles.damaged-2026-12-01T05-00-00-000Z.json', PROFILES_FILE_NAME]);
    expect((await new ProfileStore(dir).all()).map((p) => p.name)).toEqual(['Acme UAT']);
  });
});

describe('export and import', () => {
  it('an export imports on a fresh data directory as the same profiles, ids aside', async () => {
    const from = new ProfileStore(dataDir(), () => NOW);
    const v = await openVault({ mode: 'session' });
    const signer = await v.import({ text: merchant.pkcs8Pem, kid: KID });
    const { profile } = await from.save(acme({ signingKey: { keyId: signer.id } }), v);
    const exported = await from.exportFile();
    expect(exported).toMatchObject({ fileName: 'upi-inspector-profiles-2026-12-01.json', count: 1 });
    expect(exported.text).not.toContain(profile.id);
    expect(exported.text).not.toContain(signer.id);
    const to = new ProfileStore(dataDir());
    const { imported } = await to.importFile(exported.text);
    const { id: _a, createdAt: _b, updatedAt: _c, ...kept } = imported[0]!;
    const { id: _d, createdAt: _e, updatedAt: _f, ...original } = profile;
    expect(kept).toEqual(original);
  });

  it('refuses a file whole, naming the field, and changes nothing stored', async () => {
    const dir = dataDir();
    const store = new ProfileStore(dir);
    await store.save(acme(), vault);
    const before = readFileSync(join(dir, PROFILES_FILE_NAME), 'utf8');
    const good = JSON.parse((await store.exportFile()).text);
    const variants: Array<[unknown, string, string]> = [
      [{ ...good, profiles: [{ ...good.profiles[0], name: 'New', registeredKeys: [{ ...good.profiles[0].registeredKeys[0], publicKeyPem: merchant.pkcs8Pem }] }] }, 'profiles_file_private_key', 'profiles[0].registeredKeys[0].publicKeyPem'],
      [{ ...good, profiles: [{ ...good.profiles[0], name: 'New', registeredKeys: [{ ...good.profiles[0].registeredKeys[0], thumbprint: otherThumb }] }] }, 'profiles_file_invalid', 'profiles[0].registeredKeys[0].thumbprint'],
      [{ ...good, profiles: [{ ...good.profiles[0], name: 'New', colour: 'red' }] }, 'profiles_file_invalid', 'profiles[0].colour'],
      [{ ...good, profiles: [{ ...good.profiles[0], name: 'New' }, { ...good.profiles[0], name: 'NEW' }] }, 'profiles_file_invalid', 'profiles[1].name'],
      [good, 'profile_name_taken', 'text'],
    ];
    for (const [file, code, field] of variants) expect(await rejection(store.importFile(JSON.stringify(file)))).toMatchObject({ code, field });
    expect(await rejection(store.importFile('not json'))).toMatchObject({ code: 'profiles_file_invalid', message: expect.stringMatching(/is not JSON/) });
    expect(readFileSync(join(dir, PROFILES_FILE_NAME), 'utf8')).toBe(before);
    const replaced = await store.importFile(JSON.stringify({ ...good, profiles: [{ ...good.profiles[0], merchantCustomerId: 'cust-9' }] }), true);
    expect(replaced.replaced).toEqual(['Acme UAT']);
    expect((await store.all()).map((p) => p.merchantCustomerId)).toEqual(['cust-9']);
  });
});
