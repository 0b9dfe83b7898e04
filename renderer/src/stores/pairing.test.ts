import { beforeEach, describe, expect, it, vi } from 'vitest';
import { responseFindings } from '../../../shared/diagnostics/response';
import { parseResponseText } from '../../../shared/response';
import { inspectRequestText } from '../../../shared/diagnostics/request';
import type { Verdict } from '../../../shared/verdict';
import { memoryStorage } from './__fixtures__/memory-storage';

// The inspect and envelope stores persist to (window.)localStorage and reach the main side through the api.
const storage = memoryStorage();
vi.stubGlobal('localStorage', storage);
vi.stubGlobal('window', { localStorage: storage });
vi.mock('../api', () => ({ api: {} }));

const { useInspectStore } = await import('./inspect');
const { inspectedRequestId, pairingOptions, resolvePairing, usePairingStore } = await import('./pairing');

const INSPECTED = '9b2f4c1e-8a3d-4f6b-9c2e-1d5a7b8c9e0f';
const ANSWERED = '8cbc3ad3-6e4c-4b0a-9a3f-0f6f1c2d9a11';

/** The verdict the shared diagnostics give for this pasted value (no keys: the id is what matters here). */
function inspected(envelope: unknown): Verdict {
  return inspectRequestText(envelope === undefined ? '' : JSON.stringify(envelope), { now: 0 });
}

beforeEach(() => {
  useInspectStore.setState({ result: null });
  usePairingStore.setState({ choice: 'inspect', typed: '' });
});

describe('the request open in Inspect', () => {
  it('is read from the Inspect result, and follows it when it changes', () => {
    expect(inspectedRequestId(useInspectStore.getState())).toBeUndefined();
    useInspectStore.setState({ result: inspected({ requestId: INSPECTED, service: 'in.juspay.hyperapi', payload: {} }) });
    expect(inspectedRequestId(useInspectStore.getState())).toBe(INSPECTED);
    useInspectStore.setState({ result: inspected({ requestId: ANSWERED }) });
    expect(inspectedRequestId(useInspectStore.getState())).toBe(ANSWERED);
    useInspectStore.getState().clear();
    expect(inspectedRequestId(useInspectStore.getState())).toBeUndefined();
  });

  it('has no requestId when Inspect holds a payload, a non-string or a blank id', () => {
    for (const envelope of [undefined, 'a.b.c', ['x'], { requestId: 42 }, { requestId: '  ' }, { payload: { requestId: INSPECTED } }]) {
      expect(inspectedRequestId({ ...useInspectStore.getState(), result: inspected(envelope) }), JSON.stringify(envelope)).toBeUndefined();
    }
  });

  it('a fresh window links to it by default', () => {
    expect(usePairingStore.getState().choice).toBe('inspect');
  });
});

describe('resolvePairing', () => {
  const ids = { inspected: INSPECTED, composed: 'composed-id', typed: ' typed-id ' };

  it('links to the chosen source’s id, named in words', () => {
    expect(resolvePairing('inspect', ids)).toEqual({ choice: 'inspect', requestId: INSPECTED, label: 'the request open in Inspect' });
    expect(resolvePairing('compose', ids)).toEqual({ choice: 'compose', requestId: 'composed-id', label: 'the envelope in Compose' });
    expect(resolvePairing('typed', ids)).toEqual({ choice: 'typed', requestId: 'typed-id', label: 'the requestId you typed' });
  });

  it('links to nothing when asked to, or when the chosen source has no id, and says why', () => {
    expect(resolvePairing('none', ids)).toEqual({ choice: 'none', label: 'nothing' });
    expect(resolvePairing('inspect', {}).requestId).toBeUndefined();
    expect(resolvePairing('inspect', {}).missing).toMatch(/Inspect has no request with a requestId/);
    expect(resolvePairing('typed', { typed: '   ' }).missing).toMatch(/Type the requestId/);
  });
});

describe('pairing decides whether the requestId is judged', () => {
  const parsed = parseResponseText(JSON.stringify({ requestId: ANSWERED, event: 'process_result', payload: { action: 'upiGetSessionToken', status: 'FRESH' } }));
  const requestIdErrors = (linked: ReturnType<typeof resolvePairing>) =>
    responseFindings(parsed, pairingOptions(linked)).filter((f) => f.severity === 'error' && f.message.includes('requestId'));

  it('unlinked (nothing, or an empty Inspect): no error about the requestId', () => {
    expect(requestIdErrors(resolvePairing('none', { inspected: INSPECTED }))).toEqual([]);
    expect(requestIdErrors(resolvePairing('inspect', {}))).toEqual([]);
  });

  it('linked to the request in Inspect with another id: one error naming both ids and Inspect', () => {
    const errors = requestIdErrors(resolvePairing('inspect', { inspected: INSPECTED }));
    expect(errors.map((f) => f.id)).toEqual(['response.request-id-mismatch']);
    expect(errors[0]!.message).toContain(INSPECTED);
    expect(errors[0]!.message).toContain(ANSWERED);
    expect(errors[0]!.message).toContain('the request open in Inspect');
  });

  it('linked to the request it answers: no error', () => {
    expect(requestIdErrors(resolvePairing('typed', { typed: ANSWERED }))).toEqual([]);
  });
});
