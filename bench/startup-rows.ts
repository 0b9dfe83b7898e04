/**
 * Cold start to the nav painted, beside a React hello world with the same nav, and the gzip size of
 * the JavaScript the first screen loads (the files the page fetched, sized from the build).
 */
import { gzipSync } from 'node:zlib';
import { readFileSync, existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Page } from '@playwright/test';
import { freshPage, HELLO_DIR, ROOT, type BrowserBench } from './browser';
import type { Measured } from './report';
import type { Sizes } from './sizes';
import { median } from './stats';

/** The JS files the page has fetched so far, by file name. */
function scriptsLoaded(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => new URL(e.name).pathname)
      .filter((p) => p.endsWith('.js'))
      .map((p) => p.split('/').pop()!),
  );
}

/** Waits until the page has fetched nothing new for half a second (a load state is reached only once per page). */
async function settled(page: Page): Promise<void> {
  let count = -1;
  for (let i = 0; i < 20; i++) {
    const now = await page.evaluate(() => performance.getEntriesByType('resource').length);
    if (now === count) return;
    count = now;
    await page.waitForTimeout(500);
  }
}

function gzipKb(dir: string, files: string[]): number {
  let bytes = 0;
  for (const file of new Set(files)) {
    const path = join(dir, 'assets', file);
    bytes += gzipSync(readFileSync(existsSync(path) ? path : join(dir, file))).length;
  }
  return bytes / 1024;
}

export interface StartupFigures {
  coldStart: Measured;
  rendererJs: Measured;
}

export async function measureStartup(bench: BrowserBench, sizes: Sizes): Promise<StartupFigures> {
  await startOnDefaultScreen(bench);
  const app: number[] = [];
  const hello: number[] = [];
  // One warm-up of each (the browser's own first start), then alternate so drift hits both alike. A cold
  // start is short against the noise of a shared machine (one run may take twice another): three times
  // the usual runs, so one busy moment moves neither median much.
  for (let run = -1; run < Math.max(sizes.runs * 3, 3); run++) {
    for (const [url, into] of [[bench.host.url, app], [bench.helloUrl, hello]] as const) {
      const { context, page } = await freshPage(bench, url);
      const at = await page.evaluate(() => window.__bench.navPaintedAt!);
      if (run >= 0) into.push(at);
      await context.close();
    }
  }

  // The first screen's scripts: everything fetched once the start-up screen has rendered and settled.
  const { context, page } = await freshPage(bench, bench.host.url);
  await page.waitForLoadState('networkidle');
  const first = await scriptsLoaded(page);
  const firstScreen = await page.locator('main').getAttribute('aria-label');
  const buttons = await page.getByRole('navigation', { name: 'Screens' }).getByRole('button').allInnerTexts();
  await context.close();
  // Each other screen, opened first thing on a fresh page: it loads on demand when it fetches code then.
  const onDemand: string[] = [];
  const eager: string[] = [];
  for (const name of buttons) {
    if (name === firstScreen) continue;
    const { context: screenContext, page: screenPage } = await freshPage(bench, bench.host.url);
    await screenPage.waitForLoadState('networkidle');
    const before = new Set(await scriptsLoaded(screenPage));
    await screenPage.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name, exact: true }).click();
    await screenPage.getByRole('main', { name }).waitFor();
    await settled(screenPage);
    const added = (await scriptsLoaded(screenPage)).filter((f) => !before.has(f));
    (added.length > 0 ? onDemand : eager).push(name);
    await screenContext.close();
  }

  const { context: helloContext, page: helloPage } = await freshPage(bench, bench.helloUrl);
  await helloPage.waitForLoadState('networkidle');
  const helloScripts = await scriptsLoaded(helloPage);
  await helloContext.close();

  const firstKb = gzipKb(join(ROOT, 'out/renderer'), first);
  return {
    coldStart: {
      figure: median(app),
      baseline: median(hello),
      runs: app.length,
      samples: app,
      note: `hello world runs: ${hello.map((v) => Math.round(v)).join(', ')} ms`,
    },
    rendererJs: {
      figure: firstKb,
      baseline: gzipKb(HELLO_DIR, helloScripts),
      runs: 1,
      holds: eager.length === 0,
      note: `first screen ${firstScreen}: ${first.map((f) => basename(f)).join(', ')}; loaded on demand: ${onDemand.length} of ${buttons.length - 1} other screens${eager.length ? ` (in the first load: ${eager.join(', ')})` : ''}`,
    },
  };
}

/**
 * A first start opens on the default screen (Compose). The rows before this one used the same host, and
 * the window keeps its last screen in the settings: that is forgotten here, or the row would measure
 * whichever screen the previous row left open.
 */
async function startOnDefaultScreen(bench: BrowserBench): Promise<void> {
  const reply = await fetch(`${bench.host.origin}/api/settings:set`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-upi-inspector-token': bench.host.token, origin: bench.host.origin },
    body: JSON.stringify({ app: {} }),
  });
  const answer = (await reply.json()) as { ok: boolean; error?: { message: string } };
  if (!answer.ok) throw new Error(`could not reset the last screen: ${answer.error?.message ?? reply.status}`);
}
