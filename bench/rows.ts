/** The bench's rows, as issue 15 lists them: what is measured, its baseline and its budget. */
import type { RowSpec } from './report';

export const ROWS: RowSpec[] = [
  { id: 'core-sign', name: 'core sign, one thread', unit: 'signs/s', baselineIs: 'node:crypto.sign, same key', budget: { kind: 'ratio-min', limit: 0.9 } },
  { id: 'cli-batch', name: 'CLI sign --batch FILE.jsonl', unit: 'signs/s', baselineIs: 'openssl speed -multi <cores> rsa2048', budget: { kind: 'ratio-min', limit: 0.7 } },
  { id: 'cli-sign', name: 'CLI one sign, built bin', unit: 'ms', baselineIs: 'node -e 0', budget: { kind: 'ratio-max', limit: 1.5 } },
  { id: 'keystroke', name: 'keystroke → signed preview painted, p95', unit: 'ms', baselineIs: '—', budget: { kind: 'max', limit: 50 } },
  { id: 'paste-10k', name: '10k-account response, Ctrl+V → first account row painted', unit: 'ms', baselineIs: 'JSON.parse in the page', budget: { kind: 'max', limit: 300 } },
  { id: 'file-10k', name: '10k-account response, opened from a file → first account row painted', unit: 'ms', baselineIs: 'file.text() + JSON.parse', budget: { kind: 'max', limit: 300 } },
  { id: 'scroll-longest', name: 'scroll the 10k accounts table end to end: longest frame', unit: 'ms', baselineIs: 'a plain list, same page', budget: { kind: 'max', limit: 50 } },
  { id: 'scroll-p50', name: 'scroll the 10k accounts table end to end: frame p50', unit: 'ms', baselineIs: 'a plain list, same page', budget: { kind: 'max', limit: 17 } },
  { id: 'heap-10k', name: 'JS heap after the 10k response', unit: 'MB', baselineIs: 'the text + JSON.parse result', budget: { kind: 'ratio-max', limit: 2.5 } },
  { id: 'cold-start', name: 'cold start → nav painted', unit: 'ms', baselineIs: 'React hello world, same nav', budget: { kind: 'ratio-max', limit: 1.3 } },
  { id: 'renderer-js', name: 'renderer JS for the first screen, gzip (others on demand)', unit: 'KB', baselineIs: 'React hello world', budget: { kind: 'max', limit: 110 } },
  { id: 'history-search', name: 'history search over 10,000 entries, p95', unit: 'ms', baselineIs: '—', budget: { kind: 'max', limit: 50 } },
  { id: 'log-read', name: 'log reading, 200 MB logcat', unit: 'MB/s', baselineIs: 'plain Node line-by-line read', budget: { kind: 'ratio-min', limit: 0.5 } },
];
