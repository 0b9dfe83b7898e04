import { describe, expect, it } from 'vitest';
import { composeFindings, type ComposeCheck } from './compose';
import type { KeyRef } from './types';

const NOW = 1_700_000_000_000;
const SIGNER: KeyRef = { keyId: 'k1', source: 'vault', label: 'UAT key', kid: 'uat833359804655bb748702e324111', thumbprint: 'tp', bits: 2048 };
const GOOD: ComposeCheck = {
  fields: {
    requestId: '3f2b8c1e-9a4d-4e6f-8b2a-1c3d5e7f9a0b',
    service: 'in.juspay.hyperapi',
    action: 'upiGetSessionToken',
    merchantId: 'stock',
    merchantCustomerId: 'cust-42',
    merchantChannelId: 'stockapp',
    timestamp: String(NOW - 5_000),
  },
  kid: SIGNER.kid,
  signer: SIGNER,
  now: NOW,
};
const ids = (check: ComposeCheck) => Object.fromEntries(Object.entries(composeFindings(check)).map(([k, v]) => [k, v!.map((f) => f.id)]));

describe('composeFindings: the inspector on the request being built, by field', () => {
  it('says nothing about a request that follows the rules', () => {
    expect(composeFindings(GOOD)).toEqual({});
  });

  it('puts each deviation under its field, in the inspector’s words', () => {
    const found = composeFindings({ ...GOOD, fields: { ...GOOD.fields, timestamp: String(Math.floor(NOW / 1000)), merchantId: ' stock ' }, kid: 'uat-someone-else' });
    expect(found.timestamp?.map((f) => f.id)).toEqual(['timestamp.seconds']);
    expect(found.timestamp?.[0]?.message).toMatch(/epoch seconds, not milliseconds/);
    expect(found.merchantId?.map((f) => f.id)).toEqual(['claims.wrong-type']);
    expect(found.kid?.map((f) => f.id)).toEqual(['header.kid-mismatch']);
    expect(found.kid?.[0]?.message).toMatch(/made with the key "UAT key" whose kid is "uat833359804655bb748702e324111", but the header says kid "uat-someone-else"/);
  });

  it('names every other kind of bytes QA may type: ISO and empty timestamps, an empty claim, a bad requestId, another service', () => {
    expect(ids({ ...GOOD, fields: { ...GOOD.fields, timestamp: '2023-11-14T22:13:20Z' } }).timestamp).toEqual(['timestamp.not-numeric']);
    expect(ids({ ...GOOD, fields: { ...GOOD.fields, timestamp: '' } }).timestamp).toEqual(['timestamp.not-numeric']);
    expect(ids({ ...GOOD, fields: { ...GOOD.fields, merchantChannelId: '' } }).merchantChannelId).toEqual(['claims.missing-field']);
    expect(ids({ ...GOOD, fields: { ...GOOD.fields, requestId: 'req-1' } }).requestId).toEqual(['request-id.not-uuid-v4']);
    expect(ids({ ...GOOD, fields: { ...GOOD.fields, service: 'in.juspay.ec' } }).service).toEqual(['service.sibling']);
    expect(ids({ ...GOOD, kid: '' }).kid).toEqual(['header.kid-missing']);
  });
});
