import type { Locator } from '@playwright/test';

/** "Code for this request", in Compose's signed preview or on Inspect: the request as code, per stack. */
export class SnippetPanelPage {
  constructor(readonly scope: Locator) {}

  get root(): Locator {
    return this.scope.getByRole('region', { name: 'Code for this request', exact: true });
  }

  /** The panel starts folded; its heading opens it. */
  async open(): Promise<void> {
    await this.root.getByRole('heading', { name: 'Code for this request' }).click();
  }

  /** By value: kotlin, java, node, java-server, python, openssl. */
  async choose(lang: string): Promise<void> {
    await this.root.getByLabel('Language', { exact: true }).selectOption(lang);
  }

  get code(): Locator {
    return this.root.getByRole('region', { name: 'Code', exact: true });
  }

  get copyButton(): Locator {
    return this.root.getByRole('button', { name: 'Copy code' });
  }

  get saveButton(): Locator {
    return this.root.getByRole('button', { name: 'Save code as a file' });
  }

  get usage(): Locator {
    return this.root.getByLabel('How to use it');
  }
}
