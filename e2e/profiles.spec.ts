import { createHash, createPublicKey, generateKeyPairSync, sign } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { test, expect, startBrowserHost } from './fixtures';
import { ComposePage, InspectPage, callMainSide, ProfilesPage } from './kit';

const KID = 'uat833359804655bb748702e324111';
const b64url = (s: string | Buffer) => Buffer.from(s).toString('base64url');

function rsaKey() {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const publicPem = String(publicKey.export({ type: 'spki', format: 'pem' }));
  return { privateKey, pem: String(privateKey.export({ type: 'pkcs8', format: 'pem' })), publicPem, thumbprint: thumbprintOf(publicPem) };
}

/** RFC 7638 thumbprint, computed here independently of the app. */
function thumbprintOf(pem: string): string {
  const jwk = createPublicKey(pem).export({ format: 'jwk' });
  return createHash('sha256').update(JSON.stringify({ e: jwk.e, kty: 'RSA', n: jwk.n })).digest('base64url');
}

/** A request as Acme's app builds it, signed with `key` under KID. */
function acmeRequest(key: ReturnType<typeof rsaKey>): string {
  const p = b64url(JSON.stringify({ kid: KID, alg: 'RS256' }));
  const c = b64url(JSON.stringify({ merchantId: 'acme', merchantCustomerId: 'cust-7', merchantChannelId: 'acmeapp', timestamp: String(Date.now()) }));
  const signature = b64url(sign('sha256', Buffer.from(`${p}.${c}`), key.privateKey));
  return JSON.stringify({ requestId: '9b2f4c1e-8a3d-4f6b-9c2e-1d5a7b8c9e0f', service: 'in.juspay.hyperapi', payload: { action: 'upiGetSessionToken', protected: p, signaturePayload: c, signature } }, null, 2);
}

const ACME = { name: 'Acme UAT', merchantId: 'acme', merchantChannelId: 'acmeapp', merchantCustomerId: 'cust-7' };

test.describe('Profiles know which key Juspay holds', () => {
  test('made on the screen, chosen in Compose to sign; Inspect names both thumbprints for a request signed by another key', async ({ app }) => {
    const acme = rsaKey();
    const usedByTheApp = rsaKey();
    const spare = rsaKey();
    await callMainSide(app, 'keys:import', { text: acme.pem, kid: KID, label: 'Acme signer' });
    await callMainSide(app, 'keys:import', { text: spare.pem, kid: 'uat-spare', label: 'Spare signer' });
    await callMainSide(app, 'keys:import', { text: usedByTheApp.publicPem, kid: KID, label: 'Key the app uses' });

    const profiles = new ProfilesPage(app);
    await profiles.create({ ...ACME, signingKey: /^Acme signer/, registeredKeys: [{ kid: KID, text: acme.publicPem, registeredBy: 'Priya' }] });
    await expect(profiles.registeredThumbprints('Acme UAT')).toHaveText([acme.thumbprint]);
    await expect(profiles.card('Acme UAT')).toContainText('registered by Priya');

    // Compose: the profile fills the claims and the key, and signs.
    const compose = new ComposePage(app);
    await compose.open();
    await compose.field('Profile').selectOption({ label: 'Acme UAT (sandbox)' });
    await expect(compose.field('merchantId')).toHaveValue('acme');
    await expect(compose.field('merchantCustomerId')).toHaveValue('cust-7');
    const signed = await compose.envelope();
    expect(signed.claims).toMatchObject({ merchantId: 'acme', merchantChannelId: 'acmeapp', merchantCustomerId: 'cust-7' });
    expect(JSON.parse(Buffer.from(JSON.parse(signed.json).payload.protected, 'base64url').toString())).toEqual({ kid: KID, alg: 'RS256' });

    // Another key, whose kid Acme UAT does not register: refused, naming both.
    const keySelect = compose.field('Signing key');
    await keySelect.selectOption({ label: `Spare signer — uat-spare (2048 bit)` });
    await expect(keySelect).toHaveAttribute('aria-invalid', 'true');
    await expect(compose.root.locator('#compose-keyId-error')).toContainText(/The key "Spare signer" signs with kid "uat-spare", which the profile Acme UAT \(sandbox\) does not register/);

    // Inspect: the profile is picked from the request, and the verdict answers with its facts.
    const inspect = new InspectPage(app);
    await inspect.open();
    await inspect.paste(acmeRequest(usedByTheApp));
    await expect(inspect.root.getByLabel('Profile used')).toContainText('Picked Acme UAT (sandbox)');
    await inspect.expectFinding(
      'profile.registered-key-mismatch',
      new RegExp(`Juspay holds thumbprint ${acme.thumbprint} for kid "${KID}" \\(Acme UAT\\); this request was signed by the key with thumbprint ${usedByTheApp.thumbprint}`),
    );
    await expect(inspect.verdict).toContainText('the key Juspay holds for this kid (per the profile) did not sign this request');
    await expect(inspect.keyRow('Juspay holds (Acme UAT)')).toContainText('does not verify');
  });

  test('export, then import on a fresh host: the profile and its registered key are kept', async ({ app, hostKind }) => {
    test.skip(hostKind !== 'web', 'a second host is started as a browser host');
    const acme = rsaKey();
    await callMainSide(app, 'profiles:save', { ...ACME, environment: 'sandbox', registeredKeys: [{ kid: KID, text: acme.publicPem, registeredAt: '2026-11-02' }] });
    const profiles = new ProfilesPage(app);
    await profiles.open();
    const [download] = await Promise.all([app.waitForEvent('download'), profiles.root.getByRole('button', { name: 'Export all profiles' }).click()]);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text).not.toMatch(/PRIVATE KEY|"d":/);
    await expect(profiles.importResult).toContainText(/Exported 1 profile\(s\)/);

    const { host, child } = await startBrowserHost({});
    try {
      const fresh = await app.context().newPage();
      await fresh.goto(host.url);
      const there = new ProfilesPage(fresh);
      await there.importFile(download.suggestedFilename(), text);
      await expect(there.importResult).toContainText('Imported 1 profile(s) from');
      await expect(there.registeredThumbprints('Acme UAT')).toHaveText([acme.thumbprint]);
      await expect(there.card('Acme UAT')).toContainText('registered 2026-11-02');
      await fresh.close();
    } finally {
      child.kill('SIGINT');
      await new Promise((done) => child.once('exit', done));
      rmSync(host.dataDir, { recursive: true, force: true });
    }
  });

  test('a private key pasted as a registered key keeps only its public half; a file with private material is refused naming the field', async ({ app }) => {
    const acme = rsaKey();
    const profiles = new ProfilesPage(app);
    await profiles.create({ ...ACME, registeredKeys: [{ kid: KID, text: acme.pem }] });
    await expect(profiles.root.getByRole('status', { name: 'Saved, with notes' })).toContainText('is a private key (PKCS#8 PEM): only its public half was kept');
    await expect(profiles.registeredThumbprints('Acme UAT')).toHaveText([acme.thumbprint]);

    const file = JSON.stringify({
      format: 'upi-inspector.profiles',
      version: 1,
      profiles: [{ ...ACME, name: 'Acme PROD', environment: 'production', registeredKeys: [{ kid: 'prod-1', thumbprint: acme.thumbprint, publicKeyPem: acme.pem, registeredAt: '', registeredBy: '' }] }],
    });
    await profiles.importFile('leaky.json', file);
    await expect(profiles.importRefused).toContainText('holds private key material at profiles[0].registeredKeys[0].publicKeyPem');
    await expect(profiles.card('Acme PROD')).toHaveCount(0);
  });

  test('duplicate UAT into PROD, then delete it after confirming', async ({ app }) => {
    await callMainSide(app, 'profiles:save', { ...ACME, environment: 'sandbox' });
    const profiles = new ProfilesPage(app);
    await profiles.open();
    await profiles.card('Acme UAT').getByRole('button', { name: 'Duplicate Acme UAT for the other environment' }).click();
    await expect(profiles.card('Acme PROD')).toContainText('production');
    await profiles.card('Acme PROD').getByRole('button', { name: 'Delete Acme PROD' }).click();
    const dialog = app.getByRole('dialog', { name: 'Delete the profile “Acme PROD”?' });
    await dialog.getByRole('button', { name: 'Delete profile' }).click();
    await expect(profiles.card('Acme PROD')).toHaveCount(0);
    await expect(profiles.card('Acme UAT')).toBeVisible();
  });
});
