/**
 * The 10,000-account response in the window: Ctrl+V and file open to the first account row painted,
 * scrolling the accounts table end to end, and the JS heap it leaves, each beside its baseline.
 */
import type { Page } from '@playwright/test';
import { bigResponseText } from '../e2e/pages/big-response';
import { freshPage, heapUsed, type BrowserBench } from './browser';
import type { Measured } from './report';
import type { Sizes } from './sizes';
import { median, percentile, repeat } from './stats';

const FIRST_ACCOUNT_ROW = '[role="table"][aria-label="Accounts"] [role="row"][aria-rowindex="2"]';

async function responseScreen(bench: BrowserBench): Promise<Page> {
  const { page } = await freshPage(bench, bench.host.url);
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: 'Response', exact: true }).click();
  await page.getByRole('textbox', { name: 'Response JSON', exact: true }).waitFor();
  return page;
}

async function closePage(page: Page): Promise<void> {
  await page.context().close();
}

/** Puts the text in the page (window.__text), outside what is timed. */
async function sendText(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => {
    (window as unknown as { __text: string }).__text = t;
  }, text);
}

/** Pastes window.__text into the response box as the browser does, and times it to the first account row painted. */
function pasteAndTime(page: Page): Promise<number> {
  return page.evaluate(async (rowSelector) => {
    const w = window as unknown as { __text?: string };
    const data = new DataTransfer();
    data.setData('text/plain', w.__text!);
    delete w.__text;
    const box = document.querySelector<HTMLTextAreaElement>('textarea[aria-label="Response JSON"]')!;
    box.focus();
    const painted = window.__bench.paintedWhen(rowSelector);
    const started = performance.now();
    box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    return (await painted) - started;
  }, FIRST_ACCOUNT_ROW);
}

/**
 * JSON.parse of window.__text in the page, ms (the text stays). Parsed again until 5 ms have passed and
 * averaged: the page's clock is coarsened to 0.1 ms, under which a small text reads as 0 ms.
 */
function parseInPage(page: Page): Promise<number> {
  return page.evaluate(() => {
    const text = (window as unknown as { __text: string }).__text;
    const started = performance.now();
    let parses = 0;
    let parsed: unknown;
    do {
      parsed = JSON.parse(text);
      parses++;
    } while (performance.now() - started < 5);
    const ms = (performance.now() - started) / parses;
    (window as unknown as { __sink: unknown }).__sink = parsed;
    delete (window as unknown as { __sink?: unknown }).__sink;
    return ms;
  });
}

export async function measurePaste(bench: BrowserBench, sizes: Sizes): Promise<Measured> {
  const text = bigResponseText(sizes.vpas, sizes.accountsPerVpa);
  const figures: number[] = [];
  const baselines: number[] = [];
  await repeat(sizes.runs, async () => {
    const page = await responseScreen(bench);
    await sendText(page, text);
    baselines.push(await parseInPage(page));
    figures.push(await pasteAndTime(page));
    await closePage(page);
  });
  return { figure: median(figures), baseline: median(baselines), runs: sizes.runs, samples: figures, note: `${text.length.toLocaleString('en-US')} characters, ${sizes.vpas * sizes.accountsPerVpa} accounts` };
}

export async function measureFileOpen(bench: BrowserBench, sizes: Sizes): Promise<Measured> {
  const buffer = Buffer.from(bigResponseText(sizes.vpas, sizes.accountsPerVpa));
  const figures: number[] = [];
  const baselines: number[] = [];
  await repeat(sizes.runs, async () => {
    const page = await responseScreen(bench);
    const timed = page.evaluate((rowSelector) => {
      return new Promise<number>((done) => {
        document.addEventListener(
          'change',
          (e) => {
            const input = e.target as HTMLInputElement;
            (window as unknown as { __file: File }).__file = input.files![0]!;
            const started = performance.now();
            void window.__bench.paintedWhen(rowSelector).then((at) => done(at - started));
          },
          { capture: true, once: true },
        );
      });
    }, FIRST_ACCOUNT_ROW);
    await page.getByLabel('Open file…').setInputFiles({ name: 'response.json', mimeType: 'application/json', buffer });
    figures.push(await timed);
    baselines.push(
      await page.evaluate(async () => {
        const file = (window as unknown as { __file: File }).__file;
        const started = performance.now();
        JSON.parse(await file.text());
        return performance.now() - started;
      }),
    );
    await closePage(page);
  });
  return { figure: median(figures), baseline: median(baselines), runs: sizes.runs, samples: figures };
}

/** Frame times (ms between animation frames) while `el` scrolls from top to bottom, `step` px a frame. */
function scrollFrames(page: Page, selector: string, step: number): Promise<number[]> {
  return page.evaluate(
    ({ selector, step }) =>
      new Promise<number[]>((done) => {
        const el = document.querySelector<HTMLElement>(selector)!;
        el.scrollTop = 0;
        const frames: number[] = [];
        let last = 0;
        const tick = (now: number) => {
          if (last) frames.push(now - last);
          last = now;
          // At least a few frames, even for a list too short to scroll (tiny inputs).
          if (el.scrollTop + el.clientHeight >= el.scrollHeight - 1 && frames.length >= 5) return done(frames);
          el.scrollTop += step;
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(() => requestAnimationFrame(tick));
      }),
    { selector, step },
  );
}

/** A plain list beside the table: the same rows as DOM, no framework, no virtualisation, same box. */
function addPlainList(page: Page): Promise<void> {
  return page.evaluate(() => {
    const table = document.querySelector<HTMLElement>('[role="table"][aria-label="Accounts"] .dt-scroll')!;
    const box = table.getBoundingClientRect();
    const list = document.createElement('div');
    list.id = 'bench-plain-list';
    Object.assign(list.style, { position: 'fixed', left: `${box.left}px`, top: `${Math.max(0, box.top)}px`, width: `${box.width}px`, height: `${box.height}px`, overflow: 'auto', background: 'var(--bg, #fff)', zIndex: '1000', font: '13px monospace' });
    const text = (window as unknown as { __text: string }).__text;
    const vpas = (JSON.parse(text) as { payload: { vpaAccounts: { vpa: string; accounts: Record<string, unknown>[] }[] } }).payload.vpaAccounts;
    const rows: string[] = [];
    for (const v of vpas) {
      for (const a of v.accounts) {
        const cells = [v.vpa, a.bankName, a.maskedAccountNumber, a.mpinSet, a.mpinLength, a.otpLength, a.atmPinLength, a.isPrimary].map((c) => `<span style="display:inline-block;width:120px">${String(c)}</span>`);
        rows.push(`<div style="height:30px;white-space:nowrap">${cells.join('')}</div>`);
      }
    }
    list.innerHTML = rows.join('');
    document.body.append(list);
    delete (window as unknown as { __text?: string }).__text;
  });
}

export interface ScrollFigures {
  longest: Measured;
  p50: Measured;
}

/** Scroll px per frame: a quick fling, about 20 new rows every frame. */
const SCROLL_STEP = 600;

export async function measureScroll(bench: BrowserBench, sizes: Sizes): Promise<ScrollFigures> {
  const text = bigResponseText(sizes.vpas, sizes.accountsPerVpa);
  const longest: number[] = [];
  const p50: number[] = [];
  const plainLongest: number[] = [];
  const plainP50: number[] = [];
  const runs = Math.max(1, Math.ceil(sizes.runs / 2));
  await repeat(runs, async () => {
    const page = await responseScreen(bench);
    await sendText(page, text);
    await pasteAndTime(page);
    await page.locator('[role="table"][aria-label="Accounts"]').scrollIntoViewIfNeeded();
    // Let the raw view and anything else the paste started settle first.
    await page.waitForTimeout(1500);
    const frames = await scrollFrames(page, '[role="table"][aria-label="Accounts"] .dt-scroll', SCROLL_STEP);
    longest.push(Math.max(...frames));
    p50.push(percentile(frames, 50));
    await sendText(page, text);
    await addPlainList(page);
    await page.waitForTimeout(500);
    const plain = await scrollFrames(page, '#bench-plain-list', SCROLL_STEP);
    plainLongest.push(Math.max(...plain));
    plainP50.push(percentile(plain, 50));
    await closePage(page);
  });
  return {
    longest: { figure: median(longest), baseline: median(plainLongest), runs, samples: longest },
    p50: { figure: median(p50), baseline: median(plainP50), runs, samples: p50 },
  };
}

export async function measureHeap(bench: BrowserBench, sizes: Sizes): Promise<Measured> {
  const text = bigResponseText(sizes.vpas, sizes.accountsPerVpa);
  const small = bigResponseText(2, 2);
  const figures: number[] = [];
  const baselines: number[] = [];
  await repeat(sizes.runs, async () => {
    const page = await responseScreen(bench);
    // Load every piece of code a response needs first (the raw viewer is loaded on demand), so what is
    // measured is the data.
    await sendText(page, small);
    await pasteAndTime(page);
    await page.waitForTimeout(800);
    await page.getByRole('button', { name: 'Clear', exact: true }).click();
    const empty = await heapUsed(page);
    await sendText(page, text);
    await page.evaluate(() => {
      const w = window as unknown as { __text: string; __parsed: unknown };
      w.__parsed = JSON.parse(w.__text);
    });
    baselines.push((await heapUsed(page)) - empty);
    await page.evaluate(() => delete (window as unknown as { __parsed?: unknown }).__parsed);
    await pasteAndTime(page);
    await page.waitForTimeout(1500);
    figures.push((await heapUsed(page)) - empty);
    await closePage(page);
  });
  const mb = (b: number) => b / 1024 / 1024;
  return { figure: mb(median(figures)), baseline: mb(median(baselines)), runs: sizes.runs, samples: figures.map(mb) };
}
