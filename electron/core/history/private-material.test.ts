/**
 * The history never holds private key material: after the window records requests with private keys
 * pasted into the request box and into the public-key box, the database (decrypted, and as the raw
 * file) holds no PEM private key, no private JWK member and no DER private key.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE_FIELDS } from '../__fixtures__/envelope-fields';
import { PASSPHRASE } from '../__fixtures__/history';
import { tempDirs } from '../__fixtures__/temp-dirs';
import { privateJwkValues, testRsaKey } from '../__fixtures__/test-keys';
import { createCore } from '../index';
import { openVault } from '../vault/open';
import { HISTORY_FILE_NAME } from './file';
import { loadSqlite, selectRows } from './sqlite';

const newDir = tempDirs('upi-history-private-');

/**
 * Every piece of `key` that would give it away: PEM lines of each encoding, JWK members, DER in base64.
 * A PEM line that lies wholly inside the modulus is public (the JWK's `n` may hold it, stored on purpose).
 */
function secretsOf(key: ReturnType<typeof testRsaKey>): string[] {
  const publicText = [key.publicJwk.n!, key.publicKey.export({ type: 'pkcs1', format: 'der' }).toString('base64url')].join(' ');
  const pemLines = [key.pkcs8Pem, key.pkcs1Pem, key.encryptedPkcs8Pem('pw')]
    .flatMap((pem) => pem.split('\n').filter((l) => l.length === 64))
    .filter((line) => !publicText.includes(line.replace(/\+/g, '-').replace(/\//g, '_')));
  const der = key.privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
  return ['PRIVATE KEY', ...pemLines, ...privateJwkValues(key.privateJwk), der.slice(100, 200), PASSPHRASE];
}

describe('the history database holds no private key material', () => {
  it('after requests, signs and responses with private keys pasted everywhere', async () => {
    const dir = newDir();
    const signer = testRsaKey(2048, 'history-signer');
    const pasted = testRsaKey(2048, 'history-pasted');
    const vault = await openVault({ mode: 'passphrase', dataDir: dir, passphrase: PASSPHRASE });
    const core = createCore({ host: 'browser', version: '0.0.0-test', vault, dataDir: dir });
    const key = await vault.import({ text: signer.pkcs8Pem, kid: 'k-history', label: 'signer' });
    const call = async (channel: Parameters<typeof core.dispatch>[0], input: unknown) => {
      const result = await core.dispatch(channel, input);
      if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
      return result.value;
    };

    const signed = (await call('envelope:sign', { fields: SAMPLE_FIELDS, keyId: key.id, record: {} })) as { json: string };
    // The request box: the envelope with a private PEM and a private JWK pasted after it.
    await call('inspect:request', { text: `${signed.json}\n${pasted.pkcs8Pem}\n${JSON.stringify(pasted.privateJwk)}`, record: { draftId: 'box-1' } });
    // The public-key box: a private key there is tried (its public half) but never stored.
    await call('inspect:request', { text: signed.json, publicKey: signer.pkcs1Pem, record: { draftId: 'box-2' } });
    await call('inspect:request', { text: signed.json, publicKey: JSON.stringify(pasted.privateJwk), record: { draftId: 'box-3' } });
    await call('inspect:request', { text: signed.json, publicKey: pasted.encryptedPkcs8Pem('pw'), record: { draftId: 'box-4' } });
    await call('history:recordResponse', { draftId: 'resp-1', text: `{"requestId":"${SAMPLE_FIELDS.requestId}","debug":${JSON.stringify(signer.pkcs1Pem)}}`, valid: false });
    await core.close();

    const raw = readFileSync(join(dir, HISTORY_FILE_NAME));
    const decrypted = await vault.atRestCipher()!.decrypt(raw.subarray(raw.indexOf(0x0a) + 1));
    const SQL = await loadSqlite();
    const db = new SQL.Database(decrypted);
    const rows = selectRows(db, 'SELECT * FROM entries');
    expect(rows).toHaveLength(6);
    const stored = JSON.stringify(rows);

    for (const secret of [...secretsOf(signer), ...secretsOf(pasted)]) {
      expect(raw.includes(secret), `raw file holds ${secret.slice(0, 20)}…`).toBe(false);
      expect(decrypted.includes(secret), `database holds ${secret.slice(0, 20)}…`).toBe(false);
      expect(stored.includes(secret), `a row holds ${secret.slice(0, 20)}…`).toBe(false);
    }
    const withheld = rows.filter((r) => r.publicKeyWithheld === 1).map((r) => r.draft);
    expect(withheld.sort()).toEqual(['inspect:box-2', 'inspect:box-3', 'inspect:box-4']);
    expect(rows.filter((r) => r.publicKey !== null)).toEqual([]);
    // The request itself is kept as pasted around what was removed.
    const box1 = rows.find((r) => r.draft === 'inspect:box-1')!;
    expect(String(box1.text)).toContain(signed.json);
    expect(box1.redacted).toBe(1);
  });
});
