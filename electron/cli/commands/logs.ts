/**
 * `logs`: a whole log — a file, stdin, or a device through adb — as a timeline of calls: every request
 * and response paired by requestId, each request with the verdict `verify` gives it at its log time,
 * and the session findings. Exit 0 nothing is an error, 1 an error-level verdict or session finding,
 * 2 unreadable input or bad usage. `--follow` reads on (a growing file, the device) until Ctrl-C.
 */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { LogFeed, parseZoneOffset, sessionHasErrors, type LogItem } from '../../../shared/logs';
import { givenKeyCandidate, windowKeySet, type KeySet } from '../../core/candidates';
import { describeEnd, pickDevice, readLogFile, readLogStream, SessionJudge, startLogcat } from '../../core/logs';
import type { CliContext } from '../context';
import { EXIT, usageError } from '../errors';
import { TimelinePrinter } from '../logs-output';
import { wantsJson, type RegisterCommand } from './shared';

interface LogsOptions {
  follow?: boolean;
  adb?: boolean;
  serial?: string;
  tz?: string;
  year?: string;
  publicKey?: string;
}

/** With --follow, rows are printed at most this often while lines keep arriving. */
const FOLLOW_PRINT_MS = 150;

export const registerLogsCommand: RegisterCommand = (program, { ctx, exit }) => {
  program
    .command('logs')
    .description(
      'read a whole log (logcat threadtime, time or brief, or plain text): every request and response, paired by requestId, each request with the verdict verify gives it at its log time, then the session findings. Exit 0 no error, 1 an error verdict or session finding, 2 unreadable input',
    )
    .argument('[file]', 'the log file, or - for stdin')
    .option('--follow', 'keep reading as the file or the device logs more, until Ctrl-C')
    .option('--adb', 'read a connected Android device through "adb logcat" (without --follow: what it holds now)')
    .option('--serial <serial>', 'the device to read, as "adb devices" lists it (default: the only one connected)')
    .option('--tz <offset>', "the device's UTC offset, e.g. +05:30 (default: the one that fits the requests' timestamps)")
    .option('--year <year>', 'the year of the log times, which logcat does not print (default: the requests’ year)')
    .option('--public-key <file>', 'public key (or certificate) to verify with, instead of the vault')
    .action(async (file: string | undefined, options: LogsOptions, command: Command) => {
      const settings = readSettings(file, options);
      const keys = options.publicKey ? await fileKeys(ctx, options.publicKey) : await windowKeySet(await ctx.vault(), undefined);
      const judge = new SessionJudge(keys, { now: ctx.io.now, ...settings.judge, verifyWhileReading: !options.follow });
      const printer = new TimelinePrinter(ctx.io, wantsJson(command));
      const abort = new AbortController();
      const unsubscribe = options.follow ? ctx.io.onInterrupt?.(() => abort.abort()) : undefined;
      const notes: string[] = [];
      let timer: ReturnType<typeof setTimeout> | undefined;
      const onItems = (items: LogItem[]) => {
        judge.add(items);
        if (options.follow && items.length && !timer) {
          timer = setTimeout(() => {
            timer = undefined;
            printer.update(judge.session());
          }, FOLLOW_PRINT_MS);
        }
      };
      const progress = ctx.io.interactive && !options.follow ? progressLine(ctx) : undefined;
      let feed: LogFeed;
      try {
        if (options.adb) {
          const device = await pickDevice(ctx.io.env, options.serial);
          feed = new LogFeed(`adb logcat (${device.serial})`);
          const logcat = startLogcat(device.serial, ctx.io.env, { dump: !options.follow });
          abort.signal.addEventListener('abort', () => logcat.stop(), { once: true });
          await readLogStream(logcat.stdout, feed, { onItems, signal: abort.signal });
          const end = await logcat.ended;
          if (end.spawnError) throw end.spawnError;
          if (!end.stopped && (options.follow || end.code !== 0)) notes.push(describeEnd(device.serial, end, feed.notes.lines));
        } else if (settings.file === '-') {
          feed = new LogFeed('stdin');
          const stream = ctx.io.stdinStream?.() ?? oneChunk(ctx.io.readStdin());
          await readLogStream(stream, feed, { onItems, signal: abort.signal });
        } else {
          const path = resolve(ctx.io.cwd, settings.file);
          feed = new LogFeed(path);
          await readLogFile(path, feed, { onItems, signal: abort.signal, follow: options.follow === true, onNote: (n) => notes.push(n), ...(progress ? { onProgress: progress } : {}) });
        }
      } finally {
        clearTimeout(timer);
        unsubscribe?.();
        if (progress) ctx.io.stderr('\r\u001b[K');
      }
      await judge.settle();
      const session = judge.session();
      printer.update(session);
      printer.summary(session, feed.notes, notes);
      exit(sessionHasErrors(session) ? EXIT.invalid : EXIT.ok);
    });
};

function readSettings(file: string | undefined, options: LogsOptions): { file: string; judge: { zoneOffsetMs?: number; year?: number } } {
  if (options.adb && file !== undefined) throw usageError(`logs reads either a file or a device: drop "${file}" or --adb.`, { fix: 'Pass a file (or - for stdin), or --adb [--serial S], not both.' });
  if (!options.adb && file === undefined) throw usageError('logs needs a log: a file, - for stdin, or --adb for a connected device.', { fix: 'Run "upi-inspector logs log.txt", "adb logcat | upi-inspector logs - --follow" or "upi-inspector logs --adb --follow".' });
  if (options.serial !== undefined && !options.adb) throw usageError('--serial chooses the device for --adb: add --adb.', { field: 'serial' });
  const judge: { zoneOffsetMs?: number; year?: number } = {};
  if (options.tz !== undefined) {
    const offset = parseZoneOffset(options.tz);
    if (offset === undefined) throw usageError(`--tz takes a UTC offset such as +05:30 or -03:00, not "${options.tz}".`, { field: 'tz', fix: 'Pass the device’s offset from UTC (India: +05:30), or leave --tz out to infer it.' });
    judge.zoneOffsetMs = offset;
  }
  if (options.year !== undefined) {
    if (!/^20\d\d$/.test(options.year)) throw usageError(`--year takes a year such as 2026, not "${options.year}".`, { field: 'year' });
    judge.year = Number(options.year);
  }
  return { file: file ?? '', judge };
}

async function fileKeys(ctx: CliContext, file: string): Promise<KeySet> {
  const text = await ctx.readInput(file, 'public key file');
  return { candidates: [await givenKeyCandidate(text, 'file', file)] };
}

async function* oneChunk(text: Promise<string>): AsyncIterable<string> {
  yield await text;
}

/** "reading 45% (90 MB of 200 MB)" on one terminal line, at most a few times a second. */
function progressLine(ctx: CliContext): (p: { bytes: number; total?: number }) => void {
  let last = 0;
  const mb = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;
  return (p) => {
    const now = Date.now();
    if (now - last < 200 || !p.total) return;
    last = now;
    ctx.io.stderr(`\rreading ${Math.floor((100 * p.bytes) / p.total)}% (${mb(p.bytes)} of ${mb(p.total)})\u001b[K`);
  };
}
