import { createHash, generateKeyPairSync } from 'node:crypto';
import { test, expect } from './fixtures';
import { KeysPage, ComposePage } from './kit';

function rsaPair(modulusLength = 2048) {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength });
  const { n, e } = publicKey.export({ format: 'jwk' });
  return {
    /** RFC 7638 thumbprint, computed here independently of the app. */
    thumbprint: createHash('sha256').update(JSON.stringify({ e, kty: 'RSA', n })).digest('base64url'),
    pkcs1: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
    encryptedPkcs8: privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'key file secret' }).toString(),
    spki: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

test('a PKCS#1 private key is imported, converted to PKCS#8, and its public key exported', async ({ app }) => {
  const pair = rsaPair();
  const keys = new KeysPage(app);
  await keys.open();
  const form = keys.importForm;
  await form.getByLabel('Key text (PEM or JWK)').fill(pair.pkcs1);
  // Before import, the form already says what was pasted.
  await expect(form.getByText(/PKCS#1 RSA private key \(BEGIN RSA PRIVATE KEY\): it will be converted to PKCS#8/)).toBeVisible();
  await form.getByLabel('Label (optional)').fill('merchant legacy key');
  await form.getByLabel('kid (optional)').fill('uat-legacy-kid');
  await form.getByRole('button', { name: 'Import key' }).click();

  await expect(keys.lastAdded).toContainText('Imported “merchant legacy key” — PKCS#1 PEM, converted to PKCS#8');
  // The private key text does not linger in the form.
  await expect(form.getByLabel('Key text (PEM or JWK)')).toHaveValue('');
  const card = keys.card('merchant legacy key');
  await expect(card).toContainText('PKCS#1 PEM, converted to PKCS#8');
  await expect(card).toContainText('uat-legacy-kid');
  await expect(card).toContainText('private');
  await expect(card).toContainText('2048 bit');

  await card.getByRole('button', { name: 'Export public key of merchant legacy key' }).click();
  const pem = card.getByRole('region', { name: 'Public key PEM of merchant legacy key' });
  await expect(pem).toHaveText(pair.spki.trim());
  await expect(card.getByRole('region', { name: 'Public JWK of merchant legacy key' })).toContainText('"kid": "uat-legacy-kid"');
  const download = app.waitForEvent('download');
  await card.getByRole('link', { name: 'Save public key PEM of merchant legacy key' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('uat-legacy-kid.pub.pem');
});

test('an encrypted key asks for its passphrase, and a wrong one is refused next to the field', async ({ app }) => {
  const pair = rsaPair();
  const keys = new KeysPage(app);
  await keys.importText(pair.encryptedPkcs8, { label: 'encrypted key' });
  const passphrase = keys.importForm.getByLabel('Key passphrase');
  await expect(passphrase).toBeVisible();
  await passphrase.fill('not the passphrase');
  await keys.importForm.getByRole('button', { name: 'Import key' }).click();
  await expect(passphrase).toHaveAttribute('aria-invalid', 'true');
  // What was typed is kept for another try.
  await expect(keys.importForm.getByLabel('Key text (PEM or JWK)')).toHaveValue(pair.encryptedPkcs8);
  await passphrase.fill('key file secret');
  await keys.importForm.getByRole('button', { name: 'Import key' }).click();
  await expect(keys.card('encrypted key')).toBeVisible();
  await expect(keys.lastAdded).toContainText('Imported “encrypted key”');
});

test('a key that is not a key is refused with a message, and nothing is lost', async ({ app }) => {
  const keys = new KeysPage(app);
  await keys.importText('-----BEGIN PRIVATE KEY-----\n-----END PRIVATE KEY-----', { label: 'broken' });
  await expect(keys.importForm.getByText(/nothing between them/)).toBeVisible();
  await expect(keys.importForm.getByLabel('Label (optional)')).toHaveValue('broken');
  await expect(keys.root.getByRole('list', { name: 'Keys' }).getByRole('listitem')).toHaveCount(0);
});

test('generate, rename (label and kid) and delete with confirmation', async ({ app }) => {
  const keys = new KeysPage(app);
  await keys.generate({ label: 'temp key', kid: 'kid-one', bits: 3072 });
  await expect(keys.card('temp key')).toContainText('3072 bit');
  await expect(keys.lastAdded).toContainText('Generated “temp key”');

  await keys.card('temp key').getByRole('button', { name: 'Rename temp key' }).click();
  const rename = keys.card('temp key').getByRole('form', { name: 'Rename temp key' });
  await rename.getByLabel('New label').fill('renamed key');
  await rename.getByLabel('New kid').fill('kid-two');
  await rename.getByRole('button', { name: 'Save' }).click();
  const card = keys.card('renamed key');
  await expect(card).toContainText('kid-two');

  // The new kid is what Compose signs with.
  const compose = new ComposePage(app);
  await compose.open();
  await expect(compose.root.getByText('{"kid":"kid-two","alg":"RS256"}')).toBeVisible();
  await keys.open();

  await card.getByRole('button', { name: 'Delete renamed key' }).click();
  const dialog = app.getByRole('dialog', { name: 'Delete “renamed key”?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(card).toBeVisible();

  await card.getByRole('button', { name: 'Delete renamed key' }).click();
  await dialog.getByRole('button', { name: 'Delete key' }).click();
  await expect(card).toHaveCount(0);
  await expect(keys.root.getByText('No keys yet')).toBeVisible();
});

test('two different keys imported under one kid: the warning names both thumbprints and the list marks both', async ({ app }) => {
  const registered = rsaPair();
  const regenerated = rsaPair();
  const keys = new KeysPage(app);
  await keys.importText(registered.spki, { label: 'registered with Juspay', kid: 'uat-shared-kid' });
  await expect(keys.card('registered with Juspay')).toBeVisible();
  await expect(keys.importWarnings).toHaveCount(0);

  await keys.importText(regenerated.pkcs1, { label: 'regenerated', kid: 'uat-shared-kid' });
  await expect(keys.card('regenerated')).toBeVisible();
  const warning = keys.importWarnings;
  await expect(warning).toContainText('kid "uat-shared-kid" is now carried by 2 keys');
  await expect(warning).toContainText(`"registered with Juspay" (id`);
  await expect(warning).toContainText(registered.thumbprint);
  await expect(warning).toContainText(regenerated.thumbprint);
  await expect(warning).toContainText('Juspay holds exactly one public key per kid');
  for (const name of ['registered with Juspay', 'regenerated']) {
    await expect(keys.card(name)).toContainText('kid shared with 1 other key');
  }
  await expect(keys.card('regenerated')).toContainText('Also carried by “registered with Juspay”');

  // The warning belongs to that import: typing the next key's details clears it.
  await keys.importForm.getByLabel('kid (optional)').fill('another-kid');
  await expect(warning).toHaveCount(0);

  // Moving one key to its own kid ends the sharing; moving it back warns on the card.
  const card = keys.card('regenerated');
  await card.getByRole('button', { name: 'Rename regenerated' }).click();
  await card.getByRole('form', { name: 'Rename regenerated' }).getByLabel('New kid').fill('uat-new-kid');
  await card.getByRole('form', { name: 'Rename regenerated' }).getByRole('button', { name: 'Save' }).click();
  await expect(keys.card('registered with Juspay')).not.toContainText('kid shared');
  await card.getByRole('button', { name: 'Rename regenerated' }).click();
  await card.getByRole('form', { name: 'Rename regenerated' }).getByLabel('New kid').fill('uat-shared-kid');
  await card.getByRole('form', { name: 'Rename regenerated' }).getByRole('button', { name: 'Save' }).click();
  await expect(card.getByRole('alert', { name: 'Rename warnings for regenerated' })).toContainText(registered.thumbprint);
  await expect(keys.card('registered with Juspay')).toContainText('kid shared with 1 other key');
});

test('a 1024-bit private key is imported for verifying, marked too weak to sign, and not offered for signing', async ({ app }) => {
  const weak = rsaPair(1024);
  const keys = new KeysPage(app);
  await keys.importText(weak.pkcs1, { label: 'merchant 2019 key', kid: 'old-kid' });
  await expect(keys.importWarnings).toContainText('Too weak to sign');
  await expect(keys.importWarnings).toContainText('1024-bit RSA key');
  await expect(keys.importWarnings).toContainText('register its public key with Juspay');
  const card = keys.card('merchant 2019 key');
  await expect(card).toContainText('too weak to sign');
  await expect(card.getByRole('button', { name: 'Sign with merchant 2019 key in Compose' })).toHaveCount(0);

  const compose = new ComposePage(app);
  await compose.open();
  // The signing key picker does not offer it (whatever shape the picker takes).
  await expect(compose.root.getByText(/merchant 2019 key/)).toHaveCount(0);
});

test('the vault badge in the top bar leads to the Keys screen', async ({ app }) => {
  await app.getByRole('button', { name: /^Vault unlocked: open Keys$/ }).click();
  await expect(app.getByRole('main', { name: 'Keys' })).toBeVisible();
  await expect(new KeysPage(app).root.getByRole('region', { name: 'Vault', exact: true })).toContainText('unlocked');
});

test.describe('with the vault locked', () => {
  test.use({ hostEnv: { UPI_INSPECTOR_PASSPHRASE: undefined } });

  test('the top bar badge leads to the unlock form; creating the vault unlocks it for signing', async ({ app }) => {
    const compose = new ComposePage(app);
    await compose.open();
    await expect(compose.root.getByText('The vault is locked.')).toBeVisible();

    await app.getByRole('button', { name: 'Vault locked: open Keys' }).click();
    const keys = new KeysPage(app);
    const passphrase = keys.root.getByLabel('New vault passphrase');
    await expect(passphrase).toBeFocused();
    await expect(keys.generateForm.getByRole('button', { name: 'Generate key' })).toBeDisabled();

    await passphrase.fill('a long vault passphrase');
    await keys.root.getByLabel('Repeat passphrase').fill('a different one');
    await expect(keys.root.getByText('The two passphrases differ.').first()).toBeVisible();
    await keys.root.getByLabel('Repeat passphrase').fill('a long vault passphrase');
    await keys.root.getByRole('button', { name: 'Create vault' }).click();

    await expect(app.getByRole('button', { name: 'Vault unlocked: open Keys' })).toBeVisible();
    await expect(keys.root.getByRole('region', { name: 'Vault', exact: true })).toContainText('passphrase');
    await keys.generate({ label: 'after unlock', kid: 'kid-unlocked' });
    await compose.open();
    await expect(compose.root.getByText('{"kid":"kid-unlocked","alg":"RS256"}')).toBeVisible();
  });
});
