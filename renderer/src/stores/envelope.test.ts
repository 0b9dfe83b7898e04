import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const stored = new Map<string, string>();
globalThis.localStorage = {
  getItem: (k: string) => stored.get(k) ?? null,
  setItem: (k: string, v: string) => void stored.set(k, v),
  removeItem: (k: string) => void stored.delete(k),
  clear: () => stored.clear(),
  key: () => null,
  length: 0,
} as Storage;

const sign = vi.fn();
const verify = vi.fn();
vi.mock('../api', () => ({ api: { 'envelope:sign': (i: unknown) => sign(i), 'envelope:verify': (i: unknown) => verify(i) } }));

const { useEnvelopeStore, fieldErrors, fieldWarnings, signingProblems, currentFields, SIGN_DEBOUNCE_MS } = await import('./envelope');

const REQUEST_ID = '0cdd0a47-cc0a-439c-90af-0a7f59eef8a2';
const fields = {
  requestId: REQUEST_ID,
  service: 'in.juspay.hyperapi',
  action: 'upiGetSessionToken',
  merchantId: 'stock',
  merchantCustomerId: 'cust-42',
  merchantChannelId: 'STOCK_ANDROID',
  timestamp: '1668389349848',
};

function signed(json: string) {
  return { ok: true, value: { json, compact: json, envelope: {}, header: {}, claims: {}, signingInput: 'a.b', key: { id: 'k1' } } };
}

function fill() {
  useEnvelopeStore.setState({
    requestId: REQUEST_ID,
    service: fields.service,
    action: fields.action,
    merchantId: 'stock',
    merchantCustomerId: 'cust-42',
    merchantChannelId: 'STOCK_ANDROID',
    timestampMode: 'pinned',
    pinnedTimestamp: fields.timestamp,
    keyId: 'k1',
  });
}

beforeEach(() => {
  vi.useFakeTimers();
  sign.mockReset();
  verify.mockReset();
  fill();
});
afterEach(() => vi.useRealTimers());

describe('field rules', () => {
  it('takes each field’s message from the shared schema', () => {
    const errors = fieldErrors({ ...fields, requestId: 'abcd-12345', merchantId: '  ', timestamp: '1668389349' });
    expect(errors.requestId).toMatch(/uuid v4/);
    expect(errors.merchantId).toMatch(/merchantId is required/);
    expect(errors.timestamp).toMatch(/13-digit/);
    expect(errors.service).toBeUndefined();
  });

  it('lists a missing key as a problem', () => {
    expect(signingProblems(fields, null).map((p) => p.field)).toEqual(['keyId']);
    expect(signingProblems(fields, 'k1')).toEqual([]);
  });

  it('warns about another service, a sibling action, padding and an expired timestamp', () => {
    const now = Number(fields.timestamp) + 16 * 60_000;
    const w = fieldWarnings({ ...fields, service: 'in.juspay.ec', action: 'initiate', merchantId: ' stock' }, now);
    expect(w.service).toMatch(/sibling product/);
    expect(w.action).toMatch(/initiate shares this envelope/);
    expect(w.merchantId).toMatch(/trimmed/);
    expect(w.timestamp).toMatch(/16 min ago.*15-minute/);
    expect(fieldWarnings(fields, Number(fields.timestamp) + 60_000)).toEqual({});
  });

  it('uses the pinned value or the "now" stamp', () => {
    const s = useEnvelopeStore.getState();
    expect(currentFields(s).timestamp).toBe(fields.timestamp);
    expect(currentFields({ ...s, timestampMode: 'now', nowTimestamp: '1700000000000' }).timestamp).toBe('1700000000000');
  });
});

describe('live signing', () => {
  it('signs once after typing pauses, with the fields and key', async () => {
    sign.mockResolvedValue(signed('{"a":1}'));
    const s = useEnvelopeStore.getState();
    s.setField('merchantId', 'st');
    s.setField('merchantId', 'sto');
    s.setField('merchantId', 'stock');
    expect(sign).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(SIGN_DEBOUNCE_MS + 1);
    expect(sign).toHaveBeenCalledTimes(1);
    expect(sign).toHaveBeenCalledWith({ fields, keyId: 'k1' });
    expect(useEnvelopeStore.getState().preview.phase).toBe('signed');
  });

  it('never lets a slow, older answer overwrite a newer one', async () => {
    let resolveFirst: (v: unknown) => void = () => {};
    sign.mockImplementationOnce(() => new Promise((r) => (resolveFirst = r))).mockResolvedValueOnce(signed('{"new":true}'));
    const first = useEnvelopeStore.getState().signNow();
    const second = useEnvelopeStore.getState().signNow();
    await second;
    resolveFirst(signed('{"old":true}'));
    expect(await first).toBeNull();
    expect(useEnvelopeStore.getState().preview.result?.json).toBe('{"new":true}');
  });

  it('does not call the signer while the form is invalid, and says what is missing', async () => {
    useEnvelopeStore.setState({ merchantChannelId: '' });
    await useEnvelopeStore.getState().signNow();
    expect(sign).not.toHaveBeenCalled();
    const preview = useEnvelopeStore.getState().preview;
    expect(preview.phase).toBe('invalid');
    expect(preview.problems.map((p) => p.field)).toEqual(['merchantChannelId']);
    expect(preview.result).toBeNull();
  });

  it('shows the main side’s error instead of a stale envelope', async () => {
    sign.mockResolvedValue({ ok: false, error: { code: 'key_not_found', message: 'No such key.', field: 'keyId' } });
    await useEnvelopeStore.getState().signNow();
    expect(useEnvelopeStore.getState().preview).toMatchObject({ phase: 'error', result: null, error: { field: 'keyId' } });
  });

  it('verifies the envelope on screen and keeps the result while the envelope is unchanged', async () => {
    sign.mockResolvedValue(signed('{"same":1}'));
    verify.mockResolvedValue({ ok: true, value: { valid: true, tried: [], segments: {} } });
    await useEnvelopeStore.getState().signAndVerify();
    expect(verify).toHaveBeenCalledWith({ text: '{"same":1}' });
    expect(useEnvelopeStore.getState().verify.phase).toBe('done');
    await useEnvelopeStore.getState().signNow();
    expect(useEnvelopeStore.getState().verify.phase).toBe('done');
    sign.mockResolvedValue(signed('{"other":1}'));
    await useEnvelopeStore.getState().signNow();
    expect(useEnvelopeStore.getState().verify.phase).toBe('idle');
  });

  it('persists the form and the key choice, never the signed output', async () => {
    sign.mockResolvedValue(signed('{"a":1}'));
    useEnvelopeStore.getState().setField('merchantId', 'persisted');
    await useEnvelopeStore.getState().signNow();
    const saved = JSON.parse(stored.get('upi-inspector.compose')!).state;
    expect(saved).toMatchObject({ merchantId: 'persisted', keyId: 'k1', timestampMode: 'pinned', pinnedTimestamp: fields.timestamp });
    expect(Object.keys(saved).sort()).toEqual(
      ['action', 'keyId', 'merchantChannelId', 'merchantCustomerId', 'merchantId', 'pinnedTimestamp', 'requestId', 'service', 'timestampMode'].sort(),
    );
  });

  it('switching to pinned starts from the stamp on screen', () => {
    useEnvelopeStore.setState({ timestampMode: 'now', pinnedTimestamp: '', nowTimestamp: '1700000000123' });
    useEnvelopeStore.getState().setTimestampMode('pinned');
    expect(useEnvelopeStore.getState().pinnedTimestamp).toBe('1700000000123');
  });
});
