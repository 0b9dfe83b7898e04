import { expect, type Locator, type Page } from '@playwright/test';
import { AppShell } from './app';

/** The Keys screen: vault, import, generate and the key list. */
export class KeysPage {
  readonly shell: AppShell;
  constructor(readonly page: Page) {
    this.shell = new AppShell(page);
  }

  get root(): Locator {
    return this.shell.screen('Keys');
  }

  async open(): Promise<void> {
    await this.shell.open('Keys');
  }

  get importForm(): Locator {
    return this.root.getByRole('form', { name: 'Import a key' });
  }

  get generateForm(): Locator {
    return this.root.getByRole('form', { name: 'Generate a key pair' });
  }

  /** The banner that says what the last import or generate made. */
  get lastAdded(): Locator {
    return this.root.getByRole('status', { name: 'Last key added' });
  }

  /** What the last import warned about (a kid another key carries, a key too weak to sign). */
  get importWarnings(): Locator {
    return this.importForm.getByRole('alert', { name: 'Import warnings' });
  }

  card(name: string): Locator {
    return this.root.getByRole('list', { name: 'Keys' }).getByRole('listitem', { name: `Key ${name}` });
  }

  async generate(options: { label: string; kid: string; bits?: 2048 | 3072 | 4096 }): Promise<void> {
    await this.open();
    const form = this.generateForm;
    if (options.bits) await form.getByLabel('Key size').selectOption(String(options.bits));
    await form.getByLabel('Label').fill(options.label);
    await form.getByLabel('kid').fill(options.kid);
    await form.getByRole('button', { name: 'Generate key' }).click();
    await expect(this.card(options.label)).toBeVisible({ timeout: 20_000 });
  }

  /** What the import form says about a file that is not text (a photo, a .p12, a DER key). */
  get fileNote(): Locator {
    return this.importForm.getByLabel('Key file', { exact: true });
  }

  /** Drops a file on the import form's drop zone, as a file manager would. */
  async dropFile(name: string, bytes: Uint8Array): Promise<void> {
    await this.open();
    const dataTransfer = await this.page.evaluateHandle(
      ([fileName, data]) => {
        const dt = new DataTransfer();
        dt.items.add(new File([new Uint8Array(data)], fileName));
        return dt;
      },
      [name, [...bytes]] as const,
    );
    await this.importForm.getByRole('group', { name: 'Drop a key file' }).dispatchEvent('drop', { dataTransfer });
  }

  async importText(text: string, options: { label?: string; kid?: string } = {}): Promise<void> {
    await this.open();
    const form = this.importForm;
    await form.getByLabel('Key text (PEM or JWK)').fill(text);
    if (options.label !== undefined) await form.getByLabel('Label (optional)').fill(options.label);
    if (options.kid !== undefined) await form.getByLabel('kid (optional)').fill(options.kid);
    await form.getByRole('button', { name: 'Import key' }).click();
  }
}
