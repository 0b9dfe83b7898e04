import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { AppShell, type ScreenName } from './app';

/** The case toolbar above a screen, and its Export case dialog with the merchant report. */
export class CaseBar {
  readonly shell: AppShell;
  readonly bar: Locator;
  constructor(
    readonly page: Page,
    readonly screen: ScreenName | 'Log',
  ) {
    this.shell = new AppShell(page);
    const root = screen === 'Log' ? page.locator('[data-screen="timeline"]') : this.shell.screen(screen);
    this.bar = root.getByRole('toolbar', { name: 'Case' });
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Export case' });
  }

  async openExport(): Promise<void> {
    await this.bar.getByRole('button', { name: 'Export case…' }).click();
    await expect(this.dialog).toBeVisible();
    await expect(this.dialog.getByRole('note', { name: 'Masking' })).toBeVisible();
  }

  /** Clicks a button that saves a file and returns the download, saved to `path`. */
  async save(button: string, path: string): Promise<{ download: Download; text: string }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.dialog.getByRole('button', { name: button, exact: true }).click()]);
    await download.saveAs(path);
    return { download, text: readFileSync(path, 'utf8') };
  }

  async openCase(path: string): Promise<void> {
    await this.bar.getByLabel('Open case…').setInputFiles(path);
  }
}
