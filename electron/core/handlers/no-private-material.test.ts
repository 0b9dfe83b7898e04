/**
 * Every channel in the contract, called through the one dispatch both doors use, with realistic input:
 * no output (value or error) may carry a private key, a private JWK member or a passphrase.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CHANNELS, type Channel } from '../../../shared/contract';
import type { KeyInfo } from '../../../shared/keys';
import type { Verdict } from '../../../shared/verdict';
import type { Result } from '../../../shared/result';
import { SAMPLE_FIELDS } from '../__fixtures__/envelope-fields';
import { fakeAdb } from '../__fixtures__/fake-adb';
import { privateJwkValues, testRsaKey } from '../__fixtures__/test-keys';
import { createCore } from '../index';
import { openVault } from '../vault/open';

const VAULT_PASSPHRASE = 'vault-passphrase-7d1f';
const KEY_PASSPHRASE = 'pem-passphrase-93ab';
const NEW_PASSPHRASE = 'changed-vault-passphrase-51c2';
const dir = mkdtempSync(join(tmpdir(), 'upi-channels-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('no channel output carries private key material', async () => {
  const merchant = testRsaKey();
  const second = testRsaKey(2048, 'other');
  const juspay = testRsaKey(2048, 'third');
  const vault = await openVault({ mode: 'passphrase', dataDir: dir });
  const { dispatch } = createCore({ host: 'browser', version: '0.0.0-test', vault, now: () => 1668389349848 });

  const outputs: Array<{ channel: Channel; result: Result<unknown> }> = [];
  async function call<T>(channel: Channel, input: unknown): Promise<Result<T>> {
    const result = (await dispatch(channel, input)) as Result<T>;
    outputs.push({ channel, result });
    return result;
  }
  const value = <T,>(result: Result<T>): T => {
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value;
  };

  await call('app:info', {});
  await call('app:automation', {});
  await call('vault:status', {});
  await call('vault:unlock', { passphrase: 'wrong' }); // new vault: too weak to start it…
  await call('vault:unlock', { passphrase: VAULT_PASSPHRASE }); // …a strong one starts it
  const a = value(await call<KeyInfo>('keys:import', { text: merchant.pkcs1Pem, kid: 'uat833359804655bb748702e324111', fileName: 'merchant.pem' }));
  await call('keys:import', { text: second.encryptedPkcs8Pem(KEY_PASSPHRASE), passphrase: 'not the passphrase' });
  await call('keys:import', { text: second.encryptedPkcs8Pem(KEY_PASSPHRASE) });
  const b = value(await call<KeyInfo>('keys:import', { text: second.encryptedPkcs8Pem(KEY_PASSPHRASE), passphrase: KEY_PASSPHRASE, label: 'second' }));
  const c = value(await call<KeyInfo>('keys:import', { text: JSON.stringify(juspay.publicJwk), label: 'public only' }));
  await call('keys:import', { text: JSON.stringify(merchant.privateJwk) }); // duplicate: error output scanned too
  const g = value(await call<KeyInfo>('keys:generate', { bits: 2048, label: 'generated' }));
  await call('keys:list', {});
  await call('keys:exportPublic', { id: a.id });
  await call('keys:exportPublic', { id: c.id });
  await call('keys:rename', { id: b.id, label: 'second, renamed', kid: 'kid-b' });
  const fields = SAMPLE_FIELDS;
  const signed = value(await call<{ json: string }>('envelope:sign', { fields, keyId: a.id }));
  await call('envelope:sign', { fields, keyId: c.id }); // public_only
  await call('envelope:sign', { fields, keyId: g.id }); // no kid yet: kid_missing
  await call('envelope:sign', { fields, keyId: b.id });
  await call('envelope:sign', { exact: { fields: { ...fields, timestamp: '1668389349' }, kid: 'someone-else' }, keyId: a.id }); // exact bytes
  await call('envelope:verify', { text: signed.json });
  await call('envelope:verify', { text: signed.json, publicKey: merchant.pkcs8Pem }); // a pasted PRIVATE key
  await call('envelope:verify', { text: signed.json, publicKey: JSON.stringify(merchant.privateJwk) });
  await call('inspect:request', { text: signed.json, publicKey: merchant.pkcs1Pem, now: 1668389349848 });
  await call('inspect:response', {
    text: JSON.stringify({ requestId: fields.requestId, service: fields.service, payload: { action: 'upiGetSessionToken', status: 'LINKED' }, error: false, event: 'process_result' }),
    requestId: fields.requestId,
  });
  await call('inspect:resign', { text: signed.json, keyId: a.id });
  // The history: what the window records, with a private key pasted in the request box and in the public-key box.
  await call('envelope:sign', { fields, keyId: a.id, record: {} });
  await call('inspect:request', { text: `${signed.json}\n${merchant.pkcs8Pem}`, publicKey: JSON.stringify(merchant.privateJwk), record: { draftId: 'draft-1' } });
  await call('history:recordResponse', { draftId: 'draft-2', text: `{"requestId":"${fields.requestId}","jwk":${JSON.stringify(second.privateJwk)}}`, valid: true });
  const listed = value(await call<{ entries: Array<{ id: string }> }>('history:list', {}));
  for (const entry of listed.entries) await call('history:get', { id: entry.id });
  await call('history:settings', {});
  await call('history:settings', { keepNewest: 500 });
  await call('history:delete', { id: listed.entries[0]!.id });
  await call('history:clear', {});
  await call('keys:delete', { id: b.id });
  // Profiles: private keys pasted as registered keys, a signing key from the vault.
  const saved = value(
    await call<{ profile: { id: string } }>('profiles:save', {
      name: 'Acme UAT',
      environment: 'sandbox',
      merchantId: fields.merchantId,
      merchantChannelId: fields.merchantChannelId,
      signingKey: { keyId: a.id },
      registeredKeys: [{ kid: 'uat833359804655bb748702e324111', text: merchant.pkcs1Pem }, { kid: 'kid-jwk', text: JSON.stringify(second.privateJwk) }],
    }),
  );
  await call('profiles:list', {});
  await call('profiles:duplicate', { id: saved.profile.id });
  const exported = value(await call<{ text: string }>('profiles:export', {}));
  await call('profiles:import', { text: exported.text }); // names taken: refused
  await call('envelope:sign', { fields, keyId: a.id, profileId: saved.profile.id });
  await call('inspect:request', { text: signed.json, profile: 'auto', now: 1668389349848 });
  await call('profiles:delete', { id: saved.profile.id });
  await call('logs:session', { items: [{ kind: 'candidate', text: signed.json, line: 1, lastLine: 1 }] });
  // Case files and log sessions saved to the history: a private key pasted with the request and into the note.
  const judged = value(await call<Verdict>('inspect:request', { text: signed.json, now: 1668389349848 }));
  const caseRequest = { text: `${signed.json}\n${merchant.pkcs8Pem}`, referenceMs: 1668389349848, verdict: judged };
  await call('case:export', { request: caseRequest, note: `key: ${JSON.stringify(merchant.privateJwk)}`, masking: 'masked' });
  await call('case:export', { request: caseRequest, masking: 'full-redaction' });
  const loggedRequest = { text: `${signed.json} ${merchant.pkcs1Pem}`, line: 3, verdict: { valid: true, headline: judged.summary.headline } };
  await call('history:recordLog', { source: 'session.log', calls: [{ request: loggedRequest, response: { text: `{"requestId":"x","jwk":${JSON.stringify(second.privateJwk)}}`, line: 4 } }] });
  const savedPath = process.env.PATH;
  process.env.PATH = fakeAdb({ devices: ['emulator-5554\tdevice'], lines: [`D/HyperSDK( 42): ${JSON.stringify(JSON.parse(signed.json))}`] }).path;
  await call('logs:devices', {});
  const capture = value(await call<{ captureId: string }>('logs:capture:start', { serial: 'emulator-5554' }));
  await call('logs:capture:poll', { captureId: capture.captureId, since: 0 });
  await call('logs:capture:stop', { captureId: capture.captureId });
  process.env.PATH = savedPath;
  // The window's settings: a private key typed into a Compose field or Inspect's key box is refused, not kept.
  await call('settings:set', { app: { theme: 'dark' }, compose: { merchantId: 'M1', keyId: a.id } });
  await call('settings:set', { compose: { merchantId: merchant.pkcs8Pem } });
  await call('settings:set', { inspect: { publicKey: JSON.stringify(merchant.privateJwk) } });
  await call('settings:get', {});
  // The vault's own channels: settings, a passphrase change (wrong current, weak next, then right), lock, unlock.
  await call('vault:settings', { autoLockMinutes: 30 });
  await call('vault:changePassphrase', { current: 'not the passphrase', next: NEW_PASSPHRASE });
  await call('vault:changePassphrase', { current: VAULT_PASSPHRASE, next: 'password1234' });
  await call('vault:changePassphrase', { current: VAULT_PASSPHRASE, next: NEW_PASSPHRASE });
  await call('vault:lock', {});
  await call('vault:unlock', { passphrase: NEW_PASSPHRASE });

  const generatedJwk = vault.signingKey(g.id).privateKey.export({ format: 'jwk' }) as Record<string, string>;
  const secrets = [
    'PRIVATE KEY',
    VAULT_PASSPHRASE,
    KEY_PASSPHRASE,
    NEW_PASSPHRASE,
    'password1234',
    ...privateJwkValues(merchant.privateJwk),
    ...privateJwkValues(second.privateJwk),
    ...privateJwkValues(generatedJwk),
  ];

  it('calls every channel of the contract', () => {
    expect(new Set(outputs.map((o) => o.channel))).toEqual(new Set(CHANNELS));
  });

  it('the calls did what they should (so the scan covers real outputs, not only errors)', () => {
    const codes = outputs.map((o) => `${o.channel}:${o.result.ok ? 'ok' : o.result.error.code}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        'keys:import:wrong_passphrase',
        'keys:import:passphrase_required',
        'keys:import:duplicate_key',
        'envelope:sign:public_only',
        'envelope:sign:kid_missing',
        'envelope:verify:ok',
        'keys:delete:ok',
        'profiles:save:ok',
        'profiles:import:profile_name_taken',
        'envelope:sign:ok',
        'history:get:ok',
        'history:clear:ok',
        'vault:unlock:weak_passphrase',
        'vault:changePassphrase:wrong_passphrase',
        'vault:changePassphrase:weak_passphrase',
        'vault:changePassphrase:ok',
        'vault:lock:ok',
        'vault:unlock:ok',
        'case:export:ok',
        'history:recordLog:ok',
        'settings:set:ok',
        'settings:set:settings_private_key',
        'settings:get:ok',
      ]),
    );
    const verified = outputs.filter((o) => o.channel === 'envelope:verify').map((o) => o.result.ok && (o.result.value as { valid: boolean }).valid);
    expect(verified).toEqual([true, true, true]);
    const read = outputs.filter((o) => o.channel === 'history:get' && o.result.ok).map((o) => (o.result.ok ? (o.result.value as { kind: string }).kind : ''));
    expect(read.sort()).toEqual(['inspect', 'response', 'sign']);
  });

  it.each(secrets.map((s, i) => [i, s] as const))('secret #%i appears in no output', (_i, secret) => {
    for (const { channel, result } of outputs) {
      const serialized = JSON.stringify(result);
      if (serialized.includes(secret)) throw new Error(`${channel} output contains a secret: ${serialized.slice(0, 200)}`);
    }
  });
});
