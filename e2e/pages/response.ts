import { expect, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppShell } from './app';

export function fixture(name: string): string {
  return readFileSync(join(__dirname, '..', 'fixtures', name), 'utf8');
}

/** The Response screen: paste box, summary, tables and raw view. */
export class ResponsePage {
  readonly shell: AppShell;
  constructor(readonly page: Page) {
    this.shell = new AppShell(page);
  }

  get root(): Locator {
    return this.shell.screen('Response');
  }

  async open(): Promise<void> {
    await this.shell.open('Response');
  }

  get input(): Locator {
    return this.root.getByRole('textbox', { name: 'Response JSON', exact: true });
  }

  /**
   * Pastes text the way the browser does: a `paste` event whose clipboardData holds the text, on the
   * focused box. The app reads clipboardData itself, so this exercises its paste handler.
   */
  async paste(text: string): Promise<void> {
    await this.open();
    await this.input.focus();
    await this.input.evaluate((el, t) => {
      const data = new DataTransfer();
      data.setData('text/plain', t);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);
  }

  get status(): Locator {
    return this.root.getByRole('group', { name: 'Status' });
  }

  get problem(): Locator {
    return this.root.getByRole('alert', { name: 'Response problem' });
  }

  /** Every finding shown, problems and (folded) notes, each carrying its stable id and severity. */
  get findings(): Locator {
    return this.root.getByRole('region', { name: 'Findings' }).locator('[data-finding-id]');
  }

  /** The error-level findings. */
  get errors(): Locator {
    return this.findings.and(this.page.locator('[data-severity="error"]'));
  }

  /** The control choosing which request the response's requestId is compared with. */
  get compareWith(): Locator {
    return this.root.getByRole('combobox', { name: 'Compare with' });
  }

  /** The requestId row of the summary, with its matches/differs badge. */
  get requestIdField(): Locator {
    return this.root.getByLabel('Response fields').locator('dd[data-field="requestId"]');
  }

  /** "3 accounts", or "1 of 3 accounts" when filtered. */
  get accountCount(): Locator {
    return this.root.getByLabel('Accounts shown');
  }

  get accountFilter(): Locator {
    return this.root.getByLabel('Filter accounts');
  }

  /** Shows or hides an accounts column through the column chooser, then closes the chooser. */
  async setColumnShown(column: string, shown: boolean): Promise<void> {
    const chooser = this.root.locator('details.column-chooser');
    await chooser.locator('summary').click();
    await chooser.getByRole('checkbox', { name: column, exact: true }).setChecked(shown);
    await chooser.locator('summary').click();
  }

  /** The raw JSON viewer (CodeMirror, in a shadow root that locators pierce). */
  get raw(): Locator {
    return this.root.getByRole('region', { name: 'Raw response JSON' });
  }

  get rawTools(): Locator {
    return this.root.getByRole('toolbar', { name: 'Raw response JSON tools' });
  }

  table(name: 'VPAs' | 'Accounts'): Locator {
    return this.root.getByRole('table', { name });
  }

  /** The data rows of a table (the header row excluded). */
  rows(name: 'VPAs' | 'Accounts'): Locator {
    return this.table(name).getByRole('row').filter({ has: this.page.getByRole('cell') });
  }

  /** The row whose cells include one reading exactly `text`. */
  row(name: 'VPAs' | 'Accounts', text: string): Locator {
    return this.rows(name).filter({ has: this.page.getByRole('cell', { name: text, exact: true }) });
  }

  /** A cell, found by its row and its column header's accessible name. */
  async cell(name: 'VPAs' | 'Accounts', rowText: string, column: string): Promise<Locator> {
    const header = this.table(name).getByRole('columnheader', { name: column, exact: true });
    const index = await header.getAttribute('aria-colindex');
    expect(index, `column ${column} in ${name}`).not.toBeNull();
    return this.row(name, rowText).locator(`[role="cell"][aria-colindex="${index}"]`);
  }
}
