/**
 * A history of 10,000 entries, opened from its encrypted file and searched the way the History screen
 * searches as you type. Results are asserted; the times are printed (`npm run bench` has the budget).
 */
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { historyIn, passphraseVault } from '../__fixtures__/history';
import { LARGE_HISTORY_START as START, writeLargeHistory } from '../__fixtures__/large-history';
import { tempDirs } from '../__fixtures__/temp-dirs';

const newDir = tempDirs('upi-history-10k-');
const COUNT = 10_000;

describe('a history of 10,000 entries', () => {
  it('opens from its encrypted file and answers searches with the right entries', async () => {
    const dir = newDir();
    const ids = await writeLargeHistory(dir, await passphraseVault(dir), COUNT);

    const history = historyIn(dir, await passphraseVault(dir), { now: START + COUNT * 1000 });
    const timed = async <T,>(what: string, work: () => Promise<T>): Promise<T> => {
      const started = performance.now();
      const result = await work();
      console.log(`history of ${COUNT.toLocaleString('en')}: ${what} in ${(performance.now() - started).toFixed(1)} ms`);
      return result;
    };

    const first = await timed('open and list the newest 200', () => history.list({ limit: 200 }));
    expect(first.total).toBe(COUNT);
    expect(first.entries).toHaveLength(200);
    expect(first.entries[0]!.requestId).toBe(ids[COUNT - 1]);

    const target = ids[4321]!;
    const byId = await timed('search a full requestId', () => history.list({ query: target }));
    expect(byId.entries.map((e) => e.requestId)).toEqual([target]);
    const byPart = await timed('search part of a requestId', () => history.list({ query: target.slice(9, 18) }));
    expect(byPart.entries.map((e) => e.requestId)).toContain(target);
    const byMerchant = await timed('search a merchantId', () => history.list({ query: 'merchant-17 ' }));
    expect(byMerchant.total).toBe(COUNT / 50);
    const byWord = await timed('search a word in the texts', () => history.list({ query: 'customer4322@okaxis' }));
    expect(byWord.entries.map((e) => e.requestId)).toEqual([ids[4322]]);
    const failures = await timed('search a status, responses only', () => history.list({ query: 'failure', kind: 'response' }));
    expect(failures.total).toBe(ids.filter((_, i) => i % 3 === 2 && i % 2 === 1).length);
    const deep = await timed('page at offset 9,800', () => history.list({ offset: 9_800, limit: 200 }));
    expect(deep.entries.at(-1)!.requestId).toBe(ids[0]);
  });
});
