import { test, expect } from './fixtures';
import { InspectPage, fixture } from './kit';

test('the shell shows app information that came from the main side', async ({ app }) => {
  await expect(app.getByText('UPI Inspector').first()).toBeVisible();
  // The version and host badge are only known to the main side: seeing them proves the round trip.
  await expect(app.getByText(/^v\d+\.\d+\.\d+$/)).toBeVisible();
  await expect(app.getByText(/Browser host · linux|Desktop · /)).toBeVisible();
  await expect(app.getByText(/Vault (unlocked|locked)/)).toBeVisible();
});

test('the browser host refuses API calls without the token, from a foreign origin, or for a foreign host', async ({ host, request }) => {
  const call = (headers: Record<string, string>) =>
    request.post(`${host.origin}/api/app:info`, { data: {}, headers });
  expect((await call({})).status()).toBe(403);
  expect((await call({ 'x-upi-inspector-token': host.token, origin: 'http://evil.example' })).status()).toBe(403);
  expect((await call({ 'x-upi-inspector-token': host.token, host: 'evil.example' })).status()).toBe(403);
  const good = await call({ 'x-upi-inspector-token': host.token, origin: host.origin });
  expect(good.status()).toBe(200);
  expect((await good.json()).value.host).toBe('browser');
});

test.describe('keyboard', () => {
  test('Tab starts at the skip link, then the top bar, then the screens, then the main area; the skip link jumps to main', async ({ app }) => {
    await expect(app.getByText(/Vault (unlocked|locked)/)).toBeVisible();
    await expect(app.locator('html')).toHaveAttribute('data-app-state', 'ready');
    /** Where the focused element lives: the skip link, the banner, the nav or main. */
    const focusedPlace = () =>
      app.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return 'body';
        if (el.classList.contains('skip-link')) return 'skip';
        if (el.closest('header')) return 'banner';
        if (el.closest('nav')) return 'nav';
        if (el.closest('main')) return 'main';
        return `elsewhere: ${el.outerHTML.slice(0, 80)}`;
      });
    const places: string[] = [];
    for (let i = 0; i < 16; i++) {
      await app.keyboard.press('Tab');
      places.push(await focusedPlace());
    }
    // In order, each place once: skip, banner…, nav…, main…
    const runs = places.filter((p, i) => p !== places[i - 1]);
    expect(runs).toEqual(['skip', 'banner', 'nav', 'main']);
    expect(places.filter((p) => p === 'nav')).toHaveLength(7);

    await app.reload();
    await expect(app.getByText(/Vault (unlocked|locked)/)).toBeVisible();
    // The screen's own controls have rendered (its code loads after the shell paints).
    await expect(app.locator('html')).toHaveAttribute('data-app-state', 'ready');
    await app.keyboard.press('Tab');
    const skip = app.getByRole('link', { name: 'Skip to main content' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await app.keyboard.press('Enter');
    await expect(app.getByRole('main')).toBeFocused();
    await app.keyboard.press('Tab');
    expect(await focusedPlace()).toBe('main');
  });

  test('Alt+1 … Alt+7 switch screens, and the ? help lists them', async ({ app }) => {
    const names = ['Compose', 'Response', 'Inspect', 'Keys', 'Profiles', 'History', 'Log'];
    for (const [i, name] of [...names.entries()].reverse()) {
      await app.keyboard.press(`Alt+${i + 1}`);
      await expect(app.getByRole('main', { name })).toBeVisible();
      await expect(app.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name, exact: true })).toHaveAttribute('aria-current', 'page');
    }
    // From inside a text field too (Alt+digit types nothing there).
    await app.keyboard.press('Alt+3');
    await app.getByRole('textbox', { name: 'Request to inspect' }).focus();
    await app.keyboard.press('Alt+2');
    await expect(app.getByRole('main', { name: 'Response' })).toBeVisible();

    await app.locator('body').press('?');
    const help = app.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(help).toBeVisible();
    for (const [i, name] of names.entries()) await expect(help.getByRole('row', { name: `Alt+${i + 1} Go to ${name}` })).toBeVisible();
    await expect(help.getByRole('row').filter({ hasText: 'paste and read it there' })).toContainText('Inspect');
  });

  test('Ctrl+V with focus outside a text field on Inspect puts the text in the request box and inspects it', async ({ app, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const request = JSON.parse(fixture('inspected-request.json')) as { requestId: string };
    const inspect = new InspectPage(app);
    await inspect.open();
    await app.evaluate((text) => navigator.clipboard.writeText(text), fixture('inspected-request.json'));
    await inspect.root.getByRole('heading', { name: 'Inspect a request' }).click();
    await app.keyboard.press('ControlOrMeta+V');
    const box = inspect.root.getByRole('textbox', { name: 'Request to inspect' });
    await expect(box).toHaveValue(fixture('inspected-request.json'));
    await expect(box).toBeFocused();
    await expect(inspect.verdict).toBeVisible();
    await expect(inspect.root.getByLabel('Where the request was found')).toBeVisible();
    await expect(inspect.root).toContainText(request.requestId);
  });

  test('a disabled button looks disabled in both themes: no fill, muted text, dashed border', async ({ app }) => {
    const inspect = new InspectPage(app);
    await inspect.open();
    const button = inspect.root.getByRole('button', { name: 'Inspect', exact: true });
    const look = () => button.evaluate((el) => {
      const s = getComputedStyle(el);
      return { background: s.backgroundColor, color: s.color, border: s.borderTopStyle, cursor: s.cursor };
    });
    for (const theme of ['dark', 'light'] as const) {
      await inspect.shell.setTheme(theme);
      await inspect.paste('');
      await expect(button).toBeDisabled();
      const disabled = await look();
      await inspect.paste('{"requestId":"r"}');
      await expect(button).toBeEnabled();
      const enabled = await look();
      expect(disabled.background, theme).toBe('rgba(0, 0, 0, 0)');
      expect(enabled.background, theme).not.toBe(disabled.background);
      expect(enabled.color, theme).not.toBe(disabled.color);
      expect(disabled.border, theme).toBe('dashed');
      expect(enabled.border, theme).toBe('solid');
      expect(disabled.cursor, theme).toBe('not-allowed');
    }
  });
});
