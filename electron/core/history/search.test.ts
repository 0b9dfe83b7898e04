import { describe, expect, it } from 'vitest';
import { entry, historyIn } from '../__fixtures__/history';
import { openVault } from '../vault/open';
import { ftsPhrase } from './search';

const REQ_A = '9b2f4c1e-8a3d-4f6b-9c2e-1d5a7b8c9e0f';
const REQ_B = '0c7e2b55-1f0a-4d3c-8e5b-2a6f9d1c3b4e';

/** A history in memory with a few entries, one second apart, the last one newest. */
async function seeded() {
  const clock = { now: 1_700_000_000_000 };
  const history = historyIn(null, await openVault({ mode: 'session' }), clock);
  const add = async (e: Parameters<typeof history.record>[0]) => {
    clock.now += 1000;
    return history.record(e);
  };
  await add(entry('sign', { requestId: REQ_A, merchantId: 'stockapp', channel: 'STOCK_ANDROID', kid: 'uat833359804655bb748702e324111', profile: 'Acme UAT' }));
  await add(entry('inspect', { requestId: REQ_A, merchantId: 'stockapp', kid: 'uat833359804655bb748702e324111', valid: false, cause: 'signature.invalid' }, 'pasted {"requestId":"…"} from the merchant ticket JIRA-4411', { decoded: '{"merchantCustomerId":"cust-9911"}' }));
  await add(entry('response', { requestId: REQ_A, status: 'FAILURE', errorCode: 'E_SESSION_EXPIRED', valid: false }, '{"payload":{"status":"FAILURE","vpaAccounts":[{"vpa":"rahul@okaxis"}]}}'));
  await add(entry('inspect', { requestId: REQ_B, merchantId: 'grocer', kid: 'prod-key-2', valid: true, profile: 'Grocer PROD' }));
  return history;
}

const ids = (page: { entries: Array<{ requestId: string | null; kind: string }> }) => page.entries.map((e) => `${e.kind} ${e.requestId}`);

describe('searching the history', () => {
  it('lists newest first, with the total and the profiles there are', async () => {
    const page = await (await seeded()).list({});
    expect(ids(page)).toEqual([`inspect ${REQ_B}`, `response ${REQ_A}`, `inspect ${REQ_A}`, `sign ${REQ_A}`]);
    expect(page.total).toBe(4);
    expect(page.profiles).toEqual(['Acme UAT', 'Grocer PROD']);
  });

  it.each([
    ['the start of a requestId', '9b2f4c1e', 3],
    ['the middle of a requestId', '8a3d-4f6b', 3],
    // The response carries neither: it takes them from its request's entry.
    ['a merchantId, any case', 'STOCKAPP', 3],
    ['part of a kid', '4655bb7487', 3],
    ['a status', 'failure', 1],
    ['an errorCode', 'E_SESSION_EXPIRED', 1],
    ['a word in the pasted text', 'JIRA-4411', 1],
    ['a value only in the decoded claims', 'cust-9911', 1],
    ['a VPA in a response', 'rahul@okaxis', 1],
    ['a cause', 'signature.invalid', 1],
    ['two words, both required', 'grocer failure', 0],
    ['two words, both present', 'grocer prod-key', 1],
    ['nothing that matches', 'no-such-merchant', 0],
  ])('finds by %s', async (_what, query, count) => {
    expect((await (await seeded()).list({ query })).total).toBe(count);
  });

  it('filters by kind and by profile (or no profile), with a search', async () => {
    const history = await seeded();
    expect(ids(await history.list({ kind: 'inspect' }))).toEqual([`inspect ${REQ_B}`, `inspect ${REQ_A}`]);
    expect(ids(await history.list({ profile: 'Acme UAT' }))).toEqual([`sign ${REQ_A}`]);
    expect((await history.list({ profile: null })).total).toBe(2);
    expect(ids(await history.list({ kind: 'inspect', query: REQ_A }))).toEqual([`inspect ${REQ_A}`]);
  });

  it('pages with limit and offset', async () => {
    const history = await seeded();
    const first = await history.list({ limit: 3 });
    const second = await history.list({ limit: 3, offset: 3 });
    expect(first.entries).toHaveLength(3);
    expect(ids(second)).toEqual([`sign ${REQ_A}`]);
    expect(second.total).toBe(4);
  });

  it('pairs a request with the response of the same requestId, both ways', async () => {
    const page = await (await seeded()).list({ query: REQ_A });
    const [response, inspect, sign] = page.entries;
    expect(response!.pair).toMatchObject({ id: inspect!.id, kind: 'inspect' });
    expect(inspect!.pair).toMatchObject({ id: response!.id, kind: 'response', status: 'FAILURE' });
    expect(sign!.pair).toMatchObject({ id: response!.id, kind: 'response' });
    expect((await (await seeded()).list({ query: REQ_B })).entries[0]!.pair).toBeNull();
  });

  it('takes anything typed: quotes, stars and FTS words are searched for, never parsed', async () => {
    const history = await seeded();
    for (const query of ['"', '*', 'NEAR', 'a OR b', '-', '%', '_', "'; DROP TABLE entries; --", '(((']) {
      await expect(history.list({ query })).resolves.toMatchObject({ status: { storage: 'memory' } });
    }
    expect((await history.list({})).total).toBe(4);
    expect(ftsPhrase('9b2f4c1e-8a')).toBe('"9b2f4c1e 8a*"');
    expect(ftsPhrase('"*"')).toBeNull();
  });
});
