/**
 * Resolving and typing the built renderer's files, shared by the browser host and the app:// protocol.
 * Path traversal is refused here, once, for both doors.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The page's Content-Security-Policy, also written into the built index.html as a meta tag: no inline
 * or eval'd script, no foreign origin. Style attributes set through the CSSOM (React's `style`) are allowed
 * by CSP, so no 'unsafe-inline' is needed.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export type StaticLookup =
  | { kind: 'file'; path: string; contentType: string }
  | { kind: 'forbidden' }
  | { kind: 'not-found' };

/** Maps a URL pathname onto a file under `rootDir`; `/` and unknown extension-less paths get index.html. */
export async function lookupStaticFile(rootDir: string, pathname: string): Promise<StaticLookup> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { kind: 'forbidden' };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { kind: 'forbidden' };
  const root = resolve(rootDir);
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const full = resolve(root, relative);
  if (full !== root && !full.startsWith(root + sep)) return { kind: 'forbidden' };
  try {
    const info = await stat(full);
    if (info.isFile()) return { kind: 'file', path: full, contentType: contentTypeOf(full) };
  } catch {
    // fall through: single-page app routes without an extension get the index
  }
  if (extname(relative) === '') {
    return { kind: 'file', path: resolve(root, 'index.html'), contentType: CONTENT_TYPES['.html']! };
  }
  return { kind: 'not-found' };
}

export function contentTypeOf(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export async function readStaticFile(path: string): Promise<Buffer> {
  return readFile(path);
}
