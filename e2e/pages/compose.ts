import { expect, type Locator, type Page } from '@playwright/test';
import { AppShell } from './app';

export interface ClaimFields {
  merchantId: string;
  merchantCustomerId: string;
  merchantChannelId: string;
}

/** The Compose screen: the request form and its signed preview. */
export class ComposePage {
  readonly shell: AppShell;
  constructor(readonly page: Page) {
    this.shell = new AppShell(page);
  }

  get root(): Locator {
    return this.shell.screen('Compose');
  }

  async open(): Promise<void> {
    await this.shell.open('Compose');
  }

  field(name: string): Locator {
    return this.root.getByLabel(name, { exact: true });
  }

  async fill(fields: Partial<ClaimFields>): Promise<void> {
    for (const [name, value] of Object.entries(fields)) await this.field(name).fill(value);
  }

  async pinTimestamp(ms: string): Promise<void> {
    await this.root.getByRole('radio', { name: 'Pinned' }).check();
    await this.field('Pinned timestamp (epoch ms)').fill(ms);
  }

  get preview(): Locator {
    return this.root.getByRole('region', { name: 'Signed envelope' });
  }

  get envelopeView(): Locator {
    return this.root.getByRole('region', { name: 'Envelope JSON' });
  }

  /** The signed envelope on screen, once the preview says it is signed. */
  async envelopeJson(): Promise<string> {
    await expect(this.preview.getByText(/^Signed (just now|\d+ s ago)$/)).toBeVisible();
    await expect(this.preview).toHaveAttribute('aria-busy', 'false');
    return (await this.envelopeView.innerText()).trim();
  }

  get verifyResult(): Locator {
    return this.root.getByRole('status', { name: 'Verification result' });
  }
}
