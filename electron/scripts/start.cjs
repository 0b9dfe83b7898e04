// @ts-check
/**
 * `npm start`: the app, one command, on any machine. The desktop app where Electron can run: when its
 * binary is missing, Electron's own installer fetches it first. Where it cannot run (the installer
 * cannot download, or Linux has no display), the same app in the browser: the browser host starts,
 * the default browser is asked to open it, and its URL is printed.
 *
 *   npm start                     desktop app, else the browser host
 *   npm start -- --web            the browser host directly (other options go to it: --port <n>)
 *   npm start -- --no-open        do not ask a browser to open the URL, only print it
 *   npm start -- --no-build       start from the existing build in out/ when there is one
 */
const { spawn, spawnSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { findElectronBinary, installElectron } = require('./electron-binary.cjs');

const root = join(__dirname, '..', '..');
const OWN_FLAGS = ['--web', '--no-open', '--no-build'];
const argv = process.argv.slice(2);
const flags = new Set(argv.filter((a) => OWN_FLAGS.includes(a)));
const passOn = argv.filter((a) => !OWN_FLAGS.includes(a));
const say = (/** @type {string} */ line) => process.stdout.write(`${line}\n`);

function build() {
  const built = ['out/main/index.js', 'out/main/host.js', 'out/renderer/index.html'].every((p) => existsSync(join(root, p)));
  if (flags.has('--no-build') && built) return;
  const run = spawnSync(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '-c', 'electron/electron.vite.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (run.status !== 0) {
    console.error('UPI Inspector: the build failed (above); nothing was started.');
    process.exit(run.status ?? 1);
  }
}

/** Runs `command` as our child until it exits, passing Ctrl-C and SIGTERM on; exits with its code. */
function runChild(/** @type {import('node:child_process').ChildProcess} */ child) {
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
    process.on(signal, () => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    });
  }
  child.on('error', (e) => {
    console.error(`UPI Inspector could not start ${child.spawnfile}: ${e.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

/** Asks the platform's opener to show `url`; answers whether an opener could be started at all. */
function openInBrowser(/** @type {string} */ url, /** @type {(started: boolean) => void} */ done) {
  const [command, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
  let answered = false;
  const answer = (/** @type {boolean} */ started) => {
    if (!answered) done(started);
    answered = true;
  };
  try {
    // cmd's `start` takes its arguments as typed: Node's quoting would turn the empty title "" into \"\".
    const opener = spawn(command, args, { stdio: 'ignore', detached: true, windowsVerbatimArguments: process.platform === 'win32' });
    opener.on('error', () => answer(false));
    opener.on('spawn', () => {
      opener.unref();
      answer(true);
    });
  } catch {
    answer(false);
  }
}

/** The browser host (out/main/host.js): its output is ours; once it prints its URL, open that. */
function startBrowserHost() {
  build();
  const host = spawn(process.execPath, [join(root, 'out/main/host.js'), ...passOn], { cwd: root, stdio: ['inherit', 'pipe', 'inherit'] });
  let printed = '';
  let announced = false;
  host.stdout?.on('data', (/** @type {Buffer} */ chunk) => {
    process.stdout.write(chunk);
    if (announced) return;
    printed += chunk.toString();
    const url = /(http:\/\/[\w.[\]:-]+\/#token=[\w-]+)/.exec(printed)?.[1];
    if (!url) return;
    announced = true;
    if (flags.has('--no-open')) return say('Open that URL in your browser. Ctrl-C stops the host.');
    // Without a display, xdg-open would fall back to a text browser in this very terminal.
    if (noDisplay()) {
      const port = new URL(url).port;
      return say(`No display here to open a browser on: open that URL in a browser that reaches this machine's loopback (from another machine: ssh -L ${port}:127.0.0.1:${port} <this machine>). Ctrl-C stops the host.`);
    }
    openInBrowser(url, (started) =>
      say(
        started
          ? 'Asked your default browser to open it; if nothing opened, open the URL above. Ctrl-C stops the host.'
          : 'No browser opener here (xdg-open, open or start): open the URL above in your browser. Ctrl-C stops the host.',
      ),
    );
  });
  runChild(host);
}

function startDesktop(/** @type {string} */ binary) {
  build();
  runChild(spawn(binary, ['.', ...passOn], { cwd: root, stdio: 'inherit' }));
}

/** Why the desktop app cannot run here at all, before anything is fetched; null when it may. */
function noDisplay() {
  if (process.platform !== 'linux' || process.env.DISPLAY || process.env.WAYLAND_DISPLAY) return null;
  return 'there is no display to open a window on (neither DISPLAY nor WAYLAND_DISPLAY is set)';
}

function main() {
  if (flags.has('--web')) {
    say('UPI Inspector: starting the browser host (--web).');
    return startBrowserHost();
  }
  const headless = noDisplay();
  if (headless) {
    say(`UPI Inspector: the desktop app cannot run here: ${headless}.\nStarting the same app in your browser instead.`);
    return startBrowserHost();
  }
  let binary = findElectronBinary();
  if (!binary.path) {
    say(`UPI Inspector: ${binary.reason}; running Electron's installer to fetch it…`);
    const installed = installElectron();
    binary = findElectronBinary();
    if (!binary.path) {
      const why = installed.ok ? `the installer finished but ${binary.reason}` : `the installer could not fetch it: ${installed.why}`;
      say(`UPI Inspector: the desktop app cannot start here: ${why}.\nStarting the same app in your browser instead (npm start -- --web does this directly).`);
      return startBrowserHost();
    }
  }
  return startDesktop(binary.path);
}

main();
