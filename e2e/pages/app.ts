import { expect, type Locator, type Page } from '@playwright/test';

export type ScreenName = 'Compose' | 'Response' | 'Inspect' | 'Keys' | 'History';

/** The shell around every screen: navigation and theme. */
export class AppShell {
  constructor(readonly page: Page) {}

  async open(screen: ScreenName): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: screen, exact: true }).click();
    await expect(this.page.getByRole('main', { name: screen })).toBeVisible();
  }

  /** A screen's body (every screen stays mounted; only the current one is visible). */
  screen(screen: ScreenName): Locator {
    return this.page.locator(`[data-screen="${screen.toLowerCase()}"]`);
  }

  async setTheme(theme: 'light' | 'dark'): Promise<void> {
    const toggle = this.page.getByRole('button', { name: /^Switch to (light|dark) theme$/ });
    if ((await this.page.locator('html').getAttribute('data-theme')) !== theme) await toggle.click();
    await expect(this.page.locator('html')).toHaveAttribute('data-theme', theme);
  }
}
