import { expect, type Locator, type Page } from '@playwright/test';

export interface ProfileForm {
  name: string;
  environment?: 'sandbox' | 'production';
  merchantId: string;
  merchantChannelId: string;
  merchantCustomerId?: string;
  /** The signing key's option text in the select, e.g. a label. */
  signingKey?: RegExp;
  registeredKeys?: Array<{ kid: string; text: string; registeredBy?: string }>;
}

/** The Profiles screen: the list of profiles, the editor, export and import. */
export class ProfilesPage {
  constructor(readonly page: Page) {}

  get root(): Locator {
    return this.page.locator('[data-screen="profiles"]');
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Profiles', exact: true }).click();
    await expect(this.page.getByRole('main', { name: 'Profiles' })).toBeVisible();
  }

  card(name: string): Locator {
    return this.root.getByRole('list', { name: 'Profiles' }).getByRole('listitem', { name: `Profile ${name}` });
  }

  /** The thumbprints a profile's card says Juspay holds. */
  registeredThumbprints(name: string): Locator {
    return this.card(name).getByTestId('registered-thumbprint');
  }

  get form(): Locator {
    return this.root.getByRole('form', { name: /^(New profile|Edit profile .*)$/ });
  }

  /** Fills the editor (opened with New profile or Edit) and saves it. */
  async fillAndSave(p: ProfileForm): Promise<void> {
    const form = this.form;
    await form.getByLabel('Name', { exact: true }).fill(p.name);
    if (p.environment) await form.getByLabel('Environment', { exact: true }).selectOption(p.environment);
    await form.getByLabel('merchantId', { exact: true }).fill(p.merchantId);
    await form.getByLabel('merchantChannelId', { exact: true }).fill(p.merchantChannelId);
    if (p.merchantCustomerId !== undefined) await form.getByLabel('Default merchantCustomerId', { exact: true }).fill(p.merchantCustomerId);
    if (p.signingKey) {
      const select = form.getByLabel('Signing key', { exact: true });
      const label = await select.locator('option').filter({ hasText: p.signingKey }).first().textContent();
      await select.selectOption({ label: label!.trim() });
    }
    for (const [i, k] of (p.registeredKeys ?? []).entries()) {
      await form.getByRole('button', { name: 'Add registered key' }).click();
      const row = form.getByRole('group', { name: `Registered key ${i + 1}` });
      await row.getByLabel('kid', { exact: true }).fill(k.kid);
      await row.getByLabel('Public key (PEM, JWK or certificate)').fill(k.text);
      if (k.registeredBy) await row.getByLabel('Registered by (free text)').fill(k.registeredBy);
    }
    await form.getByRole('button', { name: 'Save profile' }).click();
  }

  async create(p: ProfileForm): Promise<void> {
    await this.open();
    await this.root.getByRole('button', { name: 'New profile' }).click();
    await this.fillAndSave(p);
  }

  get importResult(): Locator {
    return this.root.getByRole('status', { name: 'Transfer result' });
  }

  get importRefused(): Locator {
    return this.root.getByRole('alert', { name: 'Import refused' });
  }

  /** Imports a profiles file through the screen's file picker. */
  async importFile(name: string, text: string): Promise<void> {
    await this.open();
    await this.root.getByLabel('Import profiles file…').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  }
}
