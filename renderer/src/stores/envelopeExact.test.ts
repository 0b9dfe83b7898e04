import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { memoryStorage } from './__fixtures__/memory-storage';

globalThis.localStorage = memoryStorage();

const sign = vi.fn();
vi.mock('../api', () => ({ api: { 'envelope:sign': (i: unknown) => sign(i), 'envelope:verify': vi.fn() } }));

const { useEnvelopeStore } = await import('./envelope');
const { exactProblems } = await import('./envelopeExact');
const { exactWarnings } = await import('./exactWarnings');

const fields = {
  requestId: '0cdd0a47-cc0a-439c-90af-0a7f59eef8a2',
  service: 'in.juspay.hyperapi',
  action: 'upiGetSessionToken',
  merchantId: ' stock ',
  merchantCustomerId: 'cust-42',
  merchantChannelId: 'STOCK_ANDROID',
  timestamp: '1668389349',
};
const KEY = { id: 'k1', label: 'QA key', kid: 'uat-qa', thumbprint: 'tp', bits: 2048, kind: 'private' as const, createdAt: '2024-01-01T00:00:00.000Z', source: { format: 'pkcs8-pem' as const, description: 'PKCS#8 PEM' } };

beforeEach(() => {
  vi.useFakeTimers();
  sign.mockReset();
  sign.mockResolvedValue({ ok: true, value: { json: '{}', compact: '{}', envelope: {}, header: {}, claims: {}, signingInput: 'a.b', key: { id: 'k1' } } });
  useEnvelopeStore.setState({ ...fields, timestampMode: 'pinned', pinnedTimestamp: fields.timestamp, keyId: 'k1', exactBytes: false, kidOverride: null });
});
afterEach(() => vi.useRealTimers());

describe('exact-bytes mode', () => {
  it('sends the fields untrimmed, a seconds timestamp and the kid override to the main side to sign', async () => {
    useEnvelopeStore.getState().setExactBytes(true);
    useEnvelopeStore.getState().setKidOverride(' uat-other ');
    useEnvelopeStore.getState().setPinnedTimestamp(' 1668389349 ');
    await useEnvelopeStore.getState().signNow();
    expect(sign).toHaveBeenLastCalledWith(expect.objectContaining({ exact: { fields: { ...fields, timestamp: ' 1668389349 ' }, kid: ' uat-other ' }, keyId: 'k1' }));
    expect(sign.mock.lastCall![0]).not.toHaveProperty('fields');
  });

  it('off again: checked fields as before, and the override is forgotten', async () => {
    useEnvelopeStore.getState().setExactBytes(true);
    useEnvelopeStore.getState().setKidOverride('x');
    useEnvelopeStore.getState().setExactBytes(false);
    expect(useEnvelopeStore.getState().kidOverride).toBeNull();
    await useEnvelopeStore.getState().signNow();
    // The seconds timestamp is refused by the checked mode: nothing is sent.
    expect(sign).not.toHaveBeenCalled();
    expect(useEnvelopeStore.getState().preview.problems.map((p) => p.field)).toEqual(['timestamp']);
  });

  it('stops only for a missing key or an absurd length', () => {
    expect(exactProblems({ ...fields, timestamp: '', merchantId: '' }, 'k1', null)).toEqual([]);
    expect(exactProblems(fields, null, null).map((p) => p.field)).toEqual(['keyId']);
    expect(exactProblems({ ...fields, merchantId: 'x'.repeat(2001) }, 'k1', null).map((p) => p.field)).toEqual(['merchantId']);
  });

  it('warns under each field in the inspector’s words, and under the kid when it is not the signer’s', () => {
    const w = exactWarnings(fields, KEY, 'uat-other', 1668389349848);
    expect(w.timestamp).toMatch(/epoch seconds, not milliseconds/);
    expect(w.merchantId).toMatch(/spaces/);
    expect(w.kid).toMatch(/made with the key "QA key" whose kid is "uat-qa", but the header says kid "uat-other"/);
    expect(exactWarnings({ ...fields, merchantId: 'stock', timestamp: '1668389349848' }, KEY, null, 1668389349848)).toEqual({});
  });
});
