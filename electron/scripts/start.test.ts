/**
 * `npm start` always starts: runs electron/scripts/start.cjs as `npm start` does, with a fake Electron
 * installer (failing as it does offline, or fetching a stand-in binary) and a fake browser opener.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ensureBuild, repoRoot } from '../test/build-output';

const scratch = mkdtempSync(join(tmpdir(), 'upi-start-'));
const path = (name: string) => join(scratch, name);
const URL_PATTERN = /(http:\/\/127\.0\.0\.1:(\d+)\/#token=([\w-]+))/;

// Electron's installer as it behaves offline: a stack trace headed "fetch failed", exit 1.
writeFileSync(path('failing-installer.cjs'), `require('fs').writeFileSync(process.env.INSTALLER_RAN, 'ran');\nconsole.error('TypeError: fetch failed\\n    at node:internal/deps/undici');\nprocess.exit(1);\n`);
// An installer that "fetches" a stand-in Electron, which records how it was launched.
writeFileSync(
  path('fetching-installer.cjs'),
  `const fs = require('fs');\nfs.writeFileSync(process.env.INSTALLER_RAN, 'ran');\nfs.writeFileSync(require('path').join(process.env.ELECTRON_OVERRIDE_DIST_PATH, 'electron'), '#!/bin/sh\\necho "$@" > "$ELECTRON_LAUNCHED"\\n', { mode: 0o755 });\n`,
);
const openerBin = mkdtempSync(join(scratch, 'bin-'));
writeFileSync(join(openerBin, 'xdg-open'), '#!/bin/sh\necho "$@" >> "$OPENER_LOG"\n', { mode: 0o755 });
const emptyBin = mkdtempSync(join(scratch, 'nobin-'));

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

const started: Started[] = [];
afterEach(async () => {
  for (const run of started.splice(0)) {
    run.child.kill('SIGTERM');
    await run.exited;
  }
});

/** Fresh paths per run; `DISPLAY` set so the desktop path is tried (the machine has none). */
function environment(overrides: Record<string, string | undefined> = {}): Record<string, string> {
  const run = mkdtempSync(join(scratch, 'run-'));
  const env: Record<string, string | undefined> = {
    ...process.env,
    UPI_INSPECTOR_HOME: join(run, 'home'),
    UPI_INSPECTOR_PASSPHRASE: 'start test correct horse battery',
    ELECTRON_OVERRIDE_DIST_PATH: mkdtempSync(join(run, 'electron-')),
    UPI_INSPECTOR_ELECTRON_INSTALLER: path('failing-installer.cjs'),
    INSTALLER_RAN: join(run, 'installer-ran'),
    OPENER_LOG: join(run, 'opener.log'),
    ELECTRON_LAUNCHED: join(run, 'electron-launched'),
    DISPLAY: ':99',
    PATH: `${openerBin}:${process.env.PATH}`,
    ...overrides,
  };
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));
}

function start(args: string[], env: Record<string, string>): Started {
  const child = spawn(process.execPath, [join(repoRoot, 'electron/scripts/start.cjs'), '--no-build', ...args], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  child.stdout!.on('data', (d: Buffer) => (text += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (text += d.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const run = { child, output: () => text, exited };
  started.push(run);
  return run;
}

async function hostUrl(run: Started): Promise<{ url: string; port: number; token: string }> {
  await vi.waitFor(() => expect(run.output()).toMatch(URL_PATTERN), { timeout: 20_000, interval: 100 });
  const [, url, port, token] = URL_PATTERN.exec(run.output())!;
  return { url: url!, port: Number(port), token: token! };
}

/** The host serves the window and answers a channel with its token. */
async function expectServing(port: number, token: string): Promise<void> {
  const page = await fetch(`http://127.0.0.1:${port}/`);
  expect(page.status).toBe(200);
  expect(await page.text()).toMatch(/<script[^>]+src=/);
  const info = await fetch(`http://127.0.0.1:${port}/api/app:info`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-upi-inspector-token': token },
    body: '{}',
  });
  expect(await info.json()).toMatchObject({ ok: true, value: { host: 'browser' } });
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), done(true)));
    socket.once('error', () => done(false));
  });
}

beforeAll(() => ensureBuild(), 120_000);

describe('npm start', () => {
  it("runs Electron's installer where the binary is missing; where that cannot download, starts the browser host, opens the browser and prints the URL", async () => {
    const env = environment();
    const run = start([], env);
    const { url, port, token } = await hostUrl(run);
    expect(readFileSync(env.INSTALLER_RAN!, 'utf8')).toBe('ran');
    expect(run.output()).toMatch(/installer could not fetch it: TypeError: fetch failed/);
    expect(run.output()).toMatch(/Starting the same app in your browser instead/);
    await expectServing(port, token);
    await vi.waitFor(() => expect(readFileSync(env.OPENER_LOG!, 'utf8').trim()).toBe(url));
    expect(run.output()).toMatch(/Asked your default browser to open it/);

    // Stopping npm start stops the host it started: nothing is left listening.
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(await portAnswers(port)).toBe(false);
  });

  it('--web goes straight to the browser host (no installer), on the same port as last time; a machine without a browser opener still starts', async () => {
    const env = environment({ PATH: emptyBin });
    const first = start(['--web'], env);
    const { port, token } = await hostUrl(first);
    await expectServing(port, token);
    expect(first.output()).toMatch(/No browser opener here .*open the URL above/);
    expect(existsSync(env.INSTALLER_RAN!)).toBe(false);
    first.child.kill('SIGTERM');
    await first.exited;

    const second = start(['--web'], env);
    const again = await hostUrl(second);
    expect(again.port).toBe(port);
    expect(again.token).not.toBe(token);
    await expectServing(again.port, again.token);
  });

  it('starts the desktop app once the installer has fetched Electron', async () => {
    const env = environment({ UPI_INSPECTOR_ELECTRON_INSTALLER: path('fetching-installer.cjs') });
    const run = start(['--some-electron-flag'], env);
    expect(await run.exited).toBe(0);
    expect(readFileSync(env.ELECTRON_LAUNCHED!, 'utf8').trim()).toBe('. --some-electron-flag');
    expect(run.output()).not.toMatch(/browser/);
  });

  it('on Linux without a display, starts the browser host without fetching Electron or opening a text browser', async () => {
    const env = environment({ DISPLAY: undefined, WAYLAND_DISPLAY: undefined });
    const run = start([], env);
    const { port, token } = await hostUrl(run);
    await expectServing(port, token);
    expect(run.output()).toMatch(/no display to open a window on/);
    expect(existsSync(env.INSTALLER_RAN!)).toBe(false);
    expect(existsSync(env.OPENER_LOG!)).toBe(false);
  });

  it("keeps the README's two commands: npm start runs this script, npm test the whole suite", () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    const block = /## The two commands\s+```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    expect(block).toMatch(/^npm install && npm start\b/m);
    expect(block).toMatch(/^npm test\b/m);
    const { scripts } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(scripts.start).toBe('node electron/scripts/start.cjs');
    expect(scripts.test).toBe('node electron/scripts/run-tests.cjs');
  });
});
