import { expect, type Locator, type Page } from '@playwright/test';
import { AppShell } from './app';

/** The Inspect screen: paste what a merchant's app sent, read the findings. */
export class InspectPage {
  readonly shell: AppShell;
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.shell = new AppShell(page);
    this.root = this.shell.screen('Inspect');
  }

  async open(): Promise<void> {
    await this.shell.open('Inspect');
  }

  async paste(text: string): Promise<void> {
    await this.root.getByRole('textbox', { name: 'Request to inspect' }).fill(text);
  }

  /** The verdict's headline in the Signature panel (data-valid: true, false or null; data-tone). */
  get verdict(): Locator {
    return this.root.getByLabel('Verdict', { exact: true });
  }

  get keysTried(): Locator {
    return this.root.getByRole('table', { name: 'Keys tried' });
  }

  /** The key table's row for a key, by its label. */
  keyRow(label: string): Locator {
    return this.keysTried.getByRole('row').filter({ hasText: label });
  }

  get whereFound(): Locator {
    return this.root.getByLabel('Where the request was found');
  }

  get summary(): Locator {
    return this.root.getByLabel('Findings summary');
  }

  /** A finding by its stable id. */
  finding(id: string): Locator {
    return this.root.locator(`[data-finding-id="${id}"]`);
  }

  async expectFinding(id: string, text: RegExp): Promise<void> {
    await expect(this.finding(id).first()).toBeVisible();
    await expect(this.finding(id).first()).toContainText(text);
  }
}
