/**
 * `npm run bench` runs and writes every row: the whole bench once at tiny sizes (its timings mean
 * nothing at these sizes, so none is asserted). The budgets themselves are `npm run bench`'s business.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { ensureBuild, repoRoot } from '../electron/test/build-output';
import type { BenchReport } from './report';
import { ROWS } from './rows';

const dir = mkdtempSync(join(tmpdir(), 'upi-bench-tiny-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('measures every row of the table beside its baseline and writes them all to the JSON', { timeout: 600_000 }, () => {
  ensureBuild();
  const out = join(dir, 'results.json');
  const run = spawnSync(process.execPath, [join(repoRoot, 'node_modules/tsx/dist/cli.mjs'), join(repoRoot, 'bench/index.ts'), '--tiny', '--out', out], { cwd: repoRoot, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  const report = JSON.parse(readFileSync(out, 'utf8')) as BenchReport;
  expect(report.size).toBe('tiny');
  expect(report.rows.map((r) => r.id)).toEqual(ROWS.map((r) => r.id));
  for (const row of report.rows) {
    expect(row.error, row.name).toBeUndefined();
    expect(Number.isFinite(row.figure), `${row.name}: a figure`).toBe(true);
    expect(row.budgetText, row.name).not.toBe('');
    if (row.baselineIs !== '—') expect(Number.isFinite(row.baseline) && row.baseline! > 0, `${row.name}: a baseline`).toBe(true);
  }
  // The table names every row and says PASS or FAIL for each.
  for (const spec of ROWS) expect(run.stdout).toContain(spec.name);
  expect(run.stdout.match(/│ (PASS|FAIL)$/gm)).toHaveLength(ROWS.length);
});
