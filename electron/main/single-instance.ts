/**
 * One desktop app per user: a second launch hands over to the first (which comes to the front) and
 * quits, so two main processes never hold the same vault and history in memory and write them in turn.
 * The CLI and a browser host may still run beside it; the files' own locks (core/file-lock) keep those
 * writes in a queue.
 */
import type { App, BrowserWindow } from 'electron';

/**
 * Takes the single-instance lock. False: another instance holds it and has been told to show itself;
 * the caller quits. True: this is the instance, and a later launch focuses `currentWindow()`.
 */
export function holdSingleInstance(app: Pick<App, 'requestSingleInstanceLock' | 'on'>, currentWindow: () => BrowserWindow | undefined): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', () => {
    const win = currentWindow();
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });
  return true;
}
