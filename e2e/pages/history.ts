import { expect, type Locator, type Page } from '@playwright/test';
import { AppShell } from './app';

/** The History screen: search, the virtual list of entries, and the entry open beside it. */
export class HistoryPage {
  readonly shell: AppShell;
  constructor(readonly page: Page) {
    this.shell = new AppShell(page);
  }

  get root(): Locator {
    return this.shell.screen('History');
  }

  async open(): Promise<void> {
    await this.shell.open('History');
  }

  get search(): Locator {
    return this.root.getByRole('searchbox', { name: 'Search the history' });
  }

  get entries(): Locator {
    return this.root.getByRole('list', { name: 'History entries' }).getByRole('listitem');
  }

  /** The list row of the entry of `kind` for `requestId` (its button is named "<Kind> <requestId> at <time>"). */
  row(kind: 'Sign' | 'Inspect' | 'Response', requestId: string): Locator {
    return this.root.getByRole('button', { name: new RegExp(`^${kind} ${requestId} at `) });
  }

  get detail(): Locator {
    return this.root.getByRole('article', { name: 'History entry' });
  }

  /** Searches for `query` and opens the one entry of `kind` it finds. */
  async find(kind: 'Sign' | 'Inspect' | 'Response', requestId: string): Promise<void> {
    await this.open();
    await this.search.fill(requestId);
    await expect(this.row(kind, requestId)).toBeVisible();
    await this.row(kind, requestId).click();
    await expect(this.detail.getByRole('heading', { name: kind })).toBeVisible();
  }
}
