/**
 * The Electron main process: lifecycle, the window, the app:// protocol, the IPC door. All behaviour
 * lives in the core; this file only wires Electron to it.
 */
import { app, BrowserWindow, ipcMain, protocol, safeStorage, session } from 'electron';
import { join, resolve } from 'node:path';
import { version } from '../../package.json';
import { createCore } from '../core';
import { applyAutomationEnv } from '../core/automation';
import { loadSeedFromEnv } from '../core/seed';
import { APP_ENTRY_URL, APP_SCHEME, createAppProtocolHandler } from './app-protocol';
import { registerIpcHandlers } from './ipc';
import { applySecurityPolicies, denyAllPermissions } from './security';
import { openDesktopVault } from './vault';
import { keptTheme } from '../core/settings/page-theme';
import { holdSingleInstance } from './single-instance';
import { secureWindowOptions } from './window';

/** The build's layout under the app root (the asar when packaged, the checkout in development). */
export function buildPaths(appRoot: string): { preload: string; renderer: string } {
  return { preload: join(appRoot, 'out/preload/index.cjs'), renderer: join(appRoot, 'out/renderer') };
}

app.enableSandbox();
// UPI_INSPECTOR_HOME moves the data folder here as in the browser host and the CLI (before the single-instance lock reads it).
const home = process.env.UPI_INSPECTOR_HOME?.trim();
if (home) app.setPath('userData', resolve(home));
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);
applySecurityPolicies(app);

/** The one window: a second launch brings it to the front instead of opening another app. */
let mainWindow: BrowserWindow | undefined;

async function start(): Promise<void> {
  if (!holdSingleInstance(app, () => mainWindow ?? BrowserWindow.getAllWindows()[0])) {
    app.quit();
    return;
  }
  await app.whenReady();
  const paths = buildPaths(app.getAppPath());
  denyAllPermissions(session.defaultSession);
  protocol.handle(APP_SCHEME, createAppProtocolHandler(paths.renderer, () => keptTheme(app.getPath('userData'))));

  applyAutomationEnv(process.env);
  const dataDir = app.getPath('userData');
  const vault = await openDesktopVault(safeStorage, dataDir);
  const core = createCore({ host: 'electron', version, vault, dataDir });
  await loadSeedFromEnv(process.env, { vault, dataDir, now: core.ctx.now }, (line) => console.error(line));
  registerIpcHandlers(ipcMain, (channel, input) => core.dispatch(channel as never, input));
  // The history is written shortly after each change; what is still pending is written before quitting.
  let historySaved = false;
  app.on('before-quit', (event) => {
    if (historySaved) return;
    event.preventDefault();
    void core
      .close()
      .catch(() => undefined)
      .then(() => {
        historySaved = true;
        app.quit();
      });
  });

  const openWindow = () => {
    const win = new BrowserWindow(secureWindowOptions(paths.preload));
    mainWindow = win;
    win.on('closed', () => {
      if (mainWindow === win) mainWindow = undefined;
    });
    win.once('ready-to-show', () => win.show());
    void win.loadURL(APP_ENTRY_URL);
    return win;
  };
  openWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

export const started = start().catch((e: unknown) => {
  console.error(`UPI Inspector could not start: ${e instanceof Error ? e.message : String(e)}`);
  app.exit(1);
});
