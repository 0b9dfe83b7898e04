/**
 * The vault's own controls in the window: a new vault refuses a weak passphrase with the estimator's
 * reason; Lock now; the auto-lock setting; changing the passphrase (wrong current, weak new, then right).
 */
import { E2E_PASSPHRASE, expect, test } from './fixtures';
import { KeysPage, callMainSide } from './kit';

const NEXT = 'copper window seventeen';

test.describe('a new vault', () => {
  test.use({ hostEnv: { UPI_INSPECTOR_PASSPHRASE: undefined } });

  test('refuses a weak passphrase and says why; a strong one creates it', async ({ app }) => {
    const keys = new KeysPage(app);
    await keys.open();
    await expect(keys.root.getByText('At least 12 characters, hard to guess')).toBeVisible();
    await keys.root.getByLabel('New vault passphrase').fill('letmein12345');
    await keys.root.getByLabel('Repeat passphrase').fill('letmein12345');
    await keys.root.getByRole('button', { name: 'Create vault' }).click();
    const form = keys.root.getByRole('form', { name: 'Unlock the vault' });
    await expect(form).toContainText(/The new vault passphrase is too weak to protect the key vault: it would be guessed in about .*commonly used password/);
    await expect(app.getByRole('button', { name: 'Vault locked: open Keys' })).toBeVisible();

    await keys.root.getByLabel('New vault passphrase').fill(NEXT);
    await keys.root.getByLabel('Repeat passphrase').fill(NEXT);
    await keys.root.getByRole('button', { name: 'Create vault' }).click();
    await expect(app.getByRole('button', { name: 'Vault unlocked: open Keys' })).toBeVisible();
  });
});

test('Lock now, the auto-lock setting, and changing the passphrase', async ({ app }) => {
  const keys = new KeysPage(app);
  await keys.generate({ label: 'kept across', kid: 'vault-e2e-kid' });
  const vault = keys.root.getByRole('region', { name: 'Vault', exact: true });

  // The auto-lock: 15 minutes unless changed, kept on the main side.
  const autoLock = vault.getByLabel('Lock by itself after');
  await expect(autoLock).toHaveValue('15');
  await autoLock.selectOption({ label: '5 minutes' });
  await expect.poll(async () => (await callMainSide<{ autoLockMinutes: number }>(app, 'vault:settings', {})).autoLockMinutes).toBe(5);

  // Change passphrase: a wrong current one and a weak new one are refused, each under its field.
  await vault.getByText('Change passphrase…').click();
  const change = vault.getByRole('form', { name: 'Change the vault passphrase' });
  await change.getByLabel('Current passphrase').fill('not the passphrase');
  await change.getByLabel('New passphrase', { exact: true }).fill(NEXT);
  await change.getByLabel('Repeat new passphrase').fill(NEXT);
  await change.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(change).toContainText('The current passphrase does not open the key vault');
  await change.getByLabel('Current passphrase').fill(E2E_PASSPHRASE);
  await change.getByLabel('New passphrase', { exact: true }).fill('letmein12345');
  await change.getByLabel('Repeat new passphrase').fill('letmein12345');
  await change.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(change).toContainText('The new passphrase is too weak to protect the key vault');
  await change.getByLabel('New passphrase', { exact: true }).fill(NEXT);
  await change.getByLabel('Repeat new passphrase').fill(NEXT);
  await change.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(app.getByText('Passphrase changed: the vault and its history are re-encrypted with the new one.')).toBeVisible();

  // Lock now: the keys leave the window; the old passphrase no longer opens the vault, the new one does.
  await vault.getByRole('button', { name: 'Lock now' }).click();
  await expect(app.getByRole('button', { name: 'Vault locked: open Keys' })).toBeVisible();
  await expect(vault).toContainText('was locked: its keys are out of memory');
  await expect(keys.card('kept across')).toHaveCount(0);
  await vault.getByLabel('Vault passphrase').fill(E2E_PASSPHRASE);
  await vault.getByRole('button', { name: 'Unlock' }).click();
  await expect(vault).toContainText('does not open the key vault');
  await vault.getByLabel('Vault passphrase').fill(NEXT);
  await vault.getByRole('button', { name: 'Unlock' }).click();
  await expect(app.getByRole('button', { name: 'Vault unlocked: open Keys' })).toBeVisible();
  await expect(keys.card('kept across')).toBeVisible();
});
