/**
 * Security policies applied to every web contents and the default session: no navigation away from
 * the app, no new windows, no webviews, no permission (camera, notifications, …) ever granted.
 */
import type { App, Session, WebContents } from 'electron';
import { isAppUrl } from './app-protocol';

export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

export function applySecurityPolicies(app: App): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}
