/**
 * A large history file (10,000 entries for the test and the bench): one in three a response, the rest
 * inspections of pretty envelopes like the ones pasted in tickets, for 50 merchants and 7 kids, one
 * second apart from `start`. Written sealed with the vault's cipher, as the app writes it.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { upsertEntry } from '../history/entries';
import { HISTORY_FILE_NAME, HistoryFile } from '../history/file';
import { writeSettings } from '../history/retention';
import { migrate } from '../history/schema';
import { loadSqlite, transaction } from '../history/sqlite';
import type { Vault } from '../vault/vault';
import { entry } from './history';

export const LARGE_HISTORY_START = 1_700_000_000_000;

/** Request i: a pretty envelope for one of 50 merchants. */
function requestText(requestId: string, i: number): string {
  const b64 = (n: number) => Buffer.from(`${i}:${'x'.repeat(n)}`).toString('base64url');
  return JSON.stringify({ requestId, service: 'in.juspay.hyperapi', payload: { action: 'upiGetSessionToken', protected: b64(30), signaturePayload: b64(150), signature: b64(250) } }, null, 2);
}

/**
 * Writes `count` entries into `dir`'s history file; returns their requestIds, oldest first. Entry i is a
 * response when i % 3 === 2 (FAILURE when i is odd, else SUCCESS, VPA customer<i>@okaxis), with
 * merchantId merchant-<i % 50>, kid kid-<i % 7>, valid unless i % 4 === 0.
 */
export async function writeLargeHistory(dir: string, vault: Vault, count: number, start = LARGE_HISTORY_START): Promise<string[]> {
  const SQL = await loadSqlite();
  const db = new SQL.Database();
  migrate(db);
  const ids: string[] = [];
  transaction(db, () => {
    writeSettings(db, { keepNewest: null });
    for (let i = 0; i < count; i++) {
      const requestId = randomUUID();
      ids.push(requestId);
      const kind = i % 3 === 2 ? 'response' : 'inspect';
      const facts = { requestId, merchantId: `merchant-${i % 50}`, kid: `kid-${i % 7}`, status: kind === 'response' ? (i % 2 ? 'FAILURE' : 'SUCCESS') : null, valid: i % 4 !== 0 };
      const text = kind === 'response' ? `{"requestId":"${requestId}","payload":{"status":"${facts.status}","vpa":"customer${i}@okaxis"}}` : requestText(requestId, i);
      upsertEntry(db, entry(kind, facts, text), start + i * 1000);
    }
  });
  await new HistoryFile(join(dir, HISTORY_FILE_NAME)).write(db.export(), { kind: 'sealed', cipher: vault.atRestCipher()! });
  db.close();
  return ids;
}
