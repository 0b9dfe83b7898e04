/**
 * The browser side of the bench: Debian Chromium driven by Playwright (the launch flags of the e2e
 * suite), the built app on a browser host, the hello-world baseline on a plain loopback server, and
 * the in-page probes every browser row measures with.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { existsSync, rmSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { startBrowserHost, stopBrowserHost, type BrowserHost } from '../e2e/fixtures';

export const ROOT = resolve(__dirname, '..');
export const HELLO_DIR = join(ROOT, 'out/bench-hello');
export const VIEWPORT = { width: 1360, height: 880 };
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

export interface BrowserBench {
  browser: Browser;
  host: BrowserHost;
  helloUrl: string;
  close(): Promise<void>;
}

function chromiumPath(): string | undefined {
  if (process.env.PLAYWRIGHT_CHROMIUM_PATH) return process.env.PLAYWRIGHT_CHROMIUM_PATH;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };

/** Serves a built folder on loopback, the way the browser host serves the app (no cache headers either). */
function serveStatic(dir: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split(/[?#]/)[0]!)).replace(/^(\.\.[/\\])+/, '');
    const file = join(dir, path === '/' ? 'index.html' : path);
    readFile(file).then(
      (body) => {
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
        res.end(body);
      },
      () => {
        res.writeHead(404).end();
      },
    );
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}/` })));
}

export async function openBrowserBench(): Promise<BrowserBench> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const { host, child } = await startBrowserHost({});
  const hello = await serveStatic(HELLO_DIR);
  return {
    browser,
    host,
    helloUrl: hello.url,
    close: async () => {
      await browser.close();
      await stopBrowserHost(child);
      rmSync(host.dataDir, { recursive: true, force: true });
      await new Promise((done) => hello.server.close(done));
    },
  };
}

/** A fresh context (empty cache and storage) and page on `url`, with the probes installed before any script runs. */
export async function freshPage(bench: BrowserBench, url: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await bench.browser.newContext({ viewport: VIEWPORT });
  // tsx (esbuild, keepNames) wraps functions in __name(…); the functions sent to the page need it too.
  await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  const page = await context.newPage();
  await page.addInitScript(installProbes);
  await page.goto(url);
  await page.waitForFunction(() => window.__bench.navPaintedAt !== null);
  return { context, page };
}

declare global {
  interface Window {
    __bench: {
      /** performance.now() when the nav was first painted. */
      navPaintedAt: number | null;
      /** Resolves at the first paint after `selector` matches an element. */
      paintedWhen(selector: string): Promise<number>;
      nextPaint(): Promise<number>;
    };
  }
}

/**
 * Runs in the page before its scripts. "Painted" is the usual approximation: the frame after the DOM
 * change has run its requestAnimationFrame callbacks, and a message posted from there is handled
 * after that frame's paint.
 */
function installProbes(): void {
  const nextPaint = () =>
    new Promise<number>((done) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => done(performance.now());
        channel.port2.postMessage(0);
      }),
    );
  const paintedWhen = (selector: string) =>
    new Promise<number>((done) => {
      const check = () => {
        if (!document.querySelector(selector)) return false;
        observer.disconnect();
        void nextPaint().then(done);
        return true;
      };
      const observer = new MutationObserver(check);
      observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
      check();
    });
  window.__bench = { navPaintedAt: null, paintedWhen, nextPaint };
  void paintedWhen('nav[aria-label="Screens"] button').then((at) => (window.__bench.navPaintedAt = at));
}

/**
 * Forces a full garbage collection and returns the memory JavaScript holds, bytes: the V8 heap plus its
 * backing stores. The second matters: a pasted text (DataTransfer.getData) is an external string whose
 * characters live there, not in the heap, and would otherwise not be counted at all.
 */
export async function heapUsed(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize, backingStorageSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize + backingStorageSize;
}
