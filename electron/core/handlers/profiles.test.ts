/**
 * The profiles channels through the one dispatch both doors use: the store, the verdict that answers
 * with a profile, the signing guard, and no private key material in profiles.json or an export.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Channel, ChannelOutput } from '../../../shared/contract';
import type { Result } from '../../../shared/result';
import { SAMPLE_FIELDS } from '../__fixtures__/envelope-fields';
import { KID, NOW, b64url, claims, envelope, goodSignature, header, merchant, signOver, vaultWith } from '../__fixtures__/signed-request';
import { tempDirs } from '../__fixtures__/temp-dirs';
import { privateJwkValues, testRsaKey } from '../__fixtures__/test-keys';
import { createCore } from '../index';
import { jwkThumbprint } from '../keys/export';
import { PROFILES_FILE_NAME } from '../profiles/file';

const dataDir = tempDirs('upi-profile-channels-');
const regenerated = testRsaKey(2048, 'regenerated');
const prodKey = testRsaKey(2048, 'prod');
const PROD_KID = 'prod833359804655bb748702e324111';
const merchantThumb = await jwkThumbprint(merchant.publicKey);
const regeneratedThumb = await jwkThumbprint(regenerated.publicKey);

async function world() {
  const dir = dataDir();
  const { vault, infos } = await vaultWith(
    { pem: merchant.pkcs8Pem, kid: KID, label: 'acme uat' },
    { pem: regenerated.pkcs8Pem, kid: KID, label: 'regenerated' },
    { pem: prodKey.pkcs8Pem, kid: PROD_KID, label: 'acme prod' },
  );
  const core = createCore({ host: 'browser', version: '0.0.0-test', vault, dataDir: dir, now: () => NOW });
  const call = async <C extends Channel>(channel: C, input: unknown): Promise<Result<ChannelOutput<C>>> => core.dispatch(channel, input);
  const value = async <C extends Channel>(channel: C, input: unknown): Promise<ChannelOutput<C>> => {
    const r = await call(channel, input);
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
    return r.value;
  };
  const base = { environment: 'sandbox', merchantId: 'stock', merchantChannelId: 'stockapp', merchantCustomerId: 'cust-42' };
  const uat = (await value('profiles:save', { ...base, name: 'Acme UAT', signingKey: { keyId: infos[0]!.id }, registeredKeys: [{ kid: KID, keyId: infos[0]!.id }] })).profile;
  const prod = (
    await value('profiles:save', { ...base, name: 'Acme PROD', environment: 'production', signingKey: { keyId: infos[2]!.id }, registeredKeys: [{ kid: PROD_KID, text: prodKey.spkiPem }] })
  ).profile;
  return { dir, infos, call, value, uat, prod };
}

const byRegenerated = envelope(b64url(signOver(`${b64url(header)}.${b64url(claims)}`, regenerated)));
const good = envelope(b64url(goodSignature));

describe('profiles channels', () => {
  it('refuse bad input naming the field', async () => {
    const { call } = await world();
    expect(await call('profiles:save', { environment: 'sandbox', merchantId: 'm', merchantChannelId: 'c' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'name' } });
    expect(await call('profiles:save', { name: 'x', environment: 'uat', merchantId: 'm', merchantChannelId: 'c' })).toMatchObject({ error: { field: 'environment' } });
    expect(await call('profiles:import', { text: '{"format":"upi-inspector.profiles","version":1,"profiles":[],"x":1}' })).toMatchObject({ error: { code: 'profiles_file_invalid', field: 'x' } });
    expect(await call('profiles:delete', { id: 'nope' })).toMatchObject({ error: { code: 'profile_not_found' } });
  });

  it('never store or export private material, even when private keys are pasted as registered keys', async () => {
    const { dir, value } = await world();
    const saved = await value('profiles:save', {
      name: 'Pasted privately',
      environment: 'sandbox',
      merchantId: 'm',
      merchantChannelId: 'c',
      registeredKeys: [{ kid: 'k1', text: merchant.pkcs1Pem }, { kid: 'k2', text: JSON.stringify(regenerated.privateJwk) }, { kid: 'k3', text: prodKey.pkcs8Pem }],
    });
    expect(saved.notes).toHaveLength(3);
    const exported = (await value('profiles:export', {})).text;
    const stored = readFileSync(join(dir, PROFILES_FILE_NAME), 'utf8');
    const secrets = ['PRIVATE KEY', ...[merchant, regenerated, prodKey].flatMap((k) => privateJwkValues(k.privateJwk))];
    for (const [name, text] of [['export', exported], ['profiles.json', stored], ['save answer', JSON.stringify(saved)]] as const) {
      for (const secret of secrets) expect(text.includes(secret), `${name} holds ${secret.slice(0, 12)}…`).toBe(false);
    }
  });
});

describe('the verdict with a profile', () => {
  it('picks the profile from the request and names both thumbprints when Juspay holds another key', async () => {
    const { value, uat } = await world();
    const v = await value('inspect:request', { text: byRegenerated, now: NOW, profile: 'auto' });
    expect(v.profile).toEqual({ id: uat.id, name: 'Acme UAT', environment: 'sandbox', picked: 'auto', matchedOn: ['kid', 'merchantId', 'merchantChannelId'] });
    expect(v.cause).toBe('profile.registered-key-mismatch');
    const mismatch = v.findings.find((f) => f.id === 'profile.registered-key-mismatch')!;
    expect(mismatch.message).toContain(`Juspay holds thumbprint ${merchantThumb} for kid "${KID}" (Acme UAT); this request was signed by the key with thumbprint ${regeneratedThumb} ("regenerated"`);
    // The registered key and its vault twin are one public key, tried once, under the profile's name.
    expect(v.tried.filter((t) => t.thumbprint === merchantThumb)).toEqual([expect.objectContaining({ source: 'profile', label: 'Juspay holds (Acme UAT)', valid: false })]);
  });

  it('verifies with the registered key, and without a profile answers as before', async () => {
    const { value, uat } = await world();
    const chosen = await value('inspect:request', { text: good, now: NOW, profile: { id: uat.id } });
    expect(chosen).toMatchObject({ valid: true, profile: { picked: 'chosen', name: 'Acme UAT' }, verifiedBy: { source: 'profile' } });
    expect(chosen.cause).toBeUndefined();
    const none = await value('inspect:request', { text: good, now: NOW });
    expect(none.profile).toBeUndefined();
    expect(none.verifiedBy).toMatchObject({ source: 'vault', label: 'acme uat' });
  });

  it('says a kid is registered in the other environment; an unknown profile id is an error', async () => {
    const { value, call, prod } = await world();
    const v = await value('envelope:verify', { text: good, profile: { id: prod.id } });
    expect(v.cause).toBe('profile.kid-unregistered');
    expect(v.findings.find((f) => f.id === 'profile.kid-unregistered')?.message).toContain(`"${KID}" is registered in Acme UAT (sandbox): the request is signed for the other environment`);
    expect(await call('inspect:request', { text: good, profile: { id: 'gone' } })).toMatchObject({ ok: false, error: { code: 'profile_not_found', field: 'profile.id' } });
  });
});

describe('the signing guard', () => {
  it('signs with the profile’s own key, and refuses another profile’s key or a key Juspay does not hold, naming both', async () => {
    const { call, infos, uat } = await world();
    expect((await call('envelope:sign', { fields: SAMPLE_FIELDS, keyId: infos[0]!.id, profileId: uat.id })).ok).toBe(true);
    const prodKeyForUat = await call('envelope:sign', { fields: SAMPLE_FIELDS, keyId: infos[2]!.id, profileId: uat.id });
    expect(prodKeyForUat).toMatchObject({ ok: false, error: { code: 'profile_mismatch', field: 'keyId' } });
    if (!prodKeyForUat.ok) expect(prodKeyForUat.error.message).toMatch(/^The key "acme prod" \(thumbprint .{43}\) is the signing key of the profile Acme PROD \(production\), not of Acme UAT \(sandbox\)/);
    const regeneratedForUat = await call('envelope:sign', { fields: SAMPLE_FIELDS, keyId: infos[1]!.id, profileId: uat.id });
    if (regeneratedForUat.ok) throw new Error('signed with a key Juspay does not hold');
    expect(regeneratedForUat.error.message).toBe(`Juspay holds thumbprint ${merchantThumb} for kid "${KID}" (Acme UAT); the key "regenerated" has thumbprint ${regeneratedThumb}, so Juspay would reject its signature.`);
    // Without a profile, nothing is guarded (as before).
    expect((await call('envelope:sign', { fields: SAMPLE_FIELDS, keyId: infos[1]!.id })).ok).toBe(true);
  });
});
