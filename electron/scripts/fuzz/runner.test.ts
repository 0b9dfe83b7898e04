/**
 * `npm run fuzz` itself: a short run reports its figures (cases, those through the browser host, crashes,
 * hangs, 5xx) and exits 0; a saved case replays (--replay), and a file that is no saved case is refused.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeCorpus } from './corpus';

const root = resolve(__dirname, '../../..');
const work = mkdtempSync(join(tmpdir(), 'upi-fuzz-runner-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function fuzz(...args: string[]) {
  return spawnSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'electron/scripts/fuzz.ts'), ...args], { cwd: work, encoding: 'utf8', timeout: 120_000 });
}

describe('npm run fuzz', () => {
  it('a short run prints its figures and finds nothing', () => {
    const run = fuzz('--cases', '250', '--sample-every', '10', '--seed', '7');
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^fuzz \(seed 7\): 250 cases \(25 also through the browser host\) in \d+ s: 0 crashes, 0 hangs, 0 5xx answers\n$/);
    expect(run.status).toBe(0);
  }, 120_000);

  it('replays a saved case, through its target and the browser host', async () => {
    const corpus = await makeCorpus();
    const file = join(work, 'case.json');
    writeFileSync(file, JSON.stringify({ kind: 'crash', target: 'verify', seed: 1, index: 2, error: 'Error: as saved', ms: 3, input: corpus.requests[0], corpus: corpus.data }));
    const run = fuzz('--replay', file);
    expect(run.stdout).toMatch(/^replaying crash of verify \(seed 1, case 2\), \d+ characters: Error: as saved\npasses now: \d+ ms, the browser host answered 200\n$/);
    expect(run.status).toBe(0);
    writeFileSync(file, JSON.stringify({ target: 'nothing' }));
    expect(fuzz('--replay', file).status).toBe(2);
  }, 120_000);
});
