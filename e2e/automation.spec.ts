/**
 * The automation surface itself (docs/automation.md): the readiness marker, seeding on a second launch,
 * knobs refused at start-up, accounts() on a virtualised table, and the accessible-names table.
 */
import { createHash, generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { bigResponseText, fixture, INSPECTOR_ROOT, KeysPage, launchInspector, ProfilesPage, UpiInspector, type AppShell } from './kit';

type Role = Parameters<AppShell['page']['getByRole']>[0];

const temps: string[] = [];
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
};
test.afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

function seedFolder(): { dir: string; label: string } {
  const dir = tempDir('kit-seed-');
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = publicKey.export({ format: 'jwk' });
  const thumbprint = createHash('sha256').update(JSON.stringify({ e: jwk.e, kty: 'RSA', n: jwk.n })).digest('base64url');
  mkdirSync(join(dir, 'keys'));
  writeFileSync(join(dir, 'keys', 'kit-merchant.pem'), String(privateKey.export({ type: 'pkcs8', format: 'pem' })));
  writeFileSync(join(dir, 'keys', 'broken.pem'), '-----BEGIN PRIVATE KEY-----\nnot base64\n-----END PRIVATE KEY-----\n');
  const profile = { name: 'Kit UAT', environment: 'sandbox', merchantId: 'KIT01', merchantChannelId: 'KITAPP', merchantCustomerId: 'kit-cust', signingKey: { kid: 'kit-merchant', thumbprint }, registeredKeys: [] };
  writeFileSync(join(dir, 'profiles.json'), JSON.stringify({ format: 'upi-inspector.profiles', version: 1, profiles: [profile] }));
  return { dir, label: 'kit-merchant' };
}

test('a second launch on the same home adds nothing from the seed; a bad seed file is named and the rest loads', async ({ page }) => {
  const seed = seedFolder();
  const home = tempDir('kit-home-');
  for (const launch of [1, 2]) {
    const inspector = await launchInspector({ home, seed: seed.dir });
    expect(inspector.output()).toMatch(/UPI_INSPECTOR_SEED: .*broken\.pem was not loaded: /);
    const app = new UpiInspector(page);
    await app.open(inspector.url);
    const keys = new KeysPage(page);
    await keys.open();
    await expect(keys.root.getByRole('list', { name: 'Keys' }).getByRole('listitem'), `launch ${launch}`).toHaveCount(1);
    expect(await app.keyCard(seed.label)).toMatchObject({ label: 'kit-merchant', kid: 'kit-merchant', kind: 'private' });
    const profiles = new ProfilesPage(page);
    await profiles.open();
    await expect(profiles.root.getByRole('list', { name: 'Profiles' }).getByRole('listitem')).toHaveCount(1);
    await inspector.close();
  }
});

test('the window is marked ready once it takes input, with the host’s pinned clock in Compose', async ({ page }) => {
  const inspector = await launchInspector({ now: 1767225600000 });
  await page.goto(inspector.url);
  await expect(page.locator('html')).toHaveAttribute('data-app-state', 'ready');
  await expect(page.getByRole('main', { name: 'Compose' }).getByLabel('Timestamp used for signing')).toHaveText('1767225600000');
  await inspector.close();
});

test('a bad knob stops the host at start-up with a message naming it', async () => {
  await expect(launchInspector({ requestIds: ['3b241101-e2bb-4255-8caf-4136c566a962', 'req-2'] })).rejects.toThrow(
    /UPI_INSPECTOR_REQUEST_IDS item 2 "req-2" is not a uuid v4/,
  );
  await expect(launchInspector({ now: Number.NaN })).rejects.toThrow(/UPI_INSPECTOR_NOW is "NaN": write the instant as epoch milliseconds/);
});

test('request ids are handed out in order: the Compose form’s first, then Generate', async ({ page }) => {
  const ids = ['3b241101-e2bb-4255-8caf-4136c566a962', '9b2d5f0e-8a41-4c1e-b3a5-0c6f1d2e3f40'];
  const inspector = await launchInspector({ requestIds: ids });
  const app = new UpiInspector(page);
  await app.open(inspector.url);
  const requestId = page.getByRole('main', { name: 'Compose' }).getByLabel('requestId', { exact: true });
  await expect(requestId).toHaveValue(ids[0]!);
  await page.getByRole('button', { name: 'Generate a new requestId (uuid v4)' }).click();
  await expect(requestId).toHaveValue(ids[1]!);
  await page.getByRole('button', { name: 'Generate a new requestId (uuid v4)' }).click();
  await expect(requestId).not.toHaveValue(ids[1]!);
  await inspector.close();
});

test('accounts() reads all 10,000 rows of a virtualised table', async ({ page }) => {
  test.setTimeout(120_000);
  const inspector = await launchInspector();
  const app = new UpiInspector(page);
  await app.open(inspector.url);
  await app.pasteResponse(bigResponseText());
  const accounts = await app.accounts();
  expect(accounts).toHaveLength(10_000);
  expect(new Set(accounts.map((a) => a.maskedAccountNumber)).size).toBe(10_000);
  expect(accounts[9_999]).toMatchObject({ vpa: 'user99@axb', maskedAccountNumber: 'XXXXXXXX9999', mpinLength: '6', otpLength: '6', atmPinLength: '4' });
  await inspector.close();
});

/** The names table of docs/automation.md, row by row. */
function namesTable(): Array<{ screen: string; role: string; name: string }> {
  const doc = readFileSync(join(INSPECTOR_ROOT, 'docs/automation.md'), 'utf8');
  const section = doc.slice(doc.indexOf('## Accessible names the kit uses'));
  return section
    .split('\n')
    .filter((line) => /^\| (any|Compose|Response|Inspect|Keys|History) \|/.test(line))
    .map((line) => {
      const [screen, role, name] = line.split('|').slice(1, 4).map((c) => c.trim());
      return { screen: screen!, role: role!, name: name!.replace(/`/g, '') };
    });
}

test('every accessible name in docs/automation.md is on the page with its role', async ({ page }) => {
  // Some 45 rows, each opening its screen: slower than one spec's default on a loaded machine.
  test.setTimeout(120_000);
  const seed = seedFolder();
  const inspector = await launchInspector({ seed: seed.dir });
  const app = new UpiInspector(page);
  await app.open(inspector.url);
  // Bring every documented element into being: a signature, a response with an error, a verdict, history.
  await app.chooseProfile('Kit UAT');
  await app.fillEnvelope({ timestamp: Date.now() });
  const envelope = await app.sign();
  await app.pasteResponse(JSON.stringify({ ...(JSON.parse(fixture('linked.json')) as object), errorCode: 'E42' }));
  await app.inspect(JSON.stringify(envelope));
  await app.history('');
  const extra = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' });
  expect(await app.importKey(String(extra), { kid: 'kit-extra', label: 'Kit extra' })).toMatchObject({ label: 'Kit extra', kid: 'kit-extra', kind: 'private' });

  const rows = namesTable();
  expect(rows.length).toBeGreaterThan(30);
  const problemRows = rows.filter((r) => r.role === 'alert');
  const found = async (row: { screen: string; role: string; name: string }) => {
    const name = row.name.replace('<label>', seed.label);
    if (row.screen !== 'any') await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: row.screen, exact: true }).click();
    const scope = row.screen === 'any' || row.role === 'main' ? page : page.getByRole('main', { name: row.screen });
    const target = row.role === 'label' ? scope.getByLabel(name, { exact: true }) : scope.getByRole(row.role as Role, { name, exact: true });
    await expect(target.first(), `${row.screen}: ${row.role} "${name}"`).toBeVisible();
  };
  for (const row of rows.filter((r) => !problemRows.includes(r))) await found(row);
  // What shows only for a paste that is not a response.
  await app.pasteResponse('{ "requestId": ');
  for (const row of problemRows) await found(row);
  // A refused import is an error carrying the screen's words.
  await expect(app.importKey(String(extra))).rejects.toThrow(/already in the vault as "Kit extra"/);
  await inspector.close();
});
