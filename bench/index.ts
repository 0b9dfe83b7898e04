/**
 * `npm run bench`: every performance budget beside its baseline, measured in the same run (medians of
 * runs), printed as one table and written to bench/results.json. `--tiny` runs every row on tiny
 * inputs (what `npm test` does to prove the bench works; its timings mean nothing); `--out FILE`
 * writes the JSON elsewhere; `--only id,id` runs some rows.
 */
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openBrowserBench, ROOT, type BrowserBench } from './browser';
import { buildHello } from './hello/build';
import { measureKeystroke } from './keystroke-row';
import { measureCliBatch, measureCliSign, measureCoreSign, measureHistorySearch, measureLogRead, workspace, type Workspace } from './node-rows';
import { failed, formatTable, judge, writeReport, type Measured, type RowResult, type RowSpec } from './report';
import { measureFileOpen, measureHeap, measurePaste, measureScroll } from './response-rows';
import { FULL, TINY, type Sizes } from './sizes';
import { measureStartup } from './startup-rows';
import { ROWS } from './rows';

interface Context {
  sizes: Sizes;
  ws: Workspace;
  browser: () => Promise<BrowserBench>;
}

type Measure = (ctx: Context) => Promise<Partial<Record<string, Measured>>>;

/** Each measurement and the rows it fills (several rows share one page, e.g. the scroll's two figures). */
const MEASURES: Array<{ rows: string[]; measure: Measure }> = [
  { rows: ['core-sign'], measure: async ({ ws, sizes }) => ({ 'core-sign': measureCoreSign(ws, sizes) }) },
  { rows: ['cli-batch'], measure: async ({ ws, sizes }) => ({ 'cli-batch': await measureCliBatch(ws, sizes) }) },
  { rows: ['cli-sign'], measure: async ({ ws, sizes }) => ({ 'cli-sign': measureCliSign(ws, sizes) }) },
  { rows: ['keystroke'], measure: async ({ browser, sizes }) => ({ keystroke: await measureKeystroke(await browser(), sizes) }) },
  { rows: ['paste-10k'], measure: async ({ browser, sizes }) => ({ 'paste-10k': await measurePaste(await browser(), sizes) }) },
  { rows: ['file-10k'], measure: async ({ browser, sizes }) => ({ 'file-10k': await measureFileOpen(await browser(), sizes) }) },
  {
    rows: ['scroll-longest', 'scroll-p50'],
    measure: async ({ browser, sizes }) => {
      const s = await measureScroll(await browser(), sizes);
      return { 'scroll-longest': s.longest, 'scroll-p50': s.p50 };
    },
  },
  { rows: ['heap-10k'], measure: async ({ browser, sizes }) => ({ 'heap-10k': await measureHeap(await browser(), sizes) }) },
  {
    rows: ['cold-start', 'renderer-js'],
    measure: async ({ browser, sizes }) => {
      const s = await measureStartup(await browser(), sizes);
      return { 'cold-start': s.coldStart, 'renderer-js': s.rendererJs };
    },
  },
  { rows: ['history-search'], measure: async ({ ws, sizes }) => ({ 'history-search': await measureHistorySearch(ws, sizes) }) },
  { rows: ['log-read'], measure: async ({ ws, sizes }) => ({ 'log-read': await measureLogRead(ws, sizes) }) },
];

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { tiny: { type: 'boolean', default: false }, out: { type: 'string' }, only: { type: 'string' } } });
  const sizes = values.tiny ? TINY : FULL;
  const only = values.only ? new Set(values.only.split(',')) : null;
  const out = values.out ?? join(ROOT, 'bench/results.json');
  const ws = workspace();
  let browser: Promise<BrowserBench> | undefined;
  const ctx: Context = {
    sizes,
    ws,
    // Started once, on first use; a failure to start fails every browser row with the same message.
    browser: () =>
      (browser ??= (async () => {
        buildHello();
        return openBrowserBench();
      })()),
  };
  const results: RowResult[] = [];
  const specs = new Map(ROWS.map((r) => [r.id, r] as const));
  try {
    for (const { rows, measure } of MEASURES) {
      const wanted = rows.filter((id) => !only || only.has(id));
      if (wanted.length === 0) continue;
      process.stderr.write(`bench: ${wanted.join(', ')}…\n`);
      let measured: Partial<Record<string, Measured>> = {};
      let error: unknown;
      try {
        measured = await measure(ctx);
      } catch (e) {
        error = e;
      }
      for (const id of wanted) {
        const spec: RowSpec = specs.get(id)!;
        const m = measured[id];
        results.push(m ? judge(spec, m) : failed(spec, error ?? 'not measured'));
      }
    }
  } finally {
    await browser?.then((b) => b.close(), () => undefined);
    ws.close();
  }
  const passed = results.filter((r) => r.pass).length;
  process.stdout.write(`\n${formatTable(results)}\n\n${passed} of ${results.length} rows within budget (${sizes.name} size)\n`);
  // Timings on a busy machine are the machine's as much as the app's: say so beside the verdicts.
  const [load] = loadavg();
  if (load! > cpus().length) {
    process.stdout.write(`load average ${load!.toFixed(1)} on ${cpus().length} cores during this run: other work shared the CPU, so rows without a baseline read slow\n`);
  }
  writeReport(out, {
    size: sizes.name,
    at: new Date().toISOString(),
    machine: { cpus: cpus().length, node: process.version, load: loadavg().map((l) => Math.round(l * 100) / 100) },
    rows: results,
    passed,
    failed: results.length - passed,
  });
  // Rows over budget are the report's business; the exit code says whether every row was measured.
  return results.some((r) => r.error) ? 1 : 0;
}

void main().then((code) => (process.exitCode = code));
