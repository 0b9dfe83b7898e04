/** envelope:sign in exact-bytes mode, through the one dispatch both doors use: what it signs and what it refuses. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SignResult } from '../../../shared/contract';
import type { KeyInfo } from '../../../shared/keys';
import type { Result } from '../../../shared/result';
import type { Verdict } from '../../../shared/verdict';
import { SAMPLE_FIELDS } from '../__fixtures__/envelope-fields';
import { testRsaKey } from '../__fixtures__/test-keys';
import { createCore } from '../index';
import { openVault } from '../vault/open';

const dir = mkdtempSync(join(tmpdir(), 'upi-exact-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const KID = 'uat833359804655bb748702e324111';

describe('envelope:sign, exact bytes', async () => {
  const vault = await openVault({ mode: 'passphrase', dataDir: dir });
  const { dispatch } = createCore({ host: 'browser', version: '0.0.0-test', vault, now: () => Number(SAMPLE_FIELDS.timestamp) + 1000 });
  const call = async <T,>(channel: 'vault:unlock' | 'keys:import' | 'envelope:sign' | 'envelope:verify', input: unknown) => (await dispatch(channel, input)) as Result<T>;
  await call('vault:unlock', { passphrase: 'exact-bytes-vault-passphrase-81' });
  const imported = await call<KeyInfo>('keys:import', { text: testRsaKey().pkcs1Pem, kid: KID });
  if (!imported.ok) throw new Error(imported.error.message);
  const keyId = imported.value.id;

  it('signs a seconds timestamp and a foreign kid exactly as given; the verdict names both', async () => {
    const signed = await call<SignResult>('envelope:sign', { exact: { fields: { ...SAMPLE_FIELDS, timestamp: '1668389349' }, kid: 'uat-not-this-key' }, keyId });
    if (!signed.ok) throw new Error(signed.error.message);
    expect(signed.value.header.kid).toBe('uat-not-this-key');
    expect(signed.value.claims.timestamp).toBe('1668389349');
    const verdict = await call<Verdict>('envelope:verify', { text: signed.value.json });
    if (!verdict.ok) throw new Error(verdict.error.message);
    expect(verdict.value.findings.map((f) => f.id)).toEqual(expect.arrayContaining(['timestamp.seconds', 'header.kid-mismatch']));
  });

  it('refuses both modes at once, or neither, naming the field', async () => {
    for (const input of [{ keyId }, { fields: SAMPLE_FIELDS, exact: { fields: SAMPLE_FIELDS }, keyId }]) {
      const r = await call('envelope:sign', input);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(/either fields .* or exact/);
    }
    const long = await call('envelope:sign', { exact: { fields: { ...SAMPLE_FIELDS, merchantId: 'x'.repeat(3000) } }, keyId });
    expect(!long.ok && long.error.message).toMatch(/merchantId is longer than 2000 characters/);
  });
});
