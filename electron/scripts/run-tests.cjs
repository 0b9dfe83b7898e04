// @ts-check
/**
 * `npm test`: every check, in order — typecheck, lint, build, unit tests (Vitest; they include the bench
 * once at tiny sizes), e2e (Playwright).
 * Neither runner prints a line CI reads, so this totals their JSON reports into one closing line,
 * `N passed, N failed`, and writes it to .test-summary too. A step that fails (typecheck, lint, build)
 * counts as one failure; later steps still run where they can, so one run shows everything broken.
 */
const { spawnSync } = require('node:child_process');
const { existsSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..', '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const vitestReport = join(root, '.vitest-results.json');
const playwrightReport = join(root, '.playwright-results.json');

let passed = 0;
let failed = 0;
let skipped = 0;
const failures = [];

function step(name, command, args, env = {}) {
  process.stdout.write(`\n▶ ${name}\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = result.status === 0;
  if (!ok) failures.push(name);
  return ok;
}

function checkStep(name, command, args) {
  if (step(name, command, args)) passed += 1;
  else failed += 1;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

rmSync(vitestReport, { force: true });
rmSync(playwrightReport, { force: true });

checkStep('typecheck (electron + shared)', bin('tsc'), ['-p', 'electron/tsconfig.json']);
checkStep('typecheck (e2e)', bin('tsc'), ['-p', 'e2e/tsconfig.json']);
checkStep('typecheck (renderer + shared)', bin('tsc'), ['-p', 'renderer/tsconfig.json']);
checkStep('typecheck (bench)', bin('tsc'), ['-p', 'bench/tsconfig.json']);
checkStep('lint (and the house arrows)', bin('eslint'), ['-c', 'electron/eslint.config.mjs', '.']);
const bundled = step('build (electron-vite)', bin('electron-vite'), ['build', '-c', 'electron/electron.vite.config.ts', '--logLevel', 'warn']);
// upi-inspector/node's declarations (package.json exports), as `npm run build` writes them.
const built = bundled && step('build (upi-inspector/node types)', bin('tsc'), ['-p', 'electron/node/tsconfig.json']);
if (built) passed += 1;
else failed += 1;

const unitOk = step('unit tests (Vitest)', bin('vitest'), ['run', '--config', 'electron/vitest.config.mts', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`]);
const unit = readJson(vitestReport);
if (unit) {
  passed += unit.numPassedTests ?? 0;
  failed += unit.numFailedTests ?? 0;
  skipped += (unit.numPendingTests ?? 0) + (unit.numTodoTests ?? 0);
  // A suite that failed to load has no tests to count; count it so it cannot pass silently.
  if (!unitOk && (unit.numFailedTests ?? 0) === 0) failed += Math.max(1, unit.numFailedTestSuites ?? 0);
} else {
  failed += 1;
}

if (built) {
  const e2eOk = step('e2e (Playwright)', bin('playwright'), ['test', '-c', 'e2e/playwright.config.ts']);
  const e2e = readJson(playwrightReport);
  if (e2e && e2e.stats) {
    passed += e2e.stats.expected ?? 0;
    failed += (e2e.stats.unexpected ?? 0) + (e2e.stats.flaky ?? 0);
    skipped += e2e.stats.skipped ?? 0;
    if (!e2eOk && (e2e.stats.unexpected ?? 0) === 0) failed += 1;
  } else {
    failed += 1;
  }
} else {
  failures.push('e2e (Playwright): not run, the build failed');
  failed += 1;
}

const summary = `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
writeFileSync(join(root, '.test-summary'), summary + '\n');
if (failures.length) process.stdout.write(`\nFailed steps: ${failures.join('; ')}\n`);
process.stdout.write(`\n${summary}\n`);
process.exit(failed === 0 && existsSync(root) ? 0 : 1);
