import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const inspect = vi.fn();
vi.mock('../api', () => ({ api: { 'inspect:response': (i: unknown) => inspect(i) } }));

const { useResponseStore, readResponse, PARSE_DEBOUNCE_MS } = await import('./response');
const { isWholeDocument } = await import('../features/response/values');

const linked = JSON.stringify({
  requestId: 'r1',
  payload: {
    status: 'LINKED',
    vpaAccounts: [
      { vpa: 'a@axb', accounts: [{ referenceId: 'x', mpinLength: '6', mpinSet: 'true' }, { referenceId: 'y', mpinLength: 4, mpinSet: false }] },
      { vpa: 'b@axb', accounts: [{ referenceId: 'z' }] },
    ],
  },
  event: 'process_result',
});

beforeEach(() => {
  vi.useFakeTimers();
  inspect.mockReset();
  useResponseStore.getState().clear();
});
afterEach(() => vi.useRealTimers());

describe('readResponse', () => {
  it('flattens accounts with their VPA and reads "6" and 6 alike', () => {
    const r = readResponse(linked);
    expect(r.parsed?.ok).toBe(true);
    expect(r.rows.map((row) => [row.vpa, row.referenceId, row.mpinLength, row.mpinSet])).toEqual([
      ['a@axb', 'x', 6, true],
      ['a@axb', 'y', 4, false],
      ['b@axb', 'z', undefined, undefined],
    ]);
    // Compact input is pretty-printed for the raw view; pretty input is shown as received.
    expect(r.pretty).toContain('\n  "requestId": "r1"');
    const pretty = JSON.stringify(JSON.parse(linked), null, 4);
    expect(readResponse(pretty).pretty).toBe(pretty);
  });

  it('says where broken JSON breaks', () => {
    const r = readResponse('{\n  "payload": {,\n}');
    expect(r.parsed).toMatchObject({ ok: false, reason: 'json', line: 2 });
    expect(r.rows).toEqual([]);
    expect(r.pretty).toBeNull();
  });

  it('reads nothing from blank text', () => {
    expect(readResponse('  \n').parsed).toBeNull();
  });
});

describe('the response store', () => {
  it('reads a paste at once and typing after a pause', async () => {
    useResponseStore.getState().setText(linked, 'paste');
    expect(useResponseStore.getState().rows).toHaveLength(3);
    useResponseStore.getState().setText('{"payload":{"status":"FRESH"}}', 'typed');
    expect(useResponseStore.getState().rows).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(PARSE_DEBOUNCE_MS + 1);
    expect(useResponseStore.getState().rows).toHaveLength(0);
    expect(useResponseStore.getState().parsed).toMatchObject({ ok: true, response: { payload: { status: 'FRESH' } } });
  });

  it('treats a main side without findings as "unavailable", not as an error', async () => {
    inspect.mockResolvedValue({ ok: false, error: { code: 'not_implemented', message: 'later' } });
    useResponseStore.getState().setText(linked, 'paste');
    await useResponseStore.getState().inspect('r1');
    expect(inspect).toHaveBeenCalledWith({ text: linked, requestId: 'r1' });
    expect(useResponseStore.getState().findings.phase).toBe('unavailable');
  });

  it('drops findings that answer an older text', async () => {
    let answer: (v: unknown) => void = () => {};
    inspect.mockImplementationOnce(() => new Promise((r) => (answer = r)));
    useResponseStore.getState().setText(linked, 'paste');
    const pending = useResponseStore.getState().inspect();
    useResponseStore.getState().setText('{"payload":{"status":"BOUND"}}', 'paste');
    answer({ ok: true, value: { findings: [{ id: 'old', severity: 'info', path: '', message: '', fix: '' }] } });
    await pending;
    expect(useResponseStore.getState().findings.phase).toBe('idle');
  });
});

describe('isWholeDocument', () => {
  it('tells a pasted document from a fragment', () => {
    expect(isWholeDocument('  {"a": 1}\n')).toBe(true);
    expect(isWholeDocument('[1, 2]')).toBe(true);
    expect(isWholeDocument('"status": "LINKED",')).toBe(false);
    expect(isWholeDocument('{"a": ')).toBe(false);
  });
});
