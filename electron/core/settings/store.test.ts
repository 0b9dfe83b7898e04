import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SETTINGS_FILE_NAME, type TableLayout } from '../../../shared/settings';
import { InspectorError } from '../../../shared/result';
import { SettingsStore } from './store';

const B64 = 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj';
const PRIVATE_PEM = `-----BEGIN PRIVATE KEY-----\n${B64}\n${B64}\n-----END PRIVATE KEY-----\n`;
const PRIVATE_JWK = JSON.stringify({ kty: 'RSA', n: B64, e: 'AQAB', d: 'X4cTteJY_gn4FYPsXB8rdXix5vwsg1FLN5E3EaG6RJoV' });
const NOW = Date.parse('2026-12-01T05:00:00.000Z');
const accounts: TableLayout = { order: ['vpa', 'bank', 'mpinLength'], hidden: ['bank'], sort: { id: 'mpinLength', desc: true }, query: 'mpinSet:false', columnFilters: null };

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'settings-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const file = () => join(dir, SETTINGS_FILE_NAME);
const onDisk = () => JSON.parse(readFileSync(file(), 'utf8')) as Record<string, unknown>;

describe('the settings store', () => {
  it('a value the schema refuses is dropped and named in the notice; the rest of that change is kept', async () => {
    const store = new SettingsStore(dir);
    const answer = await store.set({ app: { theme: 'sepia', screen: 'inspect' }, compose: { merchantId: 'x'.repeat(5000), merchantChannelId: 'APP' }, tables: { 'response.accounts': { order: 'vpa' } } });
    expect(answer.settings).toMatchObject({ app: { screen: 'inspect' }, compose: { merchantChannelId: 'APP' }, tables: {} });
    expect(answer.settings.app).not.toHaveProperty('theme');
    expect(answer.notice).toMatch(/app\.theme: not a valid value.*compose\.merchantId: not a valid value.*tables\.response\.accounts: not a valid layout/);
    expect(onDisk()).toMatchObject({ app: { screen: 'inspect' }, compose: { merchantChannelId: 'APP' } });
  });

  it('starts from the defaults and keeps what is set for the next launch (a new store on the same folder)', async () => {
    expect((await new SettingsStore(dir).get()).settings).toEqual({ version: 1, app: {}, compose: {}, inspect: {}, tables: {} });
    await new SettingsStore(dir).set({ app: { theme: 'light', screen: 'response' }, compose: { merchantId: 'M-42', keyId: 'k1', timestampMode: 'pinned', pinnedTimestamp: '1700000000000' } });
    await new SettingsStore(dir).set({ tables: { 'response.accounts': accounts }, snippetLang: 'swift' });
    const next = await new SettingsStore(dir).get();
    expect(next).toEqual({
      settings: {
        version: 1,
        app: { theme: 'light', screen: 'response' },
        compose: { merchantId: 'M-42', keyId: 'k1', timestampMode: 'pinned', pinnedTimestamp: '1700000000000' },
        inspect: {},
        snippetLang: 'swift',
        tables: { 'response.accounts': accounts },
      },
    });
    // A table set to null is forgotten; other tables and sections stay.
    await new SettingsStore(dir).set({ tables: { 'response.accounts': null, 'response.vpas': { order: ['vpa'], hidden: [] } } });
    expect(onDisk()).toMatchObject({ app: { theme: 'light' }, tables: { 'response.vpas': { order: ['vpa'], hidden: [] } } });
    expect(Object.keys(onDisk().tables as object)).toEqual(['response.vpas']);
  });

  it('sets a damaged file aside with a timestamp, uses the defaults, says so once, and loses nothing else', async () => {
    writeFileSync(file(), '{"app": {"theme": "dark"', 'utf8');
    writeFileSync(join(dir, 'profiles.json'), '{"kept": true}', 'utf8');
    const store = new SettingsStore(dir, () => NOW);
    const first = await store.get();
    const movedTo = join(dir, 'settings.damaged-2026-12-01T05-00-00-000Z.json');
    expect(first.settings.app).toEqual({});
    expect(first.notice).toContain('set aside as ' + movedTo);
    expect(readFileSync(movedTo, 'utf8')).toBe('{"app": {"theme": "dark"');
    expect(readFileSync(join(dir, 'profiles.json'), 'utf8')).toBe('{"kept": true}');
    expect((await store.get()).notice).toBeUndefined();
    await store.set({ app: { theme: 'light' } });
    expect(onDisk()).toMatchObject({ app: { theme: 'light' } });
  });

  it('drops unknown and invalid fields with a notice naming them, and keeps the rest', async () => {
    writeFileSync(
      file(),
      JSON.stringify({ version: 1, app: { theme: 'purple', screen: 'keys' }, compose: { merchantId: 'M1', colour: 'red' }, tables: { 'Bad Name': accounts, ok: { order: 'x' } }, extra: 1 }),
    );
    const { settings, notice } = await new SettingsStore(dir).get();
    expect(settings).toMatchObject({ app: { screen: 'keys' }, compose: { merchantId: 'M1' }, tables: {} });
    expect(settings.app.theme).toBeUndefined();
    for (const named of ['app.theme', 'compose.colour', 'tables.Bad Name', 'tables.ok', 'extra']) expect(notice).toContain(named);
  });

  it.each([
    ['a PEM private key in a Compose field', { compose: { merchantId: PRIVATE_PEM } }, 'compose.merchantId'],
    ['a private JWK in Inspect’s key box', { inspect: { publicKey: PRIVATE_JWK } }, 'inspect.publicKey'],
    ['a private key in a table filter', { tables: { t: { order: [], hidden: [], query: PRIVATE_PEM } } }, 'tables.t.query'],
  ])('refuses %s, naming the field, and keeps nothing of that change', async (_what, patch, field) => {
    const store = new SettingsStore(dir);
    await store.set({ app: { theme: 'dark' } });
    const refused = await store.set({ app: { theme: 'light' }, ...patch }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(InspectorError);
    expect(refused).toMatchObject({ code: 'settings_private_key', field });
    expect(readFileSync(file(), 'utf8')).not.toMatch(/PRIVATE KEY|X4cTteJY/);
    expect(onDisk()).toMatchObject({ app: { theme: 'dark' } });
  });

  it('a private key written into the file by hand is dropped when read', async () => {
    writeFileSync(file(), JSON.stringify({ compose: { merchantId: PRIVATE_PEM, service: 'svc' } }));
    const { settings, notice } = await new SettingsStore(dir).get();
    expect(settings.compose).toEqual({ service: 'svc' });
    expect(notice).toContain('compose.merchantId: holds a private key');
  });

  it('two processes writing at once (the desktop app and a browser host on one folder) both keep their changes', async () => {
    const desktop = new SettingsStore(dir);
    const browser = new SettingsStore(dir);
    const layout = (n: number): TableLayout => ({ order: [`c${n}`], hidden: [] });
    await Promise.all(
      Array.from({ length: 12 }, (_, n) => [desktop.set({ tables: { [`desktop-${n}`]: layout(n) } }), browser.set({ tables: { [`browser-${n}`]: layout(n) } })]).flat(),
    );
    const tables = (await new SettingsStore(dir).get()).settings.tables;
    expect(Object.keys(tables).sort()).toEqual(Array.from({ length: 12 }, (_, n) => [`browser-${n}`, `desktop-${n}`]).flat().sort());
    // No lock or temp file is left behind.
    expect(readdirSync(dir)).toEqual([SETTINGS_FILE_NAME]);
  });

  it('without a data folder keeps settings in memory', async () => {
    const store = new SettingsStore(null);
    await store.set({ app: { theme: 'light' } });
    expect((await store.get()).settings.app).toEqual({ theme: 'light' });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('reset goes back to the defaults', async () => {
    const store = new SettingsStore(dir);
    await store.set({ app: { theme: 'light' }, tables: { t: accounts } });
    await store.reset();
    expect((await new SettingsStore(dir).get()).settings).toEqual({ version: 1, app: {}, compose: {}, inspect: {}, tables: {} });
  });
});
