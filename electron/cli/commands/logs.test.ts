import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeLog, mixedPlan } from '../../core/__fixtures__/logcat';
import { fakeAdb, noAdbEnv } from '../../core/__fixtures__/fake-adb';
import { cliWorkspace, expectOneLineError } from '../__fixtures__/run-cli';
import type { LogSession, SessionCall } from '../../../shared/logs';
import type { CliIo } from '../io';
import { runCli } from '../program';

const { cli, write, dir, vaultEnv } = cliWorkspace('upi-cli-logs-');
const log = makeLog(mixedPlan());
const clean = makeLog({ calls: [{ shape: 'one-line' }, { shape: 'escaped' }, { shape: 'pretty' }], noise: 3, skewMs: 20_000 });
const files = {
  mixed: write('mixed.log', log.text),
  clean: write('clean.log', clean.text),
  pub: write('merchant.pub.pem', log.publicKeyPem),
  binary: write('bugreport.zip', Buffer.from([0x50, 0x4b, 3, 4, 20, 0, 8, 0]).toString('latin1')),
};
const lines = (text: string) => text.trimEnd().split('\n');
/** A line of `logs --json`: a call, or the summary. */
type Printed = { type: 'call' | 'summary'; id: string; lines?: number; notes?: string[] } & Partial<Omit<SessionCall, 'id'>> & Partial<Omit<LogSession, 'calls'>>;
const jsonLines = (text: string) => lines(text).map((l) => JSON.parse(l) as Printed);

describe('logs FILE', () => {
  it('prints one row per call with its verdict, status and skew, then the session findings; exit 1 on an error verdict', async () => {
    const run = await cli(['logs', files.mixed, '--public-key', files.pub]);
    expect(run.code).toBe(1);
    const out = lines(run.stdout);
    expect(out[0]).toMatch(/^TIME +LINE +ACTION +REQUEST ID +MERCHANT +KID +VERDICT +STATUS +ERROR +SKEW$/);
    const rows = out.slice(1, out.indexOf(''));
    expect(rows).toHaveLength(log.expected.requests + log.expected.responseOnly);
    expect(rows.filter((r) => / valid +LINKED .*device 2 minutes ahead$/.test(r))).toHaveLength(3);
    expect(rows.filter((r) => /signature\.invalid/.test(r))).toHaveLength(1);
    expect(rows.filter((r) => / no response /.test(r))).toHaveLength(log.expected.requestOnly);
    expect(rows.filter((r) => /FAILURE +JP_007/.test(r))).toHaveLength(1);
    expect(run.stdout).toContain(`${log.lines.length} lines read: ${log.expected.requests} requests, ${log.expected.responses} responses; ${log.expected.paired} paired`);
    expect(run.stdout).toMatch(/WARN +session\.clock-skew[\s\S]*2 minutes ahead/);
    expect(run.stdout).toMatch(/WARN +session\.unclosed/);
  });

  it('exits 0 when no call has an error verdict and no session finding is an error', async () => {
    const run = await cli(['logs', files.clean, '--public-key', files.pub]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  it('--json: one object per call, then a summary; each verdict is the one verify gives at the log time', async () => {
    const run = await cli(['logs', files.mixed, '--public-key', files.pub, '--json']);
    const objects = jsonLines(run.stdout);
    const summary = objects.pop()!;
    expect(summary).toMatchObject({ type: 'summary', counts: { requests: log.expected.requests, paired: log.expected.paired }, zoneOffsetMs: 5.5 * 3600_000, lines: log.lines.length });
    expect(summary.findings!.map((f) => f.id)).toContain('session.clock-skew');
    const withRequests = objects.filter((o) => o.request);
    expect(withRequests).toHaveLength(log.expected.requests);
    for (const call of withRequests) {
      const request = call.request!;
      const text = log.lines.slice(request.line - 1, request.lastLine).join('\n');
      const verified = await cli(['verify', '-', '--public-key', files.pub, '--now', String(request.loggedAtMs), '--json'], { stdin: text });
      const verdict = JSON.parse(verified.stdout);
      expect(request.verdict, `line ${request.line}`).toEqual({ valid: verdict.valid, tone: verdict.summary.tone, headline: verdict.summary.headline, ...(verdict.cause ? { cause: verdict.cause } : {}) });
    }
  });

  it('reads stdin (-), and the vault’s keys when no --public-key is given', async () => {
    const env = vaultEnv('vault-logs');
    expect((await cli(['keys', 'import', files.pub, '--kid', log.kid, '--label', 'merchant'], { env })).code).toBe(0);
    const run = await cli(['logs', '-', '--json'], { stdin: log.text, env });
    const calls = jsonLines(run.stdout).filter((o) => o.type === 'call' && o.request);
    expect(calls.filter((c) => c.request!.verdict.valid === true)).toHaveLength(log.expected.verdicts.valid!);
    expect(calls.find((c) => c.request!.verdict.valid === true)!.request!.verdict.headline).toMatch(/"merchant"/);
  });

  it('--tz sets the device zone instead of inferring it; the skew is what is left', async () => {
    const run = await cli(['logs', files.clean, '--public-key', files.pub, '--json', '--tz', '+05:00']);
    const objects = jsonLines(run.stdout);
    expect(objects.at(-1)).toMatchObject({ zoneOffsetMs: 5 * 3600_000 });
    expect(objects.find((o) => o.request)!.skewMs).toBe(30 * 60_000 + 20_000 + 800);
  });
});

describe('logs: bad input', () => {
  it('a binary file, a missing file, a bad --tz, both a file and --adb, nothing at all: exit 2 with one line', async () => {
    expectOneLineError(await cli(['logs', files.binary, '--public-key', files.pub]), 'log_not_text', /bugreport\.zip cannot be read as a log: it is a zip archive.*Unzip it/);
    expectOneLineError(await cli(['logs', join(dir, 'nope.log'), '--public-key', files.pub]), 'log_read_failed', /nope\.log: no such file/);
    expectOneLineError(await cli(['logs', files.mixed, '--tz', 'IST', '--public-key', files.pub]), 'invalid_usage', /--tz takes a UTC offset such as \+05:30/);
    expectOneLineError(await cli(['logs', files.mixed, '--adb']), 'invalid_usage', /either a file or a device/);
    expectOneLineError(await cli(['logs']), 'invalid_usage', /logs needs a log: a file, - for stdin, or --adb/);
  });

  it('--adb reads what the device holds (logcat -d) and exits with the verdicts’ code', async () => {
    const adb = fakeAdb({ devices: ['emulator-5554\tdevice', 'R58M123ABC\tunauthorized'], lines: log.lines, linesPerBurst: 1000, end: 'exit' });
    const run = await cli(['logs', '--adb', '--public-key', files.pub, '--json'], { env: adb.env });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    expect(jsonLines(run.stdout).at(-1)).toMatchObject({ type: 'summary', counts: { requests: log.expected.requests }, notes: [] });
    const unauthorized = await cli(['logs', '--adb', '--serial', 'R58M123ABC', '--public-key', files.pub], { env: adb.env });
    expectOneLineError(unauthorized, 'device_unavailable', /The device R58M123ABC is unauthorized, not ready\. Run "adb devices" and pass --serial/);
  });

  it('--adb without adb installed says how to install it', async () => {
    const run = await cli(['logs', '--adb', '--public-key', files.pub], { env: noAdbEnv() });
    expectOneLineError(run, 'adb_missing', /no "adb" command on PATH.*sudo apt-get install adb.*platform-tools/);
  });
});

describe('logs FILE --follow', () => {
  it('prints rows as the file grows, and the summary at Ctrl-C', async () => {
    const path = join(dir, 'growing.log');
    const half = log.lines.findIndex((l) => l.includes('Signer'));
    writeFileSync(path, `${log.lines.slice(0, half).join('\n')}\n`);
    let stdout = '';
    let interrupt: () => void = () => undefined;
    const io: CliIo = {
      stdout: (t) => void (stdout += t),
      stderr: () => undefined,
      env: {},
      interactive: false,
      cwd: dir,
      readStdin: async () => '',
      promptHidden: async () => '',
      now: () => Date.UTC(2027, 0, 1),
      randomUUID: () => 'u',
      onInterrupt: (handler) => {
        interrupt = handler;
        return () => undefined;
      },
    };
    const running = runCli(['logs', path, '--follow', '--public-key', files.pub, '--json'], io);
    await expect.poll(() => jsonLines(stdout || '{}').filter((o) => o.type === 'call').length, { timeout: 10_000 }).toBe(3);
    appendFileSync(path, `${log.lines.slice(half).join('\n')}\n`);
    await expect.poll(() => new Set(jsonLines(stdout).map((o) => o.id)).size, { timeout: 10_000 }).toBe(log.expected.requests + log.expected.responseOnly);
    interrupt();
    expect(await running).toBe(1);
    expect(jsonLines(stdout).at(-1)).toMatchObject({ type: 'summary', counts: { requests: log.expected.requests } });
  });
});
