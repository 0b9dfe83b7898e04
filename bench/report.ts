/**
 * The bench's rows: each figure beside a baseline measured in the same run, the ratio, the budget and
 * PASS/FAIL; printed as one table and written as JSON.
 */
import { writeFileSync } from 'node:fs';
import { round } from './stats';

/**
 * How a row passes: `max` (the figure at most `limit`), `ratio-max` (figure ÷ baseline at most
 * `limit`: times), `ratio-min` (figure ÷ baseline at least `limit`: throughputs).
 */
export interface Budget {
  kind: 'max' | 'ratio-max' | 'ratio-min';
  limit: number;
}

export interface Measured {
  figure: number;
  /** null where the row has no baseline (—). */
  baseline: number | null;
  /** Medians of this many runs (or this many samples, for percentiles). */
  runs: number;
  /** Anything that must hold besides the budget (e.g. other screens load on demand); false fails the row. */
  holds?: boolean;
  note?: string;
  /** Every run's figure (or every sample), for the JSON; the table shows the median. */
  samples?: number[];
}

export interface RowSpec {
  id: string;
  /** The row as the issue names it. */
  name: string;
  unit: string;
  /** What the baseline is, in words. */
  baselineIs: string;
  budget: Budget;
}

export interface RowResult extends RowSpec {
  figure: number | null;
  baseline: number | null;
  ratio: number | null;
  budgetText: string;
  pass: boolean;
  runs: number;
  note?: string;
  samples?: number[];
  error?: string;
}

export function budgetText(b: Budget, unit: string): string {
  if (b.kind === 'max') return `≤ ${b.limit} ${unit}`;
  return `${b.kind === 'ratio-max' ? '≤' : '≥'} ${b.limit}×`;
}

export function judge(spec: RowSpec, m: Measured): RowResult {
  const ratio = m.baseline !== null && m.baseline > 0 ? m.figure / m.baseline : null;
  const within =
    spec.budget.kind === 'max'
      ? m.figure <= spec.budget.limit
      : ratio !== null && (spec.budget.kind === 'ratio-max' ? ratio <= spec.budget.limit : ratio >= spec.budget.limit);
  return {
    ...spec,
    figure: m.figure,
    baseline: m.baseline,
    ratio: ratio === null ? null : round(ratio, 2),
    budgetText: budgetText(spec.budget, spec.unit),
    pass: Number.isFinite(m.figure) && within && m.holds !== false,
    runs: m.runs,
    ...(m.note ? { note: m.note } : {}),
    ...(m.samples ? { samples: m.samples.map((v) => round(v, 1)) } : {}),
  };
}

export function failed(spec: RowSpec, error: unknown): RowResult {
  const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
  return { ...spec, figure: null, baseline: null, ratio: null, budgetText: budgetText(spec.budget, spec.unit), pass: false, runs: 0, error: message };
}

function cell(value: number | null, unit: string): string {
  if (value === null) return '—';
  return `${value >= 100 ? Math.round(value).toLocaleString('en-US') : round(value, value >= 10 ? 1 : 2)} ${unit}`;
}

/** The table, one row per line, columns padded. */
export function formatTable(rows: RowResult[]): string {
  const head = ['row', 'figure', 'baseline', 'ratio', 'budget', 'result'];
  const body = rows.map((r) => [
    r.name,
    r.error ? `error: ${r.error}` : cell(r.figure, r.unit),
    r.baseline === null ? '—' : `${cell(r.baseline, r.unit)} (${r.baselineIs})`,
    r.ratio === null ? '—' : `${r.ratio}×`,
    r.budgetText,
    r.pass ? 'PASS' : 'FAIL',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(' │ ').trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('─┼─');
  const notes = rows.filter((r) => r.note).map((r) => `  ${r.name}: ${r.note}`);
  return [line(head), rule, ...body.map(line), ...(notes.length ? ['', 'notes:', ...notes] : [])].join('\n');
}

export interface BenchReport {
  size: 'full' | 'tiny';
  at: string;
  machine: { cpus: number; node: string; load: number[] };
  rows: RowResult[];
  passed: number;
  failed: number;
}

export function writeReport(path: string, report: BenchReport): void {
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
}
