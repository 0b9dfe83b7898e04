import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { HistoryEntry, HistoryEntrySummary } from '../../../shared/history';
import { memoryStorage } from './__fixtures__/memory-storage';

globalThis.localStorage = memoryStorage();

const calls = { list: vi.fn(), sign: vi.fn(), inspect: vi.fn() };
vi.mock('../api', () => ({
  api: {
    'history:list': (i: unknown) => calls.list(i),
    'envelope:sign': (i: unknown) => calls.sign(i),
    'inspect:request': (i: unknown) => calls.inspect(i),
  },
}));

const { useHistoryStore } = await import('./history');
const { useInspectStore } = await import('./inspect');
const { useResponseStore } = await import('./response');
const { useEnvelopeStore } = await import('./envelope');
const { usePairingStore } = await import('./pairing');
const { useAppStore } = await import('./app');
const { reopenEntry } = await import('../features/history/reopen');

const REQUEST_ID = '0cdd0a47-cc0a-439c-90af-0a7f59eef8a2';

function summary(id: string, extra: Partial<HistoryEntrySummary> = {}): HistoryEntrySummary {
  return { id, time: 1, kind: 'inspect', source: 'window', profile: null, merchantId: null, channel: null, kid: null, requestId: id, status: null, errorCode: null, valid: null, cause: null, summary: null, redacted: false, pair: null, ...extra };
}

function page(ids: string[], total = ids.length) {
  return { ok: true, value: { entries: ids.map((id) => summary(id)), total, offset: 0, profiles: [], status: { storage: 'memory', path: null, locked: false, pending: 0 } } };
}

function entry(reopen: HistoryEntry['reopen'], extra: Partial<HistoryEntry> = {}): HistoryEntry {
  return { ...summary('e1', { kind: reopen.kind }), text: 'the text as pasted', publicKey: null, publicKeyWithheld: false, draftId: 'draft-from-history', reopen, ...extra };
}

beforeEach(() => {
  for (const fn of Object.values(calls)) fn.mockReset();
  calls.inspect.mockResolvedValue({ ok: false, error: { code: 'unexpected', message: 'not under test' } });
  useHistoryStore.setState({ query: '', entries: [], total: 0 });
});

describe('the History screen’s list', () => {
  it('shows the answer to the latest search, not a slower older one', async () => {
    let answerOld!: (v: unknown) => void;
    calls.list.mockImplementationOnce(() => new Promise((done) => (answerOld = done))).mockResolvedValueOnce(page(['new-1']));
    useHistoryStore.getState().setQuery('old');
    const older = useHistoryStore.getState().refresh();
    useHistoryStore.getState().setQuery('new');
    await useHistoryStore.getState().refresh();
    answerOld(page(['old-1', 'old-2']));
    await older;
    expect(useHistoryStore.getState().entries.map((e) => e.id)).toEqual(['new-1']);
    expect(calls.list).toHaveBeenLastCalledWith({ query: 'new', limit: 200, offset: 0 });
  });

  it('loads the next page from where the list ends, without listing an entry twice', async () => {
    calls.list.mockResolvedValueOnce(page(['a', 'b'], 4)).mockResolvedValueOnce(page(['b', 'c', 'd'], 4));
    await useHistoryStore.getState().refresh();
    await useHistoryStore.getState().loadMore();
    expect(calls.list).toHaveBeenLastCalledWith(expect.objectContaining({ offset: 2 }));
    expect(useHistoryStore.getState().entries.map((e) => e.id)).toEqual(['a', 'b', 'c', 'd']);
    await useHistoryStore.getState().loadMore();
    expect(calls.list).toHaveBeenCalledTimes(2);
  });
});

describe('drafts: one history entry per paste', () => {
  it('Inspect records into its draft; a paste or Clear starts a new one, typing keeps it', async () => {
    const inspect = useInspectStore.getState();
    inspect.setText('{"requestId":"x"}');
    const first = useInspectStore.getState().draftId;
    await useInspectStore.getState().inspect();
    expect(calls.inspect).toHaveBeenLastCalledWith(expect.objectContaining({ record: { draftId: first } }));
    useInspectStore.getState().setText('{"requestId":"xy"}');
    expect(useInspectStore.getState().draftId).toBe(first);
    useInspectStore.getState().newDraft();
    expect(useInspectStore.getState().draftId).not.toBe(first);
    const pasted = useInspectStore.getState().draftId;
    useInspectStore.getState().clear();
    expect(useInspectStore.getState().draftId).not.toBe(pasted);
  });

  it('Response: each paste, file or drop is a new draft; typing keeps it', () => {
    useResponseStore.getState().setText('{"a":1}', 'paste');
    const pasted = useResponseStore.getState().draftId;
    useResponseStore.getState().setText('{"a":12}', 'typed');
    expect(useResponseStore.getState().draftId).toBe(pasted);
    useResponseStore.getState().setText('{"b":1}', 'file', 'r.json');
    expect(useResponseStore.getState().draftId).not.toBe(pasted);
  });
});

describe('reopening an entry puts its screen back as it was', () => {
  it('Inspect: text, public key and the reference time the verdict was made at, recording into the same entry', () => {
    reopenEntry(entry({ kind: 'inspect', referenceMs: 1668389349848 }, { publicKey: '-----BEGIN PUBLIC KEY-----' }));
    expect(useInspectStore.getState()).toMatchObject({ text: 'the text as pasted', publicKey: '-----BEGIN PUBLIC KEY-----', reference: { mode: 'pinned', epochMs: 1668389349848 }, draftId: 'draft-from-history' });
    expect(useAppStore.getState().screen).toBe('inspect');
  });

  it('Response: its text, linked to the request it was compared with', () => {
    reopenEntry(entry({ kind: 'response', linkedRequestId: REQUEST_ID }));
    expect(useResponseStore.getState()).toMatchObject({ text: 'the text as pasted', draftId: 'draft-from-history', source: { kind: 'history' } });
    expect(usePairingStore.getState()).toMatchObject({ choice: 'typed', typed: REQUEST_ID });
    expect(useAppStore.getState().screen).toBe('response');
  });

  it('Compose: the fields and key, the timestamp pinned to the one signed, and signed again', async () => {
    vi.useFakeTimers();
    calls.sign.mockResolvedValue({ ok: false, error: { code: 'unexpected', message: 'not under test' } });
    const fields = { requestId: REQUEST_ID, service: 'in.juspay.hyperapi', action: 'upiGetSessionToken', merchantId: 'stock', merchantCustomerId: 'cust-42', merchantChannelId: 'STOCK_ANDROID', timestamp: '1668389349848' };
    reopenEntry(entry({ kind: 'sign', fields, keyId: 'k1' }));
    const { timestamp, ...typed } = fields;
    expect(useEnvelopeStore.getState()).toMatchObject({ ...typed, timestampMode: 'pinned', pinnedTimestamp: timestamp, keyId: 'k1' });
    await vi.runAllTimersAsync();
    expect(calls.sign).toHaveBeenCalledWith({ fields, keyId: 'k1', record: {} });
    expect(useAppStore.getState().screen).toBe('compose');
    vi.useRealTimers();
  });
});
