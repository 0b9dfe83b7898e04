import { afterEach, describe, expect, it } from 'vitest';
import { now, parsePinnedNow, pinClock, pinnedNow } from './clock';
import { newRequestId, parseRequestIds, queueRequestIds, takeQueuedRequestIds, UUID_V4 } from './request-ids';

const A = '0f8fad5b-d9cb-469f-a165-70867728950e';
const B = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

afterEach(() => {
  pinClock(null);
  queueRequestIds([]);
});

describe('request ids', () => {
  it('hands out the queued ids in order, then fresh uuid v4s', () => {
    queueRequestIds([A, B]);
    expect([newRequestId(), newRequestId()]).toEqual([A, B]);
    const fresh = newRequestId();
    expect(fresh).toMatch(UUID_V4);
    expect([A, B]).not.toContain(fresh);
  });

  it('takeQueuedRequestIds moves the queue out once', () => {
    queueRequestIds([A, B]);
    expect(takeQueuedRequestIds()).toEqual([A, B]);
    expect(takeQueuedRequestIds()).toEqual([]);
    expect(newRequestId()).not.toBe(A);
  });

  it('reads comma-separated uuid v4s (spaces allowed) and refuses anything else, naming the item', () => {
    expect(parseRequestIds(` ${A} ,${B},`)).toEqual({ ok: true, ids: [A, B] });
    const bad = parseRequestIds(`${A},not-a-uuid`);
    expect(bad).toEqual({ ok: false, message: expect.stringMatching(/^UPI_INSPECTOR_REQUEST_IDS item 2 "not-a-uuid" is not a uuid v4/) });
    // A v1 uuid is a uuid, but a request may only carry v4.
    expect(parseRequestIds('6ba7b810-9dad-11d1-80b4-00c04fd430c8').ok).toBe(false);
  });
});

describe('the clock', () => {
  it('runs until pinned, then reads the pinned instant', () => {
    const before = Date.now();
    expect(now()).toBeGreaterThanOrEqual(before);
    pinClock(1767225600000);
    expect(now()).toBe(1767225600000);
    expect(pinnedNow()).toBe(1767225600000);
  });

  it('reads epoch milliseconds and refuses other spellings with the variable named', () => {
    expect(parsePinnedNow(' 1767225600000 ')).toEqual({ ok: true, ms: 1767225600000 });
    for (const text of ['soon', '1.7e12', '-5', '2026-01-01']) {
      expect(parsePinnedNow(text)).toEqual({ ok: false, message: expect.stringMatching(/^UPI_INSPECTOR_NOW is ".*": write the instant as epoch milliseconds/) });
    }
  });
});
