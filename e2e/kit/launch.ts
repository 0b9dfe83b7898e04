/**
 * Starting UPI Inspector for a test run, with the documented knobs (docs/automation.md): the browser
 * host on a free loopback port (`launchInspector`), or the desktop app through Playwright's `_electron`
 * where an Electron binary exists (`launchInspectorElectron`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron, type ElectronApplication, type Page } from '@playwright/test';

/** The repository the kit belongs to (out/ must be built: `npm run build`). */
export const INSPECTOR_ROOT = resolve(__dirname, '..', '..');
/** The passphrase the kit's vaults use when none is given (strong enough for the vault's policy). */
export const DEFAULT_PASSPHRASE = 'e2e correct horse battery staple';

export interface LaunchOptions {
  /** UPI_INSPECTOR_HOME: the data folder (vault, profiles, history). Default: a fresh temporary folder, removed by close(). */
  home?: string;
  /** UPI_INSPECTOR_SEED: a folder with keys/ (PEM or JWK files), keys.json and/or profiles.json, loaded at start. */
  seed?: string;
  /** UPI_INSPECTOR_NOW: the pinned clock, epoch ms (a Date is taken as its epoch ms). */
  now?: number | Date;
  /** UPI_INSPECTOR_REQUEST_IDS: uuid v4s handed out in order, then fresh ones. */
  requestIds?: readonly string[];
  /** UPI_INSPECTOR_PASSPHRASE: opens (or creates) the vault. Default DEFAULT_PASSPHRASE; null leaves the vault locked. */
  passphrase?: string | null;
  /** More environment for the process (undefined removes a variable). */
  env?: Record<string, string | undefined>;
}

export interface LaunchedInspector {
  /** The URL to open, with its per-launch #token. */
  url: string;
  origin: string;
  token: string;
  /** The data folder in use. */
  home: string;
  /** Everything the host printed so far (stdout and stderr), e.g. seed problems. */
  output(): string;
  /** Stops the host the way Ctrl-C does (pending writes are saved) and removes a temporary home. */
  close(): Promise<void>;
  /** The process, for tests of the host itself. */
  process: ChildProcess;
}

/** The environment a launch sets; exported so a suite can run the CLI with the same knobs. */
export function inspectorEnv(options: LaunchOptions, home: string): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = { UPI_INSPECTOR_HOME: home };
  if (options.passphrase !== null) env.UPI_INSPECTOR_PASSPHRASE = options.passphrase ?? DEFAULT_PASSPHRASE;
  else env.UPI_INSPECTOR_PASSPHRASE = undefined;
  if (options.seed !== undefined) env.UPI_INSPECTOR_SEED = resolve(options.seed);
  if (options.now !== undefined) env.UPI_INSPECTOR_NOW = String(options.now instanceof Date ? options.now.getTime() : options.now);
  if (options.requestIds !== undefined) env.UPI_INSPECTOR_REQUEST_IDS = options.requestIds.join(',');
  return { ...env, ...options.env };
}

function withEnv(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const [name, value] of Object.entries(extra)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

function freshHome(options: LaunchOptions): { home: string; temporary: boolean } {
  if (options.home !== undefined) return { home: resolve(options.home), temporary: false };
  return { home: mkdtempSync(join(tmpdir(), 'upi-inspector-kit-')), temporary: true };
}

/** Starts the browser host (out/main/host.js) on a free port; resolves once it prints its URL. */
export async function launchInspector(options: LaunchOptions = {}): Promise<LaunchedInspector> {
  const hostScript = join(INSPECTOR_ROOT, 'out/main/host.js');
  if (!existsSync(hostScript)) throw new Error(`No built browser host at ${hostScript}: run "npm run build" in ${INSPECTOR_ROOT} first.`);
  const { home, temporary } = freshHome(options);
  const child = spawn(process.execPath, [hostScript, '--port', '0'], { cwd: INSPECTOR_ROOT, env: withEnv(inspectorEnv(options, home)), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  const cleanUp = () => {
    if (temporary) rmSync(home, { recursive: true, force: true });
  };
  let url: string;
  try {
    url = await new Promise<string>((resolveUrl, reject) => {
      const timer = setTimeout(() => reject(new Error(`The browser host printed no URL in 15 s:\n${output}`)), 15_000);
      const look = () => {
        const match = /(http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/.exec(output);
        if (!match) return;
        clearTimeout(timer);
        resolveUrl(match[1]!);
      };
      child.stdout!.on('data', look);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`The browser host exited with ${code} before it was ready:\n${output}`));
      });
    });
  } catch (e) {
    child.kill('SIGKILL');
    cleanUp();
    throw e;
  }
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: parsed.hash.replace('#token=', ''),
    home,
    output: () => output,
    process: child,
    close: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((done) => child.once('exit', done));
        child.kill('SIGINT');
        await exited;
      }
      cleanUp();
    },
  };
}

export interface LaunchedElectron {
  app: ElectronApplication;
  /** The app's first window. */
  window: Page;
  home: string;
  close(): Promise<void>;
}

/** The Electron binary, found by its files (a `require('electron')` would try to download it). */
export function findElectron(): { path: string } | { path: null; reason: string } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { findElectronBinary } = require(join(INSPECTOR_ROOT, 'electron/scripts/electron-binary.cjs')) as {
    findElectronBinary(): { path: string } | { path: null; reason: string };
  };
  return findElectronBinary();
}

/** Starts the desktop app with the same knobs; rejects with the reason when no Electron binary exists here. */
export async function launchInspectorElectron(options: LaunchOptions = {}): Promise<LaunchedElectron> {
  const binary = findElectron();
  if (binary.path === null) throw new Error(`UPI Inspector's desktop app cannot be launched here: ${binary.reason}. Use launchInspector (the browser host) instead.`);
  const { home, temporary } = freshHome(options);
  const app = await _electron.launch({ executablePath: binary.path, args: [INSPECTOR_ROOT], env: withEnv(inspectorEnv(options, home)) as Record<string, string> });
  const window = await app.firstWindow();
  return {
    app,
    window,
    home,
    close: async () => {
      await app.close();
      if (temporary) rmSync(home, { recursive: true, force: true });
    },
  };
}
