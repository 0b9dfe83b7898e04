/**
 * A history of 10,000 entries, opened from its encrypted file and searched the way the History screen
 * searches as you type. Results are asserted; the times are printed (the bench row comes later).
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { entry, historyIn, passphraseVault } from '../__fixtures__/history';
import { tempDirs } from '../__fixtures__/temp-dirs';
import { upsertEntry } from './entries';
import { HISTORY_FILE_NAME, HistoryFile } from './file';
import { writeSettings } from './retention';
import { migrate } from './schema';
import { loadSqlite, transaction } from './sqlite';

const newDir = tempDirs('upi-history-10k-');
const COUNT = 10_000;
const START = 1_700_000_000_000;

/** Request i: a pretty envelope like the ones pasted in tickets, for one of 50 merchants. */
function requestText(requestId: string, i: number): string {
  const b64 = (n: number) => Buffer.from(`${i}:${'x'.repeat(n)}`).toString('base64url');
  return JSON.stringify({ requestId, service: 'in.juspay.hyperapi', payload: { action: 'upiGetSessionToken', protected: b64(30), signaturePayload: b64(150), signature: b64(250) } }, null, 2);
}

describe('a history of 10,000 entries', () => {
  it('opens from its encrypted file and answers searches with the right entries', async () => {
    const dir = newDir();
    const vault = await passphraseVault(dir);
    const SQL = await loadSqlite();
    const db = new SQL.Database();
    migrate(db);
    const ids: string[] = [];
    transaction(db, () => {
      writeSettings(db, { keepNewest: null });
      for (let i = 0; i < COUNT; i++) {
        const requestId = randomUUID();
        ids.push(requestId);
        const kind = i % 3 === 2 ? 'response' : 'inspect';
        const facts = { requestId, merchantId: `merchant-${i % 50}`, kid: `kid-${i % 7}`, status: kind === 'response' ? (i % 2 ? 'FAILURE' : 'SUCCESS') : null, valid: i % 4 !== 0 };
        const text = kind === 'response' ? `{"requestId":"${requestId}","payload":{"status":"${facts.status}","vpa":"customer${i}@okaxis"}}` : requestText(requestId, i);
        upsertEntry(db, entry(kind, facts, text), START + i * 1000);
      }
    });
    await new HistoryFile(join(dir, HISTORY_FILE_NAME)).write(db.export(), { kind: 'sealed', cipher: vault.atRestCipher()! });
    db.close();

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
