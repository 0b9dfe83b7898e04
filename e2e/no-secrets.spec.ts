/**
 * Nothing secret in the window's storage, nor in the data directory. Every screen is used with a private
 * key pasted wherever text can be pasted — the key boxes (Keys import, Inspect's "Verify with a pasted
 * public key", a profile's registered key) and, as a careless user would, the request, response, log,
 * search and Compose boxes. Then localStorage, sessionStorage, IndexedDB and every file the browser host
 * wrote (the vault, encrypted, included) are searched for any piece of either private key.
 */
import type { ChildProcess } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, startBrowserHost, stopBrowserHost, test } from './fixtures';
import { ComposePage, HistoryPage, InspectPage, KeysPage, ProfilesPage, ResponsePage, TimelinePage } from './kit';

function privateKey() {
  const { privateKey: key } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = key.export({ format: 'jwk' }) as Record<string, string>;
  const pkcs8 = key.export({ type: 'pkcs8', format: 'pem' }).toString();
  const pkcs1 = key.export({ type: 'pkcs1', format: 'pem' }).toString();
  return {
    pkcs8,
    pkcs1,
    jwk: JSON.stringify(jwk),
    /** Pieces no stored byte may hold: PEM body lines and the private JWK members. */
    pieces: [...[pkcs8, pkcs1].flatMap((pem) => pem.split('\n').slice(1, 4)), jwk.d!, jwk.p!, jwk.q!, jwk.dp!, jwk.dq!, jwk.qi!],
  };
}

/** Every file under `dir`, as bytes read as latin1 (so any ASCII piece is found whatever the encoding around it). */
function filesUnder(dir: string): Array<{ path: string; text: string }> {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [{ path, text: readFileSync(path).toString('latin1') }];
  });
}

/** localStorage, sessionStorage and every IndexedDB record of the page, as one text. */
async function windowStorage(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const dump = (s: Storage) => Array.from({ length: s.length }, (_, i) => `${s.key(i)}=${s.getItem(s.key(i)!)}`);
    const records: string[] = [];
    for (const info of await indexedDB.databases()) {
      const db = await new Promise<IDBDatabase>((done, fail) => {
        const open = indexedDB.open(info.name!);
        open.onsuccess = () => done(open.result);
        open.onerror = () => fail(open.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const all = await new Promise<unknown[]>((done) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => done(request.result);
        });
        records.push(`${info.name}/${store}: ${JSON.stringify(all)}`);
      }
      db.close();
    }
    return [...dump(localStorage), ...dump(sessionStorage), ...records].join('\n');
  });
}

test.describe('no private key at rest', () => {
  test.skip(({ hostKind }) => hostKind !== 'web', 'the browser host’s data directory is what is scanned');
  test.setTimeout(120_000);

  let child: ChildProcess | undefined;
  let dataDir: string | undefined;
  test.afterEach(async () => {
    if (child) await stopBrowserHost(child);
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test('after every screen is used with private keys pasted everywhere, no storage of the window and no file of the data directory holds any of them', async ({ page }) => {
    const signing = privateKey();
    const stray = privateKey();
    const started = await startBrowserHost({});
    child = started.child;
    dataDir = started.host.dataDir;
    await page.goto(started.host.url);

    // Keys: the signing key is imported (into the encrypted vault); another is left pasted in the box.
    const keys = new KeysPage(page);
    await keys.importText(signing.pkcs1, { label: 'Signing key', kid: 'no-secrets-kid' });
    await expect(keys.card('Signing key')).toBeVisible();
    await keys.importForm.getByLabel('Key text (PEM or JWK)').fill(stray.pkcs8);

    // Compose signs a request; then a private JWK is typed into one of its fields.
    const compose = new ComposePage(page);
    await compose.open();
    await compose.fill({ merchantId: 'stock', merchantCustomerId: 'cust-1', merchantChannelId: 'STOCK_ANDROID' });
    const signed = await compose.envelope();
    await compose.field('merchantCustomerId').fill(stray.jwk);

    // Inspect: a private key inside the request box, and a private key in the public-key box — used once, forgotten.
    const inspect = new InspectPage(page);
    await inspect.open();
    await inspect.paste(`${signed.json}\n${stray.pkcs1}`);
    await inspect.root.getByRole('button', { name: 'Verify with a pasted public key…' }).click();
    await inspect.root.getByRole('textbox', { name: 'Public key to verify with' }).fill(signing.pkcs8);
    const forgotten = inspect.root.getByRole('status', { name: 'Private key forgotten' });
    await expect(forgotten).toContainText('That was a private key. It was used once');
    await expect(forgotten).toContainText('verified this request');
    await expect(inspect.root.getByRole('textbox', { name: 'Public key to verify with' })).toHaveValue('');
    await inspect.root.getByRole('textbox', { name: 'Public key to verify with' }).fill(stray.jwk);
    await expect(forgotten).toContainText('was tried on this request');

    // Response, Log and History: private keys pasted into each box.
    const response = new ResponsePage(page);
    await response.paste(JSON.stringify({ requestId: signed.requestId, event: 'process_result', payload: { status: 'LINKED', jwk: JSON.parse(stray.jwk) } }));
    const timeline = new TimelinePage(page);
    await timeline.open();
    await timeline.root.getByRole('textbox', { name: 'Log text' }).fill(`05-01 12:00:01.123  42  42 D HyperSDK: ${signed.json}\n${signing.pkcs8}`);
    const history = new HistoryPage(page);
    await history.open();
    await history.search.fill(stray.jwk);

    // Profiles: a private key pasted as the key Juspay holds (only its public half is kept).
    const profiles = new ProfilesPage(page);
    await profiles.create({ name: 'No secrets', merchantId: 'stock', merchantChannelId: 'STOCK_ANDROID', registeredKeys: [{ kid: 'no-secrets-kid', text: signing.pkcs1 }] });
    await expect(profiles.card('No secrets')).toBeVisible();

    // What the window keeps is written as it goes; a reload reads it back and must find nothing private either.
    await page.reload();
    await expect(page.getByRole('main')).toBeVisible();
    const stored = await windowStorage(page);
    // Settings are kept in the data directory (settings.json, scanned below); the tab keeps only its token.
    expect(stored.split('\n').filter(Boolean).map((line) => line.split('=')[0])).toEqual(['upi-inspector.token']);
    for (const piece of [...signing.pieces, ...stray.pieces, 'PRIVATE KEY']) expect(stored.includes(piece), `window storage holds "${piece.slice(0, 20)}…"`).toBe(false);

    // The data directory, once the host has written everything (history, profiles, the vault).
    await stopBrowserHost(child);
    child = undefined;
    const files = filesUnder(dataDir);
    expect(files.map((f) => f.path.slice(dataDir!.length + 1)).sort()).toEqual(expect.arrayContaining(['history.sqlite', 'profiles.json', 'settings.json', 'vault.json']));
    expect(files.find((f) => f.path.endsWith('settings.json'))?.text, 'the settings hold the Compose form (so this scan covers them)').toContain('"merchantId"');
    for (const { path, text } of files) {
      for (const piece of [...signing.pieces, ...stray.pieces, 'PRIVATE KEY', '"d":']) expect(text.includes(piece), `${path} holds "${piece.slice(0, 20)}…"`).toBe(false);
    }
  });
});
