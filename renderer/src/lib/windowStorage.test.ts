/**
 * The window's storage door: only what ALLOWED names is written, and nothing holding a private key,
 * whatever field it is pasted into; what an older version left is scrubbed at start. (That no other
 * module touches the storages is checked by electron/scripts/window-storage-door.test.ts.)
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { memoryStorage } from '../stores/__fixtures__/memory-storage';

const local = memoryStorage();
const session = memoryStorage();
vi.stubGlobal('localStorage', local);
vi.stubGlobal('sessionStorage', session);
const inspect = vi.fn();
vi.mock('../api', () => ({ api: { 'inspect:request': (i: unknown) => inspect(i) } }));

const { persistStorage, readItem, scrubWindowStorage, writeItem } = await import('./windowStorage');
const { useInspectStore } = await import('../stores/inspect');

/** Shaped as pasted keys are (the storage door reads their armour and members, it does not parse them). */
const B64 = 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj';
const key = {
  pkcs8Pem: `-----BEGIN PRIVATE KEY-----\n${B64}\n${B64}\n-----END PRIVATE KEY-----\n`,
  pkcs1Pem: `-----BEGIN RSA PRIVATE KEY-----\n${B64}\n-----END RSA PRIVATE KEY-----\n`,
  spkiPem: `-----BEGIN PUBLIC KEY-----\n${B64}\n-----END PUBLIC KEY-----\n`,
  privateJwk: { kty: 'RSA', n: B64, e: 'AQAB', d: 'X4cTteJY_gn4FYPsXB8rdXix5vwsg1FLN5E3EaG6RJoVH-HLLKD9', p: 'abcdefgh12', q: 'ijklmnop34' },
};
const PRIVATE_TEXTS = { pkcs8: key.pkcs8Pem, pkcs1: key.pkcs1Pem, jwk: JSON.stringify(key.privateJwk), escaped: JSON.stringify(JSON.stringify(key.privateJwk)) };
const everything = () => [local, session].flatMap((s) => Array.from({ length: s.length }, (_, i) => `${s.key(i)}=${s.getItem(s.key(i)!)}`)).join('\n');

beforeEach(() => {
  local.clear();
  session.clear();
});

describe('the allow-list', () => {
  it.each(Object.entries(PRIVATE_TEXTS))('a store keeps its listed fields, and drops one holding a private key (%s)', (_form, text) => {
    const storage = persistStorage<Record<string, unknown>>('upi-inspector.inspect');
    storage.setItem('upi-inspector.inspect', { state: { text: `request with ${text}`, publicKey: text, draftId: 'd1', result: { verdict: 'not on the list' } }, version: 0 });
    expect(JSON.parse(local.getItem('upi-inspector.inspect')!)).toEqual({ state: { draftId: 'd1' }, version: 0 });
    expect(storage.getItem('upi-inspector.inspect')).toEqual({ state: { draftId: 'd1' }, version: 0 });
  });

  it('a public key is kept; a plain item holding private material, or a store written as a plain item, is not', () => {
    persistStorage<Record<string, unknown>>('upi-inspector.inspect').setItem('upi-inspector.inspect', { state: { publicKey: key.spkiPem }, version: 0 });
    expect(JSON.parse(local.getItem('upi-inspector.inspect')!).state.publicKey).toBe(key.spkiPem);
    writeItem('upi-inspector.snippet-lang', key.pkcs8Pem);
    writeItem('upi-inspector.compose', '{"state":{}}');
    expect(readItem('upi-inspector.snippet-lang')).toBeNull();
    expect(local.getItem('upi-inspector.compose')).toBeNull();
    writeItem('upi-inspector.token', 'tok-123');
    expect([session.getItem('upi-inspector.token'), local.getItem('upi-inspector.token')]).toEqual(['tok-123', null]);
  });

  it('a family of items (a layout per table) is kept by its prefix, and scrubbed of nothing', () => {
    writeItem('upi-inspector.table-layout.accounts', '{"order":["vpa"],"hidden":[]}');
    writeItem('upi-inspector.table-layout.vpas', key.pkcs8Pem);
    expect(readItem('upi-inspector.table-layout.accounts')).toBe('{"order":["vpa"],"hidden":[]}');
    expect(readItem('upi-inspector.table-layout.vpas')).toBeNull();
    expect(scrubWindowStorage()).toEqual([]);
    writeItem('upi-inspector.table-layout.' as never, 'no table named');
    expect(local.length).toBe(1);
  });

  it('scrubs at start what an older version left: a private key in a kept field, unknown items of ours, items in the wrong storage', () => {
    local.setItem('upi-inspector.inspect', JSON.stringify({ state: { text: 'x', publicKey: key.pkcs8Pem }, version: 0 }));
    local.setItem('upi-inspector.old-thing', key.pkcs1Pem);
    local.setItem('upi-inspector.token', 'leaked to disk');
    local.setItem('another-app.setting', 'theirs');
    local.setItem('upi-inspector.app', JSON.stringify({ state: { screen: 'keys' }, version: 0 }));
    expect(scrubWindowStorage().sort()).toEqual(['upi-inspector.inspect', 'upi-inspector.old-thing', 'upi-inspector.token']);
    expect(JSON.parse(local.getItem('upi-inspector.inspect')!).state).toEqual({ text: 'x' });
    expect(everything()).not.toMatch(/PRIVATE KEY|leaked/);
    expect(local.getItem('another-app.setting')).toBe('theirs');
    expect(local.getItem('upi-inspector.app')).not.toBeNull();
  });
});

describe('Inspect’s pasted-key box', () => {
  it('a private key is used for one inspection, then forgotten: out of the box, never in storage', async () => {
    inspect.mockResolvedValue({ ok: true, value: { valid: true, tried: [{ keyId: 'pasted', source: 'pasted', label: 'Pasted key', kid: '', thumbprint: 'TP-1', bits: 2048, valid: true }] } });
    const store = useInspectStore.getState();
    store.setText('{"requestId":"r"}');
    store.setPublicKey(key.pkcs8Pem);
    expect(everything()).not.toContain('PRIVATE KEY');
    await useInspectStore.getState().inspect();
    expect(inspect).toHaveBeenCalledWith(expect.objectContaining({ publicKey: key.pkcs8Pem }));
    expect(useInspectStore.getState()).toMatchObject({ publicKey: '', forgottenKey: { thumbprint: 'TP-1', valid: true } });
    expect(everything()).not.toContain('PRIVATE KEY');
    expect(everything()).toContain('requestId');
    // A public key stays in the box and in storage.
    useInspectStore.getState().setPublicKey(key.spkiPem);
    await useInspectStore.getState().inspect();
    expect(useInspectStore.getState()).toMatchObject({ publicKey: key.spkiPem, forgottenKey: null });
    expect(everything()).toContain('BEGIN PUBLIC KEY');
  });
});
