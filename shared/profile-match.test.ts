/** Which profile a request belongs to, and which keys may sign for a profile. */
import { describe, expect, it } from 'vitest';
import type { Profile, RegisteredKey } from './profile';
import { matchProfile, signingRefusal } from './profile-match';

const T = (c: string) => c.repeat(43);
const reg = (kid: string, thumbprint: string): RegisteredKey => ({ kid, thumbprint, publicKeyPem: '', registeredAt: '', registeredBy: '' });
function profile(id: string, fields: Partial<Profile>): Profile {
  return { id, name: id, environment: 'sandbox', merchantId: 'acme', merchantChannelId: 'acmeapp', merchantCustomerId: '', registeredKeys: [], createdAt: '', updatedAt: '', ...fields };
}
const uat = profile('Acme UAT', { registeredKeys: [reg('uat-1', T('a'))], signingKey: { kid: 'uat-1', thumbprint: T('a') } });
const prod = profile('Acme PROD', { environment: 'production', registeredKeys: [reg('prod-1', T('b'))], signingKey: { kid: 'prod-1', thumbprint: T('b') } });
const stock = profile('Stock UAT', { merchantId: 'stock', merchantChannelId: 'stockapp' });

describe('matchProfile', () => {
  it('picks the profile registering the kid over its twin in the other environment', () => {
    expect(matchProfile([uat, prod, stock], { merchantId: 'acme', merchantChannelId: 'acmeapp', kid: 'prod-1' })).toEqual({ profile: prod, on: ['kid', 'merchantId', 'merchantChannelId'] });
  });

  it('picks by the kid alone, or by merchantId and channel together', () => {
    expect(matchProfile([uat, stock], { merchantId: 'other', kid: 'uat-1' })?.profile).toBe(uat);
    expect(matchProfile([uat, stock], { merchantId: 'stock', merchantChannelId: 'stockapp', kid: 'unknown' })).toEqual({ profile: stock, on: ['merchantId', 'merchantChannelId'] });
  });

  it('picks none on a tie, or on merchantId alone', () => {
    expect(matchProfile([uat, prod], { merchantId: 'acme', merchantChannelId: 'acmeapp', kid: 'new-kid' })).toBeUndefined();
    expect(matchProfile([uat, stock], { merchantId: 'stock', merchantChannelId: 'STOCKAPP' })).toBeUndefined();
    expect(matchProfile([], { kid: 'uat-1' })).toBeUndefined();
  });
});

describe('signingRefusal', () => {
  const all = [uat, prod];

  it('lets the profile’s own key sign', () => {
    expect(signingRefusal(uat, all, { label: 'acme uat', kid: 'uat-1', thumbprint: T('a') })).toBeUndefined();
  });

  it('refuses a key bound to another profile, naming both profiles', () => {
    const r = signingRefusal(uat, all, { label: 'acme prod', kid: 'prod-1', thumbprint: T('b') });
    expect(r?.message).toBe(
      `The key "acme prod" (thumbprint ${T('b')}) is the signing key of the profile Acme PROD (production), not of Acme UAT (sandbox), which signs with the key of thumbprint ${T('a')}.`,
    );
  });

  it('refuses a kid the profile does not register, saying where it is registered', () => {
    const loose = profile('Loose', { environment: 'production', registeredKeys: [reg('prod-1', T('b'))] });
    const r = signingRefusal(uat, [uat, loose], { label: 'spare', kid: 'prod-1', thumbprint: T('c') });
    expect(r?.message).toBe('The key "spare" signs with kid "prod-1", which the profile Acme UAT (sandbox) does not register (it registers "uat-1"); "prod-1" is registered in Loose (production).');
  });

  it('refuses a key under a registered kid whose public key is not the one Juspay holds', () => {
    const r = signingRefusal(uat, all, { label: 'regenerated', kid: 'uat-1', thumbprint: T('d') });
    expect(r?.message).toBe(`Juspay holds thumbprint ${T('a')} for kid "uat-1" (Acme UAT); the key "regenerated" has thumbprint ${T('d')}, so Juspay would reject its signature.`);
  });

  it('says nothing about kids for a profile that registers none', () => {
    expect(signingRefusal(stock, [stock], { label: 'any', kid: 'whatever', thumbprint: T('e') })).toBeUndefined();
  });
});
