// @ts-check
/**
 * `npm start`: build, then launch the desktop app. Where no Electron binary can be had, say so in one
 * message and point to the browser host instead of letting `require('electron')` throw a stack trace.
 */
const { spawnSync, spawn } = require('node:child_process');
const { join } = require('node:path');
const { findElectronBinary } = require('./electron-binary.cjs');

const root = join(__dirname, '..', '..');
const binary = findElectronBinary();
if (!binary.path) {
  console.error(
    `UPI Inspector cannot start the desktop app: ${binary.reason}.\n` +
      'Run "npm run serve" and open the URL it prints to use the same app in your browser;\n' +
      'on a machine with internet, "npx install-electron" fetches the Electron binary.',
  );
  process.exit(1);
}

const build = spawnSync(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '-c', 'electron/electron.vite.config.ts', '--logLevel', 'warn'], {
  cwd: root,
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);

const child = spawn(binary.path, ['.', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
