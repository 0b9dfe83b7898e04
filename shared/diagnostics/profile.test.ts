/** The profile's facts in the verdict: they become the cause when they explain the failure. */
import { describe, expect, it } from 'vitest';
import { requestWorld } from '../__fixtures__/cases';
import { ACME_UAT, acmeUat, asRegistered } from '../__fixtures__/request-cases-profile';
import { evidenceFor, KID, makeKey } from '../__fixtures__/requests';
import { inspectRequestText } from './request';

const w = await requestWorld();
const held = await makeKey('held', KID);

describe('a profile that says which key Juspay holds', () => {
  it('is the cause when the registered key did not sign and nothing verifies; "does not verify" folds under it', async () => {
    const v = inspectRequestText(w.baseText, { ...w.baseOptions, profile: acmeUat([held]), signature: await evidenceFor(w.baseText, [asRegistered(held), w.otherKey]) });
    expect(v.valid).toBe(false);
    expect(v.cause).toBe('profile.registered-key-mismatch');
    expect(v.findings.find((f) => f.id === 'signature.invalid')).toMatchObject({ severity: 'info', causedBy: 'profile.registered-key-mismatch' });
    expect(v.summary.headline).toBe('The key Juspay holds for this kid (per the profile) did not sign this request.');
  });

  it('is the cause even when a vault key under the same kid verifies: that key is not the one Juspay holds', async () => {
    const v = inspectRequestText(w.baseText, { ...w.baseOptions, profile: acmeUat([held]), signature: await evidenceFor(w.baseText, [asRegistered(held), w.key]) });
    expect(v.valid).toBe(true);
    expect(v.cause).toBe('profile.registered-key-mismatch');
    expect(v.summary.tone).toBe('error');
    const mismatch = v.findings.find((f) => f.id === 'profile.registered-key-mismatch')!;
    expect(mismatch.message).toBe(
      `Juspay holds thumbprint ${held.thumbprint} for kid "${KID}" (${ACME_UAT}); this request was signed by the key with thumbprint ${w.key.thumbprint} ("vault-1 key", kid "${KID}"). Juspay verifies with the key it holds, so it answers "Merchant signature mismatch".`,
    );
    // Two keys under the kid, but the profile settles which one Juspay holds: no longer a question.
    expect(v.findings.find((f) => f.id === 'header.kid-shared')?.message).toContain(`settles which one Juspay holds: thumbprint ${held.thumbprint}, not ${w.key.thumbprint}`);
  });

  it('verifies quietly when the registered key signed: no profile finding, the kid is known though the vault lacks it', async () => {
    const v = inspectRequestText(w.baseText, { ...w.baseOptions, vaultKids: ['uat-other'], profile: acmeUat([w.key]), signature: await evidenceFor(w.baseText, [asRegistered(w.key)]) });
    expect(v.valid).toBe(true);
    expect(v.cause).toBeUndefined();
    expect(v.findings.filter((f) => f.severity !== 'info').map((f) => f.id)).toEqual([]);
    expect(v.verifiedBy).toMatchObject({ source: 'profile', label: `Juspay holds (${ACME_UAT})` });
  });

  it('an unregistered kid is the cause, ahead of a merchantId that differs', async () => {
    const profile = { ...acmeUat([w.otherKey], [{ name: 'Acme PROD', environment: 'production' as const, kid: KID }]), merchantId: 'acme' };
    const v = inspectRequestText(w.baseText, { ...w.baseOptions, profile, signature: await evidenceFor(w.baseText, [asRegistered(w.otherKey)]) });
    expect(v.cause).toBe('profile.kid-unregistered');
    expect(v.findings.map((f) => f.id)).toEqual(expect.arrayContaining(['profile.merchant-id-mismatch', 'signature.invalid']));
    expect(v.findings.find((f) => f.id === 'profile.kid-unregistered')?.message).toContain('is registered in Acme PROD (production): the request is signed for the other environment');
  });
});
