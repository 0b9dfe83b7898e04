/**
 * The browser side of the bench: Debian Chromium driven by Playwright (the launch flags of the e2e
 * suite), the built app on a browser host, the hello-world baseline on a browser host of its own, and
 * the in-page probes every browser row measures with.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { startBrowserHost, stopBrowserHost, type BrowserHost } from '../e2e/fixtures';

export const ROOT = resolve(__dirname, '..');
/** The hello world's build: in the bench's temp folder, never under out/ (electron-builder packages out/). */
export const HELLO_DIR = join(tmpdir(), 'upi-inspector-bench', 'hello');
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

/**
 * The hello world is served the way the app is: by a browser host of its own (the same program, the same
 * headers, its own process), on the hello world's folder, with an empty data directory and no vault.
 */
async function startHelloHost(): Promise<{ url: string; child: ChildProcess; dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'upi-inspector-bench-hello-'));
  const child = spawn(process.execPath, [join(ROOT, 'out/main/host.js'), '--port', '0', '--renderer-dir', HELLO_DIR], {
    cwd: ROOT,
    env: { ...process.env, UPI_INSPECTOR_HOME: dataDir, UPI_INSPECTOR_PASSPHRASE: undefined },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`the hello world's browser host printed no URL in 10 s:\n${output}`)), 10_000);
    child.stdout!.on('data', (d: Buffer) => {
      output += d.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        done(match[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`the hello world's browser host exited with ${code}:\n${output}`));
    });
  });
  return { url, child, dataDir };
}

export async function openBrowserBench(): Promise<BrowserBench> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const { host, child } = await startBrowserHost({});
  const hello = await startHelloHost();
  return {
    browser,
    host,
    helloUrl: hello.url,
    close: async () => {
      await browser.close();
      await stopBrowserHost(child);
      await stopBrowserHost(hello.child);
      rmSync(host.dataDir, { recursive: true, force: true });
      rmSync(hello.dataDir, { recursive: true, force: true });
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
