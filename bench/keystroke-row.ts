/**
 * Keystroke → signed preview painted on Compose: each key typed into merchantId, timed from its
 * keydown to the first paint of a preview whose signed claims carry that key (or a later one).
 */
import { freshPage, type BrowserBench } from './browser';
import type { Measured } from './report';
import type { Sizes } from './sizes';
import { percentile, repeat } from './stats';
import { callMainSide } from '../e2e/pages/main-side';

/** Typing speed: a key every this many ms (a quick typist). */
const KEY_GAP_MS = 180;

export async function measureKeystroke(bench: BrowserBench, sizes: Sizes): Promise<Measured> {
  const samples: number[] = [];
  await repeat(sizes.runs, async (run) => {
    const { context, page } = await freshPage(bench, bench.host.url);
    if (run === 0) await callMainSide(page, 'keys:generate', { bits: 2048, label: 'bench', kid: 'bench-kid' });
    await page.reload();
    await page.waitForFunction(() => window.__bench.navPaintedAt !== null);
    const compose = page.locator('[data-screen="compose"]');
    await compose.getByLabel('merchantCustomerId', { exact: true }).fill('cust-1');
    await compose.getByLabel('merchantChannelId', { exact: true }).fill('chan-1');
    const merchantId = compose.getByLabel('merchantId', { exact: true });
    await merchantId.fill('');
    await merchantId.focus();
    // Watches the decoded claims: each paint records how many characters of merchantId it shows.
    await page.evaluate(() => {
      const w = window as unknown as { __keys: number[]; __shown: number[] };
      w.__keys = [];
      w.__shown = [];
      document.addEventListener('keydown', (e) => w.__keys.push(e.timeStamp), { capture: true });
      const read = () => {
        const claims = document.querySelector('[data-screen="compose"] [role="region"][aria-label="Decoded claims"]')?.textContent ?? '';
        const m = /"merchantId":\s*"(m+)"/.exec(claims);
        return m ? m[1]!.length : 0;
      };
      let seen = 0;
      new MutationObserver(() => {
        const n = read();
        if (n <= seen) return;
        seen = n;
        void window.__bench.nextPaint().then((at) => {
          for (let k = w.__shown.length; k < n; k++) w.__shown.push(at);
        });
      }).observe(document.querySelector('[data-screen="compose"]')!, { childList: true, subtree: true, characterData: true });
    });
    for (let k = 0; k < sizes.keystrokes; k++) {
      await page.keyboard.press('m');
      await page.waitForTimeout(KEY_GAP_MS);
    }
    await page.waitForFunction((n) => (window as unknown as { __shown: number[] }).__shown.length >= n, sizes.keystrokes, { timeout: 10_000 });
    const { keys, shown } = await page.evaluate(() => {
      const w = window as unknown as { __keys: number[]; __shown: number[] };
      return { keys: w.__keys, shown: w.__shown };
    });
    keys.forEach((at, k) => samples.push(shown[k]! - at));
    await context.close();
  });
  return { figure: percentile(samples, 95), baseline: null, runs: samples.length, note: `p50 ${percentile(samples, 50).toFixed(1)} ms over ${samples.length} keystrokes, one every ${KEY_GAP_MS} ms` };
}
