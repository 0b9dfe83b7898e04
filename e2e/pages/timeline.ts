import { expect, type Locator, type Page } from '@playwright/test';

/** The Log screen: a whole log (a file, a paste, a live device) as a timeline of calls. */
export class TimelinePage {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.locator('[data-screen="timeline"]');
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Log', exact: true }).click();
    await expect(this.page.getByRole('main', { name: 'Log' })).toBeVisible();
  }

  /** Drops a file with this text on the log box, as a file dragged from the desktop. */
  async drop(name: string, content: string | number[]): Promise<void> {
    const dataTransfer = await this.page.evaluateHandle(
      ({ name, content }) => {
        const dt = new DataTransfer();
        const body = typeof content === 'string' ? content : new Uint8Array(content);
        dt.items.add(new File([body], name, { type: 'text/plain' }));
        return dt;
      },
      { name, content },
    );
    await this.root.getByRole('group', { name: 'Drop a log file' }).dispatchEvent('drop', { dataTransfer });
  }

  get counts(): Locator {
    return this.root.getByLabel('Session counts');
  }

  get table(): Locator {
    return this.root.getByRole('table', { name: 'Calls in the log' });
  }

  /** The data rows drawn (the table is virtualised: only those in view). */
  get rows(): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('cell') });
  }

  /** The row whose requestId cell reads `requestId`. */
  row(requestId: string): Locator {
    return this.rows.filter({ has: this.page.getByRole('cell', { name: requestId, exact: true }) });
  }

  /** A cell of a row, by its column header's name. */
  async cell(row: Locator, column: string): Promise<Locator> {
    const index = await this.table.getByRole('columnheader', { name: column, exact: true }).getAttribute('aria-colindex');
    expect(index, `column ${column}`).not.toBeNull();
    return row.locator(`[role="cell"][aria-colindex="${index}"]`);
  }

  get findings(): Locator {
    return this.root.getByRole('list', { name: 'Session findings' }).locator('[data-finding-id]');
  }

  get device(): Locator {
    return this.root.getByRole('combobox', { name: 'Device' });
  }

  get captureState(): Locator {
    return this.root.getByLabel('Capture state');
  }
}
