/**
 * `logs --adb --follow` as a process, with a fake adb first on PATH printing a scripted logcat a few
 * lines at a time: rows appear while the device is still logging, Ctrl-C (SIGINT) ends it with the
 * summary, and a device that disconnects ends it with a message, keeping its rows.
 */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LogSession } from '../../shared/logs';
import { fakeAdb } from '../core/__fixtures__/fake-adb';
import { makeLog, mixedPlan } from '../core/__fixtures__/logcat';
import { cliWorkspace } from './__fixtures__/run-cli';

const root = resolve(__dirname, '../..');
const { write } = cliWorkspace('upi-cli-logs-adb-');
const log = makeLog(mixedPlan());
const pub = write('merchant.pub.pem', log.publicKeyPem);
const EMULATOR = 'emulator-5554\tdevice model:Pixel_7';

function runLogs(env: Record<string, string>, args: string[]) {
  const child = spawn(join(root, 'node_modules/.bin/tsx'), [join(root, 'electron/cli/index.ts'), 'logs', '--adb', '--follow', '--public-key', pub, '--json', ...args], {
    cwd: root,
    env: { ...env, UPI_INSPECTOR_PASSPHRASE: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out = { stdout: '', stderr: '', rowTimes: [] as number[] };
  child.stdout.on('data', (d: Buffer) => {
    out.stdout += d.toString();
    for (const l of d.toString().split('\n')) if (l.startsWith('{"type":"call"')) out.rowTimes.push(Date.now());
  });
  child.stderr.on('data', (d: Buffer) => (out.stderr += d.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return { child, out, exited };
}

const calls = (stdout: string) =>
  stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as { type: string; id?: string; counts: LogSession['counts']; notes?: string[] });

describe('logs --adb --follow', () => {
  it('prints rows as the device logs them, and the summary at Ctrl-C', async () => {
    const adb = fakeAdb({ devices: [EMULATOR], lines: log.lines, linesPerBurst: 15, pauseSeconds: 0.4, end: 'wait' });
    const { child, out, exited } = runLogs(adb.env, []);
    await expect.poll(() => out.rowTimes.length, { timeout: 20_000, interval: 50 }).toBeGreaterThanOrEqual(3);
    // The first rows came while the scripted device was still logging: not all at once at the end.
    const firstThree = calls(out.stdout).filter((o) => o.type === 'call').length;
    expect(firstThree).toBeLessThan(log.expected.requests + log.expected.responseOnly);
    await expect.poll(() => new Set(calls(out.stdout).map((o) => o.id)).size, { timeout: 20_000, interval: 100 }).toBe(log.expected.requests + log.expected.responseOnly);
    expect(out.rowTimes.at(-1)! - out.rowTimes[0]!).toBeGreaterThan(1000);
    child.kill('SIGINT');
    expect(await exited).toBe(1); // two requests in the script have error verdicts
    const summary = calls(out.stdout).at(-1)!;
    expect(summary).toMatchObject({ type: 'summary', counts: { requests: log.expected.requests, paired: log.expected.paired } });
    expect(out.stderr).toBe('');
  }, 40_000);

  it('a device that disconnects ends the run with a message; the rows read are kept', async () => {
    const adb = fakeAdb({ devices: [EMULATOR], lines: log.lines.slice(0, 20), linesPerBurst: 10, pauseSeconds: 0.1, end: 'disconnect' });
    const { out, exited } = runLogs(adb.env, ['--serial', 'emulator-5554']);
    await exited;
    const summary = calls(out.stdout).at(-1)!;
    expect(summary.type).toBe('summary');
    expect(summary.counts.requests).toBeGreaterThan(0);
    expect(summary.notes).toEqual([expect.stringMatching(/^The device emulator-5554 disconnected or adb stopped \(error: device offline\); the 20 lines read before are kept\.$/)]);
  }, 40_000);
});
