/**
 * One set of specs, two doors. Project `web` starts a fresh browser host per test (its own data dir,
 * so vaults never leak between tests) and opens its URL in Chromium; project `electron` launches the
 * built app through `_electron` and hands the specs its first window.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, _electron, type Page } from '@playwright/test';

export type HostKindOption = 'web' | 'electron';
export const E2E_PASSPHRASE = 'e2e correct horse battery staple';
const root = resolve(__dirname, '..');

export interface FixtureOptions {
  hostKind: HostKindOption;
  electronPath: string | undefined;
}

export interface BrowserHost {
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  output: () => string;
}

interface Fixtures {
  /** The app's window, whichever door serves it. */
  app: Page;
  /** The running browser host (project `web` only). */
  host: BrowserHost;
  /** Extra environment for the host (e.g. no passphrase, to see the vault locked). */
  hostEnv: Record<string, string | undefined>;
}

/** Starts the browser host on `dataDir` (a fresh folder when absent): the same folder again is a restart. */
export async function startBrowserHost(
  env: Record<string, string | undefined>,
  dataDir: string = mkdtempSync(join(tmpdir(), 'upi-inspector-e2e-')),
): Promise<{ host: BrowserHost; child: ChildProcess }> {
  const child = spawn(process.execPath, [join(root, 'out/main/host.js'), '--port', '0'], {
    cwd: root,
    env: { ...process.env, UPI_INSPECTOR_HOME: dataDir, UPI_INSPECTOR_PASSPHRASE: E2E_PASSPHRASE, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser host printed no URL in 10 s:\n${output}`)), 10_000);
    child.stdout!.on('data', (d: Buffer) => {
      output += d.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser host exited with ${code}:\n${output}`));
    });
  });
  const parsed = new URL(url);
  return {
    host: { url, origin: parsed.origin, token: parsed.hash.replace('#token=', ''), dataDir, output: () => output },
    child,
  };
}

/** Stops a browser host the way Ctrl-C does (it writes what is pending first) and waits for it to exit. */
export async function stopBrowserHost(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGINT');
  await exited;
}

export const test = base.extend<Fixtures & FixtureOptions>({
  hostKind: ['web', { option: true }],
  electronPath: [undefined, { option: true }],
  hostEnv: [{}, { option: true }],

  host: async ({ hostKind, hostEnv }, use, testInfo) => {
    testInfo.skip(hostKind !== 'web', 'the browser host is only started for project web');
    const { host, child } = await startBrowserHost(hostEnv);
    await use(host);
    child.kill('SIGINT');
    await new Promise((done) => child.once('exit', done));
    rmSync(host.dataDir, { recursive: true, force: true });
  },

  app: async ({ hostKind, electronPath, hostEnv, page }, use, testInfo) => {
    if (hostKind === 'electron') {
      const dataDir = mkdtempSync(join(tmpdir(), 'upi-inspector-e2e-'));
      const electronApp = await _electron.launch({
        executablePath: electronPath!,
        args: [root, `--user-data-dir=${dataDir}`],
        env: { ...process.env, UPI_INSPECTOR_PASSPHRASE: E2E_PASSPHRASE, ...hostEnv } as Record<string, string>,
      });
      const window = await electronApp.firstWindow();
      await use(window);
      await electronApp.close();
      rmSync(dataDir, { recursive: true, force: true });
      return;
    }
    const { host, child } = await startBrowserHost(hostEnv);
    await page.goto(host.url);
    await use(page);
    child.kill('SIGINT');
    await new Promise((done) => child.once('exit', done));
    rmSync(host.dataDir, { recursive: true, force: true });
    void testInfo;
  },
});

export const expect = test.expect;
