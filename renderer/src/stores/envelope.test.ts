import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { memoryStorage } from './__fixtures__/memory-storage';

globalThis.localStorage = memoryStorage();

const sign = vi.fn();
const verify = vi.fn();
vi.mock('../api', () => ({ api: { 'envelope:sign': (i: unknown) => sign(i), 'envelope:verify': (i: unknown) => verify(i) } }));

const { useEnvelopeStore, fieldErrors, fieldWarnings, signingProblems, currentFields } = await import('./envelope');
const { freshEnvelope, copyEnvelope, envelopeToCopy, RESIGN_AFTER_MS } = await import('../features/compose/envelopeExport');
const { useAppStore } = await import('./app');
const { loadSettings, settingsSnapshot } = await import('../lib/settingsStorage');
await loadSettings(); // no main side here: the settings are the window's copy only

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
  // Edits sign at once: a test about something else still gets an answer.
  sign.mockResolvedValue(signed('{}'));
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
    // A pinned value is not when the envelope was signed: its age, never "Signed … ago".
    expect(w.timestamp).toMatch(/^This timestamp is 16 min old: older than the 15-minute expiry/);
    expect(fieldWarnings(fields, Number(fields.timestamp) + 60_000)).toEqual({});
  });

  it('in "now" mode an expired stamp says a copy signs afresh, not "use now"', () => {
    const w = fieldWarnings(fields, Number(fields.timestamp) + 16 * 60_000, 'now');
    expect(w.timestamp).toMatch(/^Stamped 16 min ago: older than the 15-minute expiry\. Copying or saving the envelope signs it afresh/);
    expect(w.timestamp).not.toMatch(/Use "now"/);
  });

  it('uses the pinned value or the "now" stamp', () => {
    const s = useEnvelopeStore.getState();
    expect(currentFields(s).timestamp).toBe(fields.timestamp);
    expect(currentFields({ ...s, timestampMode: 'now', nowTimestamp: '1700000000000' }).timestamp).toBe('1700000000000');
  });
});

describe('live signing', () => {
  it('signs an edit at once, without waiting for a pause in typing, with the fields and key', async () => {
    sign.mockResolvedValue(signed('{"a":1}'));
    useEnvelopeStore.getState().setField('merchantId', 'stock');
    await vi.waitFor(() => expect(useEnvelopeStore.getState().preview.phase).toBe('signed'), { timeout: 50, interval: 1 });
    expect(sign).toHaveBeenCalledTimes(1);
    expect(sign).toHaveBeenCalledWith({ fields, keyId: 'k1', record: {} });
  });

  it('keeps one signature in flight: edits made meanwhile are signed together when it returns', async () => {
    const answers: Array<(v: unknown) => void> = [];
    sign.mockImplementation(() => new Promise((r) => answers.push(r)));
    const s = useEnvelopeStore.getState();
    s.setField('merchantId', 's');
    await vi.waitFor(() => expect(sign).toHaveBeenCalledTimes(1), { timeout: 50, interval: 1 });
    expect(sign.mock.calls[0]![0].fields.merchantId).toBe('s');
    s.setField('merchantId', 'st');
    s.setField('merchantId', 'sto');
    s.setField('merchantId', 'stock');
    expect(sign).toHaveBeenCalledTimes(1);
    answers[0]!(signed('{"s":1}'));
    await vi.waitFor(() => expect(sign).toHaveBeenCalledTimes(2), { timeout: 50, interval: 1 });
    expect(sign.mock.calls[1]![0]).toEqual({ fields, keyId: 'k1', record: {} });
    answers[1]!(signed('{"stock":1}'));
    await vi.waitFor(() => expect(useEnvelopeStore.getState().preview.result?.json).toBe('{"stock":1}'), { timeout: 50, interval: 1 });
    expect(sign).toHaveBeenCalledTimes(2);
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

  it('persists the form, the key and profile choice, never the signed output', async () => {
    sign.mockResolvedValue(signed('{"a":1}'));
    useEnvelopeStore.getState().setField('merchantId', 'persisted');
    await useEnvelopeStore.getState().signNow();
    const saved = settingsSnapshot()!.compose;
    expect(saved).toMatchObject({ merchantId: 'persisted', keyId: 'k1', timestampMode: 'pinned', pinnedTimestamp: fields.timestamp });
    expect(Object.keys(saved).sort()).toEqual(
      ['action', 'keyId', 'merchantChannelId', 'merchantCustomerId', 'merchantId', 'pinnedTimestamp', 'profileId', 'requestId', 'service', 'timestampMode'].sort(),
    );
  });

  it('signs for the chosen profile: the main side gets its id to guard the key', async () => {
    sign.mockResolvedValue(signed('{"a":1}'));
    useEnvelopeStore.setState({ profileId: 'p-acme' });
    await useEnvelopeStore.getState().signNow();
    useEnvelopeStore.setState({ profileId: null });
    await useEnvelopeStore.getState().signNow();
    expect(sign.mock.calls.map(([input]) => (input as { profileId?: string }).profileId)).toEqual(['p-acme', undefined]);
  });

  it('switching to pinned starts from the stamp on screen', () => {
    useEnvelopeStore.setState({ timestampMode: 'now', pinnedTimestamp: '', nowTimestamp: '1700000000123' });
    useEnvelopeStore.getState().setTimestampMode('pinned');
    expect(useEnvelopeStore.getState().pinnedTimestamp).toBe('1700000000123');
  });
});

/** What the signer answers for these fields: an envelope whose claims carry the timestamp it was given. */
function signedFrom({ fields: f }: { fields: Record<string, string> }) {
  const json = JSON.stringify({ requestId: f.requestId, timestamp: f.timestamp });
  return {
    ok: true,
    value: { json, compact: `compact:${json}`, envelope: { requestId: f.requestId }, header: {}, claims: { timestamp: f.timestamp }, signingInput: 'a.b', key: { id: 'k1' } },
  };
}

describe('"now" means now: copying or saving a stale envelope signs it afresh', () => {
  const SIGNED_AT = 1_780_000_000_000;
  const writeText = vi.fn();

  beforeEach(async () => {
    vi.setSystemTime(SIGNED_AT);
    sign.mockImplementation(async (input: { fields: Record<string, string> }) => signedFrom(input));
    writeText.mockReset().mockResolvedValue(undefined);
    vi.stubGlobal('navigator', { clipboard: { writeText } });
    useEnvelopeStore.setState({ timestampMode: 'now' });
    await useEnvelopeStore.getState().signNow();
    sign.mockClear();
  });
  afterEach(() => vi.unstubAllGlobals());

  const claimsTimestamp = (json: string) => (JSON.parse(json) as { timestamp: string }).timestamp;

  it('16 minutes after signing, Ctrl+Shift+C re-signs with the current time and copies that', async () => {
    vi.setSystemTime(SIGNED_AT + 16 * 60_000);
    expect(await copyEnvelope('json')).toBe(true);
    expect(sign).toHaveBeenCalledTimes(1);
    expect(sign).toHaveBeenCalledWith({ fields: { ...fields, timestamp: String(SIGNED_AT + 16 * 60_000) }, keyId: 'k1', record: {} });
    const copied = writeText.mock.calls[0]![0] as string;
    expect(claimsTimestamp(copied)).toBe(String(SIGNED_AT + 16 * 60_000));
    // The preview shows what was copied, and the toast says it was signed afresh.
    expect(useEnvelopeStore.getState().preview.result?.json).toBe(copied);
    expect(useAppStore.getState().toast?.message).toBe('Envelope JSON copied, signed afresh (the one on screen was 16 min old).');
  });

  it('the compact copy is signed afresh too', async () => {
    vi.setSystemTime(SIGNED_AT + 2 * 60_000);
    const text = await envelopeToCopy('compact');
    expect(text).toBe(`compact:${useEnvelopeStore.getState().preview.result?.json}`);
    expect(claimsTimestamp(text!.slice('compact:'.length))).toBe(String(SIGNED_AT + 2 * 60_000));
  });

  it('within a minute of signing, hands out the envelope on screen as it is', async () => {
    const onScreen = useEnvelopeStore.getState().preview.result;
    vi.setSystemTime(SIGNED_AT + RESIGN_AFTER_MS);
    const answer = await freshEnvelope();
    expect(answer).toEqual({ ok: true, value: onScreen, resignedAfterMs: null });
    expect(sign).not.toHaveBeenCalled();
  });

  it('a pinned timestamp is never re-signed, however old', async () => {
    useEnvelopeStore.setState({ timestampMode: 'pinned' });
    await useEnvelopeStore.getState().signNow();
    const onScreen = useEnvelopeStore.getState().preview.result!;
    sign.mockClear();
    vi.setSystemTime(SIGNED_AT + 16 * 60_000);
    await copyEnvelope('json');
    expect(sign).not.toHaveBeenCalled();
    expect(writeText).toHaveBeenCalledWith(onScreen.json);
    expect(claimsTimestamp(onScreen.json)).toBe(fields.timestamp);
  });

  it('when signing afresh fails, nothing stale is copied and the toast says why and what to do in the window', async () => {
    sign.mockResolvedValue({ ok: false, error: { code: 'vault_locked', message: 'The key vault /home/qa/vault.json is locked.', fix: 'Type its passphrase to unlock it.', field: 'passphrase' } });
    vi.setSystemTime(SIGNED_AT + 16 * 60_000);
    expect(await copyEnvelope('json')).toBe(false);
    expect(writeText).not.toHaveBeenCalled();
    expect(useAppStore.getState().toast).toMatchObject({
      tone: 'warn',
      message:
        'Envelope JSON not copied. The envelope on screen was 16 min old, and signing it afresh failed: The key vault /home/qa/vault.json is locked. Unlock the vault on the Keys screen (a new vault: choose its passphrase there).',
    });
    // The stale envelope is gone from the preview too: it cannot be copied by hand either.
    expect(useEnvelopeStore.getState().preview.result).toBeNull();
    expect(await freshEnvelope()).toMatchObject({ ok: false, error: { code: 'vault_locked' } });
  });

  it('a copy button gets null (and copies nothing) when there is nothing signed', async () => {
    useEnvelopeStore.setState({ merchantId: '' });
    await useEnvelopeStore.getState().signNow();
    expect(await envelopeToCopy('json')).toBeNull();
    expect(useAppStore.getState().toast?.message).toBe('Envelope JSON not copied. The form is not complete: merchantId is required: type the value Juspay issued for this merchant.');
  });
});
