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

  /** The preview's state badge: `data-phase` (signing, signed…) and, once signed, `data-age` (ok, warn, error). */
  get status(): Locator {
    return this.preview.getByTestId('preview-status');
  }

  /** The signed envelope on screen, once the preview says it is signed. */
  async envelopeJson(): Promise<string> {
    await expect(this.status).toHaveAttribute('data-phase', 'signed');
    await expect(this.preview).toHaveAttribute('aria-busy', 'false');
    return (await this.envelopeView.innerText()).trim();
  }

  /** The signed envelope JSON on screen, parsed, with its decoded claims. */
  async envelope(): Promise<{ json: string; requestId: string; claims: Record<string, string> }> {
    const json = await this.envelopeJson();
    return { json, ...parseEnvelope(json) };
  }

  get verifyResult(): Locator {
    return this.root.getByRole('status', { name: 'Verification result' });
  }
}

/** The requestId and decoded claims of an envelope JSON (pretty or compact). */
export function parseEnvelope(json: string): { requestId: string; claims: Record<string, string> } {
  const envelope = JSON.parse(json) as { requestId: string; payload: { signaturePayload: string } };
  return { requestId: envelope.requestId, claims: JSON.parse(Buffer.from(envelope.payload.signaturePayload, 'base64url').toString('utf8')) as Record<string, string> };
}
