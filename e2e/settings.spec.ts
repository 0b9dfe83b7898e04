/**
 * Settings live on the main side, in the data directory: a new browser host on the same folder — on
 * another port, so another origin with an empty localStorage — opens with the theme, screen, Compose
 * form and table layout left by the last one. And the browser host keeps its port between launches
 * unless told one.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { E2E_PASSPHRASE, expect, startBrowserHost, stopBrowserHost, test } from './fixtures';
import { AppShell, ComposePage, ResponsePage, fixture } from './kit';

test.skip(({ hostKind }) => hostKind !== 'web', 'restarts the browser host on one data directory');

const onDisk = (dataDir: string): Record<string, Record<string, unknown>> => {
  try {
    return JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8'));
  } catch {
    return {};
  }
};

/** Every value <html data-theme> takes from the first script on, so a flash of the other theme is seen. */
async function recordThemes(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: (string | undefined)[] = [];
    (window as unknown as { themesSeen: typeof seen }).themesSeen = seen;
    // The page as served, before the window's script has loaded the settings (it waits for them).
    document.addEventListener('DOMContentLoaded', () => seen.push(`served:${document.documentElement.dataset.theme}`));
    new MutationObserver(() => seen.push(document.documentElement.dataset.theme)).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-theme'] });
  });
}

test('theme, screen, Compose fields and the accounts table layout are kept by the next browser host on another port', async ({ page }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'upi-inspector-e2e-'));
  const first = await startBrowserHost({}, dataDir);
  try {
    await page.goto(first.host.url);
    const shell = new AppShell(page);
    const initial = await page.locator('html').getAttribute('data-theme');
    const theme = initial === 'dark' ? 'light' : 'dark';
    await shell.setTheme(theme);

    const compose = new ComposePage(page);
    await compose.open();
    await compose.fill({ merchantId: 'M-SETTINGS-7', merchantChannelId: 'KEPT_ANDROID' });

    const response = new ResponsePage(page);
    await response.paste(fixture('linked.json'));
    await expect(response.accountCount).toHaveText('3 accounts');
    await response.setColumnShown('ifsc', true);
    await response.setColumnShown('bankName', false);
    await response.accountFilter.fill('otp:6');
    await expect(response.accountCount).toHaveText('2 of 3 accounts');
    const mpinHeader = response.table('Accounts').getByRole('columnheader', { name: 'mpinLength', exact: true });
    await mpinHeader.getByRole('button').first().click();
    await expect(mpinHeader).toHaveAttribute('aria-sort', 'ascending');

    // Written to the data directory shortly after each change.
    await expect
      .poll(() => onDisk(dataDir), { timeout: 5_000 })
      .toMatchObject({
        app: { theme, screen: 'response' },
        compose: { merchantId: 'M-SETTINGS-7', merchantChannelId: 'KEPT_ANDROID' },
        tables: { 'response.accounts': { query: 'otp:6', sort: { id: 'mpinLength', desc: false } } },
      });
  } finally {
    await stopBrowserHost(first.child);
  }

  const second = await startBrowserHost({}, dataDir);
  try {
    expect(second.host.origin, 'a new launch with --port 0 is another origin').not.toBe(first.host.origin);
    await recordThemes(page);
    await page.goto(second.host.url);
    const response = new ResponsePage(page);
    await expect(page.getByRole('main', { name: 'Response' })).toBeVisible();
    const theme = onDisk(dataDir).app!.theme as string;
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    // The theme was right from the first paint: the host served the page in it, and the other one never showed.
    const seen = await page.evaluate(() => (window as unknown as { themesSeen: string[] }).themesSeen);
    expect(seen).toContain(`served:${theme}`);
    expect(seen).not.toContain(theme === 'dark' ? 'light' : 'dark');

    await response.paste(fixture('linked.json'));
    await expect(response.accountFilter).toHaveValue('otp:6');
    await expect(response.accountCount).toHaveText('2 of 3 accounts');
    const table = response.table('Accounts');
    await expect(table.getByRole('columnheader', { name: 'ifsc', exact: true })).toBeVisible();
    await expect(table.getByRole('columnheader', { name: 'bankName', exact: true })).toHaveCount(0);
    await expect(table.getByRole('columnheader', { name: 'mpinLength', exact: true })).toHaveAttribute('aria-sort', 'ascending');
    // The first shown column stays pinned.
    await expect(table.getByRole('columnheader', { name: 'vpa', exact: true })).toHaveClass(/dt-pinned/);

    const compose = new ComposePage(page);
    await compose.open();
    await expect(compose.field('merchantId')).toHaveValue('M-SETTINGS-7');
    await expect(compose.field('merchantChannelId')).toHaveValue('KEPT_ANDROID');
  } finally {
    await stopBrowserHost(second.child);
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('a change made just before a reload is kept (the last write goes as the page leaves)', async ({ app }) => {
  const shell = new AppShell(app);
  await shell.open('Inspect');
  const theme = (await app.locator('html').getAttribute('data-theme')) === 'dark' ? 'light' : 'dark';
  await shell.setTheme(theme);
  await app.reload();
  await expect(app.getByRole('main', { name: 'Inspect' })).toBeVisible();
  await expect(app.locator('html')).toHaveAttribute('data-theme', theme);
});

test('a damaged settings file is set aside, the window says so and opens with the defaults', async ({ page }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'upi-inspector-e2e-'));
  writeFileSync(join(dataDir, 'settings.json'), '{"app": {"theme": ');
  const { host, child } = await startBrowserHost({}, dataDir);
  try {
    await page.goto(host.url);
    await expect(page.getByRole('main', { name: 'Compose' })).toBeVisible();
    await expect(page.getByText(/settings file was damaged .* set aside as/)).toBeVisible();
    expect(readdirSync(dataDir).filter((f) => f.startsWith('settings.damaged-'))).toHaveLength(1);
  } finally {
    await stopBrowserHost(child);
    rmSync(dataDir, { recursive: true, force: true });
  }
});

const root = resolve(__dirname, '..');

/** Launches the browser host with `args` (startBrowserHost always passes --port 0) and returns its port. */
async function launch(dataDir: string, args: string[]): Promise<{ port: number; child: ChildProcess }> {
  const child = spawn(process.execPath, [join(root, 'out/main/host.js'), ...args], {
    cwd: root,
    env: { ...process.env, UPI_INSPECTOR_HOME: dataDir, UPI_INSPECTOR_PASSPHRASE: E2E_PASSPHRASE },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const port = await new Promise<number>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`no URL in 10 s:\n${output}`)), 10_000);
    child.stdout!.on('data', (d: Buffer) => {
      output += d.toString();
      const match = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        done(Number(match[1]));
      }
    });
    child.once('exit', (code) => fail(new Error(`host exited with ${code}:\n${output}`)));
  });
  return { port, child };
}

async function portOf(dataDir: string, args: string[]): Promise<number> {
  const { port, child } = await launch(dataDir, args);
  await stopBrowserHost(child);
  return port;
}

test('the browser host keeps its port between launches without --port; --port 0 and an explicit port override it', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'upi-inspector-e2e-'));
  try {
    const remembered = await portOf(dataDir, []);
    expect(await portOf(dataDir, []), 'the second launch listens on the first one’s port').toBe(remembered);
    expect(await portOf(dataDir, ['--port', '0']), '--port 0 takes any free port').not.toBe(remembered);
    // An explicit port is used, and does not replace the remembered one.
    const explicit = await portOf(dataDir, ['--port', '0']);
    expect(await portOf(dataDir, ['--port', String(explicit)])).toBe(explicit);
    expect(await portOf(dataDir, [])).toBe(remembered);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
