/**
 * The app:// protocol: serves the built renderer to the Electron window from disk, with the page's CSP.
 * Plain Node (web Request/Response), so it is tested without Electron.
 */
import { CONTENT_SECURITY_POLICY, lookupStaticFile, readStaticFile } from '../host/static-files';
import { withPageTheme, type PageTheme } from '../core/settings/page-theme';

export const APP_SCHEME = 'app';
export const APP_HOST = 'inspector';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** True for URLs of our own pages; the IPC door and navigation guard both ask this. */
export function isAppUrl(raw: string | undefined | null): boolean {
  if (!raw) return false;
  try {
    const url = new URL(raw);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}

/** `pageTheme`: the kept theme, written into index.html so the window opens in it. */
export function createAppProtocolHandler(rendererDir: string, pageTheme?: () => Promise<PageTheme | null>): (request: Request) => Promise<Response> {
  return async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return new Response('Bad URL', { status: 400 });
    }
    if (url.host !== APP_HOST) return new Response('Not found', { status: 404 });
    // Keep the raw path: WHATWG URL parsing already folds "/../", but encoded "%2e%2e" survives to here.
    const found = await lookupStaticFile(rendererDir, url.pathname);
    if (found.kind === 'forbidden') return new Response('Forbidden', { status: 403 });
    if (found.kind === 'not-found') return new Response('Not found', { status: 404 });
    try {
      let body = await readStaticFile(found.path);
      if (pageTheme && found.path.endsWith('index.html')) body = withPageTheme(body, await pageTheme());
      return new Response(new Uint8Array(body), {
        status: 200,
        headers: {
          'content-type': found.contentType,
          'content-security-policy': CONTENT_SECURITY_POLICY,
          'x-content-type-options': 'nosniff',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  };
}
