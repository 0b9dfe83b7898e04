import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { KeysPage } from './kit';

/** A photo as a phone camera starts one: SOI, APP0/JFIF, some image data, EOI. */
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, ...Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1'), ...new Array(200).fill(0x7f), 0xff, 0xd9]);

/** A merchant's key pair as a PKCS#12 bundle, made by openssl the way merchants make them. */
function p12Bundle(): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'upi-p12-'));
  try {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    writeFileSync(join(dir, 'key.pem'), privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const run = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
    run('req', '-x509', '-new', '-key', 'key.pem', '-subj', '/CN=merchant', '-days', '30', '-out', 'cert.pem');
    run('pkcs12', '-export', '-inkey', 'key.pem', '-in', 'cert.pem', '-passout', 'pass:secret', '-out', 'merchant.p12');
    return readFileSync(join(dir, 'merchant.p12'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('a JPEG dropped on the key import is named as a photo, never shown as key text or taken as the label', async ({ app }) => {
  const keys = new KeysPage(app);
  await keys.dropFile('photo.jpg', JPEG);
  await expect(keys.fileNote).toContainText('photo.jpg is a JPEG image, not a key.');
  await expect(keys.fileNote).toContainText('Pick the key file itself');
  await expect(keys.importForm.getByLabel('Key text (PEM or JWK)')).toHaveValue('');
  await expect(keys.importForm.getByLabel('Label (optional)')).toHaveValue('');
  await expect(keys.importForm.getByRole('button', { name: 'Import key' })).toBeDisabled();
});

test('a .p12 dropped on the key import gets the exact openssl command, naming the file; a DER key imports as it is', async ({ app, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const keys = new KeysPage(app);
  await keys.dropFile('merchant.p12', p12Bundle());
  const command = 'openssl pkcs12 -in merchant.p12 -nodes -nocerts -out merchant.pem';
  await expect(keys.fileNote).toContainText('merchant.p12 is a PKCS#12 bundle');
  await expect(keys.fileNote.locator('code')).toHaveText(command);
  await keys.fileNote.getByRole('button', { name: 'Copy the conversion command' }).click();
  await expect.poll(() => app.evaluate(() => navigator.clipboard.readText())).toBe(command);
  await expect(keys.importForm.getByRole('button', { name: 'Import key' })).toBeDisabled();

  // A DER key replaces it: said to be read as it is, and imported under its file name.
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  await keys.dropFile('prod-key.der', privateKey.export({ type: 'pkcs8', format: 'der' }));
  await expect(keys.fileNote).toContainText('prod-key.der: DER PKCS#8 private key');
  await expect(keys.fileNote.locator('code')).toHaveText('openssl rsa -inform DER -in prod-key.der -out prod-key.pem');
  await expect(keys.importForm.getByLabel('Label (optional)')).toHaveValue('prod-key');
  await keys.importForm.getByRole('button', { name: 'Import key' }).click();
  await expect(keys.lastAdded).toContainText('Imported “prod-key” — DER PKCS#8 private key, read directly (no conversion needed) (from prod-key.der)');
  await expect(keys.card('prod-key')).toContainText('2048 bit');
});

test('an OpenSSH key pasted gets the ssh-keygen command; a stale success banner goes when the input changes', async ({ app }) => {
  const keys = new KeysPage(app);
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  await keys.importText(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), { label: 'first key' });
  await expect(keys.lastAdded).toContainText('Imported “first key”');

  const form = keys.importForm;
  await form.getByLabel('Key text (PEM or JWK)').fill('ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ merchant@laptop');
  // The success banner belongs to the last import; new input starts over.
  await expect(keys.lastAdded).toHaveCount(0);
  await expect(form.getByText('OpenSSH public key: convert it first with ssh-keygen -f key.pub -e -m PKCS8 > key.pem')).toBeVisible();
  await form.getByRole('button', { name: 'Import key' }).click();
  await expect(form.getByText(/This is an OpenSSH public key line/)).toBeVisible();
  await expect(keys.lastAdded).toHaveCount(0);
  await form.getByLabel('Key text (PEM or JWK)').fill('-----BEGIN PUBLIC KEY-----');
  await expect(form.getByText(/This is an OpenSSH public key line/)).toHaveCount(0);
});
