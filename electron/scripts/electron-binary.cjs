// @ts-check
/**
 * Finds the Electron binary by its files, never by `require('electron')`: that require downloads the
 * binary on first use, which throws on a machine without internet. Used by `npm start` and Playwright.
 * `installElectron` runs Electron's own installer (what `npx install-electron` runs) to fetch it.
 */
const { spawnSync } = require('node:child_process');
const { existsSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

const electronPackageDir = join(__dirname, '..', '..', 'node_modules', 'electron');

/** @returns {{ path: string } | { path: null, reason: string }} */
function findElectronBinary(env = process.env) {
  const pathFile = join(electronPackageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const candidate = join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron');
    if (existsSync(candidate)) return { path: candidate };
    return { path: null, reason: `ELECTRON_OVERRIDE_DIST_PATH is set but ${candidate} does not exist` };
  }
  if (!relative) {
    return { path: null, reason: 'the Electron binary was never downloaded (node_modules/electron/path.txt is missing)' };
  }
  const candidate = join(electronPackageDir, 'dist', relative);
  if (existsSync(candidate)) return { path: candidate };
  return { path: null, reason: `node_modules/electron/path.txt names ${candidate}, which does not exist` };
}

/**
 * Runs Electron's installer (node_modules/electron/install.js; UPI_INSPECTOR_ELECTRON_INSTALLER names
 * another script, for tests). Its output is kept: on failure it is a stack trace, of which the first
 * line says why (offline: "fetch failed", in about 0.2 s).
 * @returns {{ ok: true } | { ok: false, why: string }}
 */
function installElectron(env = process.env) {
  const installer = env.UPI_INSPECTOR_ELECTRON_INSTALLER || join(electronPackageDir, 'install.js');
  if (!existsSync(installer)) return { ok: false, why: `there is no installer at ${installer} (run "npm install")` };
  const run = spawnSync(process.execPath, [installer], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 10 * 60_000 });
  if (run.status === 0) return { ok: true };
  const said = `${run.stderr ?? ''}\n${run.stdout ?? ''}`.split('\n').map((l) => l.trim()).find(Boolean);
  const why = run.error ? run.error.message : said || `it exited with ${run.status ?? run.signal}`;
  return { ok: false, why };
}

module.exports = { findElectronBinary, installElectron };
