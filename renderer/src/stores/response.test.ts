import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as sharedResponse from '../../../shared/response';
import { parseResponseText } from '../../../shared/response';
import { useResponseStore, readResponse, PARSE_DEBOUNCE_MS } from './response';

// Counted, not replaced: the store must read each paste once.
vi.mock('../../../shared/response', async (importOriginal) => {
  const original = await importOriginal<typeof sharedResponse>();
  return { ...original, parseResponseText: vi.fn(original.parseResponseText) };
});
const parses = vi.mocked(parseResponseText);
import { isWholeDocument } from '../features/response/values';

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
  useResponseStore.getState().clear();
  parses.mockClear();
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

  it('a big pretty response is shown as received, not printed again; a compact one with a stray line break is', () => {
    const accounts = Array.from({ length: 24_000 }, (_, i) => ({ referenceId: `ref-${i}`, mpinLength: '6', mpinSet: 'true' }));
    const big = JSON.stringify({ requestId: 'r1', payload: { status: 'LINKED', vpaAccounts: [{ vpa: 'a@axb', accounts }] } }, null, 2);
    expect(big.length).toBeGreaterThan(2_000_000);
    expect(readResponse(big).pretty).toBe(big);
    const compact = `${JSON.stringify(JSON.parse(big))}\n`;
    expect(readResponse(compact).pretty).toBe(big);
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

  it('reads a paste once, and a burst of typing once, after the pause', async () => {
    useResponseStore.getState().setText(linked, 'paste');
    expect(parses).toHaveBeenCalledTimes(1);
    for (const text of ['{"payload":{"status":"F', '{"payload":{"status":"FR', '{"payload":{"status":"FRESH"}}']) {
      useResponseStore.getState().setText(text, 'typed');
      await vi.advanceTimersByTimeAsync(PARSE_DEBOUNCE_MS / 3);
    }
    await vi.advanceTimersByTimeAsync(PARSE_DEBOUNCE_MS + 1);
    expect(parses).toHaveBeenCalledTimes(2);
    expect(parses).toHaveBeenLastCalledWith('{"payload":{"status":"FRESH"}}');
  });

  it('clears everything, and a pending read of the old text never lands', async () => {
    useResponseStore.getState().setText('{"payload":{"status":"BOUND"}}', 'typed');
    useResponseStore.getState().clear();
    await vi.advanceTimersByTimeAsync(PARSE_DEBOUNCE_MS + 1);
    expect(parses).not.toHaveBeenCalled();
    expect(useResponseStore.getState()).toMatchObject({ text: '', source: null, parsed: null, rows: [], pretty: null });
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
