import { existsSync } from 'node:fs';
import { defineConfig, type PlaywrightTestConfig } from '@playwright/test';
import type { FixtureOptions, HostKindOption } from './fixtures';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { findElectronBinary } = require('../electron/scripts/electron-binary.cjs') as {
  findElectronBinary(): { path: string } | { path: null; reason: string };
};

/** Debian's Chromium unless told otherwise; Playwright's own browser only where it was installed. */
function chromiumPath(): string | undefined {
  if (process.env.PLAYWRIGHT_CHROMIUM_PATH) return process.env.PLAYWRIGHT_CHROMIUM_PATH;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  return undefined;
}

const electron = findElectronBinary();
// Said once per run (workers load this file too, with TEST_WORKER_INDEX set).
if (electron.path === null && !process.env.TEST_WORKER_INDEX) {
  console.log(`[e2e] project "electron" not run: ${electron.reason}. The same specs run in project "web".`);
}

const projects: NonNullable<PlaywrightTestConfig<FixtureOptions>['projects']> = [
  {
    name: 'web',
    use: {
      browserName: 'chromium',
      hostKind: 'web' satisfies HostKindOption,
      launchOptions: {
        executablePath: chromiumPath(),
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
      },
    },
  },
];
if (electron.path) {
  projects.push({ name: 'electron', use: { hostKind: 'electron' satisfies HostKindOption, electronPath: electron.path } });
}

export default defineConfig<FixtureOptions>({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: '../test-results',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  // list in the terminal; JUnit XML and HTML for CI in e2e/artifacts/; the JSON report is what
  // electron/scripts/run-tests.cjs totals into npm test's closing `N passed, N failed` line.
  reporter: [
    ['list'],
    ['junit', { outputFile: 'artifacts/junit.xml' }],
    ['html', { outputFolder: 'artifacts/html-report', open: 'never' }],
    ['json', { outputFile: '../.playwright-results.json' }],
  ],
  use: {
    viewport: { width: 1360, height: 880 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects,
});
