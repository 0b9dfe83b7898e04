// @ts-check
/**
 * Finds the Electron binary by its files, never by `require('electron')`: that require downloads the
 * binary on first use, which throws on a machine without internet. Used by `npm start` and Playwright.
 */
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
    return {
      path: null,
      reason: 'the Electron binary was never downloaded (node_modules/electron/path.txt is missing), and this machine cannot download it',
    };
  }
  const candidate = join(electronPackageDir, 'dist', relative);
  if (existsSync(candidate)) return { path: candidate };
  return { path: null, reason: `node_modules/electron/path.txt names ${candidate}, which does not exist` };
}

module.exports = { findElectronBinary };
