/**
 * The window's storage door: what the window keeps goes to the settings on the main side, only what
 * ALLOWED names, and nothing holding a private key, whatever field it is pasted into; what an older
 * version left in localStorage is moved into the settings once, then cleared. (That no other module
 * touches the storages is checked by electron/scripts/window-storage-door.test.ts.)
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, applySettingsPatch, settingsPatchSchema, type Settings } from '../../../shared/settings';
import { memoryStorage } from '../stores/__fixtures__/memory-storage';

const local = memoryStorage();
const session = memoryStorage();
vi.stubGlobal('localStorage', local);
vi.stubGlobal('sessionStorage', session);

/** The main side, in memory: what settings:set kept, and every patch it was sent. */
const main = { settings: DEFAULT_SETTINGS as Settings, patches: [] as unknown[], refuse: false };
const inspect = vi.fn();
vi.mock('../api', () => ({
  api: {
    'settings:get': async () => ({ ok: true, value: { settings: main.settings } }),
    'settings:set': async (patch: unknown) => {
      main.patches.push(patch);
      if (main.refuse) return { ok: false, error: { code: 'settings_write_failed', message: 'disk full' } };
      main.settings = applySettingsPatch(main.settings, settingsPatchSchema.parse(patch));
      return { ok: true, value: { settings: main.settings } };
    },
    'inspect:request': (i: unknown) => inspect(i),
  },
}));

/** Shaped as pasted keys are (the storage door reads their armour and members, it does not parse them). */
const B64 = 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj';
const key = {
  pkcs8Pem: `-----BEGIN PRIVATE KEY-----\n${B64}\n${B64}\n-----END PRIVATE KEY-----\n`,
  pkcs1Pem: `-----BEGIN RSA PRIVATE KEY-----\n${B64}\n-----END RSA PRIVATE KEY-----\n`,
  spkiPem: `-----BEGIN PUBLIC KEY-----\n${B64}\n-----END PUBLIC KEY-----\n`,
  privateJwk: { kty: 'RSA', n: B64, e: 'AQAB', d: 'X4cTteJY_gn4FYPsXB8rdXix5vwsg1FLN5E3EaG6RJoVH-HLLKD9', p: 'abcdefgh12', q: 'ijklmnop34' },
};
const PRIVATE_TEXTS = { pkcs8: key.pkcs8Pem, pkcs1: key.pkcs1Pem, jwk: JSON.stringify(key.privateJwk), escaped: JSON.stringify(JSON.stringify(key.privateJwk)) };
/** Everything kept anywhere: the main side's settings, every patch sent to it, both storages. */
const everything = () =>
  [JSON.stringify(main.settings), JSON.stringify(main.patches), ...[local, session].flatMap((s) => Array.from({ length: s.length }, (_, i) => `${s.key(i)}=${s.getItem(s.key(i)!)}`))].join('\n');

/** A fresh window: modules loaded anew (the settings copy is per page), storages as the test left them. */
async function openWindow() {
  vi.resetModules();
  const door = await import('./windowStorage');
  const settings = await import('./settingsStorage');
  return { ...door, ...settings };
}

beforeEach(() => {
  local.clear();
  session.clear();
  main.settings = DEFAULT_SETTINGS;
  main.patches = [];
  main.refuse = false;
});

describe('the allow-list', () => {
  it.each(Object.entries(PRIVATE_TEXTS))('a store keeps its listed fields on the main side, and drops one holding a private key (%s)', async (_form, text) => {
    const w = await openWindow();
    await w.startWindowStorage();
    const storage = w.persistStorage<Record<string, unknown>>('upi-inspector.inspect');
    storage.setItem('upi-inspector.inspect', { state: { text: `request with ${text}`, publicKey: text, draftId: 'd1', result: { verdict: 'not on the list' } }, version: 0 });
    await w.flushSettings();
    expect(main.settings.inspect).toEqual({ draftId: 'd1' });
    expect(storage.getItem('upi-inspector.inspect')).toEqual({ state: { draftId: 'd1' } });
    expect(everything()).not.toMatch(/PRIVATE KEY|X4cTteJY/);
  });

  it('writes are debounced into one call; a public key is kept; the token stays in the tab, never in the settings', async () => {
    const w = await openWindow();
    await w.startWindowStorage();
    const app = w.persistStorage<Record<string, unknown>>('upi-inspector.app');
    app.setItem('upi-inspector.app', { state: { theme: 'light', screen: 'inspect' }, version: 0 });
    w.persistStorage<Record<string, unknown>>('upi-inspector.inspect').setItem('upi-inspector.inspect', { state: { publicKey: key.spkiPem }, version: 0 });
    w.writeItem('upi-inspector.snippet-lang', 'swift');
    w.writeItem('upi-inspector.token', 'tok-123');
    expect(main.patches).toEqual([]);
    await vi.waitFor(() => expect(main.patches).toHaveLength(1), { timeout: w.SETTINGS_WRITE_DELAY_MS * 4 });
    expect(main.settings).toMatchObject({ app: { theme: 'light', screen: 'inspect' }, inspect: { publicKey: key.spkiPem }, snippetLang: 'swift' });
    expect([session.getItem('upi-inspector.token'), JSON.stringify(main.settings).includes('tok-123'), local.length]).toEqual(['tok-123', false, 0]);
    w.writeItem('upi-inspector.snippet-lang', key.pkcs8Pem);
    await w.flushSettings();
    expect(w.readItem('upi-inspector.snippet-lang')).toBe('swift');
  });

  it('a table layout is kept per table; one with a private key in its filter is not', async () => {
    const w = await openWindow();
    await w.startWindowStorage();
    w.writeTableLayout('response.accounts', { order: ['vpa', 'bank'], hidden: ['bank'], sort: { id: 'vpa', desc: true }, query: 'mpinSet:false' });
    w.writeTableLayout('response.vpas', { order: ['vpa'], hidden: [], query: key.pkcs8Pem });
    await w.flushSettings();
    expect(main.settings.tables).toEqual({ 'response.accounts': { order: ['vpa', 'bank'], hidden: ['bank'], sort: { id: 'vpa', desc: true }, query: 'mpinSet:false' } });
    const next = await openWindow();
    await next.startWindowStorage();
    expect(next.readTableLayout('response.accounts')?.query).toBe('mpinSet:false');
  });

  it('nothing is written before the settings are loaded (the defaults never overwrite what is kept)', async () => {
    main.settings = { ...DEFAULT_SETTINGS, app: { theme: 'light' } };
    const w = await openWindow();
    const pending = w.persistStorage<Record<string, unknown>>('upi-inspector.app').getItem('upi-inspector.app');
    w.persistStorage<Record<string, unknown>>('upi-inspector.app').setItem('upi-inspector.app', { state: { theme: 'dark' }, version: 0 });
    await w.startWindowStorage();
    await w.flushSettings();
    expect(main.patches).toEqual([]);
    expect(await pending).toEqual({ state: { theme: 'light' } });
  });
});

describe('the persisted stores', () => {
  it('each comes back from the kept settings, whatever version number its own persist options carry', async () => {
    main.settings = { ...DEFAULT_SETTINGS, app: { theme: 'light', screen: 'history' }, compose: { merchantId: 'M-9', timestampMode: 'pinned', pinnedTimestamp: '1700000000000' }, inspect: { draftId: 'd-9' } };
    const w = await openWindow();
    await w.startWindowStorage();
    const { PERSISTED_STORES } = await import('../stores/persisted');
    await Promise.all(PERSISTED_STORES.map((store) => store.persist.rehydrate()));
    const [app, compose, inspect] = PERSISTED_STORES.map((store) => store.getState() as unknown as Record<string, unknown>);
    expect(app).toMatchObject({ theme: 'light', screen: 'history' });
    expect(compose).toMatchObject({ merchantId: 'M-9', timestampMode: 'pinned', pinnedTimestamp: '1700000000000' });
    expect(inspect).toMatchObject({ draftId: 'd-9' });
  });
});

describe('what an older version left in localStorage', () => {
  const leftovers = () => {
    local.setItem('upi-inspector.app', JSON.stringify({ state: { screen: 'keys', theme: 'light' }, version: 0 }));
    local.setItem('upi-inspector.compose', JSON.stringify({ state: { merchantId: 'M-7', merchantChannelId: key.pkcs1Pem }, version: 0 }));
    local.setItem('upi-inspector.table-layout.response.accounts', JSON.stringify({ order: ['mpinLength', 'vpa'], hidden: [] }));
    local.setItem('upi-inspector.snippet-lang', 'kotlin');
    local.setItem('upi-inspector.old-thing', key.pkcs8Pem);
    local.setItem('another-app.setting', 'theirs');
    session.setItem('upi-inspector.stray', 'x');
  };

  it('moves into the settings once, less anything private, then is cleared (other apps’ items stay)', async () => {
    leftovers();
    const w = await openWindow();
    await w.startWindowStorage();
    expect(main.settings).toMatchObject({
      app: { screen: 'keys', theme: 'light' },
      compose: { merchantId: 'M-7' },
      snippetLang: 'kotlin',
      tables: { 'response.accounts': { order: ['mpinLength', 'vpa'], hidden: [] } },
    });
    expect(main.settings.compose.merchantChannelId).toBeUndefined();
    expect(everything()).not.toMatch(/PRIVATE KEY/);
    expect([local.length, local.getItem('another-app.setting'), session.length]).toEqual([1, 'theirs', 0]);
    await (await openWindow()).startWindowStorage();
    expect(main.patches).toHaveLength(1);
  });

  it('does not overwrite settings the main side already has (set by another host)', async () => {
    leftovers();
    main.settings = { ...DEFAULT_SETTINGS, app: { theme: 'dark' } };
    const w = await openWindow();
    await w.startWindowStorage();
    expect(main.settings.app).toEqual({ theme: 'dark' });
    expect(main.settings.compose).toEqual({ merchantId: 'M-7' });
  });

  it('stays where it is when the settings could not be saved, to be moved at the next start', async () => {
    leftovers();
    main.refuse = true;
    const w = await openWindow();
    w.reportSettingsProblems(() => undefined);
    await w.startWindowStorage();
    expect(local.getItem('upi-inspector.app')).not.toBeNull();
  });
});

describe('Inspect’s pasted-key box', () => {
  it('a private key is used for one inspection, then forgotten: out of the box, never kept', async () => {
    const w = await openWindow();
    await w.startWindowStorage();
    const { useInspectStore } = await import('../stores/inspect');
    await useInspectStore.persist.rehydrate();
    inspect.mockResolvedValue({ ok: true, value: { valid: true, tried: [{ keyId: 'pasted', source: 'pasted', label: 'Pasted key', kid: '', thumbprint: 'TP-1', bits: 2048, valid: true }] } });
    const store = useInspectStore.getState();
    store.setText('{"requestId":"r"}');
    store.setPublicKey(key.pkcs8Pem);
    await w.flushSettings();
    expect(everything()).not.toContain('PRIVATE KEY');
    await useInspectStore.getState().inspect();
    expect(inspect).toHaveBeenCalledWith(expect.objectContaining({ publicKey: key.pkcs8Pem }));
    expect(useInspectStore.getState()).toMatchObject({ publicKey: '', forgottenKey: { thumbprint: 'TP-1', valid: true } });
    await w.flushSettings();
    expect(everything()).not.toContain('PRIVATE KEY');
    expect(main.settings.inspect.text).toContain('requestId');
    // A public key stays in the box and in the settings.
    useInspectStore.getState().setPublicKey(key.spkiPem);
    await useInspectStore.getState().inspect();
    await w.flushSettings();
    expect(useInspectStore.getState()).toMatchObject({ publicKey: key.spkiPem, forgottenKey: null });
    expect(main.settings.inspect.publicKey).toContain('BEGIN PUBLIC KEY');
  });
});
